#include "kube/hpa/behavior.h"

#include "kube/hpa/go_compat.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kube::hpa {

using kube::api::HorizontalPodAutoscalerBehavior;
using kube::api::HPAScalingPolicy;
using kube::api::HPAScalingPolicyType;
using kube::api::HPAScalingRules;
using kube::api::ScalingPolicySelect;

namespace {

// pkg/apis/autoscaling/v2/defaults.go: scaleUpLimitPercent 100, scaleUpLimitMinimumPods 4,
// scaleUpPeriod 15, scaleUpStabilizationSeconds 0; scaleDownLimitPercent 100, scaleDownPeriod 15.
constexpr int32_t kScaleUpLimitPercent = 100;
constexpr int32_t kScaleUpLimitMinimumPods = 4;
constexpr int32_t kScaleUpPeriod = 15;
constexpr int32_t kScaleUpStabilizationSeconds = 0;
constexpr int32_t kScaleDownLimitPercent = 100;
constexpr int32_t kScaleDownPeriod = 15;

HPAScalingRules defaultScaleUpRules()
{
    HPAScalingRules r;
    r.stabilizationWindowSeconds = kScaleUpStabilizationSeconds;
    r.selectPolicy = ScalingPolicySelect::Max;
    r.policies = {{HPAScalingPolicyType::Pods, kScaleUpLimitMinimumPods, kScaleUpPeriod},
                  {HPAScalingPolicyType::Percent, kScaleUpLimitPercent, kScaleUpPeriod}};
    return r;
}

HPAScalingRules defaultScaleDownRules()
{
    HPAScalingRules r; // stabilizationWindowSeconds stays unset: it is a controller flag
    r.selectPolicy = ScalingPolicySelect::Max;
    r.policies = {{HPAScalingPolicyType::Percent, kScaleDownLimitPercent, kScaleDownPeriod}};
    return r;
}

// copyHPAScalingRules: every set field of `from` wins. Go tests `Policies != nil`, so an explicit
// empty list survives decoding as non-nil; our decoder cannot tell [] from absent, and the API
// validation rejects an empty list, so empty means unset here.
HPAScalingRules copyRules(const std::optional<HPAScalingRules> &from, HPAScalingRules to)
{
    if (!from)
        return to;
    if (from->selectPolicy)
        to.selectPolicy = from->selectPolicy;
    if (from->stabilizationWindowSeconds)
        to.stabilizationWindowSeconds = from->stabilizationWindowSeconds;
    if (!from->policies.empty())
        to.policies = from->policies;
    if (from->tolerance)
        to.tolerance = from->tolerance;
    return to;
}

// getLongestPolicyPeriod
int32_t longestPolicyPeriod(const HPAScalingRules &rules)
{
    int32_t longest = 0;
    for (const auto &p : rules.policies)
        longest = std::max(longest, p.periodSeconds);
    return longest;
}

// markScaleEventsOutdated
void markOutdated(std::vector<TimestampedScaleEvent> &events, int32_t longestPeriod, Time now)
{
    const Time cutoff = now - Seconds(longestPeriod);
    for (auto &e : events)
        if (e.timestamp < cutoff)
            e.outdated = true;
}

void storeInto(std::vector<TimestampedScaleEvent> &events, int32_t longestPeriod, int32_t change,
               Time now)
{
    markOutdated(events, longestPeriod, now);
    std::optional<std::size_t> oldIndex;
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].outdated)
            oldIndex = i; // the last outdated one, as the Go loop leaves it
    const TimestampedScaleEvent event{change, now, false};
    if (oldIndex)
        events[*oldIndex] = event;
    else
        events.push_back(event);
}

} // namespace

HorizontalPodAutoscalerBehavior withDefaults(const std::optional<HorizontalPodAutoscalerBehavior> &behavior)
{
    HorizontalPodAutoscalerBehavior out;
    out.scaleUp = copyRules(behavior ? behavior->scaleUp : std::nullopt, defaultScaleUpRules());
    out.scaleDown = copyRules(behavior ? behavior->scaleDown : std::nullopt, defaultScaleDownRules());
    return out;
}

