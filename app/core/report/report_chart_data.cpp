// The charts' series from a report's samples: steps decimated with M4 to the columns a printed
// chart can show, broken where the history has a gap or a value is unknown.
#include "app/core/m4.h"
#include "app/core/report/report_chart.h"

#include <cmath>
#include <functional>
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

using Getter = std::function<std::optional<double>(const HpaSample &)>;

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QList<QList<QPointF>> stepSegments(const ReportData &d, const Getter &get, int columns)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<TimedValue> pts;
    pts.reserve(d.samples.size() + d.gaps.size());
    std::size_t gi = 0;
    for (const HpaSample &s : d.samples) {
        for (; gi < d.gaps.size() && d.gaps[gi].from <= s.time; ++gi)
            pts.push_back({ms(d.gaps[gi].from), nan});
        const auto v = get(s);
        pts.push_back({ms(s.time), v ? *v : nan});
    }
    for (; gi < d.gaps.size(); ++gi)
        pts.push_back({ms(d.gaps[gi].from), nan});

    const qint64 t0 = ms(d.request.from);
    const qint64 t1 = ms(d.request.to);
    QList<QList<QPointF>> out;
    for (std::size_t begin = 0; begin < pts.size();) {
        if (std::isnan(pts[begin].v)) {
            ++begin;
            continue;
        }
        std::size_t end = begin;
        while (end < pts.size() && !std::isnan(pts[end].v))
            ++end;
        const qint64 holdUntil = end < pts.size() ? pts[end].t : t1;
        QList<QPointF> seg;
        m4::appendSegment(pts.data() + begin, qsizetype(end - begin), Interpolation::Step, holdUntil, t0, t1, columns,
                          seg);
        if (!seg.isEmpty())
            out.push_back(std::move(seg));
        begin = end;
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
    for (const TimeSpan &g : d.gaps)
        c.gaps.emplace_back(ms(g.from), ms(g.to));
    return c;
}

const MetricSampleValue *metricOf(const HpaSample &s, const QString &identity)
{
    for (const MetricSampleValue &m : s.metrics)
        if (m.identity == identity)
            return &m;
    return nullptr;
}

} // namespace

ChartData replicaChart(const ReportData &d, int columns)
{
    ChartData c = frame(d, Tr::tr("Replicas"));
    c.integers = true;
    const auto field = [](int HpaSample::*member) {
        return Getter([member](const HpaSample &s) { return std::optional<double>(s.*member); });
    };
    ChartLine lower = line(Tr::tr("min"), stepSegments(d, field(&HpaSample::minReplicas), columns), ChartLine::Style::Dotted, kGrey, 0.8);
    ChartLine upper = line(Tr::tr("max"), stepSegments(d, field(&HpaSample::maxReplicas), columns), ChartLine::Style::Dotted, kGrey, 0.8);
    c.band = std::make_pair(std::move(lower), std::move(upper));
    c.bandLabel = Tr::tr("min–max");
    c.lines.push_back(line(Tr::tr("desired"), stepSegments(d, field(&HpaSample::desiredReplicas), columns),
                           ChartLine::Style::Dashed, kBlue, 1.5));
    c.lines.push_back(line(Tr::tr("current"), stepSegments(d, field(&HpaSample::currentReplicas), columns),
                           ChartLine::Style::Solid, kInk, 1.8));
    for (const ReportDecision &dec : d.decisions) {
        const QString from = dec.from ? QString::number(*dec.from) : QStringLiteral("?");
        c.marks.push_back({ms(dec.time), from + QStringLiteral("→") + QString::number(dec.to), !dec.isDown()});
    }
    return c;
}

ChartData metricChart(const ReportData &d, const ReportMetricTrack &track, int columns)
{
    ChartData c = frame(d, Tr::tr("%1: current and target").arg(track.name));
    const QString id = track.identity;
    const auto current = Getter([id](const HpaSample &s) -> std::optional<double> {
        const MetricSampleValue *m = metricOf(s, id);
        return m ? m->current : std::nullopt;
    });
    const auto target = Getter([id](const HpaSample &s) -> std::optional<double> {
        const MetricSampleValue *m = metricOf(s, id);
        return m ? m->target : std::nullopt;
    });
    c.lines.push_back(line(Tr::tr("target"), stepSegments(d, target, columns), ChartLine::Style::Dashed, kRed, 1.5));
    c.lines.push_back(line(Tr::tr("current", "a metric's current value"), stepSegments(d, current, columns), ChartLine::Style::Solid, kInk, 1.8));
    return c;
}

std::vector<ChartData> chartsOf(const ReportData &data, int columns)
{
    std::vector<ChartData> charts{replicaChart(data, columns)};
    for (const ReportMetricTrack &t : data.tracks)
        charts.push_back(metricChart(data, t, columns));
    return charts;
}

} // namespace hpascope::report
