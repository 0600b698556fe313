#include "kube/hpa/metrics_compute.h"

#include "kube/hpa/go_compat.h"

namespace kube::hpa::detail {

using namespace kube::api;

namespace {

MetricStatus statusOf(MetricSourceType type)
{
    MetricStatus s;
    s.type = type;
    s.typeName = std::string(nameOf(type));
    return s;
}

// getUnableComputeReplicaCountCondition: a Warning event with the reason and a ScalingActive=False
// condition; `wrapped` is the error computeReplicasForMetric returns.
MetricOutcome failed(std::vector<Event> &events, const std::string &reason, const std::string &err,
                     const std::string &wrapped)
{
    events.push_back({"Warning", reason, err});
    MetricOutcome o;
    o.proposal.error = wrapped;
    o.proposal.conditionReason = reason;
    o.proposal.conditionMessage = "the HPA was unable to compute the replica count: " + err;
    return o;
}

MetricOutcome proposal(const ReplicaCalculation &calc, std::string name, MetricStatus status)
{
    MetricOutcome o;
    o.proposal.valid = true;
    o.proposal.replicas = calc.replicas;
    o.proposal.metricName = std::move(name);
    o.proposal.timestamp = calc.timestamp;
    o.status = std::move(status);
    return o;
}

} // namespace

std::string externalMetricName(const MetricIdentifier &metric)
{
    return "external metric " + metric.name + "(" + go::labelSelector(metric.selector) + ")";
}

namespace {

// computeStatusForResourceMetricGeneric and its two callers.
MetricOutcome resourceMetric(const CalculatorContext &ctx, std::vector<Event> &events,
                             int32_t specReplicas, const MetricSpec &spec, const Tolerances &tol,
                             const SyncInput &in, const MetricInput &fetched)
{
    const bool container = spec.type == MetricSourceType::ContainerResource;
    const std::string reason = container ? "FailedGetContainerResourceMetric" : "FailedGetResourceMetric";
    const std::string resource = container ? spec.containerResource->name : spec.resource->name;
    const std::string containerName = container ? spec.containerResource->container : std::string();
    const MetricTarget &target = container ? spec.containerResource->target : spec.resource->target;
    const std::string wrapPrefix = container ? "failed to get " + containerName + " container metric value: "
                                             : "failed to get " + resource + " resource metric value: ";

    MetricValueStatus current;
    std::string name;
    ReplicaCalculation calc;
    if (target.averageValue) {
        auto r = getRawResourceReplicas(ctx, specReplicas, target.averageValue->milliValue(), resource,
                                        tol, in.pods, fetched);
        if (!r) {
            const std::string err = "failed to get " + resource + " usage: " + r.error().message;
            return failed(events, reason, err, wrapPrefix + err);
        }
        calc = *r;
        name = resource + " resource";
        current.averageValue = Quantity::fromMilli(calc.usageMilli);
    } else if (!target.averageUtilization) {
        const std::string err = "invalid resource metric source: neither an average utilization target "
                                "nor an average value (usage) target was set";
        return failed(events, reason, err, wrapPrefix + err);
    } else {
        auto r = getResourceReplicas(ctx, specReplicas, *target.averageUtilization, resource, tol,
                                     in.pods, fetched, containerName);
        if (!r) {
            const std::string err = "failed to get " + resource + " utilization: " + r.error().message;
            return failed(events, reason, err, wrapPrefix + err);
        }
        calc = *r;
        name = resource + (container ? " container" : "") +
               " resource utilization (percentage of request)";
        current.averageUtilization = calc.utilization;
        current.averageValue = Quantity::fromMilli(calc.usageMilli);
    }
    MetricStatus status = statusOf(spec.type);
    if (container)
        status.containerResource = ContainerResourceMetricStatus{resource, current, containerName};
    else
        status.resource = ResourceMetricStatus{resource, current};
    return proposal(calc, name, std::move(status));
}

} // namespace

MetricOutcome computeReplicasForMetric(const CalculatorContext &ctx, std::vector<Event> &events,
                                       const HorizontalPodAutoscaler &, const MetricSpec &spec,
                                       int32_t specReplicas, int32_t statusReplicas,
                                       const Tolerances &tol, const SyncInput &in,
                                       const MetricInput &fetched)
{
    switch (spec.type) {
    case MetricSourceType::Object: {
        if (!spec.object)
            break;
        const auto &o = *spec.object;
        const std::string wrap = "failed to get object metric value: ";
        if (o.target.type == MetricTargetType::Value && o.target.value) {
            auto r = getObjectMetricReplicas(ctx, specReplicas, o.target.value->milliValue(), o.metric.name,
                                             tol, o.describedObject, in.pods, fetched);
            if (!r)
                return failed(events, "FailedGetObjectMetric", r.error().message, wrap + r.error().message);
            MetricStatus status = statusOf(spec.type);
            status.object = ObjectMetricStatus{o.metric, {}, o.describedObject};
            status.object->current.value = Quantity::fromMilli(r->usageMilli);
            return proposal(*r, o.describedObject.kind + " metric " + o.metric.name, std::move(status));
        }
        if (o.target.type == MetricTargetType::AverageValue && o.target.averageValue) {
            auto r = getObjectPerPodMetricReplicas(ctx, statusReplicas, o.target.averageValue->milliValue(),
                                                   o.metric.name, tol, o.describedObject, fetched);
            if (!r)
                return failed(events, "FailedGetObjectMetric", r.error().message,
                              wrap + "failed to get " + o.metric.name + " object metric: " + r.error().message);
            MetricStatus status = statusOf(spec.type);
            status.object = ObjectMetricStatus{o.metric, {}, {}}; // no describedObject, as in Go
            status.object->current.averageValue = Quantity::fromMilli(r->usageMilli);
            // The Go code names this "external metric ...", a copy-paste kept for fidelity.
            return proposal(*r, externalMetricName(o.metric), std::move(status));
        }
        const std::string err = "invalid object metric source: neither a value target nor an average value target was set";
        return failed(events, "FailedGetObjectMetric", err, wrap + err);
    }
    case MetricSourceType::Pods: {
        if (!spec.pods)
            break;
        const auto &p = *spec.pods;
        const std::string wrap = "failed to get pods metric value: ";
        if (!p.target.averageValue) {
            // Go dereferences a nil AverageValue here (API validation forbids it).
            const std::string err = "invalid pods metric source: no average value target was set";
            return failed(events, "FailedGetPodsMetric", err, wrap + err);
        }
        auto r = getMetricReplicas(ctx, specReplicas, p.target.averageValue->milliValue(), p.metric.name,
                                   tol, in.pods, fetched);
        if (!r)
            return failed(events, "FailedGetPodsMetric", r.error().message, wrap + r.error().message);
        MetricStatus status = statusOf(spec.type);
        status.pods = PodsMetricStatus{p.metric, {}};
        status.pods->current.averageValue = Quantity::fromMilli(r->usageMilli);
        return proposal(*r, "pods metric " + p.metric.name, std::move(status));
    }
    case MetricSourceType::Resource:
        if (!spec.resource)
            break;
        return resourceMetric(ctx, events, specReplicas, spec, tol, in, fetched);
    case MetricSourceType::ContainerResource:
        if (!spec.containerResource)
            break;
        return resourceMetric(ctx, events, specReplicas, spec, tol, in, fetched);
    case MetricSourceType::External: {
        if (!spec.external)
            break;
        const auto &e = *spec.external;
        const std::string wrap = "failed to get " + e.metric.name + " external metric value: ";
        if (e.target.averageValue) {
            auto r = getExternalPerPodMetricReplicas(ctx, statusReplicas, e.target.averageValue->milliValue(),
                                                     e.metric, tol, fetched);
            if (!r)
                return failed(events, "FailedGetExternalMetric", r.error().message,
                              wrap + "failed to get " + e.metric.name + " external metric: " + r.error().message);
            MetricStatus status = statusOf(spec.type);
            status.external = ExternalMetricStatus{e.metric, {}};
            status.external->current.averageValue = Quantity::fromMilli(r->usageMilli);
            return proposal(*r, externalMetricName(e.metric), std::move(status));
        }
        if (e.target.value) {
            auto r = getExternalMetricReplicas(ctx, specReplicas, e.target.value->milliValue(), e.metric,
                                               tol, in.pods, fetched);
            if (!r)
                return failed(events, "FailedGetExternalMetric", r.error().message,
                              wrap + "failed to get external metric " + e.metric.name + ": " + r.error().message);
            MetricStatus status = statusOf(spec.type);
            status.external = ExternalMetricStatus{e.metric, {}};
            status.external->current.value = Quantity::fromMilli(r->usageMilli);
            return proposal(*r, externalMetricName(e.metric), std::move(status));
        }
        const std::string err = "invalid external metric source: neither a value target nor an average value target was set";
        return failed(events, "FailedGetExternalMetric", err, wrap + err);
    }
    default:
        break;
    }
    // Filtered out by API validation; a source missing for its type lands here too.
    const std::string err = "unknown metric source type \"" + spec.typeName + "\"";
    return failed(events, "InvalidMetricSourceType", err, err);
}


} // namespace kube::hpa::detail