Tolerances tolerancesForHpa(const kube::api::HorizontalPodAutoscaler &hpa, const ControllerConfig &config)
{
    Tolerances t{config.tolerance, config.tolerance};
    if (!config.configurableTolerance || !hpa.spec.behavior)
        return t;
    const auto &b = *hpa.spec.behavior;
    if (b.scaleDown && b.scaleDown->tolerance)
        t.scaleDown = b.scaleDown->tolerance->asDouble(); // AsApproximateFloat64
    if (b.scaleUp && b.scaleUp->tolerance)
        t.scaleUp = b.scaleUp->tolerance->asDouble();
    return t;
}

EffectiveBehavior effectiveBehavior(const kube::api::HorizontalPodAutoscaler &hpa,
                                    const ControllerConfig &config)
{
    EffectiveBehavior out;
    const Tolerances tol = tolerancesForHpa(hpa, config);
    out.scaleUp.tolerance = tol.scaleUp;
    out.scaleDown.tolerance = tol.scaleDown;
    const int32_t flagWindow = static_cast<int32_t>(config.downscaleStabilization.count());
    out.scaleDown.windowSource = ValueSource::ControllerFlag;
    if (!hpa.spec.behavior) {
        out.scaleUp.stabilizationWindowSeconds = 0;
        out.scaleDown.stabilizationWindowSeconds = flagWindow;
        return out;
    }
    out.explicitBehavior = true;
    const auto &given = *hpa.spec.behavior;
    const HorizontalPodAutoscalerBehavior d = withDefaults(given);
    auto fill = [&](EffectiveRules &rules, const HPAScalingRules &defaulted,
                    const std::optional<HPAScalingRules> &explicitRules) {
        rules.stabilizationWindowSeconds = defaulted.stabilizationWindowSeconds.value_or(flagWindow);
        if (explicitRules && explicitRules->stabilizationWindowSeconds)
            rules.windowSource = ValueSource::Spec;
        const auto select = defaulted.selectPolicy.value_or(ScalingPolicySelect::Max);
        rules.selectPolicyDefaulted = !explicitRules || !explicitRules->selectPolicy ||
                                      select == ScalingPolicySelect::Unknown;
        rules.selectPolicy = select == ScalingPolicySelect::Unknown ? ScalingPolicySelect::Max : select;
        rules.policies = defaulted.policies;
        rules.policiesDefaulted = !explicitRules || explicitRules->policies.empty();
        if (config.configurableTolerance && explicitRules && explicitRules->tolerance)
            rules.toleranceSource = ValueSource::Spec;
    };
    fill(out.scaleUp, *d.scaleUp, given.scaleUp);
    fill(out.scaleDown, *d.scaleDown, given.scaleDown);
    return out;
}

void recordInitialRecommendation(HpaHistory &history, int32_t currentReplicas, Time now)
{
    if (history.recommendations.empty())
        history.recommendations.push_back({currentReplicas, now});
}

int32_t stabilizeRecommendation(HpaHistory &history, Seconds window, int32_t desired, Time now)
{
    int32_t maxRecommendation = desired;
    std::optional<std::size_t> oldIndex;
    const Time cutoff = now - window;
    for (std::size_t i = 0; i < history.recommendations.size(); ++i) {
        const auto &rec = history.recommendations[i];
        if (rec.timestamp < cutoff) // Before: a sample exactly at the cutoff still counts
            oldIndex = i;
        else if (rec.recommendation > maxRecommendation)
            maxRecommendation = rec.recommendation;
    }
    if (oldIndex)
        history.recommendations[*oldIndex] = {desired, now};
    else
        history.recommendations.push_back({desired, now});
    return maxRecommendation;
}

int32_t calculateScaleUpLimit(int32_t currentReplicas)
{
    return go::toInt32(std::max(kScaleUpLimitFactor * currentReplicas, kScaleUpLimitMinimum));
}

