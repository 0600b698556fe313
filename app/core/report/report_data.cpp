#include "app/core/report/report_data.h"

#include "app/core/explainer_text.h"
#include "app/core/hpa_detail_metrics.h"
#include "app/core/hpa_format.h"
#include "app/core/recorder.h"
#include "app/core/report/report_analysis.h"
#include "app/core/report/report_prometheus.h"
#include "kube/hpa/behavior.h"
#include "kube/hpa/explainer.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace hpascope {

namespace {

QString secondsText(std::chrono::seconds s)
{
    return ReportGatherer::tr("%1 s").arg(s.count());
}

QString flagsSourceText(kube::hpa::ConfigSource source)
{
    switch (source) {
    case kube::hpa::ConfigSource::Assumed:
        return ReportGatherer::tr("assumed: Kubernetes' defaults (nothing told hpascope otherwise)");
    case kube::hpa::ConfigSource::Set:
        return ReportGatherer::tr("set for this context in hpascope (Controller flags…)");
    case kube::hpa::ConfigSource::Published:
        return ReportGatherer::tr("published by the cluster (ConfigMap kube-system/hpascope-controller-flags)");
    case kube::hpa::ConfigSource::Simulator:
        return ReportGatherer::tr("the demo cluster's simulated controller");
    }
    return {};
}

ReportConfig configOf(const ReportRequest &r, const std::vector<HpaSample> &samples)
{
    ReportConfig c;
    c.syncPeriod = secondsText(r.controller.syncPeriod);
    c.downscaleStabilization = secondsText(r.controller.downscaleStabilization);
    c.tolerance = ReportGatherer::tr("%1 %").arg(QString::number(r.controller.tolerance * 100, 'g', 4));
    c.flagsSource = flagsSourceText(r.controllerSource);
    if (r.hpa) {
        c.fromHpa = true;
        c.scaleTarget = format::scaleTarget(*r.hpa);
        for (const MetricRow &row : metricRows(*r.hpa))
            c.metrics.push_back({row.name, row.sourceType, row.target});
        c.behavior = describeBehavior(*r.hpa, r.controller);
        return c;
    }
    if (!samples.empty())
        for (const MetricSampleValue &m : samples.back().metrics)
            c.metrics.push_back({m.name, QString(), m.targetText});
    return c;
}

} // namespace

std::vector<ReportMetricTrack> metricTracksOf(const std::vector<HpaSample> &samples)
{
    std::vector<ReportMetricTrack> tracks;
    QSet<QString> seen;
    for (const HpaSample &s : samples)
        for (const MetricSampleValue &m : s.metrics)
            if (!seen.contains(m.identity)) {
                seen.insert(m.identity);
                tracks.push_back({m.identity, m.name});
            }
    return tracks;
}

