#include "app/core/segment_clip.h"

#include <algorithm>

namespace hpascope {

namespace {

// Sorted, disjoint spans.
QList<XSpan> merged(QList<XSpan> spans)
{
    std::sort(spans.begin(), spans.end());
    QList<XSpan> out;
    for (const XSpan &s : spans) {
        if (!out.isEmpty() && s.first <= out.last().second)
            out.last().second = std::max(out.last().second, s.second);
        else
            out.append(s);
    }
    return out;
}

QPointF at(const QPointF &a, const QPointF &b, double x)
{
    if (b.x() == a.x())
        return {x, b.y()};
    const double f = (x - a.x()) / (b.x() - a.x());
    return {x, a.y() + f * (b.y() - a.y())};
}

// The index of the span holding x, or -1.
qsizetype spanOf(const QList<XSpan> &spans, double x)
{
    const auto it = std::upper_bound(spans.begin(), spans.end(), x,
                                     [](double v, const XSpan &s) { return v < s.first; });
    if (it == spans.begin())
        return -1;
    const qsizetype i = (it - spans.begin()) - 1;
    return x <= spans[i].second ? i : -1;
}

void clipOne(const Polyline &line, const QList<XSpan> &spans, QList<Polyline> &out)
{
    Polyline current;
    const auto flush = [&] {
        if (current.size() >= 2 || (current.size() == 1 && line.size() == 1))
            out.append(current);
        current.clear();
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QPointF &p = line[i];
        if (i > 0) {
            // The edges of spans strictly between the previous point and this one.
            const QPointF &prev = line[i - 1];
            const auto first = std::lower_bound(spans.begin(), spans.end(), prev.x(),
                                                [](const XSpan &s, double v) { return s.second < v; });
            for (auto s = first; s != spans.end() && s->first <= p.x(); ++s) {
                if (s->first > prev.x()) { // entering the span: the line stops at its edge
                    current.append(at(prev, p, s->first));
                    flush();
                }
                if (s->second < p.x()) // leaving it: the line starts again at its far edge
                    current.append(at(prev, p, s->second));
            }
        }
        if (spanOf(spans, p.x()) < 0)
            current.append(p);
    }
    flush();
}

} // namespace

QList<XSpan> xSpansOf(const QList<Polyline> &polylines)
{
    QList<XSpan> out;
    for (const Polyline &line : polylines) {
        if (!line.isEmpty())
            out.append({line.first().x(), line.last().x()});
    }
    return out;
}

QList<Polyline> clipOutside(const QList<Polyline> &polylines, QList<XSpan> spans)
{
    if (spans.isEmpty())
        return polylines;
    spans = merged(std::move(spans));
    QList<Polyline> out;
    for (const Polyline &line : polylines)
        clipOne(line, spans, out);
    return out;
}

} // namespace hpascope
