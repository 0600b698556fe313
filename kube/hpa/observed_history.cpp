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
                                        const ObservedPods &pods, Time at, std::optional<int32_t> podCount)
{
    Controller controller(config);
    const SyncResult r = controller.reconcile(
        hpa, syncInputFor(hpa, rawValuesFromStatus(hpa, podCount), hpa.status.currentReplicas, pods, at, podCount));
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
    o.lowest = o.highest = o.recommendation;
    m_observations.push_back(std::move(o));
    if (!pods.empty())
        return; // the pods are known
    Observation &newest = m_observations.back();
    for (const int32_t count : podCountsAfterRecentRescales(podCountLag(m_config))) {
        const auto r = recommendationOf(hpa, m_config, pods, at, count);
        if (!r)
            continue;
        newest.lowest = newest.lowest ? std::min(*newest.lowest, *r) : *r;
        newest.highest = newest.highest ? std::max(*newest.highest, *r) : *r;
    }
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

HpaHistory ObservedHistory::reconstruct(Time before, Time now, bool early, Pick pick) const
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
        const std::optional<int32_t> rec = pick == Pick::Lowest    ? o.lowest
                                           : pick == Pick::Highest ? o.highest
                                                                   : o.recommendation;
        if (rec) {
            const bool last = i + 1 >= m_observations.size() || m_observations[i + 1].at >= before;
            Time end = (last ? std::min(before, now + kJustBefore) : m_observations[i + 1].at) - kJustBefore;
            if (early)
                end = std::max(o.at, end - period);
            h.recommendations.push_back({*rec, o.at});
            if (end > o.at)
                h.recommendations.push_back({*rec, end});
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

std::vector<int32_t> ObservedHistory::podCountsAfterRecentRescales(Seconds lag) const
{
    std::vector<int32_t> out;
    if (m_observations.empty())
        return out;
    const Observation &newest = m_observations.back();
    for (std::size_t i = m_observations.size(); i-- > 1;) {
        const Observation &o = m_observations[i];
        if (newest.at - o.at > lag)
            break;
        const auto &prev = m_observations[i - 1].status.lastScaleTime;
        const bool rescale = o.status.lastScaleTime && (!prev || *o.status.lastScaleTime > *prev);
        const int32_t before = o.status.currentReplicas; // a rescale status carries the old count
        if (rescale && before != newest.status.currentReplicas &&
            std::find(out.begin(), out.end(), before) == out.end())
            out.push_back(before);
    }
    return out;
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
