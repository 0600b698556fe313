#pragma once
// Explains, in plain sentences, what the HPA controller is doing with an HPA and why.
//
// The controller's conditions on the HPA are the truth about its last sync: the explanation
// names what they name, first the problems (a target that cannot be read, metrics that
// failed), then the limiter (maxReplicas, a rate policy, a disabled direction, a stabilization
// window). The numbers and the path ahead come from the ported controller: the last sync is
// replayed on the controller's memory (known in the demo, rebuilt from the watched statuses on
// a real cluster, see ObservedHistory) and then stepped forward with the metrics held.
// The replay's own verdict is kept apart (`computed`) so it can be checked against the
// controller's: the differential test does that on every sync of the real controller.
#include "kube/hpa/behavior.h"
#include "kube/hpa/explainer_messages.h"
#include "kube/hpa/limiter.h"
#include "kube/hpa/observed_history.h"
#include "kube/hpa/predictor.h"
#include "kube/hpa/window_inference.h"

#include <optional>
#include <string>
#include <vector>

namespace kube::hpa {

struct MetricLine {
    std::string name;    // "test-metric", "cpu", "queue_depth"
    std::string current; // "400m", "75%", "<unknown>"
    std::string target;  // "300m", "80%", "avg 2k"
    std::optional<double> ratio;
    bool withinTolerance = false;
    std::optional<int32_t> proposedReplicas;
};

// The replay of the last sync.
struct Replay {
    std::vector<Limiter> limiters; // limitersOf() over the conditions the port set
    int32_t desiredReplicas = 0;
    int32_t metricReplicas = -1;   // the metrics' proposal; -1 when they failed
    // False when the verdict depends on exactly when the syncs before ran, which the
    // statuses do not tell (within one sync period of a window's or a policy period's end),
    // or on memory from before hpascope watched.
    bool determined = true;
};

struct ScaleStep {
    Time at{};
    int32_t from = 0;
    int32_t to = 0;
};

struct Explanation {
    std::vector<Sentence> sentences;
    std::vector<MetricLine> metrics;
    EffectiveBehavior behavior;
    std::vector<Limiter> reported; // from the HPA's conditions
    std::optional<Replay> computed;
    // The replica changes ahead if the metrics stay as they are (the first few).
    std::vector<ScaleStep> path;
    bool pathEstimated = false; // the memory is partly unknown: the times are upper bounds
    // Just after a rescale the controller may have divided by the old pod count: the path
    // differs between the two readings.
    bool pathUncertain = false;
    // The first step may come this early: the syncs between two statuses are not seen, so the
    // last one that recorded a recommendation may have run right after its status.
    std::optional<Time> firstStepEarliest;
    // Scale-down held by a stabilization window: when the window releases, and the first sync
    // at which the replicas drop (if the metrics stay as they are).
    std::optional<Time> heldUntil;
    std::optional<Time> scaleDownAt;
    std::optional<int32_t> scaleDownTo;
    bool heldUntilEstimated = false; // no recorded history: an upper bound from `now`

    std::vector<std::string> texts() const; // the sentences in English
};

struct ExplainInputs {
    const HpaHistory *history = nullptr;       // the controller's own memory (the demo cluster)
    const ObservedHistory *observed = nullptr; // the statuses watched (a real cluster)
    const ObservedPods *pods = nullptr;        // the target's pods, when watched
    // Reading the target's scale failed (what the dashboard's own GET .../scale returned).
    std::optional<std::string> scaleError;
    // Where the ControllerConfig came from, said after any sentence that rests on it.
    ConfigSource configSource = ConfigSource::Assumed;
    // The scale-down window the scale-downs seen so far allow (window_inference.h): said after
    // the assumed flags. The replay stays on `config`: a range is not a value to replay with.
    std::optional<WindowInference> inferredWindow;
};

Explanation explain(const kube::api::HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                    const ExplainInputs &inputs, Time now);
inline Explanation explain(const kube::api::HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                           const HpaHistory *history, Time now)
{
    return explain(hpa, config, ExplainInputs{history, nullptr, nullptr}, now);
}

// Moves the countdown to the first step of the path ("in 250 s") to `now`, without explaining
// again: the rest of an explanation changes only with the HPA, its memory or its pods.
void advanceTo(Explanation &ex, Time now);

// "14:05:30" in local time
std::string formatClock(Time t);

} // namespace kube::hpa
