#include "kube/hpa/controller.h"

#include "kube/hpa/metrics_compute.h"

namespace kube::hpa {

using namespace kube::api;

void setCondition(std::vector<HorizontalPodAutoscalerCondition> &conditions, const std::string &type,
                  const std::string &status, const std::string &reason, const std::string &message,
                  Time now)
{
    HorizontalPodAutoscalerCondition *existing = nullptr;
    for (auto &c : conditions)
        if (c.type == type) {
            existing = &c;
            break;
        }
    if (!existing) {
        conditions.push_back({});
        existing = &conditions.back();
        existing->type = type;
    }
    if (existing->status != status)
        existing->lastTransitionTime = std::chrono::time_point_cast<Seconds>(now); // metav1.Now, serialized to seconds
    existing->status = status;
    existing->reason = reason;
    existing->message = message;
}

std::string metricNameOf(const MetricSpec &spec)
{
    switch (spec.type) {
    case MetricSourceType::Object:
        if (!spec.object)
            return {};
        if (spec.object->target.type == MetricTargetType::AverageValue)
            return detail::externalMetricName(spec.object->metric);
        return spec.object->describedObject.kind + " metric " + spec.object->metric.name;
    case MetricSourceType::Pods:
        return spec.pods ? "pods metric " + spec.pods->metric.name : std::string();
    case MetricSourceType::Resource:
        if (!spec.resource)
            return {};
        return spec.resource->target.averageValue
                   ? spec.resource->name + " resource"
                   : spec.resource->name + " resource utilization (percentage of request)";
    case MetricSourceType::ContainerResource:
        if (!spec.containerResource)
            return {};
        return spec.containerResource->target.averageValue
                   ? spec.containerResource->name + " resource"
                   : spec.containerResource->name +
                         " container resource utilization (percentage of request)";
    case MetricSourceType::External:
        return spec.external ? detail::externalMetricName(spec.external->metric) : std::string();
    default:
        return {};
    }
}

namespace {

const char *const kAbleToScale = "AbleToScale";
const char *const kScalingActive = "ScalingActive";
const char *const kScalingLimited = "ScalingLimited";
// autoscaling.DefaultCPUUtilization (pkg/apis/autoscaling/types.go)
constexpr int32_t kDefaultCPUUtilization = 80;

// computeReplicasForMetrics result: -1 replicas signals failure.
struct MetricsResult {
    int32_t replicas = 0;
    std::string metric;
    std::vector<MetricStatus> statuses;
    bool statusesSet = false; // Go returns nil statuses on a selector failure
    Time timestamp{};
    std::optional<std::string> error;
};

} // namespace

std::string Controller::keyOf(const HorizontalPodAutoscaler &hpa)
{
    return hpa.metadata.namespace_ + "/" + hpa.metadata.name;
}

const HpaHistory *Controller::history(const std::string &key) const
{
    const auto it = m_history.find(key);
    return it == m_history.end() ? nullptr : &it->second;
}

namespace {

// validateAndParseSelector + computeReplicasForMetrics.
MetricsResult computeReplicasForMetrics(const ControllerConfig &config, const HorizontalPodAutoscaler &hpa,
                                        std::vector<HorizontalPodAutoscalerCondition> &conditions,
                                        SyncResult &out, const SyncInput &in)
{
    MetricsResult r;
    const Time now = in.now;
    if (in.selector.empty()) {
        out.events.push_back({"Warning", "SelectorRequired", "selector is required"});
        setCondition(conditions, kScalingActive, "False", "InvalidSelector",
                     "the HPA target's scale is missing a selector", now);
        r.replicas = -1;
        r.error = "selector is required";
        return r;
    }
    if (in.selectorParseError) {
        const std::string msg = "couldn't convert selector into a corresponding internal selector object: " +
                                *in.selectorParseError;
        out.events.push_back({"Warning", "InvalidSelector", msg});
        setCondition(conditions, kScalingActive, "False", "InvalidSelector", msg, now);
        r.replicas = -1;
        r.error = msg;
        return r;
    }
    if (in.hpasSelectingPods.size() > 1) {
        std::string list = "[";
        for (std::size_t i = 0; i < in.hpasSelectingPods.size(); ++i)
            list += (i ? " " : "") + in.hpasSelectingPods[i];
        list += "]";
        const std::string msg = "pods by selector " + in.selector + " are controlled by multiple HPAs: " + list;
        out.events.push_back({"Warning", "AmbiguousSelector", msg});
        setCondition(conditions, kScalingActive, "False", "AmbiguousSelector", msg, now);
        r.replicas = -1;
        r.error = msg;
        return r;
    }

    const auto &specs = hpa.spec.metrics;
    r.statuses.resize(specs.size());
    r.statusesSet = true;
    const CalculatorContext ctx = calculatorContext(config, hpa.metadata.namespace_, now);
    const Tolerances tol = tolerancesForHpa(hpa, config);

    int invalidCount = 0;
    std::optional<MetricProposal> firstInvalid;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        MetricInput missingInput;
        missingInput.error = "no metric value was provided";
        const MetricInput &fetched = i < in.metrics.size() ? in.metrics[i] : missingInput;
        auto o = detail::computeReplicasForMetric(ctx, out.events, hpa, specs[i], in.specReplicas,
                                                  in.statusReplicas, tol, in, fetched);
        out.proposals.push_back(o.proposal);
        if (!o.proposal.valid) {
            if (invalidCount <= 0)
                firstInvalid = o.proposal;
            ++invalidCount;
            continue;
        }
        r.statuses[i] = std::move(o.status);
        if (r.replicas == 0 || o.proposal.replicas > r.replicas) {
            r.timestamp = o.proposal.timestamp;
            r.replicas = o.proposal.replicas;
            r.metric = o.proposal.metricName;
        }
    }
    if (firstInvalid)
        r.error = "invalid metrics (" + std::to_string(invalidCount) + " invalid out of " +
                  std::to_string(specs.size()) + "), first error is: " + firstInvalid->error;

