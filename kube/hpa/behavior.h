#pragma once
// Stabilization, scaling policies and behavior defaults: the normalization half of
// pkg/controller/podautoscaler/horizontal.go and pkg/apis/autoscaling/v2/defaults.go (v1.36),
// as pure functions over an explicit per-HPA history and `now`.
#include "kube/hpa/types.h"

#include <string>
#include <vector>

namespace kube::hpa {

// horizontal.go timestampedRecommendation / timestampedScaleEvent.
struct TimestampedRecommendation {
    int32_t recommendation = 0;
    Time timestamp{};
    bool operator==(const TimestampedRecommendation &) const = default;
};
struct TimestampedScaleEvent {
    int32_t replicaChange = 0; // absolute value
    Time timestamp{};
    bool outdated = false;
    bool operator==(const TimestampedScaleEvent &) const = default;
};

// What the controller keeps in memory per HPA key (recommendations, scaleUpEvents,
// scaleDownEvents). An empty recommendation list is Go's nil: entries are replaced, never removed.
struct HpaHistory {
    std::vector<TimestampedRecommendation> recommendations;
    std::vector<TimestampedScaleEvent> scaleUpEvents;
    std::vector<TimestampedScaleEvent> scaleDownEvents;
};

// scaleUpLimitFactor / scaleUpLimitMinimum in horizontal.go: the legacy scale-up cap.
constexpr double kScaleUpLimitFactor = 2.0;
constexpr double kScaleUpLimitMinimum = 4.0;

// SetDefaults_HorizontalPodAutoscalerBehavior (GenerateHPAScaleUpRules/ScaleDownRules): scale-up
// window 0, Max of {Pods 4 / 15 s, Percent 100 / 15 s}; scale-down Max of {Percent 100 / 15 s}
// with the window left unset (the controller fills it from its flag). Field by field.
kube::api::HorizontalPodAutoscalerBehavior
withDefaults(const std::optional<kube::api::HorizontalPodAutoscalerBehavior> &behavior);

// tolerancesForHpa: the controller flag both ways, overridden by behavior.*.tolerance when the
// HPAConfigurableTolerance gate is on.
Tolerances tolerancesForHpa(const kube::api::HorizontalPodAutoscaler &hpa, const ControllerConfig &config);

// Where an effective value comes from: the HPA's spec.behavior, the API defaults
// (SetDefaults_HorizontalPodAutoscalerBehavior), or a kube-controller-manager flag.
enum class ValueSource { Spec, ApiDefault, ControllerFlag };

struct EffectiveRules {
    int32_t stabilizationWindowSeconds = 0;
    // Scale-up: Spec or ApiDefault (0 s; on the legacy path there is no window at all);
    // scale-down: Spec or ControllerFlag (--horizontal-pod-autoscaler-downscale-stabilization).
    ValueSource windowSource = ValueSource::ApiDefault;
    // As the controller applies it: a value it does not know acts as Max (neither Min nor
    // Disabled in calculateScaleUpLimitWithScalingRules), so it reads as the default.
    kube::api::ScalingPolicySelect selectPolicy = kube::api::ScalingPolicySelect::Max;
    bool selectPolicyDefaulted = true;
    std::vector<kube::api::HPAScalingPolicy> policies; // empty on the legacy path
    bool policiesDefaulted = true;
    double tolerance = 0.1;
    // Spec only with behavior.*.tolerance set and the HPAConfigurableTolerance gate on;
    // otherwise --horizontal-pod-autoscaler-tolerance (tolerancesForHpa).
    ValueSource toleranceSource = ValueSource::ControllerFlag;

    bool windowDefaulted() const { return windowSource != ValueSource::Spec; }
};
// What the controller will actually apply, and where each value comes from.
// explicitBehavior false: the legacy path (spec.behavior unset): scale-down window = the
// controller flag, scale-up capped at max(2 x current, 4) per sync, no policies.
struct EffectiveBehavior {
    bool explicitBehavior = false;
    EffectiveRules scaleUp;
    EffectiveRules scaleDown;
};
EffectiveBehavior effectiveBehavior(const kube::api::HorizontalPodAutoscaler &hpa,
                                    const ControllerConfig &config);

struct Normalized {
    int32_t replicas = 0;
    std::string reason;
    std::string message;
};

// recordInitialRecommendation
void recordInitialRecommendation(HpaHistory &history, int32_t currentReplicas, Time now);

// stabilizeRecommendation (legacy): the max over the window, then records `desired` in place of
// one sample older than the window (or appends).
int32_t stabilizeRecommendation(HpaHistory &history, Seconds window, int32_t desired, Time now);

// convertDesiredReplicasWithRules and calculateScaleUpLimit (legacy).
Normalized convertDesiredReplicasWithRules(int32_t currentReplicas, int32_t desiredReplicas,
                                           int32_t minReplicas, int32_t maxReplicas);
int32_t calculateScaleUpLimit(int32_t currentReplicas);

// NormalizationArg with defaulted rules (scale-down window filled in).
struct NormalizationArg {
    kube::api::HPAScalingRules scaleUp;
    kube::api::HPAScalingRules scaleDown;
    int32_t minReplicas = 1;
    int32_t maxReplicas = 0;
    int32_t currentReplicas = 0;
    int32_t desiredReplicas = 0;
};

// stabilizeRecommendationWithBehaviors: reason/message are ScaleUpStabilized/ScaleDownStabilized.
Normalized stabilizeRecommendationWithBehaviors(HpaHistory &history, const NormalizationArg &args, Time now);
// convertDesiredReplicasWithBehaviorRate
Normalized convertDesiredReplicasWithBehaviorRate(const HpaHistory &history, const NormalizationArg &args,
                                                  Time now);

int32_t getReplicasChangePerPeriod(int32_t periodSeconds, const std::vector<TimestampedScaleEvent> &events,
                                   Time now);
int32_t calculateScaleUpLimitWithScalingRules(int32_t currentReplicas,
                                              const std::vector<TimestampedScaleEvent> &up,
                                              const std::vector<TimestampedScaleEvent> &down,
                                              const kube::api::HPAScalingRules &rules, Time now);
int32_t calculateScaleDownLimitWithBehaviors(int32_t currentReplicas,
                                             const std::vector<TimestampedScaleEvent> &up,
                                             const std::vector<TimestampedScaleEvent> &down,
                                             const kube::api::HPAScalingRules &rules, Time now);

// storeScaleEvent: nothing without a behavior; else marks events older than the longest policy
// period outdated and reuses the last outdated slot.
void storeScaleEvent(HpaHistory &history, const std::optional<kube::api::HorizontalPodAutoscalerBehavior> &behavior,
                     int32_t prevReplicas, int32_t newReplicas, Time now);

} // namespace kube::hpa
