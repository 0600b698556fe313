#include "verdicts.h"

#include "kube/hpa/explainer.h"

#include <algorithm>

namespace diff {

namespace {

    std::string names(const std::vector<kube::hpa::Limiter> &ls)
    {
        std::string s;
        for (auto l : ls)
            s += (s.empty() ? "" : "+") + std::string(kube::hpa::nameOf(l));
        return s;
    }

    std::string opt(const std::optional<int32_t> &v) { return v ? std::to_string(*v) : "-"; }

    // The newest status (current/desired, lastScaleTime) and every recommendation rebuilt so
    // far with its range: what a failing comparison needs to be understood.
    std::string seenText(const kube::hpa::ObservedHistory &observed, kube::api::Time created)
    {
        std::string s;
        for (const auto &o : observed.observations()) {
            s += " [+" + std::to_string(std::chrono::duration_cast<Millis>(o.at - created).count()) + " "
                + std::to_string(o.status.currentReplicas) + "/" + std::to_string(o.status.desiredReplicas)
                + " rec " + opt(o.recommendation) + " (" + opt(o.lowest) + ".." + opt(o.highest) + ")";
            if (o.status.lastScaleTime)
                s += " scaled +" + std::to_string(std::chrono::duration_cast<Millis>(*o.status.lastScaleTime - created).count());
            s += "]";
        }
        return s;
    }

} // namespace

std::vector<SyncVerdict> verdictsOf(const std::vector<SeenStatus> &statuses,
    const ControllerFlags &flags, const std::optional<std::string> &scaleError,
    const std::vector<kube::api::Time> &pushes, std::optional<kube::api::Time> end)
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
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const auto &[at, hpa, pods] = statuses[i];
        observed.observe(hpa, at, pods);
        if (hpa.status.conditions.empty())
            continue; // not synced yet
        const auto ex = kube::hpa::explain(hpa, config,
            kube::hpa::ExplainInputs {
                nullptr, &observed, pods.empty() ? nullptr : &pods, scaleError,
                kube::hpa::ConfigSource::Set }, // read from the controller's /configz
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
        v.seen = seenText(observed, created) + " pods seen: " + std::to_string(kube::hpa::activePodCount(pods))
            + " active, " + std::to_string(pods.withValues.count(0) ? pods.withValues.at(0).size() : 0)
            + " valued, " + std::to_string(pods.recent.size()) + " recent";
        if (!ex.pathUncertain)
            for (const auto &step : ex.path)
                v.path.emplace_back(std::chrono::duration_cast<Millis>(step.at - created), step.to);
        // The controller's next rescale: the next status with a newer lastScaleTime.
        if (!ex.path.empty()) {
            for (std::size_t j = i + 1; j < statuses.size(); ++j) {
                const auto &later = statuses[j].hpa.status;
                if (later.lastScaleTime
                    && (!hpa.status.lastScaleTime || *later.lastScaleTime > *hpa.status.lastScaleTime)) {
                    const bool pushed = std::any_of(pushes.begin(), pushes.end(),
                        [&](const auto &p) { return p > at && p < statuses[j].at; });
                    if (!pushed) {
                        v.stepError = std::chrono::duration_cast<Millis>(statuses[j].at - ex.path.front().at);
                        v.predictedTo = ex.path.front().to;
                        v.actualTo = later.desiredReplicas;
                        v.stepUncertain = ex.pathUncertain;
                        if (ex.firstStepEarliest)
                            v.stepRange = std::chrono::duration_cast<Millis>(
                                ex.path.front().at - *ex.firstStepEarliest);
                    }
                    break;
                }
            }
        }
        out.push_back(std::move(v));
    }
    // The controller kept syncing after its last write without changing a thing: its last
    // status is still its verdict at the end, far from the edges of windows and periods.
    const auto &last = statuses.back();
    if (end && *end > last.at && !last.hpa.status.conditions.empty()) {
        observed.observe(last.hpa, *end, last.pods);
        const auto ex = kube::hpa::explain(last.hpa, config,
            kube::hpa::ExplainInputs {
                nullptr, &observed, last.pods.empty() ? nullptr : &last.pods, scaleError,
                kube::hpa::ConfigSource::Set },
            *end);
        SyncVerdict v;
        v.at = std::chrono::duration_cast<Millis>(*end - created);
        v.reported = names(ex.reported);
        v.computed = ex.computed ? names(ex.computed->limiters) : "-";
        v.desiredReal = last.hpa.status.desiredReplicas;
        v.desiredComputed = ex.computed ? ex.computed->desiredReplicas : -1;
        v.determined = ex.computed && ex.computed->determined;
        v.why = "(still, at the end) ";
        for (const auto &t : ex.texts())
            v.why += t + " ";
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<std::pair<Millis, int>> rescalesOf(const std::vector<SeenStatus> &statuses)
{
    std::vector<std::pair<Millis, int>> out;
    std::optional<kube::api::Time> last;
    for (const auto &s : statuses) {
        const auto &t = s.hpa.status.lastScaleTime;
        if (t && (!last || *t > *last) && !statuses.empty())
            out.emplace_back(std::chrono::duration_cast<Millis>(s.at - statuses.front().at),
                s.hpa.status.desiredReplicas);
        if (t)
            last = t;
    }
    return out;
}

} // namespace diff
