// The charts' series from a report's samples: steps decimated with M4 to the columns a printed
// chart can show, broken where the history has a gap or a value is unknown.
#include "app/core/m4.h"
#include "app/core/report/report_chart.h"
#include "app/core/report/report_prometheus.h"
#include "app/core/segment_clip.h"

#include <cmath>
#include <limits>

namespace hpascope::report {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

// Print colours: dark enough to read on paper, told apart by line style in black and white.
const QColor kInk(0x22, 0x22, 0x22);
const QColor kBlue(0x1f, 0x5f, 0xb4);
const QColor kRed(0xb0, 0x30, 0x20);
const QColor kGrey(0x80, 0x80, 0x80);

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

// Every series the charts draw, read in one pass over the samples: the replicas' min, max,
// desired and current, then each metric track's target and current. A gap's start is a point
// of every series with no value (NaN), which ends its line there.
enum ReplicaSeries { kMin, kMax, kDesired, kCurrent, kReplicaSeries };

std::vector<std::vector<TimedValue>> seriesOf(const ReportData &d)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::vector<TimedValue>> series(kReplicaSeries + 2 * d.tracks.size());
    for (auto &s : series)
        s.reserve(d.samples.size() + d.gaps.size());
    const auto gap = [&](const TimeSpan &g) {
        for (auto &s : series)
            s.push_back({ms(g.from), nan});
    };
    std::size_t gi = 0;
    for (const HpaSample &s : d.samples) {
        for (; gi < d.gaps.size() && d.gaps[gi].from <= s.time; ++gi)
            gap(d.gaps[gi]);
        const qint64 t = ms(s.time);
        series[kMin].push_back({t, double(s.minReplicas)});
        series[kMax].push_back({t, double(s.maxReplicas)});
        series[kDesired].push_back({t, double(s.desiredReplicas)});
        series[kCurrent].push_back({t, double(s.currentReplicas)});
        for (std::size_t k = 0; k < d.tracks.size(); ++k) {
            // The sample's metrics are mostly in the tracks' order: look there first.
            const MetricSampleValue *m = k < s.metrics.size() && s.metrics[k].identity == d.tracks[k].identity
                                             ? &s.metrics[k]
                                             : nullptr;
            for (std::size_t j = 0; !m && j < s.metrics.size(); ++j)
                if (s.metrics[j].identity == d.tracks[k].identity)
                    m = &s.metrics[j];
            series[kReplicaSeries + 2 * k].push_back({t, m && m->target ? *m->target : nan});
            series[kReplicaSeries + 2 * k + 1].push_back({t, m && m->current ? *m->current : nan});
        }
    }
    for (; gi < d.gaps.size(); ++gi)
        gap(d.gaps[gi]);
    return series;
}

// A series as steps decimated with M4, one line per run of known values.
QList<QList<QPointF>> stepSegments(const ReportData &d, const std::vector<TimedValue> &pts, int columns)
{
    const qint64 t0 = ms(d.request.from);
    const qint64 t1 = ms(d.request.to);
    QList<QList<QPointF>> out;
    for (const auto &[begin, end] : knownRuns(pts)) {
        const qint64 holdUntil = end < pts.size() ? pts[end].t : t1;
        QList<QPointF> seg;
        m4::appendSegment(pts.data() + begin, qsizetype(end - begin), Interpolation::Step, holdUntil, t0, t1, columns,
                          seg);
        if (!seg.isEmpty())
            out.push_back(std::move(seg));
    }
    return out;
}

ChartLine line(QString label, QList<QList<QPointF>> segments, ChartLine::Style style, QColor color, double width)
{
    ChartLine l;
    l.label = std::move(label);
    l.segments = std::move(segments);
    l.style = style;
    l.color = color;
    l.width = width;
    return l;
}

ChartData frame(const ReportData &d, QString title)
{
    ChartData c;
    c.title = std::move(title);
    c.fromMs = ms(d.request.from);
    c.toMs = ms(d.request.to);
    // Hatched only where Prometheus does not fill in either.
    for (const TimeSpan &g : d.gaps)
        for (const TimeSpan &open : uncovered(d.fromPrometheus, g.from, g.to))
            c.gaps.emplace_back(ms(open.from), ms(open.to));
    for (const TimeSpan &p : d.fromPrometheus)
        c.prometheus.emplace_back(ms(p.from), ms(p.to));
    return c;
}