QString durationText(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return ReportGatherer::tr("%1 s").arg(s);
    if (s < 3600)
        return ReportGatherer::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return ReportGatherer::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QStringList explainNow(const kube::api::HorizontalPodAutoscaler &hpa, const kube::hpa::ControllerConfig &config,
                       kube::hpa::ConfigSource source, const QDateTime &now)
{
    kube::hpa::ExplainInputs inputs;
    inputs.configSource = source;
    const auto ex = kube::hpa::explain(hpa, config, inputs, format::toKubeTime(now));
    QStringList out;
    for (const auto &sentence : ex.sentences)
        out << explainerText(sentence);
    return out;
}

ReportData ReportGatherer::build(ReportRequest request, std::vector<HpaSample> samples, std::vector<EventRecord> events,
                                 std::vector<MetricPushRecord> pushes)
{
    ReportData d;
    // The last sample before the range holds at its start; older ones say nothing more.
    const auto firstIn = std::find_if(samples.begin(), samples.end(),
                                      [&](const HpaSample &s) { return s.time >= request.from; });
    if (firstIn != samples.begin()) {
        auto carried = std::prev(firstIn);
        carried->time = request.from;
        samples.erase(samples.begin(), carried);
    }
    samples.erase(std::find_if(samples.begin(), samples.end(), [&](const HpaSample &s) { return s.time > request.to; }),
                  samples.end());
    std::sort(events.begin(), events.end(), [](const EventRecord &a, const EventRecord &b) { return newerFirst(b, a); });

    d.tracks = metricTracksOf(samples);
    // Pushes of the namespace that wrote one of this HPA's metrics.
    QSet<QString> metricNames;
    for (const ReportMetricTrack &t : d.tracks)
        metricNames.insert(t.name.section(QLatin1Char(' '), 0, 0));
    std::erase_if(pushes, [&](const MetricPushRecord &p) { return !metricNames.isEmpty() && !metricNames.contains(p.metric); });

    report::Tolerance tolerance{request.controller.tolerance, request.controller.tolerance};
    if (request.hpa) {
        const auto t = kube::hpa::tolerancesForHpa(*request.hpa, request.controller);
        tolerance = {t.scaleUp, t.scaleDown};
    }
    d.gaps = report::gapsOf(request, samples);
    d.decisions = report::decisionsOf(events, samples, request.name, tolerance);
    d.config = configOf(request, samples);
    d.request = std::move(request);
    d.samples = std::move(samples);
    d.events = std::move(events);
    d.pushes = std::move(pushes);
    d.fromPrometheus = report::prometheusSpans(d);
    report::addPrometheusTracks(d);
    report::decisionsFromPrometheus(d);
    d.summary = report::summarize(d);
    report::summarizePrometheus(d, d.summary);
    return d;
}

QString ReportGatherer::notRecorded(const QString &namespaceName, const QString &name, const QDateTime &from,
                                   const QDateTime &to)
{
    const QLocale locale;
    return tr("hpascope has not recorded %1/%2 between %3 and %4")
        .arg(namespaceName, name, locale.toString(from.toLocalTime(), QLocale::ShortFormat),
             locale.toString(to.toLocalTime(), QLocale::ShortFormat));
}

std::optional<ReportData> ReportGatherer::gather(const Recorder &recorder, const ReportRequest &request, QString *error)
{
    auto samples = recorder.loadSamples(request.namespaceName, request.name,
                                        request.from.addSecs(-kCarryInLookbackSecs), request.to);
    // A sample from before the range alone proves nothing about the range unless hpascope is
    // watching now (the recorder does not know when it stopped watching).
    const bool inRange = std::any_of(samples.begin(), samples.end(), [&](const HpaSample &s) { return s.time >= request.from; });
    const bool fromPrometheus = request.prometheus && request.prometheus->series && !request.prometheus->series->empty();
    if (!inRange && !(request.hpa && !samples.empty()) && !fromPrometheus) {
        if (error)
            *error = notRecorded(request.namespaceName, request.name, request.from, request.to);
        return std::nullopt;
    }
    EventFilter filter;
    filter.namespaceName = request.namespaceName;
    filter.hpaName = request.name;
    if (request.hpa)
        filter = EventFilter::forHpa(request.hpa->spec, request.namespaceName, request.name);
    auto events = recorder.loadEvents(filter, request.from, request.to);
    auto pushes = recorder.loadPushes(request.namespaceName, request.from, request.to);
    ReportRequest withGaps = request;
    // What no recorded watch covers was not seen (a database older than coverage has none).
    const auto watched = recorder.loadWatched(request.namespaceName, request.from, request.to);
    if (!watched.empty())
        for (const TimeSpan &gap : uncovered(watched, request.from, request.to))
            withGaps.knownGaps.push_back(gap);
    ReportData d = build(std::move(withGaps), std::move(samples), std::move(events), std::move(pushes));
    d.coverageKnown = !watched.empty();
    d.conditions = recorder.loadConditions(request.namespaceName, request.name, request.from, request.to);
    return d;
}

} // namespace hpascope
