#include "verdicts.h"

#include "kube/hpa/explainer.h"

namespace diff {

namespace {

    std::string names(const std::vector<kube::hpa::Limiter> &ls)
    {
        std::string s;
        for (auto l : ls)
            s += (s.empty() ? "" : "+") + std::string(kube::hpa::nameOf(l));
        return s;
    }

} // namespace

std::vector<SyncVerdict> verdictsOf(const std::vector<SeenStatus> &statuses,
    const ControllerFlags &flags, const std::optional<std::string> &scaleError)
{
    kube::hpa::ControllerConfig config;
    config.syncPeriod = std::chrono::duration_cast<std::chrono::seconds>(flags.syncPeriod);
    config.downscaleStabilization
        = std::chrono::duration_cast<std::chrono::seconds>(flags.downscaleStabilization);
    config.tolerance = flags.tolerance;
    kube::hpa::ObservedHistory observed(config);
    std::vector<SyncVerdict> out;
    if (statuses.empty())
        return out;
    const auto created = statuses.front().at;
    for (const auto &[at, hpa, pods] : statuses) {
        observed.observe(hpa, at, pods);
        if (hpa.status.conditions.empty())
            continue; // not synced yet
        const auto ex = kube::hpa::explain(hpa, config,
            kube::hpa::ExplainInputs {
                nullptr, &observed, pods.empty() ? nullptr : &pods, scaleError },
            at);
        SyncVerdict v;
        v.at = std::chrono::duration_cast<Millis>(at - created);
        v.reported = names(ex.reported);
        v.computed = ex.computed ? names(ex.computed->limiters) : "-";
        v.desiredReal = hpa.status.desiredReplicas;
        v.desiredComputed = ex.computed ? ex.computed->desiredReplicas : -1;
        v.determined = ex.computed && ex.computed->determined;
        for (const auto &t : ex.texts())
            v.why += (v.why.empty() ? "" : " ") + t;
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace diff