Normalized convertDesiredReplicasWithRules(int32_t currentReplicas, int32_t desiredReplicas,
                                           int32_t minReplicas, int32_t maxReplicas)
{
    // Do not scale up too much at once (bogus CPU reports, kubernetes issue #32304).
    const int32_t scaleUpLimit = calculateScaleUpLimit(currentReplicas);
    Normalized limit;
    if (maxReplicas > scaleUpLimit)
        limit = {scaleUpLimit, "ScaleUpLimit",
                 "the desired replica count is increasing faster than the maximum scale rate"};
    else
        limit = {maxReplicas, "TooManyReplicas",
                 "the desired replica count is more than the maximum replica count"};

    if (desiredReplicas < minReplicas)
        return {minReplicas, "TooFewReplicas",
                "the desired replica count is less than the minimum replica count"};
    if (desiredReplicas > limit.replicas)
        return limit;
    return {desiredReplicas, "DesiredWithinRange", "the desired count is within the acceptable range"};
}

Normalized stabilizeRecommendationWithBehaviors(HpaHistory &history, const NormalizationArg &args, Time now)
{
    int32_t upRecommendation = args.desiredReplicas;
    const Time upCutoff = now - Seconds(args.scaleUp.stabilizationWindowSeconds.value_or(0));
    int32_t downRecommendation = args.desiredReplicas;
    const Time downCutoff = now - Seconds(args.scaleDown.stabilizationWindowSeconds.value_or(0));

    std::optional<std::size_t> oldIndex;
    for (std::size_t i = 0; i < history.recommendations.size(); ++i) {
        const auto &rec = history.recommendations[i];
        // After: a sample exactly at a cutoff is outside that window (unlike the legacy path).
        if (rec.timestamp > upCutoff)
            upRecommendation = std::min(rec.recommendation, upRecommendation);
        if (rec.timestamp > downCutoff)
            downRecommendation = std::max(rec.recommendation, downRecommendation);
        if (rec.timestamp < upCutoff && rec.timestamp < downCutoff)
            oldIndex = i;
    }

    int32_t recommendation = args.currentReplicas;
    if (recommendation < upRecommendation)
        recommendation = upRecommendation;
    if (recommendation > downRecommendation)
        recommendation = downRecommendation;

    if (oldIndex)
        history.recommendations[*oldIndex] = {args.desiredReplicas, now};
    else
        history.recommendations.push_back({args.desiredReplicas, now});

    if (args.desiredReplicas >= args.currentReplicas)
        return {recommendation, "ScaleUpStabilized",
                "recent recommendations were lower than current one, applying the lowest recent "
                "recommendation"};
    return {recommendation, "ScaleDownStabilized",
            "recent recommendations were higher than current one, applying the highest recent "
            "recommendation"};
}

int32_t getReplicasChangePerPeriod(int32_t periodSeconds, const std::vector<TimestampedScaleEvent> &events,
                                   Time now)
{
    const Time cutoff = now - Seconds(periodSeconds);
    int32_t replicas = 0;
    for (const auto &e : events)
        if (e.timestamp > cutoff)
            replicas += e.replicaChange;
    return replicas;
}

int32_t calculateScaleUpLimitWithScalingRules(int32_t currentReplicas,
                                              const std::vector<TimestampedScaleEvent> &up,
                                              const std::vector<TimestampedScaleEvent> &down,
                                              const HPAScalingRules &rules, Time now)
{
    const auto select = rules.selectPolicy.value_or(ScalingPolicySelect::Max);
    if (select == ScalingPolicySelect::Disabled)
        return currentReplicas;
    const bool minPolicy = select == ScalingPolicySelect::Min;
    int32_t result = minPolicy ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int32_t>::min();
    int32_t proposed = 0; // declared outside the loop in Go: an unknown type reuses the last one
    for (const auto &policy : rules.policies) {
        const int32_t added = getReplicasChangePerPeriod(policy.periodSeconds, up, now);
        const int32_t deleted = getReplicasChangePerPeriod(policy.periodSeconds, down, now);
        const int32_t periodStartReplicas = currentReplicas - added + deleted;
        if (policy.type == HPAScalingPolicyType::Pods)
            proposed = periodStartReplicas + policy.value;
        else if (policy.type == HPAScalingPolicyType::Percent)
            // rounded up, or a small target could never grow
            proposed = go::toInt32(std::ceil(periodStartReplicas * (1 + policy.value / 100.0)));
        result = minPolicy ? std::min(result, proposed) : std::max(result, proposed);
    }
    return result;
}

