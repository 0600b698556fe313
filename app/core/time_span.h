#pragma once
// A span of time [from, to), UTC: when hpascope watched a scope (the recorder's coverage), or a
// gap in a report's range.
#include <QDateTime>
#include <QString>

#include <vector>

namespace hpascope {

struct TimeSpan {
    QDateTime from;
    QDateTime to;
    qint64 ms() const { return from.msecsTo(to); }
    bool contains(const QDateTime &t) const { return from <= t && t <= to; }
    bool operator==(const TimeSpan &) const = default;
};

// A live HPA watch of one namespace ("" = every namespace) from `from` until at least `to`.
struct WatchedSpan {
    QString namespaceName;
    QDateTime from;
    QDateTime to;
};

// Sorted by start, overlapping or touching spans joined, empty ones dropped.
std::vector<TimeSpan> mergedSpans(std::vector<TimeSpan> spans);
// When namespace `ns` was watched: its own spans and those of watches of every namespace, merged.
std::vector<TimeSpan> coverageOf(const std::vector<WatchedSpan> &watched, const QString &ns);
// The parts of [from, to] no span covers, oldest first.
std::vector<TimeSpan> uncovered(const std::vector<TimeSpan> &covered, const QDateTime &from, const QDateTime &to);
// Whether one span holds both moments (a <= b): nothing between them went unseen.
bool coveredTogether(const std::vector<TimeSpan> &covered, const QDateTime &a, const QDateTime &b);

} // namespace hpascope
