#include "app/core/report/report_prometheus.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace hpascope::report {

namespace {

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// Milliseconds of [a, b) inside the spans.
qint64 insideMs(qint64 a, qint64 b, const std::vector<TimeSpan> &spans)
{
    qint64 ms = 0;
    for (const TimeSpan &s : spans) {
        const qint64 lo = std::max(a, s.from.toMSecsSinceEpoch());
        const qint64 hi = std::min(b, s.to.toMSecsSinceEpoch());
        if (lo < hi)
            ms += hi - lo;
    }
    return ms;
}

} // namespace

std::optional<double> valueAt(const std::vector<TimedValue> &series, qint64 t)
{
    const auto it = std::upper_bound(series.begin(), series.end(), t,
                                     [](qint64 v, const TimedValue &p) { return v < p.t; });
    if (it == series.begin() || std::isnan(std::prev(it)->v))
        return std::nullopt;
    return std::prev(it)->v;
}

std::vector<std::pair<std::size_t, std::size_t>> knownRuns(const std::vector<TimedValue> &series)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < series.size();) {
        if (std::isnan(series[i].v)) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < series.size() && !std::isnan(series[end].v))
            ++end;
        out.emplace_back(i, end);
        i = end;
    }
    return out;
}

std::vector<TimeSpan> knownSpans(const std::vector<TimedValue> &series, qint64 fromMs, qint64 toMs)
{
    std::vector<TimeSpan> out;
    for (const auto &[begin, end] : knownRuns(series)) {
        const qint64 a = std::max(series[begin].t, fromMs);
        const qint64 b = std::min(end < series.size() ? series[end].t : toMs, toMs);
        if (a < b)
            out.push_back({utc(a), utc(b)});
    }
    return out;
}

std::vector<TimeSpan> prometheusSpans(const ReportData &d)
{
    const auto &p = d.request.prometheus;
    if (!p || !p->series)
        return {};
    const qint64 from = d.request.from.toMSecsSinceEpoch(), to = d.request.to.toMSecsSinceEpoch();
    std::vector<TimeSpan> out;
    for (const TimeSpan &known : knownSpans(p->series->current, from, to))
        for (const TimeSpan &gap : d.gaps) {
            const QDateTime a = std::max(known.from, gap.from), b = std::min(known.to, gap.to);
            if (a < b)
                out.push_back({a, b});
        }
    return mergedSpans(std::move(out));
}

void addPrometheusTracks(ReportData &d)
{
    const auto &p = d.request.prometheus;
    if (!p || !p->series)
        return;
    QSet<QString> seen;
    for (const ReportMetricTrack &t : d.tracks)
        seen.insert(t.identity);
    for (const PrometheusMetricSeries &m : p->series->metrics)
        if (!seen.contains(m.identity) && (!m.current.empty() || !m.target.empty())) {
            seen.insert(m.identity);
            d.tracks.push_back({m.identity, m.name});
        }
}

void decisionsFromPrometheus(ReportData &d)
{
    const auto &p = d.request.prometheus;
    if (!p || !p->series)
        return;
    const std::vector<TimedValue> &desired = p->series->desired;
    for (ReportDecision &dec : d.decisions) {
        if (dec.from)
            continue;
        // As with the samples: the last desired count before the event's second ended that is
        // not the new size (Prometheus scrapes kube-state-metrics some seconds late).
        const qint64 before = dec.time.toMSecsSinceEpoch() + 1000;
        auto it = std::lower_bound(desired.begin(), desired.end(), before,
                                   [](const TimedValue &v, qint64 t) { return v.t < t; });
        while (it != desired.begin()) {
            --it;
            if (std::isnan(it->v))
                break;
            if (int(it->v) != dec.to) {
                dec.from = int(it->v);
                break;
            }
        }
    }
}

void summarizePrometheus(const ReportData &d, ReportSummary &s)
{
    const auto &p = d.request.prometheus;
    if (!p || !p->series || d.fromPrometheus.empty())
        return;
    const PrometheusHpaSeries &series = *p->series;
    if (!s.live && d.samples.empty()) {
        // Nothing recorded by hpascope: the replicas as Prometheus last had them.
        const auto last = [](const std::vector<TimedValue> &v) {
            for (auto it = v.rbegin(); it != v.rend(); ++it)
                if (!std::isnan(it->v))
                    return int(it->v);
            return 0;
        };
        s.currentReplicas = last(series.current);
        s.desiredReplicas = last(series.desired);
        s.minReplicas = last(series.min);
        s.maxReplicas = last(series.max);
    }
    for (const TimeSpan &span : d.fromPrometheus)
        s.prometheusMs += span.ms();
    // The steps of current, min and max together: each interval between two changes of any.
    std::vector<qint64> cuts;
    for (const auto *v : {&series.current, &series.min, &series.max})
        for (const TimedValue &x : *v)
            cuts.push_back(x.t);
    for (const TimeSpan &span : d.fromPrometheus) {
        cuts.push_back(span.from.toMSecsSinceEpoch());
        cuts.push_back(span.to.toMSecsSinceEpoch());
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const qint64 ms = insideMs(cuts[i], cuts[i + 1], d.fromPrometheus);
        if (ms <= 0)
            continue;
        const auto current = valueAt(series.current, cuts[i]);
        const auto lo = valueAt(series.min, cuts[i]);
        const auto hi = valueAt(series.max, cuts[i]);
        if (current && hi && *hi > 0 && *current >= *hi)
            s.atMaxMs += ms;
        if (current && lo && *current <= *lo)
            s.atMinMs += ms;
    }
    for (std::size_t i = 1; i < series.desired.size(); ++i) {
        const TimedValue &a = series.desired[i - 1], &b = series.desired[i];
        if (std::isnan(a.v) || std::isnan(b.v) || insideMs(b.t, b.t + 1, d.fromPrometheus) == 0)
            continue;
        (b.v > a.v ? s.prometheusRises : s.prometheusFalls) += 1;
    }
}

} // namespace hpascope::report
