#pragma once
// Port of pkg/controller/podautoscaler/replica_calculator.go and metrics/utilization.go
// (Kubernetes v1.36): one function per ReplicaCalculator method, taking what the controller
// would have fetched instead of fetching it. Error texts are the Go ones, verbatim.
#include "kube/core/result.h"
#include "kube/hpa/types.h"

#include <string>
#include <string_view>
#include <vector>

namespace kube::hpa {

// The ReplicaCalculator's fields plus the clock and namespace its messages use.
struct CalculatorContext {
    Seconds cpuInitializationPeriod{300};
    Seconds delayOfInitialReadinessStatus{30};
    bool podLevelResources = true;
    std::string namespace_;
    Time now{};
};
CalculatorContext calculatorContext(const ControllerConfig &config, std::string namespace_, Time now);

struct ReplicaCalculation {
    int32_t replicas = 0;
    int64_t usageMilli = 0;   // the value the controller writes to status (milli-units)
    int32_t utilization = 0;  // GetResourceReplicas only: percent of request
    Time timestamp{};         // zero where the Go code returns a zero time
};

// GetResourceReplicas: target average utilization (percent of request) of `resource`.
// usageMilli is the raw average (rawUtilization).
Result<ReplicaCalculation> getResourceReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                               int32_t targetUtilization, std::string_view resource,
                                               const Tolerances &tolerances,
                                               const std::vector<PodInfo> &pods,
                                               const MetricInput &fetched,
                                               std::string_view container = {});

// GetRawResourceReplicas: target average value (milli) of `resource`.
Result<ReplicaCalculation> getRawResourceReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                                  int64_t targetUsageMilli, std::string_view resource,
                                                  const Tolerances &tolerances,
                                                  const std::vector<PodInfo> &pods,
                                                  const MetricInput &fetched);

// GetMetricReplicas (Pods metrics): target average value (milli).
Result<ReplicaCalculation> getMetricReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                             int64_t targetUsageMilli, std::string_view metricName,
                                             const Tolerances &tolerances,
                                             const std::vector<PodInfo> &pods,
                                             const MetricInput &fetched);

// GetObjectMetricReplicas: Object metric, target Value.
Result<ReplicaCalculation> getObjectMetricReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                                   int64_t targetUsageMilli, std::string_view metricName,
                                                   const Tolerances &tolerances,
                                                   const kube::api::CrossVersionObjectReference &object,
                                                   const std::vector<PodInfo> &pods,
                                                   const MetricInput &fetched);

// GetObjectPerPodMetricReplicas: Object metric, target AverageValue (divided by status replicas).
Result<ReplicaCalculation> getObjectPerPodMetricReplicas(const CalculatorContext &ctx, int32_t statusReplicas,
                                                         int64_t targetAverageUsageMilli,
                                                         std::string_view metricName,
                                                         const Tolerances &tolerances,
                                                         const kube::api::CrossVersionObjectReference &object,
                                                         const MetricInput &fetched);

// GetExternalMetricReplicas: External metric, target Value, on the sum of all series.
Result<ReplicaCalculation> getExternalMetricReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                                     int64_t targetUsageMilli,
                                                     const kube::api::MetricIdentifier &metric,
                                                     const Tolerances &tolerances,
                                                     const std::vector<PodInfo> &pods,
                                                     const MetricInput &fetched);

// GetExternalPerPodMetricReplicas: External metric, target AverageValue.
Result<ReplicaCalculation> getExternalPerPodMetricReplicas(const CalculatorContext &ctx, int32_t statusReplicas,
                                                           int64_t targetUsagePerPodMilli,
                                                           const kube::api::MetricIdentifier &metric,
                                                           const Tolerances &tolerances,
                                                           const MetricInput &fetched);

// calculateRequests for one pod, no container named: what the controller divides the pod's
// usage of `resource` by (pod-level requests when set, else the containers' and sidecars'
// sum); an error when a container sets none.
Result<int64_t> podRequestMilli(const PodInfo &pod, std::string_view resource, bool podLevelResources = true);

// groupPods, exposed for tests and the explainer.
struct PodGroups {
    int readyPodCount = 0;
    std::vector<std::string> unready, missing, ignored;
};
PodGroups groupPods(const std::vector<PodInfo> &pods, const PodMetricsInfo &metrics,
                    std::string_view resource, Seconds cpuInitializationPeriod,
                    Seconds delayOfInitialReadinessStatus, Time now);

// metrics.GetResourceUtilizationRatio / GetMetricUsageRatio.
struct UtilizationRatio {
    double ratio = 0;
    int32_t utilization = 0;
    int64_t rawAverage = 0;
};
Result<UtilizationRatio> resourceUtilizationRatio(const PodMetricsInfo &metrics,
                                                  const std::map<std::string, int64_t> &requests,
                                                  int32_t targetUtilization);
UtilizationRatio metricUsageRatio(const PodMetricsInfo &metrics, int64_t targetUsageMilli);

} // namespace kube::hpa
