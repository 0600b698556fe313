#pragma once
// computeReplicasForMetric and the computeStatusFor*Metric functions of horizontal.go: one
// metric's proposal, its status entry, and on failure the condition and event the controller
// would produce. Internal to the controller port.
#include "kube/hpa/controller.h"

namespace kube::hpa::detail {

struct MetricOutcome {
    MetricProposal proposal;
    kube::api::MetricStatus status; // zero value ({"type": ""}) when the metric failed
};

MetricOutcome computeReplicasForMetric(const CalculatorContext &ctx, std::vector<Event> &events,
                                       const kube::api::HorizontalPodAutoscaler &hpa,
                                       const kube::api::MetricSpec &spec, int32_t specReplicas,
                                       int32_t statusReplicas, const Tolerances &tol,
                                       const SyncInput &in, const MetricInput &fetched);

// "external metric <name>(<%+v of the selector>)"
std::string externalMetricName(const kube::api::MetricIdentifier &metric);

} // namespace kube::hpa::detail
