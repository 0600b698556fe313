#pragma once
// One HPA's history as kube-state-metrics exported it to Prometheus: replica counts, and each
// spec metric's target and current value over time, paired with the spec by KSM's metric key
// (metric_name, metric_target_type, container), never by position. No Qt.
//
// Callbacks run on the http::Client's network thread, also for refusals before sending.
#include "kube/api/hpa.h"
#include "kube/core/result.h"
#include "kube/http/client.h"
#include "kube/prometheus/endpoint.h"
#include "kube/prometheus/query.h"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kube::prometheus {

struct MetricHistory {
    std::size_t specIndex = 0; // into the spec metrics given
    // Values in hpascope's units (HpaSample): percent for Utilization targets, else the
    // quantity's value, as KSM writes them (MilliValue / 1000).
    std::vector<HistoryPoint> current, target;
};

struct HpaHistory {
    std::vector<HistoryPoint> currentReplicas, desiredReplicas, minReplicas, maxReplicas;
    std::vector<MetricHistory> metrics;  // one per spec metric that KSM names uniquely, spec order
    std::vector<std::size_t> ambiguous;  // spec metrics that share KSM's key with another
    bool hasTargetMetricStatus = false;  // false when no status_target_metric came (KSM < v2.6.0?)
    std::vector<std::string> warnings;   // Prometheus' own warnings, as sent
    std::int64_t stepS = 0;              // the query's step: points are this far apart (readHpaHistory)
};

// KSM's name for a spec metric: metric_name is .metric.name (Object, Pods, External) or the
// resource name (Resource, ContainerResource, whose container is in `container`);
// metric_target_type follows the spec's target type. Empty for a metric KSM does not export
// (unknown type, no source, no target type).
struct KsmMetricKey {
    std::string metricName;
    std::string targetType; // "utilization", "average", "value"
    std::string container;  // ContainerResource only
    auto operator<=>(const KsmMetricKey &) const = default;
    bool operator==(const KsmMetricKey &) const = default;
};
std::optional<KsmMetricKey> ksmKeyOf(const api::MetricSpec &spec);

// The one selector that returns all six families of one HPA (replica counts, spec and status
// target metrics), each series keeping __name__.
std::string hpaHistoryQuery(const std::string &ns, const std::string &name);

// The same series scraped twice (two KSM replicas, two jobs): merged by label set without the
// scrape target's labels (job, instance, pod, endpoint, service). Where both have a point at
// the same time the series with more points wins; points that only one has are kept, so a KSM
// restart under a new pod name does not cut the history. Points sorted by time.
std::vector<Series> mergeDuplicates(std::vector<Series> series);

// A query_range matrix of hpaHistoryQuery() turned into one HPA's history.
HpaHistory buildHpaHistory(std::vector<Series> matrix, const std::vector<api::MetricSpec> &specMetrics);

using HpaHistoryCallback = std::function<void(Result<HpaHistory>)>;
// One query_range over [startS, endS] (Unix seconds) with stepFor(endS - startS, minStepS).
// Errors as interpret() gives them; Kind::Invalid for endS <= startS or an empty name.
http::RequestId readHpaHistory(http::Client &client, const Endpoint &endpoint, const std::string &ns,
                               const std::string &name, std::vector<api::MetricSpec> specMetrics,
                               std::int64_t startS, std::int64_t endS, std::int64_t minStepS,
                               HpaHistoryCallback done);

struct KsmProbe {
    std::size_t hpaCount = 0;          // HPAs with a kube_horizontalpodautoscaler_info series now
    bool hasTargetMetricStatus = false; // kube_horizontalpodautoscaler_status_target_metric seen
    // Reason kReasonKsmTooOld when hasTargetMetricStatus is false: history will lack current
    // metric values. A warning for the UI, not a failure.
    std::optional<Error> warning;
};
using KsmProbeCallback = std::function<void(Result<KsmProbe>)>;
// One instant query. Errors: kReasonKsmMissing when no HPA series is there (no KSM at all, or
// one that exports no HPA), else as interpret() gives them.
http::RequestId probeKsm(http::Client &client, const Endpoint &endpoint, KsmProbeCallback done);

} // namespace kube::prometheus
