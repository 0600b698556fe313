#include "kube/api/pod.h"

namespace kube::api {

namespace {

// core/v1 PodPhase
constexpr std::string_view kPending = "Pending";
constexpr std::string_view kRunning = "Running";
constexpr std::string_view kSucceeded = "Succeeded";
constexpr std::string_view kFailed = "Failed";

} // namespace

const PodCondition *Pod::readyCondition() const
{
    for (const auto &c : status.conditions)
        if (c.type == "Ready")
            return &c; // podutil.GetPodCondition: the first of its type
    return nullptr;
}

bool Pod::isReady() const
{
    const PodCondition *c = readyCondition();
    return c && c->status == "True";
}

std::optional<Time> Pod::readyTime() const
{
    const PodCondition *c = readyCondition();
    if (!c || c->status != "True")
        return std::nullopt;
    return c->lastTransitionTime;
}

std::string_view Pod::phase() const
{
    return status.phase.empty() ? kPending : std::string_view(status.phase);
}

HpaPodRole hpaPodRole(std::string_view phase, bool deleting)
{
    if (deleting || phase == kFailed)
        return HpaPodRole::Ignored;
    if (phase == kPending)
        return HpaPodRole::Unready;
    return HpaPodRole::Counted;
}

bool isReadyForHpa(std::string_view phase, bool ready)
{
    return phase == kRunning && ready;
}

bool expectsMetricValue(std::string_view phase, bool deleting)
{
    return phase == kRunning && hpaPodRole(phase, deleting) == HpaPodRole::Counted;
}

bool takesWrittenValue(std::string_view phase, bool deleting)
{
    return hpaPodRole(phase, deleting) != HpaPodRole::Ignored && phase != kSucceeded;
}

bool takesWrittenValue(const Pod &pod)
{
    return takesWrittenValue(pod.phase(), pod.isDeleting());
}

} // namespace kube::api
