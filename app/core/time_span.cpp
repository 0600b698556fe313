#include "app/core/time_span.h"

#include <algorithm>

namespace hpascope {

std::vector<TimeSpan> mergedSpans(std::vector<TimeSpan> spans)
{
    std::sort(spans.begin(), spans.end(), [](const TimeSpan &a, const TimeSpan &b) { return a.from < b.from; });
    std::vector<TimeSpan> out;
    for (const TimeSpan &s : spans) {
        if (s.ms() <= 0)
            continue;
        if (!out.empty() && s.from <= out.back().to)
            out.back().to = std::max(out.back().to, s.to);
        else
            out.push_back(s);
    }
    return out;
}

std::vector<TimeSpan> coverageOf(const std::vector<WatchedSpan> &watched, const QString &ns)
{
    std::vector<TimeSpan> spans;
    for (const WatchedSpan &w : watched)
        if (w.namespaceName.isEmpty() || w.namespaceName == ns)
            spans.push_back({w.from, w.to});
    return mergedSpans(std::move(spans));
}

std::vector<TimeSpan> uncovered(const std::vector<TimeSpan> &covered, const QDateTime &from, const QDateTime &to)
{
    std::vector<TimeSpan> out;
    QDateTime cursor = from;
    for (const TimeSpan &c : covered) { // merged: sorted and disjoint
        if (c.to <= cursor)
            continue;
        if (c.from >= to)
            break;
        if (c.from > cursor)
            out.push_back({cursor, c.from});
        cursor = std::max(cursor, c.to);
    }
    if (cursor < to)
        out.push_back({cursor, to});
    return out;
}

bool coveredTogether(const std::vector<TimeSpan> &covered, const QDateTime &a, const QDateTime &b)
{
    const auto it = std::upper_bound(covered.begin(), covered.end(), a,
                                     [](const QDateTime &t, const TimeSpan &s) { return t < s.from; });
    return it != covered.begin() && std::prev(it)->contains(a) && std::prev(it)->contains(b);
}

} // namespace hpascope
