#pragma once
// Where two sources draw the same series, one gives way: the parts of polylines outside given x
// spans. The charts draw Prometheus' history only where hpascope has no samples of its own
// ("local samples win where both exist"), whatever order the two arrived in.
#include <QList>
#include <QPair>
#include <QPointF>

namespace hpascope {

using Polyline = QList<QPointF>;
using XSpan = QPair<double, double>; // [first, second], first <= second

// The x extent of each polyline (an empty one has none).
QList<XSpan> xSpansOf(const QList<Polyline> &polylines);

// The parts of `polylines` outside every span. A polyline that crosses a span's edge is cut at
// that x, at the y the polyline has there; what lies inside is dropped, so one polyline may come
// out as several. Spans may overlap and come in any order. Points are in x order within a line.
QList<Polyline> clipOutside(const QList<Polyline> &polylines, QList<XSpan> spans);

} // namespace hpascope
