#include "app/core/report/report_polyline.h"

#include <QPaintEngine>
#include <QPainter>

#include <algorithm>

namespace hpascope::report {

namespace {

constexpr qsizetype kPiece = 64; // segments per piece: 16 to 64 measured alike, 256 twice as slow

} // namespace

void drawLongPolyline(QPainter &painter, const QPolygonF &line)
{
    const QPaintEngine *engine = painter.paintEngine();
    if (!engine || engine->type() != QPaintEngine::Raster || line.size() <= kPiece + 1) {
        painter.drawPolyline(line);
        return;
    }
    QPen pen = painter.pen();
    const double base = pen.dashOffset();
    const double unit = pen.widthF() > 0 ? pen.widthF() : 1; // dash offsets count pen widths
    double along = 0;                                           // the line's length to the piece's start
    for (qsizetype start = 0;;) {
        const qsizetype end = std::min(start + kPiece, line.size() - 1);
        pen.setDashOffset(base + along / unit);
        painter.setPen(pen);
        painter.drawPolyline(line.constData() + start, int(end - start + 1));
        if (end == line.size() - 1)
            break;
        // The next piece starts one segment back, so that it draws the join at `end`.
        for (qsizetype i = start; i < end - 1; ++i)
            along += QLineF(line[i], line[i + 1]).length();
        start = end - 1;
    }
    pen.setDashOffset(base);
    painter.setPen(pen);
}

} // namespace hpascope::report
