#pragma once
// What stands between an HPA's metrics and its replica count at a sync, in the controller's
// terms: its AbleToScale, ScalingActive and ScalingLimited conditions, read as one state.
#include "kube/api/hpa.h"

#include <string>
#include <string_view>
#include <vector>

namespace kube::hpa {

enum class Limiter {
    Unknown,            // no conditions yet: the controller has not synced this HPA
    None,               // the metrics' recommendation is applied as it is
    TargetUnavailable,  // AbleToScale False, FailedGetScale: the target cannot be read
    RescaleFailed,      // AbleToScale False, FailedUpdateScale
    ScalingDisabled,    // ScalingActive False, ScalingDisabled: the target has 0 replicas
    MetricsUnavailable, // ScalingActive False: a metric or the selector failed
    ScaleUpStabilized,  // AbleToScale ScaleUpStabilized
    ScaleDownStabilized,
    ScaleUpLimit,       // ScalingLimited ScaleUpLimit: a rate policy (or the legacy 2x cap)
    ScaleDownLimit,
    ScaleUpDisabled,    // ScalingLimited ScaleUpLimit under scaleUp.selectPolicy Disabled
    ScaleDownDisabled,
    TooManyReplicas,    // ScalingLimited TooManyReplicas: maxReplicas
    TooFewReplicas,
};

std::string_view nameOf(Limiter l); // "ScaleUpLimit", ...

// The controller's conditions as one state. Several can hold at once (a stabilized and then
// rate-limited recommendation); all of them, most decisive first: a false AbleToScale, a false
// ScalingActive, a true ScalingLimited, a stabilizing AbleToScale; {None} when nothing limits.
std::vector<Limiter> limitersOf(const kube::api::HorizontalPodAutoscaler &hpa,
                                const std::vector<kube::api::HorizontalPodAutoscalerCondition> &conditions);
inline std::vector<Limiter> limitersOf(const kube::api::HorizontalPodAutoscaler &hpa)
{
    return limitersOf(hpa, hpa.status.conditions);
}

// True for the states in which the HPA is not doing what its metrics ask.
bool isProblem(Limiter l);

} // namespace kube::hpa
