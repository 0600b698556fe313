#pragma once
// What a report says about one HPA over one time range, gathered once from the recorder's
// history (samples, events, pushes) and, when hpascope is connected, the HPA object itself.
// Plain values: the renderers (report_html.cpp, report_paged.cpp) only word and draw them.
//
// What the history cannot tell is said, not guessed: the time no recorded watch covers (and, in
// a database older than that record, the time before the HPA's first sample) is a gap.
#include "app/core/event_store.h"
#include "app/core/hpa_detail_behavior.h"
#include "app/core/hpa_sample.h"
#include "app/core/prometheus_series.h"
#include "app/core/time_span.h"
#include "app/core/recorder_worker.h"
#include "kube/api/hpa.h"
#include "kube/hpa/types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace hpascope {

class Recorder;

// What the caller knows besides the history.
struct ReportRequest {
    QString context;              // the kubeconfig context the recorder tagged the rows with
    QString server;               // the API server URL; never printed when redactServer
    bool redactServer = false;
    QString namespaceName;
    QString name;
    QDateTime from;               // UTC
    QDateTime to;                 // UTC
    QDateTime now;                // the cluster's clock when the report is made
    QString version;              // hpascope's
    // The HPA as hpascope sees it now, when connected.
    std::optional<kube::api::HorizontalPodAutoscaler> hpa;
    kube::hpa::ControllerConfig controller;
    kube::hpa::ConfigSource controllerSource = kube::hpa::ConfigSource::Assumed;
    // The explainer's sentences about the HPA now (the Why box), when the HPA is available.
    QStringList explanation;
    // Periods the caller knows hpascope was not watching (the window's own disconnections).
    std::vector<TimeSpan> knownGaps;
    // The HPA's history from the cluster's Prometheus over [from, to], when it was read
    // (PrometheusHistory::readRange, readPrometheusRange): drawn and counted where hpascope
    // recorded nothing. Without series (a failed read), the report says why.
    std::optional<PrometheusRange> prometheus;
};

// One SuccessfulRescale event, with what the samples add to it.
struct ReportDecision {
    QDateTime time;              // the event's last occurrence
    std::optional<int> from;     // the replicas before (the last recorded desired count)
    int to = 0;                  // "New size: N"
    int count = 1;               // the Event's count: identical decisions are folded into one Event
    QString reason;              // the text after "reason: "
    QString account;             // metrics against targets at that sync and what limited it
    bool isUp() const { return from && to > *from; }
    bool isDown() const { return from && to < *from; }
};

struct ReportSummary {
    bool live = false; // current/desired/min/max are the HPA's now, else the last sample's
    int minReplicas = 0;
    int maxReplicas = 0;
    int currentReplicas = 0;
    int desiredReplicas = 0;
    int scaleUps = 0;
    int scaleDowns = 0;
    qint64 coveredMs = 0;     // the range less the gaps
    qint64 atMaxMs = 0;
    qint64 atMinMs = 0;
    qint64 metricsUnavailableMs = 0;
    int directionChanges = 0; // an up after a down or a down after an up
    double directionChangesPerHour = 0;
    // Prometheus' part (ReportData::fromPrometheus): its length, and how often its desired
    // replicas rose and fell there. atMaxMs and atMinMs include it.
    qint64 prometheusMs = 0;
    int prometheusRises = 0;
    int prometheusFalls = 0;
};

struct ReportMetricConfig {
    QString name;   // "test-metric on Service/kubernetes"
    QString type;   // "Object", "Resource", ...
    QString target; // "300m", "80%"
};

struct ReportConfig {
    bool fromHpa = false; // false: the HPA was not available; metrics from the last sample
    QString scaleTarget;  // "Deployment/web"
    std::vector<ReportMetricConfig> metrics;
    std::optional<BehaviorText> behavior;
    QString syncPeriod;             // "15 s"
    QString downscaleStabilization; // "300 s"
    QString tolerance;              // "10 %"
    QString flagsSource;            // where those three came from
};

// One chart's series: the identity keys the samples' metrics.
struct ReportMetricTrack {
    QString identity;
    QString name;
};

struct ReportData {
    ReportRequest request;
    // The samples in the range, oldest first; the first may be the last one before the range
    // (its values hold at the range's start), moved to request.from.
    std::vector<HpaSample> samples;
    std::vector<TimeSpan> gaps; // unrecorded periods inside the range, oldest first
    // The gaps' parts Prometheus' history covers (request.prometheus), oldest first.
    std::vector<TimeSpan> fromPrometheus;
    bool coverageKnown = false; // the history says when hpascope watched (the gaps include when it did not)
    std::vector<EventRecord> events; // of the HPA and its target, oldest first
    std::vector<MetricPushRecord> pushes;
    // Each condition as it was at the range's start, then every change, oldest first.
    std::vector<ConditionRecord> conditions;
    std::vector<ReportDecision> decisions;
    std::vector<ReportMetricTrack> tracks;
    ReportSummary summary;
    ReportConfig config;
};

class ReportGatherer {
    Q_DECLARE_TR_FUNCTIONS(ReportGatherer)
public:
    // How far before the range a sample is looked for whose values still hold at its start:
    // the charts' longest window (SeriesStore keeps 24 h).
    static constexpr qint64 kCarryInLookbackSecs = 24 * 3600;

    // nullopt and *error ("hpascope has not recorded default/web between … and …") when the
    // history holds nothing for the HPA in or before the range, and neither does
    // request.prometheus.
    static std::optional<ReportData> gather(const Recorder &recorder, const ReportRequest &request, QString *error);
    // That error: "hpascope has not recorded default/web between … and …" (local times).
    static QString notRecorded(const QString &namespaceName, const QString &name, const QDateTime &from,
                               const QDateTime &to);
    // The history already read (tests, the benchmark's steps).
    static ReportData build(ReportRequest request, std::vector<HpaSample> samples, std::vector<EventRecord> events,
                            std::vector<MetricPushRecord> pushes);
};

// Every metric the samples hold, by identity, in the order first seen (the spec's order).
std::vector<ReportMetricTrack> metricTracksOf(const std::vector<HpaSample> &samples);
// "2 h 05 min", "45 s"
QString durationText(qint64 ms);
// The explainer's sentences about `hpa` now, for callers without a detail model (the CLI).
QStringList explainNow(const kube::api::HorizontalPodAutoscaler &hpa, const kube::hpa::ControllerConfig &config,
                       kube::hpa::ConfigSource source, const QDateTime &now);

} // namespace hpascope
