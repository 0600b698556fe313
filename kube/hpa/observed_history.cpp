#include "kube/hpa/observed_history.h"

#include <algorithm>

namespace kube::hpa {

using namespace kube::api;

namespace {

constexpr std::chrono::milliseconds kJustBefore{1};
// lastScaleTime is serialized to whole seconds; the status that carries it is seen a little
// later. Within this, the observation's own time is the better estimate of the sync.
constexpr Seconds kScaleTimeMatch{2};
// How much earlier than seen a status' sync may have run: the controller's scale and status
// writes and the watch's delivery (up to 0.4 s each measured on the 2-core sandbox under load).
constexpr Seconds kSeenLatency{1};

bool sameValues(const std::vector<std::optional<Quantity>> &a, const std::vector<std::optional<Quantity>> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].has_value() != b[i].has_value() || (a[i] && a[i]->milliValue() != b[i]->milliValue()))
            return false;
    return true;
}

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

void ObservedHistory::observe(const HorizontalPodAutoscaler &hpa, Time at, const ObservedPods &pods, Seen seen)
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
    o.seen = seen;
    if (hpa.spec.behavior)
        o.behavior = withDefaults(hpa.spec.behavior);
    m_observations.push_back(std::move(o));
    Observation &newest = m_observations.back();
    const std::vector<int32_t> counts =
        pods.empty() ? podCountsAfterRecentRescales(podCountLag(m_config)) : std::vector<int32_t>{};
    if (!counts.empty()) {
        // The metric itself did not change when only the pod count did: the count whose total
        // is the previous status' total is the one the controller divided by.
        newest.podCountKnown = false;
        if (m_observations.size() >= 2) {
            const Observation &previous = m_observations[m_observations.size() - 2];
            HorizontalPodAutoscaler before = hpa;
            before.status = previous.status;
            const auto totals = rawValuesFromStatus(before, previous.podCount);
            if (sameValues(rawValuesFromStatus(hpa), totals)) {
                newest.podCountKnown = true;
            } else {
                for (const int32_t count : counts)
                    if (sameValues(rawValuesFromStatus(hpa, count), totals)) {
                        newest.podCount = count;
                        newest.podCountKnown = true;
                        break;
                    }
            }
        }
    }
    newest.recommendation = recommendationOf(hpa, m_config, pods, at, newest.podCount);
    newest.lowest = newest.highest = newest.recommendation;
    // The inference fails when a new value arrives with the new pods (100 over 1 pod reads
    // like 500 over 5): every count stays possible for the range.
    std::vector<int32_t> possible = counts;
    if (newest.podCount)
        possible.push_back(hpa.status.currentReplicas);
    auto widen = [&](const std::optional<int32_t> &r) {
        if (!r)
            return;
        newest.lowest = newest.lowest ? std::min(*newest.lowest, *r) : *r;
        newest.highest = newest.highest ? std::max(*newest.highest, *r) : *r;
    };
    for (const int32_t count : possible)
        widen(recommendationOf(hpa, m_config, pods, at, count));
    // The pods seen and the controller's pod lister are separate caches, and a rescale's
    // deletions reach them apart: when the pods seen are not as many as the target's own
    // count of its pods (status.currentReplicas, read by the sync that wrote this), the
    // controller may have divided by that count instead.
    if (!pods.empty() && activePodCount(pods) != hpa.status.currentReplicas)
        widen(recommendationOf(hpa, m_config, {}, at, hpa.status.currentReplicas));
}

int32_t activePodCount(const ObservedPods &pods)
{
    // What a ReplicaSet counts in status.replicas: pods not being deleted and not finished.
    return static_cast<int32_t>(std::count_if(pods.pods.begin(), pods.pods.end(), [](const PodInfo &p) {
        return !p.deleting && p.phase != "Succeeded" && p.phase != "Failed";
    }));
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
            // The last sync that recorded it ran at most a period before the next status on an
            // idle controller, but a busy one runs its syncs late (3 s with a 1 s period on the
            // sandbox under load): `early` takes the bound that always holds, the status' own sync.
            // And the sync ran before its status was seen, by the write's and the watch's
            // latency, which varies from status to status (a rescale's status waits for the
            // scale update): `early` also takes the earliest that sync can have run.
            Time start = o.at;
            if (early) {
                start = std::max(o.at - kSeenLatency, i > 0 ? m_observations[i - 1].at + kJustBefore : o.at - kSeenLatency);
                end = start;
            }
            h.recommendations.push_back({*rec, start});
            if (end > start)
                h.recommendations.push_back({*rec, end});
        }
        const auto &scaled = o.status.lastScaleTime;
        if (scaled && (!lastScale || *scaled > *lastScale)) {
            const bool fresh = i > 0 || m_fromCreation; // a rescale before we looked: its size is unknown
            if (fresh && o.status.desiredReplicas != o.status.currentReplicas) {
                // The rescale ran between lastScaleTime (whole seconds) and when its status was
                // seen; `early` takes the earliest.
                const Time t = !early && (o.at - *scaled) < kScaleTimeMatch ? o.at : *scaled;
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
