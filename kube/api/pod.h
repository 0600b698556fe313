#pragma once
// core/v1 Pod: only what readiness and placement need, and the rules that say which pods of a
// scale target count for the HPA controller.
#include "kube/api/meta.h"

#include <string_view>

namespace kube::api {

using PodCondition = Condition;

// A container's resource requests (spec.containers[] and spec.initContainers[]).
struct ContainerRequests {
    std::string name;
    std::map<std::string, Quantity> requests; // "cpu" -> 250m, "memory" -> 128Mi
    bool init = false;            // from spec.initContainers
    bool restartableInit = false; // an init container with restartPolicy Always (a sidecar)
};
struct PodSpec {
    std::string nodeName;
    std::vector<ContainerRequests> containers; // regular, then init containers
};
struct PodStatus {
    std::string phase; // Pending, Running, Succeeded, Failed, Unknown
    std::vector<PodCondition> conditions;
    std::string podIP;
    std::optional<Time> startTime;
};
struct Pod {
    ObjectMeta metadata;
    PodSpec spec;
    PodStatus status;

    // The Ready condition, if the status has one.
    const PodCondition *readyCondition() const;
    // The Ready condition is True.
    bool isReady() const;
    // When the Ready condition last changed, if it is True.
    std::optional<Time> readyTime() const;
    // metadata.deletionTimestamp is set: the pod is being deleted.
    bool isDeleting() const { return metadata.deletionTimestamp.has_value(); }
    // status.phase, "Pending" when empty: the API server sets Pending when it creates a pod, so
    // only a hand-made object lacks a phase.
    std::string_view phase() const;
};

Result<Pod> decodePod(const nlohmann::json &j);
void decodeInto(detail::Decoder &d, const nlohmann::json &j, const std::string &path, Pod &out);

// Which pods of a scale target count, and how: the HPA controller lists the pods its Scale
// selector matches (any phase) and sorts them before it looks at their metrics
// (pkg/controller/podautoscaler/replica_calculator.go, v1.36). The rules read a pod's phase,
// deletion and readiness only, so kube::hpa::PodInfo and Pod share them.

// groupPods, before it looks at metrics.
enum class HpaPodRole {
    Ignored, // being deleted, or Failed: its metric is dropped and it is not counted
    Unready, // Pending: its metric is dropped; on a scale-up it counts as 0
    Counted, // any other phase (Running, Succeeded, Unknown): its metric is used; "missing" without one
};
HpaPodRole hpaPodRole(std::string_view phase, bool deleting);

// getReadyPodsCount (Object and External metrics): Running with Ready True; pods being deleted
// are counted too.
bool isReadyForHpa(std::string_view phase, bool ready);

// A pod the controller takes a value from and that a metrics pipeline reports one for: Running
// and not being deleted (a deleting pod's value would be dropped anyway). The pods whose missing
// value the explainer points out, and the ones modelled with a value.
bool expectsMetricValue(std::string_view phase, bool deleting);

// The pods a per-pod push writes a value to: every pod the controller does not ignore, except
// finished (Succeeded) ones, whose containers no longer run: no real pipeline reports a value
// for them, so the controller sees them as missing and a written value would hide that.
// Pending pods get one, so that it is there when they start.
bool takesWrittenValue(std::string_view phase, bool deleting);
bool takesWrittenValue(const Pod &pod);

} // namespace kube::api