// A line's colour half way to white: Prometheus' lines, lighter than hpascope's own (as the
// window's "… (Prometheus)" traces), and dash-dot.
QColor faded(const QColor &c)
{
    const auto mix = [](int v) { return v + (255 - v) * 45 / 100; };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

const PrometheusHpaSeries *prometheusOf(const ReportData &d)
{
    const auto &p = d.request.prometheus;
    return p && p->series ? &*p->series : nullptr;
}

// Prometheus' version of `local`, drawn only outside local's own lines (local samples win);
// nothing when nothing is left.
void addPrometheusLine(const ReportData &d, ChartData &c, const ChartLine &local, const std::vector<TimedValue> &series,
                       int columns, QString label = {})
{
    if (series.empty())
        return;
    QList<QList<QPointF>> segments = clipOutside(stepSegments(d, series, columns), xSpansOf(local.segments));
    if (segments.isEmpty())
        return;
    if (label.isEmpty())
        label = Tr::tr("%1 (Prometheus)", "a report chart line whose history came from Prometheus").arg(local.label);
    c.lines.push_back(line(std::move(label), std::move(segments), ChartLine::Style::DashDot, faded(local.color),
                           local.width * 0.85));
}

// Where hpascope recorded nothing of the range and Prometheus drew, the first `local` lines
// (hpascope's own, empty) leave the legend to Prometheus' lines.
void hideEmptyLocal(ChartData &c, std::size_t local)
{
    if (c.lines.size() <= local)
        return;
    for (std::size_t i = 0; i < local; ++i)
        if (c.lines[i].segments.isEmpty())
            c.lines[i].inLegend = false;
}

using Series = std::vector<std::vector<TimedValue>>;

ChartData replicaChart(const ReportData &d, const Series &series, int columns)
{
    ChartData c = frame(d, Tr::tr("Replicas"));
    c.integers = true;
    ChartLine lower = line(Tr::tr("min"), stepSegments(d, series[kMin], columns), ChartLine::Style::Dotted, kGrey, 0.8);
    ChartLine upper = line(Tr::tr("max"), stepSegments(d, series[kMax], columns), ChartLine::Style::Dotted, kGrey, 0.8);
    c.band = std::make_pair(std::move(lower), std::move(upper));
    c.bandLabel = Tr::tr("min–max");
    c.lines.push_back(line(Tr::tr("desired"), stepSegments(d, series[kDesired], columns), ChartLine::Style::Dashed, kBlue, 1.5));
    c.lines.push_back(line(Tr::tr("current"), stepSegments(d, series[kCurrent], columns), ChartLine::Style::Solid, kInk, 1.8));
    if (const PrometheusHpaSeries *p = prometheusOf(d)) {
        const ChartLine desired = c.lines[0], current = c.lines[1];
        addPrometheusLine(d, c, desired, p->desired, columns);
        addPrometheusLine(d, c, current, p->current, columns);
        const std::size_t before = c.lines.size();
        addPrometheusLine(d, c, c.band->second, p->max, columns, Tr::tr("min–max (Prometheus)"));
        addPrometheusLine(d, c, c.band->first, p->min, columns, Tr::tr("min–max (Prometheus)"));
        if (c.lines.size() == before + 2)
            c.lines.back().inLegend = false; // one entry for the pair
        hideEmptyLocal(c, 2);
        if (c.band->first.segments.isEmpty() && c.band->second.segments.isEmpty() && c.lines.size() > 2)
            c.bandLabel.clear(); // hpascope recorded nothing: only Prometheus' entries
    }
    for (const ReportDecision &dec : d.decisions) {
        const QString from = dec.from ? QString::number(*dec.from) : QStringLiteral("?");
        c.marks.push_back({ms(dec.time), from + QStringLiteral("→") + QString::number(dec.to), !dec.isDown()});
    }
    return c;
}

ChartData metricChart(const ReportData &d, std::size_t track, const Series &series, int columns)
{
    ChartData c = frame(d, Tr::tr("%1: current and target").arg(d.tracks[track].name));
    const auto &target = series[kReplicaSeries + 2 * track];
    const auto &current = series[kReplicaSeries + 2 * track + 1];
    c.lines.push_back(line(Tr::tr("target"), stepSegments(d, target, columns), ChartLine::Style::Dashed, kRed, 1.5));
    c.lines.push_back(line(Tr::tr("current", "a metric's current value"), stepSegments(d, current, columns), ChartLine::Style::Solid, kInk, 1.8));
    if (const PrometheusHpaSeries *p = prometheusOf(d))
        for (const PrometheusMetricSeries &m : p->metrics)
            if (m.identity == d.tracks[track].identity) {
                const ChartLine localTarget = c.lines[0], localCurrent = c.lines[1];
                addPrometheusLine(d, c, localTarget, m.target, columns);
                addPrometheusLine(d, c, localCurrent, m.current, columns);
                hideEmptyLocal(c, 2);
            }
    return c;
}

} // namespace

std::vector<ChartData> chartsOf(const ReportData &data, int columns)
{
    const Series series = seriesOf(data);
    std::vector<ChartData> charts{replicaChart(data, series, columns)};
    for (std::size_t t = 0; t < data.tracks.size(); ++t)
        charts.push_back(metricChart(data, t, series, columns));
    return charts;
}

} // namespace hpascope::report
