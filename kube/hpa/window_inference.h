#pragma once
// The controller's --horizontal-pod-autoscaler-downscale-stabilization, bounded by what the
// watched statuses showed. A scale-down to N from C tells two things:
// - at its sync the window held no recommendation above N: the last sync that recorded one ran
//   at least W before (an upper bound on W);
// - when the status before it says the window held C, the sync before still held a
//   recommendation of at least C, recorded before the statuses stopped asking for C (a lower
//   bound).
// Only the syncs that wrote a status are seen, a little after they ran; every time used is the
// dashboard's clock (lastScaleTime is the cluster's), and the bounds take the sync period, a
// late sync and the watch's latency in their favour: wide rather than wrong.
// Left out: HPAs with spec.behavior.scaleDown.stabilizationWindowSeconds (the flag does not
// apply to them), and scale-downs whose timing a scaling policy may have set.
// Assumed: the controller kept its memory meanwhile (a restart during a hold starts the window
// again and makes the lower bound too high), and the tolerance the history was built with.
#include "kube/hpa/observed_history.h"

#include <optional>
#include <vector>

namespace kube::hpa {

// One scale-down a stabilization window released, as times that do not depend on the sync
// period (boundsOf() applies it).
struct WindowEvidence {
    Time releasedBy{}; // its sync ran before this (when its status was seen)
    // The last sync that recorded a recommendation above the new count ran at or after
    // highWritten, and at most one sync before nextWritten (either may be unknown, not both).
    std::optional<Time> highWritten;
    std::optional<Time> nextWritten;
    // Known when the status before the scale-down says the window held the old count.
    struct Hold {
        Time scaledFrom{};               // the scale-down's sync ran at or after this
        std::optional<Time> holdWritten; // the sync before it ran at or after this
        Time heldBefore{};               // the recommendation the window held was recorded before this
        bool operator==(const Hold &) const = default;
    };
    std::optional<Hold> hold;
    bool operator==(const WindowEvidence &) const = default;
};

struct WindowBounds {
    Seconds lo{0};
    Seconds hi{0};
};

struct WindowInference {
    Seconds lo{0}, hi{0}; // meaningful only when consistent
    int count = 0;        // the scale-downs used
    // False when the scale-downs admit no common window (lo > hi): the HPAs do not all run with
    // one flag, the sync period is longer than assumed, or the controller restarted during a
    // hold. No value is given then.
    bool consistent = true;
    bool contains(Seconds w) const { return consistent && lo <= w && w <= hi; }
    bool operator==(const WindowInference &) const = default;
};

// How late a busy controller runs a sync (measured: 3 s with a 1 s period on the sandbox under
// load), and how long after its write a watched status is applied by the dashboard.
inline constexpr Seconds kSyncLateness{3};
inline constexpr Seconds kWatchLatency{2};

// The evidence of the scale-down at observations()[index], if the flag's window released it.
std::optional<WindowEvidence> windowEvidenceAt(const ObservedHistory &history, std::size_t index);
// Every such scale-down in the history.
std::vector<WindowEvidence> windowEvidence(const ObservedHistory &history);

// What one scale-down says of the window when syncs run `syncPeriod` apart.
WindowBounds boundsOf(const WindowEvidence &evidence, Seconds syncPeriod);

// The window every scale-down allows (one controller, one flag); none without any.
std::optional<WindowInference> inferWindow(const std::vector<WindowEvidence> &evidence, Seconds syncPeriod);
std::optional<WindowInference> inferWindowFrom(const std::vector<const ObservedHistory *> &histories,
                                               Seconds syncPeriod);

} // namespace kube::hpa