int32_t calculateScaleDownLimitWithBehaviors(int32_t currentReplicas,
                                             const std::vector<TimestampedScaleEvent> &up,
                                             const std::vector<TimestampedScaleEvent> &down,
                                             const HPAScalingRules &rules, Time now)
{
    const auto select = rules.selectPolicy.value_or(ScalingPolicySelect::Max);
    if (select == ScalingPolicySelect::Disabled)
        return currentReplicas;
    const bool minPolicy = select == ScalingPolicySelect::Min;
    int32_t result = minPolicy ? std::numeric_limits<int32_t>::min() : std::numeric_limits<int32_t>::max();
    int32_t proposed = 0;
    for (const auto &policy : rules.policies) {
        const int32_t added = getReplicasChangePerPeriod(policy.periodSeconds, up, now);
        const int32_t deleted = getReplicasChangePerPeriod(policy.periodSeconds, down, now);
        const int32_t periodStartReplicas = currentReplicas - added + deleted;
        if (policy.type == HPAScalingPolicyType::Pods)
            proposed = periodStartReplicas - policy.value;
        else if (policy.type == HPAScalingPolicyType::Percent)
            proposed = go::toInt32(periodStartReplicas * (1 - policy.value / 100.0)); // truncated
        result = minPolicy ? std::max(result, proposed) : std::min(result, proposed);
    }
    return result;
}

Normalized convertDesiredReplicasWithBehaviorRate(const HpaHistory &history, const NormalizationArg &args,
                                                  Time now)
{
    if (args.desiredReplicas > args.currentReplicas) {
        int32_t scaleUpLimit = calculateScaleUpLimitWithScalingRules(
            args.currentReplicas, history.scaleUpEvents, history.scaleDownEvents, args.scaleUp, now);
        if (scaleUpLimit < args.currentReplicas)
            scaleUpLimit = args.currentReplicas; // no further scale-up until events age out
        Normalized limit{args.maxReplicas, "TooManyReplicas",
                         "the desired replica count is more than the maximum replica count"};
        if (args.maxReplicas > scaleUpLimit)
            limit = {scaleUpLimit, "ScaleUpLimit",
                     "the desired replica count is increasing faster than the maximum scale rate"};
        if (args.desiredReplicas > limit.replicas)
            return limit;
    } else if (args.desiredReplicas < args.currentReplicas) {
        int32_t scaleDownLimit = calculateScaleDownLimitWithBehaviors(
            args.currentReplicas, history.scaleUpEvents, history.scaleDownEvents, args.scaleDown, now);
        if (scaleDownLimit > args.currentReplicas)
            scaleDownLimit = args.currentReplicas;
        Normalized limit{args.minReplicas, "TooFewReplicas",
                         "the desired replica count is less than the minimum replica count"};
        if (args.minReplicas < scaleDownLimit)
            limit = {scaleDownLimit, "ScaleDownLimit",
                     "the desired replica count is decreasing faster than the maximum scale rate"};
        if (args.desiredReplicas < limit.replicas)
            return limit;
    }
    return {args.desiredReplicas, "DesiredWithinRange", "the desired count is within the acceptable range"};
}

void storeScaleEvent(HpaHistory &history, const std::optional<HorizontalPodAutoscalerBehavior> &behavior,
                     int32_t prevReplicas, int32_t newReplicas, Time now)
{
    if (!behavior)
        return; // the events would never be used
    if (newReplicas > prevReplicas)
        storeInto(history.scaleUpEvents, behavior->scaleUp ? longestPolicyPeriod(*behavior->scaleUp) : 0,
                  newReplicas - prevReplicas, now);
    else
        storeInto(history.scaleDownEvents,
                  behavior->scaleDown ? longestPolicyPeriod(*behavior->scaleDown) : 0,
                  prevReplicas - newReplicas, now);
}

} // namespace kube::hpa
