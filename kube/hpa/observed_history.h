#pragma once
// The controller's per-HPA memory (recommendations, scale events) rebuilt from the statuses a
// dashboard watched. The controller keeps that memory to itself; what it writes is enough to
// recover it closely:
// - every sync records a recommendation, the metrics' proposal; a status carries the metric
//   values of the sync that wrote it, and it is rewritten whenever they change, so the proposal
//   is known from one status until the next;
// - a rescale writes lastScaleTime with the old (currentReplicas) and new (desiredReplicas) count.
// What cannot be recovered is exactly when, between two statuses, the last sync of the older
// one ran: `early` places it at the older status's own sync instead of just before the newer one,
// so a caller can tell the results that depend on it.
#include "kube/hpa/sync_model.h"

#include <algorithm>
#include <deque>
#include <optional>

namespace kube::hpa {

class ObservedHistory {
public:
    // The flags are needed to recompute each status' proposal (tolerance) and to place the
    // last sync of a status (sync period).
    explicit ObservedHistory(ControllerConfig config = {}) : m_config(config) {}
    const ControllerConfig &config() const { return m_config; }

    // How a status reached the dashboard: a watch event arrives within the watch's latency of the
    // write; a list (the first look, the relist after a broken watch) shows a status written at
    // any time before, and may hide the statuses written while the watch was down.
    enum class Seen { Event, List };
    // A status as seen at `at`. Statuses must arrive in order; an unchanged status is ignored.
    void observe(const kube::api::HorizontalPodAutoscaler &hpa, Time at, const ObservedPods &pods = {},
                 Seen seen = Seen::Event);
    bool empty() const { return m_observations.empty(); }
    // When the newest status was seen (the time of the sync that wrote it, up to the watch's latency).
    std::optional<Time> lastObservedAt() const;
    // When the first status was seen; the memory before it is unknown.
    std::optional<Time> firstObservedAt() const;
    // Whether the first status seen was the HPA's first: the controller's memory is then known
    // from its start.
    bool fromCreation() const { return m_fromCreation; }

    // The memory the controller had just before the sync at `before` (entries at or after it
    // are left out), as it would be at `now` >= before.
    // `pick`: which of a status' possible recommendations to use where the pod count the
    // controller divided by is uncertain (see podCountsAfterRecentRescales).
    enum class Pick { Nominal, Lowest, Highest };
    HpaHistory reconstruct(Time before, Time now, bool early = false, Pick pick = Pick::Nominal) const;

    // The pod counts the target may still have had when the controller wrote the newest status:
    // the counts before each rescale seen within `lag` of it (a Deployment's status.replicas,
    // which the controller divides by, trails its spec by seconds on a busy cluster).
    std::vector<int32_t> podCountsAfterRecentRescales(Seconds lag) const;
    // The newest status' pod count as inferred (empty: status.currentReplicas), and whether it
    // is known; when not, podCountsAfterRecentRescales lists the candidates.
    std::optional<int32_t> newestPodCount() const
    {
        return m_observations.empty() ? std::nullopt : m_observations.back().podCount;
    }
    bool newestPodCountKnown() const { return m_observations.empty() || m_observations.back().podCountKnown; }

    // Drops what no window or policy period can reach any more.
    void prune(Time olderThan);

    struct Observation {
        Time at{};
        kube::api::HorizontalPodAutoscalerStatus status;
        std::optional<int32_t> recommendation; // the metrics' proposal; none when they failed
        // The proposal's range over the pod counts the controller may have seen.
        std::optional<int32_t> lowest, highest;
        // The pods the controller divided by when not status.currentReplicas (inferred right
        // after a rescale: the metric's total is the previous status' one, which a value
        // arriving at that moment can fool: callers still weigh the other counts), and whether
        // the inference found one.
        std::optional<int32_t> podCount;
        bool podCountKnown = true;
        std::optional<kube::api::HorizontalPodAutoscalerBehavior> behavior;
        Seen seen = Seen::Event;
    };
    const std::deque<Observation> &observations() const { return m_observations; }

private:
    ControllerConfig m_config;
    std::deque<Observation> m_observations;
    bool m_fromCreation = false;
    bool m_seenAny = false;
};

// How long after a rescale the target's status.replicas may still show the old count (measured:
// 3 s on the 2-core sandbox with 17 HPAs scaling at once), and at least a few syncs.
inline Seconds podCountLag(const ControllerConfig &config) { return std::max(Seconds(10), 3 * config.syncPeriod); }

// The metrics' proposal the controller computed for this status (its recommendation), by
// replaying the sync on a controller with no memory; none when the metrics failed or the sync
// did not compute one (target at 0, replicas outside min..max).
// `podCount`: the pods the controller divided by, when not status.currentReplicas.
std::optional<int32_t> recommendationOf(const kube::api::HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                                        const ObservedPods &pods, Time at,
                                        std::optional<int32_t> podCount = std::nullopt);

// The pods a ReplicaSet counts in status.replicas (not being deleted, not finished): what
// status.currentReplicas says when the pods seen agree with the controller's lister.
int32_t activePodCount(const ObservedPods &pods);

} // namespace kube::hpa
