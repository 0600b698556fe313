#pragma once
// Inputs of the HPA algorithm port: what the Kubernetes HPA controller fetches before it
// computes (pods from its informer, metrics from the metrics APIs) and its configuration.
// Everything is explicit, including `now`, so every computation is deterministic.
#include "kube/api/hpa.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube::hpa {

using Time = kube::api::Time;
using Seconds = std::chrono::seconds;

// kube-controller-manager flags; defaults from
// pkg/controller/podautoscaler/config/v1alpha1/defaults.go (RecommendedDefaultHPAControllerConfiguration).
// Where the controller's flags (ControllerConfig) come from; the Why box says it whenever an
// explanation rests on them.
enum class ConfigSource {
    Assumed,   // Kubernetes' defaults: nothing told hpascope otherwise
    Set,       // set by the user for this context
    Published, // published by the cluster (kPublishedFlagsConfigMap, published_flags.h)
    Simulator, // hpascope's own simulated controller: known exactly
};

struct ControllerConfig {
    Seconds syncPeriod{15};                // --horizontal-pod-autoscaler-sync-period
    Seconds downscaleStabilization{300};   // --horizontal-pod-autoscaler-downscale-stabilization
    double tolerance = 0.1;                // --horizontal-pod-autoscaler-tolerance
    Seconds cpuInitializationPeriod{300};  // --horizontal-pod-autoscaler-cpu-initialization-period
    Seconds initialReadinessDelay{30};     // --horizontal-pod-autoscaler-initial-readiness-delay
    // Feature gate HPAConfigurableTolerance (KEP-4951): alpha in 1.33, beta and on by default
    // since 1.35; when off, behavior.*.tolerance is ignored (tolerancesForHpa).
    bool configurableTolerance = true;
    // Feature gate PodLevelResources (KEP-2837), beta and on by default since 1.34: pod-level
    // requests replace the container sum in calculateRequests.
    bool podLevelResources = true;
};

// replica_calculator.go Tolerances.
struct Tolerances {
    double scaleDown = 0.1;
    double scaleUp = 0.1;
    // (1 - scaleDown) <= ratio <= (1 + scaleUp): Tolerances.isWithin
    bool isWithin(double usageRatio) const
    {
        return (1.0 - scaleDown) <= usageRatio && usageRatio <= (1.0 + scaleUp);
    }
};

enum class ConditionStatus { True, False, Unknown };

// The pod's Ready condition (core/v1 PodCondition of type Ready).
struct ReadyCondition {
    ConditionStatus status = ConditionStatus::True;
    Time lastTransitionTime{};
};

struct ContainerInfo {
    std::string name;
    std::map<std::string, int64_t> requestsMilli; // "cpu" -> 250, "memory" -> 134217728000
    // An init container with restartPolicy Always (a sidecar) counts like a regular container.
    bool restartableInit = false;
    bool init = false; // other init containers are ignored by calculatePodRequestsFromContainers
};

// One pod the HPA's selector matches, as the controller's pod lister returns it.
struct PodInfo {
    std::string name;
    std::string phase = "Running"; // Pending, Running, Succeeded, Failed, Unknown
    std::optional<ReadyCondition> ready;
    std::optional<Time> startTime;
    bool deleting = false; // metadata.deletionTimestamp is set
    std::vector<ContainerInfo> containers;
    std::map<std::string, int64_t> podLevelRequestsMilli; // spec.resources.requests (KEP-2837)

    // v1.IsPodReady: the Ready condition is True.
    bool isReady() const { return ready && ready->status == ConditionStatus::True; }
};

// metricsclient.PodMetric: one pod's sample (milli-units) with the metric window.
struct PodMetric {
    int64_t valueMilli = 0;
    Time timestamp{};
    Seconds window{};
};
using PodMetricsInfo = std::map<std::string, PodMetric>;

// What the metrics client returned for one spec.metrics entry. `error` holds the client's error
// text when the fetch failed (e.g. "unable to fetch metrics from custom metrics API: ...").
struct MetricInput {
    std::optional<std::string> error;
    PodMetricsInfo podMetrics;         // Resource, ContainerResource, Pods
    int64_t objectValueMilli = 0;      // Object
    std::vector<int64_t> externalValuesMilli; // External: one value per returned series
    Time timestamp{};
};

} // namespace kube::hpa