    // All invalid, or some invalid and the valid ones would scale down: do nothing, and report
    // the first invalid metric's condition.
    if (invalidCount >= static_cast<int>(specs.size()) ||
        (invalidCount > 0 && r.replicas < in.specReplicas)) {
        if (firstInvalid)
            setCondition(conditions, kScalingActive, "False", firstInvalid->conditionReason,
                         firstInvalid->conditionMessage, now);
        else // no metrics at all: Go sets a condition with empty type, reason and message
            setCondition(conditions, "", "", "", "", now);
        r.replicas = -1;
        r.metric.clear();
        r.timestamp = {};
        // With zero metrics Go's error stays nil and reconcile carries on with -1 (unreachable
        // through the API, which defaults spec.metrics to CPU 80 %).
        return r;
    }
    setCondition(conditions, kScalingActive, "True", "ValidMetricFound",
                 "the HPA was able to successfully calculate a replica count from " + r.metric, now);
    return r;
}

} // namespace

SyncResult Controller::reconcile(const HorizontalPodAutoscaler &hpaIn, const SyncInput &in)
{
    SyncResult out;
    const Time now = in.now;
    HorizontalPodAutoscaler hpa = hpaIn;
    // The API server defaults spec.behavior when it is set; an HPA built in code may not be.
    if (hpa.spec.behavior)
        hpa.spec.behavior = withDefaults(hpa.spec.behavior);
    if (hpa.spec.metrics.empty()) { // SetDefaults_HorizontalPodAutoscaler: CPU at 80 %
        MetricSpec cpu;
        cpu.type = MetricSourceType::Resource;
        cpu.typeName = "Resource";
        cpu.resource = ResourceMetricSource{"cpu", {}};
        cpu.resource->target.type = MetricTargetType::Utilization;
        cpu.resource->target.averageUtilization = kDefaultCPUUtilization;
        hpa.spec.metrics.push_back(cpu);
    }
    auto conditions = hpa.status.conditions;
    auto finish = [&](int32_t currentReplicas, int32_t desiredReplicas, std::vector<MetricStatus> metrics,
                      bool rescale) { // setStatus
        out.status.observedGeneration = hpa.status.observedGeneration;
        out.status.currentReplicas = currentReplicas;
        out.status.desiredReplicas = desiredReplicas;
        out.status.lastScaleTime = hpa.status.lastScaleTime;
        out.status.currentMetrics = std::move(metrics);
        out.status.conditions = conditions;
        if (rescale)
            out.status.lastScaleTime = std::chrono::time_point_cast<Seconds>(now);
        out.desiredReplicas = desiredReplicas;
    };

    if (in.scaleError) {
        out.events.push_back({"Warning", "FailedGetScale", *in.scaleError});
        setCondition(conditions, kAbleToScale, "False", "FailedGetScale",
                     "the HPA controller was unable to get the target's current scale: " + *in.scaleError, now);
        out.status = hpa.status;
        out.status.conditions = conditions;
        out.desiredReplicas = hpa.status.desiredReplicas;
        out.error = "failed to query scale subresource for " + hpa.spec.scaleTargetRef.kind + "/" +
                    hpa.metadata.namespace_ + "/" + hpa.spec.scaleTargetRef.name + ": " + *in.scaleError;
        return out;
    }
    setCondition(conditions, kAbleToScale, "True", "SucceededGetScale",
                 "the HPA controller was able to get the target's current scale", now);
    const int32_t currentReplicas = in.specReplicas;
    const std::string key = keyOf(hpa);
    HpaHistory &hist = m_history[key];
    recordInitialRecommendation(hist, currentReplicas, now);

    int32_t desiredReplicas = 0;
    const int32_t minReplicas = hpa.spec.minReplicas.value_or(1);
    bool rescale = true;
    std::vector<MetricStatus> metricStatuses;

    if (currentReplicas == 0 && minReplicas != 0) {
        // Autoscaling is disabled for this resource.
        desiredReplicas = 0;
        rescale = false;
        setCondition(conditions, kScalingActive, "False", "ScalingDisabled",
                     "scaling is disabled since the replica count of the target is zero", now);
    } else if (currentReplicas > hpa.spec.maxReplicas) {
        out.rescaleReason = "Current number of replicas above Spec.MaxReplicas";
        desiredReplicas = hpa.spec.maxReplicas;
    } else if (currentReplicas < minReplicas) {
        out.rescaleReason = "Current number of replicas below Spec.MinReplicas";
        desiredReplicas = minReplicas;
    } else {
        MetricsResult m = computeReplicasForMetrics(m_config, hpa, conditions, out, in);
        metricStatuses = m.statuses;
        out.metricDesiredReplicas = m.replicas;
        out.metricName = m.metric;
        if (m.error && m.replicas == -1) {
            finish(currentReplicas, hpa.status.desiredReplicas, metricStatuses, false);
            out.events.push_back({"Warning", "FailedComputeMetricsReplicas", *m.error});
            out.error = "failed to compute desired number of replicas based on listed metrics for " +
                        hpa.spec.scaleTargetRef.kind + "/" + hpa.metadata.namespace_ + "/" +
                        hpa.spec.scaleTargetRef.name + ": " + *m.error;
            return out;
        }
        if (m.error)
            out.error = *m.error; // scale on the valid metrics, report the rest
        std::string rescaleMetric;
        if (m.replicas > desiredReplicas) {
            desiredReplicas = m.replicas;
            rescaleMetric = m.metric;
        }
        if (desiredReplicas > currentReplicas)
            out.rescaleReason = rescaleMetric + " above target";
        if (desiredReplicas < currentReplicas)
            out.rescaleReason = "All metrics below target";

        if (!hpa.spec.behavior) { // normalizeDesiredReplicas
            const int32_t stabilized =
                stabilizeRecommendation(hist, m_config.downscaleStabilization, desiredReplicas, now);
            if (stabilized != desiredReplicas)
                setCondition(conditions, kAbleToScale, "True", "ScaleDownStabilized",
                             "recent recommendations were higher than current one, applying the highest recent recommendation",
                             now);
            else
                setCondition(conditions, kAbleToScale, "True", "ReadyForNewScale",
                             "recommended size matches current size", now);
            const Normalized n = convertDesiredReplicasWithRules(currentReplicas, stabilized, minReplicas,
                                                                 hpa.spec.maxReplicas);
            setCondition(conditions, kScalingLimited, n.replicas == stabilized ? "False" : "True", n.reason,
                         n.message, now);
            desiredReplicas = n.replicas;
        } else { // normalizeDesiredReplicasWithBehaviors
            NormalizationArg args;
            args.scaleUp = *hpa.spec.behavior->scaleUp;
            args.scaleDown = *hpa.spec.behavior->scaleDown;
            if (!args.scaleDown.stabilizationWindowSeconds) // maybeInitScaleDownStabilizationWindow
                args.scaleDown.stabilizationWindowSeconds =
                    static_cast<int32_t>(m_config.downscaleStabilization.count());
            args.minReplicas = minReplicas;
            args.maxReplicas = hpa.spec.maxReplicas;
            args.currentReplicas = currentReplicas;
            args.desiredReplicas = desiredReplicas;
            const Normalized s = stabilizeRecommendationWithBehaviors(hist, args, now);
            args.desiredReplicas = s.replicas;
            if (s.replicas != desiredReplicas)
                setCondition(conditions, kAbleToScale, "True", s.reason, s.message, now);
            else
                setCondition(conditions, kAbleToScale, "True", "ReadyForNewScale",
                             "recommended size matches current size", now);
            const Normalized n = convertDesiredReplicasWithBehaviorRate(hist, args, now);
            setCondition(conditions, kScalingLimited, n.replicas == s.replicas ? "False" : "True", n.reason,
                         n.message, now);
            desiredReplicas = n.replicas;
        }
        rescale = desiredReplicas != currentReplicas;
    }

    if (rescale) {
        if (in.updateScaleError) {
            out.events.push_back({"Warning", "FailedRescale",
                                  "New size: " + std::to_string(desiredReplicas) + "; reason: " +
                                      out.rescaleReason + "; error: " + *in.updateScaleError});
            setCondition(conditions, kAbleToScale, "False", "FailedUpdateScale",
                         "the HPA controller was unable to update the target scale: " + *in.updateScaleError, now);
            finish(currentReplicas, hpa.status.desiredReplicas, metricStatuses, false);
            out.error = "failed to rescale " + hpa.spec.scaleTargetRef.kind + "/" + hpa.metadata.namespace_ +
                        "/" + hpa.spec.scaleTargetRef.name + ": " + *in.updateScaleError;
            return out;
        }
        setCondition(conditions, kAbleToScale, "True", "SucceededRescale",
                     "the HPA controller was able to update the target scale to " + std::to_string(desiredReplicas),
                     now);
        out.events.push_back({"Normal", "SuccessfulRescale",
                              "New size: " + std::to_string(desiredReplicas) + "; reason: " + out.rescaleReason});
        storeScaleEvent(hist, hpa.spec.behavior, currentReplicas, desiredReplicas, now);
    } else {
        desiredReplicas = currentReplicas;
    }
    out.rescale = rescale;
    finish(currentReplicas, desiredReplicas, metricStatuses, rescale);
    return out;
}

} // namespace kube::hpa

