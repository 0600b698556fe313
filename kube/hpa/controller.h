#pragma once
// Port of the HPA controller's reconcile step (pkg/controller/podautoscaler/horizontal.go,
// reconcileAutoscaler and what it calls, Kubernetes v1.36). Instead of talking to the API it
// takes what the controller would have read (SyncInput) and returns what it would have written
// (status, conditions, events, the new scale). The per-HPA memory the controller keeps
// (recommendations, scale events) lives in Controller, keyed by "namespace/name".
#include "kube/hpa/behavior.h"
#include "kube/hpa/replica_calculator.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube::hpa {

// One sync: the scale subresource, the pods the selector matches and what the metrics APIs
// returned, at `now`.
struct SyncInput {
    Time now{};
    std::optional<std::string> scaleError; // GET scale failed: FailedGetScale
    int32_t specReplicas = 0;              // scale.spec.replicas (the controller's currentReplicas)
    int32_t statusReplicas = 0;            // scale.status.replicas
    std::string selector = "app=demo";     // scale.status.selector; empty: InvalidSelector
    std::optional<std::string> selectorParseError; // labels.Parse failed
    std::vector<std::string> hpasSelectingPods;    // more than one: AmbiguousSelector
    std::vector<PodInfo> pods;
    std::vector<MetricInput> metrics; // one per spec.metrics entry, same order
    std::optional<std::string> updateScaleError; // PUT scale failed: FailedRescale
};

struct Event {
    std::string type; // Normal, Warning
    std::string reason;
    std::string message;
    bool operator==(const Event &) const = default;
};

// One metric's outcome inside computeReplicasForMetrics.
struct MetricProposal {
    bool valid = false;
    int32_t replicas = 0;
    std::string metricName; // "Service metric test-metric", "cpu resource utilization (...)", ...
    Time timestamp{};
    std::string error;           // the wrapped error (computeReplicasForMetric)
    std::string conditionReason; // FailedGetObjectMetric, ...
    std::string conditionMessage;
};

struct SyncResult {
    kube::api::HorizontalPodAutoscalerStatus status; // what updateStatusIfNeeded would write
    bool rescale = false;                            // the scale was (or would be) updated
    int32_t desiredReplicas = 0;                     // status.desiredReplicas
    std::string rescaleReason;
    std::vector<Event> events;
    int32_t metricDesiredReplicas = -1; // before normalization; -1 when not computed or failed
    std::string metricName;
    std::vector<MetricProposal> proposals;
    std::optional<std::string> error; // reconcileAutoscaler's returned error
};

class Controller {
public:
    explicit Controller(ControllerConfig config = {}) : m_config(config) {}

    const ControllerConfig &config() const { return m_config; }

    // reconcileAutoscaler for one HPA at input.now.
    SyncResult reconcile(const kube::api::HorizontalPodAutoscaler &hpa, const SyncInput &input);

    static std::string keyOf(const kube::api::HorizontalPodAutoscaler &hpa);
    const HpaHistory *history(const std::string &key) const;
    HpaHistory &history(const std::string &key) { return m_history[key]; }
    // reconcileKey on a deleted HPA: the memory is dropped.
    void forget(const std::string &key) { m_history.erase(key); }

private:
    ControllerConfig m_config;
    std::map<std::string, HpaHistory> m_history;
};

// setConditionInList: replaces or appends; lastTransitionTime changes only with the status.
void setCondition(std::vector<kube::api::HorizontalPodAutoscalerCondition> &conditions,
                  const std::string &type, const std::string &status, const std::string &reason,
                  const std::string &message, Time now);

// The metric names the controller uses in conditions and rescale reasons.
std::string metricNameOf(const kube::api::MetricSpec &spec);

} // namespace kube::hpa
