#include "kube/hpa/limiter.h"

namespace kube::hpa {

using namespace kube::api;

std::string_view nameOf(Limiter l)
{
    switch (l) {
    case Limiter::Unknown: return "Unknown";
    case Limiter::None: return "None";
    case Limiter::TargetUnavailable: return "TargetUnavailable";
    case Limiter::RescaleFailed: return "RescaleFailed";
    case Limiter::ScalingDisabled: return "ScalingDisabled";
    case Limiter::MetricsUnavailable: return "MetricsUnavailable";
    case Limiter::ScaleUpStabilized: return "ScaleUpStabilized";
    case Limiter::ScaleDownStabilized: return "ScaleDownStabilized";
    case Limiter::ScaleUpLimit: return "ScaleUpLimit";
    case Limiter::ScaleDownLimit: return "ScaleDownLimit";
    case Limiter::ScaleUpDisabled: return "ScaleUpDisabled";
    case Limiter::ScaleDownDisabled: return "ScaleDownDisabled";
    case Limiter::TooManyReplicas: return "TooManyReplicas";
    case Limiter::TooFewReplicas: return "TooFewReplicas";
    }
    return "Unknown";
}

namespace {

const HorizontalPodAutoscalerCondition *find(const std::vector<HorizontalPodAutoscalerCondition> &conditions,
                                             std::string_view type)
{
    for (const auto &c : conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

bool disabled(const std::optional<HPAScalingRules> &rules)
{
    return rules && rules->selectPolicy == ScalingPolicySelect::Disabled;
}

} // namespace

std::vector<Limiter> limitersOf(const HorizontalPodAutoscaler &hpa,
                                const std::vector<HorizontalPodAutoscalerCondition> &conditions)
{
    std::vector<Limiter> out;
    const auto *able = find(conditions, "AbleToScale");
    const auto *active = find(conditions, "ScalingActive");
    const auto *limited = find(conditions, "ScalingLimited");
    if (!able && !active && !limited)
        return {Limiter::Unknown};
    if (able && able->status == "False")
        out.push_back(able->reason == "FailedUpdateScale" ? Limiter::RescaleFailed : Limiter::TargetUnavailable);
    if (active && active->status == "False")
        out.push_back(active->reason == "ScalingDisabled" ? Limiter::ScalingDisabled : Limiter::MetricsUnavailable);
    const auto &behavior = hpa.spec.behavior;
    if (limited && limited->status == "True") {
        if (limited->reason == "TooManyReplicas")
            out.push_back(Limiter::TooManyReplicas);
        else if (limited->reason == "TooFewReplicas")
            out.push_back(Limiter::TooFewReplicas);
        else if (limited->reason == "ScaleUpLimit")
            out.push_back(behavior && disabled(behavior->scaleUp) ? Limiter::ScaleUpDisabled : Limiter::ScaleUpLimit);
        else if (limited->reason == "ScaleDownLimit")
            out.push_back(behavior && disabled(behavior->scaleDown) ? Limiter::ScaleDownDisabled
                                                                    : Limiter::ScaleDownLimit);
    }
    if (able && able->status == "True") {
        if (able->reason == "ScaleUpStabilized")
            out.push_back(Limiter::ScaleUpStabilized);
        else if (able->reason == "ScaleDownStabilized")
            out.push_back(Limiter::ScaleDownStabilized);
    }
    if (out.empty())
        out.push_back(Limiter::None);
    return out;
}

bool isProblem(Limiter l)
{
    return l == Limiter::TargetUnavailable || l == Limiter::RescaleFailed || l == Limiter::MetricsUnavailable;
}

} // namespace kube::hpa
