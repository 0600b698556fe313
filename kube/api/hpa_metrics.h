#pragma once
// Pairing spec.metrics with status.currentMetrics by identity (never by index: other tools that
// pair by index show wrong values for multi-metric HPAs), and short display strings.
#include "kube/api/hpa.h"

#include <compare>
#include <optional>
#include <string>
#include <vector>

namespace kube::api {

// Everything that tells two metrics of one HPA apart.
struct MetricIdentity {
    MetricSourceType type = MetricSourceType::Unknown;
    std::string metricName;   // metric.name (Object, Pods, External)
    std::string selector;     // metric.selector in selector syntax
    std::string describedApiVersion;
    std::string describedKind;
    std::string describedName;
    std::string resourceName; // Resource, ContainerResource
    std::string container;    // ContainerResource

    auto operator<=>(const MetricIdentity &) const = default;
    bool operator==(const MetricIdentity &) const = default;
    std::string toString() const;
};

MetricIdentity identityOf(const MetricSpec &spec);
MetricIdentity identityOf(const MetricStatus &status);

struct MetricPair {
    std::size_t specIndex = 0;
    MetricSpec spec;
    std::optional<std::size_t> statusIndex; // empty: no status entry for this metric (yet)
    std::optional<MetricStatus> status;
};

// One pair per spec metric, in spec order. A status entry is used at most once. Object status
// written for an AverageValue target has no describedObject, so such entries match on type,
// metric name and selector; a status entry with an empty type (a metric the controller failed
// to read) matches nothing.
std::vector<MetricPair> pairMetrics(const HorizontalPodAutoscaler &hpa);

// "300m", "50%", "avg 2k"; "<unset>" when the target has no value for its type.
std::string describeTarget(const MetricTarget &target);
// The current value in the same style. With a target type, the matching field is preferred
// (a Resource utilization status also carries averageValue); "<unknown>" when absent.
std::string describeCurrent(const MetricValueStatus &current,
                            MetricTargetType preferred = MetricTargetType::Unknown);
// The same values as numbers (charts, the recorder): percent for Utilization, else the
// quantity's value; the current one picks its field as describeCurrent() does. Empty when absent.
std::optional<double> targetNumber(const MetricTarget &target);
std::optional<double> currentNumber(const MetricValueStatus &current,
                                    MetricTargetType preferred = MetricTargetType::Unknown);
// Object and External metrics with an AverageValue target: the controller reports the metric's
// total divided by the target's replicas (scale status.replicas, rounded up to 1m), so the total
// itself is not in the status. This reconstructs it: the roundest value whose share rounds up
// to averageValue, at most averageValue * replicas (pass
// status.currentReplicas: the scale's spec.replicas, the same count except mid-rollout, so the
// result is exact in steady state and approximate while replicas change). Empty for any other
// metric, without an averageValue, or for replicas < 1.
std::optional<Quantity> impliedTotal(const MetricSpec &spec, const MetricValueStatus &current,
                                     int32_t replicas);
// The current value of a status entry, or nullptr for an unknown type.
const MetricValueStatus *currentOf(const MetricStatus &status);
// The target of a spec entry, or nullptr when the source for its type is missing.
const MetricTarget *targetOf(const MetricSpec &spec);

// A metric's name as a person reads it, as a message id with arguments, so that the UI can say
// it in its language (app/core/hpa_format.cpp): "object" {metric, Kind/name}, "pods" {metric},
// "resource" {name}, "container" {name, container}, "external" {metric}, "unknown" {type name},
// "unknown.unnamed" {}, "nosource" {type}. A metric selector is appended in braces to the
// metric's name: "hits{path=/api}".
struct MetricName {
    std::string id;
    std::vector<std::string> args;
};
MetricName metricNameOf(const MetricSpec &spec);
// The same in English: "test-metric on Service/kubernetes", "cpu", "cpu (container app)",
// "requests on pods", "queue_depth (external)".
std::string metricDisplayName(const MetricSpec &spec);

} // namespace kube::api
