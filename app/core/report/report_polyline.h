#pragma once
// A long polyline (a day's series: thousands of vertices) drawn fast on an image as well as on
// paper. Qt's raster engine fills an antialiased stroke's outline in time that grows much faster
// than its length: a day's 4000-vertex metric line took 140 ms on a 300 dpi PNG, in pieces of
// 64 vertices 18 ms. So on the raster engine the line goes in overlapping pieces, each joined
// to the last and carrying its dash pattern on where the last left it, so it looks the same;
// a vector device (PDF, SVG) gets the path whole.
#include <QPolygonF>

class QPainter;

namespace hpascope::report {

// With the painter's pen.
void drawLongPolyline(QPainter &painter, const QPolygonF &line);

} // namespace hpascope::report
