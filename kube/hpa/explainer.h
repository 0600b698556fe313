#pragma once
// Explains, in plain sentences, what the HPA controller is doing with an HPA and why, from the
// HPA's spec and status, the controller configuration and (when the dashboard recorded it) the
// recommendation history. Uses the ported controller for every number it states.
#include "kube/hpa/behavior.h"
#include "kube/hpa/predictor.h"

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

struct Explanation {
    std::vector<std::string> sentences;
    std::vector<MetricLine> metrics;
    EffectiveBehavior behavior;
    // Scale-down held by a stabilization window: when the window releases, and the first sync
    // at which the replicas drop (if the metrics stay as they are).
    std::optional<Time> heldUntil;
    std::optional<Time> scaleDownAt;
    std::optional<int32_t> scaleDownTo;
    bool heldUntilEstimated = false; // no recorded history: an upper bound from `now`
};

Explanation explain(const kube::api::HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                    const HpaHistory *history, Time now);

// "14:05:30" in local time
std::string formatClock(Time t);

} // namespace kube::hpa
