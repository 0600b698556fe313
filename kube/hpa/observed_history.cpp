#include "kube/hpa/observed_history.h"

#include <algorithm>

namespace kube::hpa {

using namespace kube::api;

namespace {

constexpr std::chrono::milliseconds kJustBefore{1};
// lastScaleTime is serialized to whole seconds; the status that carries it is seen a little
// later. Within this, the observation's own time is the better estimate of the sync.
constexpr Seconds kScaleTimeMatch{2};

} // namespace

std::optional<int32_t> recommendationOf(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                                        const ObservedPods &pods, Time at)
{
    Controller controller(config);
    const SyncResult r =
        controller.reconcile(hpa, syncInputFor(hpa, rawValuesFromStatus(hpa), hpa.status.currentReplicas, pods, at));
    if (r.metricDesiredReplicas < 0)
        return std::nullopt;
    return r.metricDesiredReplicas;
}

void ObservedHistory::observe(const HorizontalPodAutoscaler &hpa, Time at, const ObservedPods &pods)
{
    if (!m_observations.empty() && at < m_observations.back().at)
        return; // out of order: a relist replaying an older state
    const bool synced = !hpa.status.conditions.empty();
    if (!m_seenAny) {
        m_seenAny = true;
        m_fromCreation = !synced; // seen before the controller's first sync
    }
    if (!synced)
        return;
    Observation o;
    o.at = at;
    o.status = hpa.status;
    if (hpa.spec.behavior)
        o.behavior = withDefaults(hpa.spec.behavior);
    o.recommendation = recommendationOf(hpa, m_config, pods, at);
    m_observations.push_back(std::move(o));
}

std::optional<Time> ObservedHistory::lastObservedAt() const
{
    if (m_observations.empty())
        return std::nullopt;
    return m_observations.back().at;
}

std::optional<Time> ObservedHistory::firstObservedAt() const
{
    if (m_observations.empty())
        return std::nullopt;
    return m_observations.front().at;
}

HpaHistory ObservedHistory::reconstruct(Time before, Time now, bool early) const
{
    HpaHistory h;
    const Seconds period = m_config.syncPeriod.count() > 0 ? m_config.syncPeriod : Seconds(15);
    std::optional<Time> lastScale;
    for (std::size_t i = 0; i < m_observations.size(); ++i) {
        const Observation &o = m_observations[i];
        if (o.at >= before)
            break;
        if (i == 0 && m_fromCreation) // recordInitialRecommendation at the first sync
            h.recommendations.push_back({o.status.currentReplicas, o.at});
        if (o.recommendation) {
            const bool last = i + 1 >= m_observations.size() || m_observations[i + 1].at >= before;
            Time end = (last ? std::min(before, now + kJustBefore) : m_observations[i + 1].at) - kJustBefore;
            if (early)
                end = std::max(o.at, end - period);
            h.recommendations.push_back({*o.recommendation, o.at});
            if (end > o.at)
                h.recommendations.push_back({*o.recommendation, end});
        }
        const auto &scaled = o.status.lastScaleTime;
        if (scaled && (!lastScale || *scaled > *lastScale)) {
            const bool fresh = i > 0 || m_fromCreation; // a rescale before we looked: its size is unknown
            if (fresh && o.status.desiredReplicas != o.status.currentReplicas) {
                const Time t = (o.at - *scaled) < kScaleTimeMatch ? o.at : *scaled;
                storeScaleEvent(h, o.behavior, o.status.currentReplicas, o.status.desiredReplicas, t);
            }
            lastScale = scaled;
        }
    }
    return h;
}

void ObservedHistory::prune(Time olderThan)
{
    // Keep the newest observation before the cutoff: its recommendation lasts until the next.
    while (m_observations.size() > 1 && m_observations[1].at < olderThan) {
        m_observations.pop_front();
        m_fromCreation = false;
    }
}

} // namespace kube::hpa
