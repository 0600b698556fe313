#pragma once
// Differential test of kube/hpa + kube/sim against the real HPA controller: one scenario is a
// Deployment + HPA, metric pushes in phases, and what to compare. The same description drives
// the real cluster (real_run.h) and the simulated one (sim_run.h).
#include "kube/api/hpa.h"
#include "kube/hpa/sync_model.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace diff {

using Millis = std::chrono::milliseconds;
using nlohmann::json;

inline constexpr const char *kDeploymentName = "app"; // the Deployment every scenario creates

// The real controller's flags the simulation must share (read from kube-controller-manager's
// /configz, HPAController section).
struct ControllerFlags {
    Millis syncPeriod { 1000 }; // --horizontal-pod-autoscaler-sync-period
    Millis downscaleStabilization { 5000 }; // --horizontal-pod-autoscaler-downscale-stabilization
    double tolerance = 0.1; // --horizontal-pod-autoscaler-tolerance
    std::string source; // where the values came from, for the log
};

enum class MetricKind {
    Object, // a value on the scenario's Service (the test adapter stores one per described object)
    Pods, // one value per pod, written to every pod as it appears
};

// Push `value` (empty: nothing), then wait until the Deployment's spec.replicas is `until` and
// has not changed for `quiet` (counted from the push or the last change, whichever is later).
struct Phase {
    std::string value;
    int until = -1;
    Millis quiet { 3000 };
};

// Compared field by field: status, reason and message (the dashboard shows all three).
struct ConditionState {
    std::string status, reason, message;
    bool operator==(const ConditionState &) const = default;
};
using Conditions = std::map<std::string, ConditionState>; // by condition type

// A status as the watch delivered it, with the pods at that moment (Pods scenarios).
struct SeenStatus {
    kube::api::Time at { };
    kube::api::HorizontalPodAutoscaler hpa;
    kube::hpa::ObservedPods pods;
};

// One status the real controller wrote, with what the explainer made of it: the limiters the
// controller's conditions name and the ones hpascope's replay of that sync reaches on the
// memory rebuilt from the statuses before it (kube/hpa ObservedHistory).
struct SyncVerdict {
    Millis at { 0 };
    std::string reported, computed; // limiter names, "ScaleUpLimit" or "ScaleDownStabilized+..."
    int desiredReal = 0, desiredComputed = 0;
    bool determined = true; // false: the verdict hangs on when an unseen sync ran
    std::string why; // the explanation's sentences, for the log
    std::string seen; // the status and the memory rebuilt so far, for HPASCOPE_DIFF_VERBOSE
    // The first step of the predicted path against the controller's next rescale, when no
    // metric was pushed in between: actual time minus predicted time, and both sizes.
    std::optional<Millis> stepError;
    Millis stepRange { 0 }; // how much earlier than predicted the step may come (unseen syncs)
    bool stepUncertain = false; // the explainer said the path may differ (pod count after a rescale)
    int predictedTo = -1, actualTo = -1;
    // The whole predicted path (times relative to the HPA's creation), when it is certain.
    std::vector<std::pair<Millis, int>> path;
};

// What one side observed. Times are relative to the HPA's creation.
struct Trace {
    std::vector<std::pair<Millis, int>> replicas; // spec.replicas changes; [0] is the initial count
    std::vector<Millis> pushes; // when each phase's write started
    Millis pushLatency { 0 }; // the slowest phase write (real side)
    Conditions conditions; // the HPA's final conditions
    std::set<std::string> rescales; // distinct SuccessfulRescale event messages
    Millis end { 0 };
    std::string error; // the real side could not play the scenario (deadline, API error)
    std::vector<SyncVerdict> verdicts; // real side: every status the controller wrote
    std::vector<std::pair<Millis, int>> rescaleStatuses; // real side: each rescale's status, seen when
    std::string settled; // real side: steps taken out as half-written phases (settleHalfWrittenPhases)
    // Real side: every distinct status.lastScaleTime the controller wrote, relative to the HPA's
    // creation on the wall clock. Whole seconds, but stamped by the controller at the rescale, so
    // free of the watch's latency.
    std::vector<Millis> scaleStamps;

    std::vector<int> sequence() const; // distinct consecutive replica counts
    // The first change to `to` after phase `phase`'s push, as a delay from that push.
    std::optional<Millis> delayTo(std::size_t phase, int to) const;
};

struct Scenario {
    std::string name; // DNS label part: namespace diff-<name>-<run>
    std::string what; // one line for the table
    MetricKind kind = MetricKind::Object;
    int initialReplicas = 1;
    std::string initialValue; // metric value before the HPA exists
    json spec; // HPA spec without scaleTargetRef
    std::vector<Phase> phases;
    std::vector<int> expected; // the designed sequence (both sides must also show it)
    Conditions expectedConditions; // the reasons the scenario is about (a subset)
    // Loose timing checks on one trace: empty when fine, else what is wrong.
    std::function<std::string(const Trace &, const ControllerFlags &)> timing;
    std::string knownGap; // non-empty: a real gap of the port (QEXPECT_FAIL with this reason)
    std::string target = kDeploymentName; // scaleTargetRef.name: another name for a missing target
    int valuedPods = -1; // Pods scenarios: only this many pods ever get a value (-1: all)
    bool checkPath = false; // the explainer's whole path after the last push must be the real one
};

// Names shared by both sides.
inline constexpr const char *kService = "load"; // the Object metrics' described object
inline constexpr const char *kMetric = "load";
inline constexpr const char *kAbsentMetric = "absent"; // never written
inline constexpr const char *kRunLabel = "hpascope.io/diff-run";
inline constexpr const char *kDeployment = kDeploymentName;

std::vector<Scenario> scenarios();

std::string sequenceText(const std::vector<int> &seq); // "1→4→2"
std::string conditionsText(const Conditions &c); // "AbleToScale=True/ReadyForNewScale, ..."
std::string conditionMessagesText(const Conditions &c); // "AbleToScale: recommended size ...; ..."

} // namespace diff
