#include "app/core/report/report_text.h"
#include "app/core/hpa_format.h"

#include "app/core/report/report_chart.h"

namespace hpascope::report {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

using Kind = ReportBlock::Kind;

ReportBlock block(Kind kind, QString text)
{
    ReportBlock b;
    b.kind = kind;
    b.text = std::move(text);
    return b;
}

ReportBlock tableBlock(QStringList header, std::vector<QStringList> rows, const TextOptions &options,
                       std::vector<int> widths = {})
{
    ReportBlock b;
    b.table.widths = std::move(widths);
    b.kind = Kind::Table;
    b.table.header = std::move(header);
    if (options.maxRows > 0 && int(rows.size()) > options.maxRows) {
        const int more = int(rows.size()) - options.maxRows;
        rows.resize(std::size_t(options.maxRows));
        b.table.omitted = Tr::tr("… %n more row(s) in the PDF and HTML reports", nullptr, more);
    }
    b.table.rows = std::move(rows);
    return b;
}

QString share(qint64 part, qint64 whole, bool withPrometheus = false)
{
    if (whole <= 0)
        return durationText(part);
    const QString percent = QString::number(100.0 * double(part) / double(whole), 'f', 1);
    if (withPrometheus)
        return Tr::tr("%1 (%2 % of the time recorded by hpascope or Prometheus)").arg(durationText(part)).arg(percent);
    return Tr::tr("%1 (%2 % of the recorded time)").arg(durationText(part)).arg(percent);
}

// The header's row about Prometheus, when it was asked.
std::optional<QStringList> prometheusRow(const ReportData &d)
{
    const auto &p = d.request.prometheus;
    if (!p)
        return std::nullopt;
    const QString where = p->where.isEmpty() ? Tr::tr("Prometheus") : p->where;
    if (!p->series)
        return QStringList{Tr::tr("Prometheus"), Tr::tr("Not read from Prometheus (%1): %2. This report has hpascope's own history only.")
                                                 .arg(where, p->error)};
    QString text = Tr::tr("From Prometheus (%1) where hpascope was not watching: %2")
                       .arg(where, durationText(d.summary.prometheusMs));
    if (p->stepSeconds > 0)
        text += QLatin1Char('\n') + Tr::tr("read at a %1 step").arg(durationText(p->stepSeconds * 1000));
    for (const QString &note : p->series->notes)
        text += QLatin1Char('\n') + note;
    return QStringList{Tr::tr("Prometheus"), text};
}

QString offsetText(const QDateTime &t)
{
    const int secs = t.toLocalTime().offsetFromUtc();
    const QChar sign = secs < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int a = std::abs(secs);
    return QStringLiteral("UTC%1%2:%3").arg(sign).arg(a / 3600, 2, 10, QLatin1Char('0')).arg((a % 3600) / 60, 2, 10, QLatin1Char('0'));
}

void header(const ReportData &d, std::vector<ReportBlock> &out, const TextOptions &o)
{
    const ReportRequest &r = d.request;
    out.push_back(block(Kind::Title, Tr::tr("HPA report: %1/%2").arg(r.namespaceName, r.name)));
    QStringList gapLines;
    for (const TimeSpan &g : d.gaps)
        gapLines << Tr::tr("%1 – %2 (%3): hpascope recorded nothing").arg(timeText(g.from), timeText(g.to), durationText(g.ms()));
    std::vector<QStringList> rows{
        {Tr::tr("Context"), r.context.isEmpty() ? Tr::tr("(none)") : r.context},
        {Tr::tr("API server"), r.redactServer ? Tr::tr("(redacted)") : r.server},
        {Tr::tr("HPA"), d.config.scaleTarget.isEmpty() ? QStringLiteral("%1/%2").arg(r.namespaceName, r.name)
                                                   : Tr::tr("%1/%2, scaling %3").arg(r.namespaceName, r.name, d.config.scaleTarget)},
        {Tr::tr("Time range"), Tr::tr("%1 – %2 (%3), times in %4")
                               .arg(timeText(r.from), timeText(r.to), durationText(r.from.msecsTo(r.to)), offsetText(r.from))},
        {Tr::tr("Data gaps"), gapLines.isEmpty() ? Tr::tr("none recorded") : gapLines.join(QLatin1Char('\n'))},
    };
    if (auto row = prometheusRow(d))
        rows.push_back(std::move(*row));
    rows.push_back({Tr::tr("Made"), Tr::tr("%1 by hpascope %2").arg(timeText(r.now), r.version)});
    out.push_back(tableBlock({}, std::move(rows), o));
    if (d.coverageKnown)
        out.push_back(block(Kind::Note, Tr::tr("Data gaps are the times hpascope was not watching this namespace live "
                                           "(not running, not connected, or reconnecting).")));
    else
        out.push_back(block(Kind::Note, Tr::tr("This history predates hpascope's record of when it watched: between two "
                                           "recorded statuses the earlier one is taken to hold.")));
}

void summary(const ReportData &d, std::vector<ReportBlock> &out, const TextOptions &o)
{
    const ReportSummary &s = d.summary;
    out.push_back(block(Kind::Heading, Tr::tr("Summary")));
    const QString when = s.live ? Tr::tr("now") : Tr::tr("as last recorded");
    const bool withPrometheus = s.prometheusMs > 0;
    const qint64 known = s.coveredMs + s.prometheusMs;
    std::vector<QStringList> rows{
        {Tr::tr("Replicas (%1)").arg(when), Tr::tr("current %1, desired %2, min %3, max %4")
                                            .arg(s.currentReplicas).arg(s.desiredReplicas).arg(s.minReplicas).arg(s.maxReplicas)},
        {Tr::tr("Scale-ups / scale-downs"), Tr::tr("%1 / %2 (SuccessfulRescale events)").arg(s.scaleUps).arg(s.scaleDowns)},
        {Tr::tr("Time at maxReplicas"), share(s.atMaxMs, known, withPrometheus)},
        {Tr::tr("Time at minReplicas"), share(s.atMinMs, known, withPrometheus)},
        {Tr::tr("Time with metrics unavailable"), share(s.metricsUnavailableMs, s.coveredMs)},
        {Tr::tr("Direction changes (flapping)"), Tr::tr("%1 (%2 per hour)").arg(s.directionChanges).arg(QString::number(s.directionChangesPerHour, 'f', 2))},
        {Tr::tr("Recorded time"), durationText(s.coveredMs)},
    };
    if (withPrometheus)
        rows.push_back({Tr::tr("From Prometheus"), durationText(s.prometheusMs)});
    out.push_back(tableBlock({}, std::move(rows), o));
    if (withPrometheus)
        out.push_back(block(Kind::Note, Tr::tr("The times at maxReplicas and minReplicas include Prometheus' part; the "
                                           "scale-ups and scale-downs are the SuccessfulRescale events hpascope "
                                           "recorded, and the time with metrics unavailable is hpascope's own. Where "
                                           "hpascope was not watching, Prometheus' desired replicas rose: %1, fell: %2.")
                                        .arg(s.prometheusRises).arg(s.prometheusFalls)));
}

void charts(const ReportData &d, std::vector<ReportBlock> &out)
{
    out.push_back(block(Kind::Heading, Tr::tr("Charts")));
    const int n = 1 + int(d.tracks.size());
    for (int i = 0; i < n; ++i) {
        ReportBlock b = block(Kind::Chart, {});
        b.chart = i;
        out.push_back(std::move(b));
    }
    out.push_back(block(Kind::Note, Tr::tr("Hatched: not recorded. Marks \"3→5\" are SuccessfulRescale events; "
                                       "a dashed mark is a scale-down. Where they are too dense to tell apart, each "
                                       "is a tick along the top (a scale-down's half as long).")));
    if (!d.fromPrometheus.empty())
        out.push_back(block(Kind::Note, Tr::tr("Tinted: from Prometheus (%1), where hpascope was not watching; its lines "
                                           "are lighter and dash-dot, \"… (Prometheus)\" in the legends. Where both "
                                           "have history, hpascope's own is drawn.")
                                        .arg(d.request.prometheus->where)));
}

void decisions(const ReportData &d, std::vector<ReportBlock> &out, const TextOptions &o)
{
    out.push_back(block(Kind::Heading, Tr::tr("Scale decisions")));
    if (d.decisions.empty()) {
        out.push_back(block(Kind::Paragraph, Tr::tr("No SuccessfulRescale event was recorded in this range.")));
    } else {
        std::vector<QStringList> rows;
        for (const ReportDecision &x : d.decisions) {
            QString change = (x.from ? QString::number(*x.from) : QStringLiteral("?")) + QStringLiteral(" → ") + QString::number(x.to);
            if (x.count > 1)
                change += Tr::tr(" (×%1)").arg(x.count);
            rows.push_back({timeText(x.time), change, x.reason, x.account});
        }
        out.push_back(tableBlock({Tr::tr("Time"), Tr::tr("From → to"), Tr::tr("Reason (event)"), Tr::tr("Account (recorded metrics)")},
                                 std::move(rows), o, {20, 11, 21, 48}));
    }
    if (!d.request.explanation.isEmpty()) {
        out.push_back(block(Kind::Heading, Tr::tr("Why, now (hpascope's explainer)")));
        for (const QString &sentence : d.request.explanation)
            out.push_back(block(Kind::Paragraph, sentence));
    }
}

void configuration(const ReportData &d, std::vector<ReportBlock> &out, const TextOptions &o)
{
    const ReportConfig &c = d.config;
    out.push_back(block(Kind::Heading, Tr::tr("Effective configuration")));
    if (!c.fromHpa)
        out.push_back(block(Kind::Note, Tr::tr("The HPA was not available (not connected, or deleted): the targets below "
                                           "are the last recorded ones and its behavior is not known.")));
    std::vector<QStringList> metrics;
    for (const ReportMetricConfig &m : c.metrics)
        metrics.push_back({m.name, m.type, m.target});
    out.push_back(tableBlock({Tr::tr("Metric"), Tr::tr("Type"), Tr::tr("Target")}, std::move(metrics), o));
    if (c.behavior) {
        out.push_back(block(Kind::Paragraph, c.behavior->summary));
        std::vector<QStringList> rows;
        for (const EffectiveRulesText *r : {&c.behavior->scaleUp, &c.behavior->scaleDown})
            rows.push_back({r->direction, r->window, r->select, r->policyText, r->tolerance});
        out.push_back(tableBlock({Tr::tr("Direction"), Tr::tr("Stabilization window"), Tr::tr("Select policy"), Tr::tr("Policies"), Tr::tr("Tolerance")},
                                 std::move(rows), o));
    }
    out.push_back(tableBlock({}, {{Tr::tr("--horizontal-pod-autoscaler-sync-period"), c.syncPeriod},
                                  {Tr::tr("--horizontal-pod-autoscaler-downscale-stabilization"), c.downscaleStabilization},
                                  {Tr::tr("--horizontal-pod-autoscaler-tolerance"), c.tolerance},
                                  {Tr::tr("Controller flags from"), c.flagsSource}},
                             o));
}

void history(const ReportData &d, std::vector<ReportBlock> &out, const TextOptions &o)
{
    out.push_back(block(Kind::Heading, Tr::tr("Metric pushes from hpascope")));
    if (d.pushes.empty()) {
        out.push_back(block(Kind::Paragraph, Tr::tr("No metric push was recorded for this HPA's metrics in this range.")));
    } else {
        std::vector<QStringList> rows;
        for (const MetricPushRecord &p : d.pushes)
            rows.push_back({timeText(p.time), p.object, p.metric, p.value, p.ok ? Tr::tr("written") : Tr::tr("failed: %1").arg(p.error)});
        out.push_back(tableBlock({Tr::tr("Time"), Tr::tr("Object"), Tr::tr("Metric"), Tr::tr("Value"), Tr::tr("Result")}, std::move(rows), o));
    }
    out.push_back(block(Kind::Heading, Tr::tr("Condition changes")));
    if (d.conditions.empty()) {
        out.push_back(block(Kind::Paragraph, Tr::tr("No condition of the HPA was recorded in this range.")));
    } else {
        // The first row of each type is its state at the range's start (or when first seen).
        std::vector<QStringList> rows;
        for (const ConditionRecord &c : d.conditions)
            rows.push_back({timeText(c.time), c.type, c.status, c.reason, c.message,
                            c.since.isValid() ? timeText(c.since) : QString()});
        out.push_back(tableBlock({Tr::tr("Seen"), Tr::tr("Type"), Tr::tr("Status"), Tr::tr("Reason"), Tr::tr("Message"), Tr::tr("Since")},
                                 std::move(rows), o, {15, 13, 8, 22, 27, 15}));
    }

    out.push_back(block(Kind::Heading, Tr::tr("Events")));
    if (d.events.empty()) {
        out.push_back(block(Kind::Paragraph, Tr::tr("No event of the HPA or its target was recorded in this range.")));
        return;
    }
    std::vector<QStringList> rows;
    for (const EventRecord &e : d.events)
        rows.push_back({timeText(e.when()), e.type, e.reason, e.objectText(), e.message, QString::number(e.count)});
    out.push_back(tableBlock({Tr::tr("Last seen"), Tr::tr("Type"), Tr::tr("Reason"), Tr::tr("Object"), Tr::tr("Message"), Tr::tr("Count")},
                             std::move(rows), o, {20, 8, 15, 17, 32, 8}));
}

} // namespace

QString timeText(const QDateTime &t)
{
    return format::dateTime(t);
}

std::vector<ReportBlock> reportBlocks(const ReportData &data, const TextOptions &options)
{
    std::vector<ReportBlock> out;
    header(data, out, options);
    summary(data, out, options);
    charts(data, out);
    decisions(data, out, options);
    configuration(data, out, options);
    history(data, out, options);
    return out;
}

} // namespace hpascope::report
