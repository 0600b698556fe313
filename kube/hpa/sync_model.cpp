#include "kube/hpa/sync_model.h"

#include "kube/api/hpa_metrics.h"

#include <algorithm>

namespace kube::hpa {

using namespace kube::api;

namespace {

// Pods that existed before the dashboard looked started long before: outside any
// initialization period.
constexpr Seconds kLongAgo{24 * 3600};

const MetricTarget *resourceTarget(const MetricSpec &spec)
{
    switch (spec.type) {
    case MetricSourceType::Resource:
        return spec.resource ? &spec.resource->target : nullptr;
    case MetricSourceType::ContainerResource:
        return spec.containerResource ? &spec.containerResource->target : nullptr;
    default:
        return nullptr;
    }
}

} // namespace

std::vector<std::optional<Quantity>> rawValuesFromStatus(const HorizontalPodAutoscaler &hpa, std::optional<int32_t> pods)
{
    std::vector<std::optional<Quantity>> out(hpa.spec.metrics.size());
    const int32_t replicas = std::max(pods.value_or(hpa.status.currentReplicas), 1);
    for (const MetricPair &pair : pairMetrics(hpa)) {
        const MetricTarget *target = targetOf(pair.spec);
        const MetricValueStatus *cur = pair.status ? currentOf(*pair.status) : nullptr;
        if (!target || !cur || pair.specIndex >= out.size())
            continue;
        auto &slot = out[pair.specIndex];
        const bool perPodObject = (pair.spec.type == MetricSourceType::Object ||
                                   pair.spec.type == MetricSourceType::External) &&
                                  target->type == MetricTargetType::AverageValue;
        switch (target->type) {
        case MetricTargetType::Value:
            if (cur->value)
                slot = *cur->value;
            break;
        case MetricTargetType::AverageValue:
            if (cur->averageValue) // the status shows value / replicas; the metric is the total
                slot = perPodObject ? impliedTotal(pair.spec, *cur, replicas).value_or(*cur->averageValue)
                                    : *cur->averageValue;
            break;
        case MetricTargetType::Utilization:
            if (cur->averageUtilization)
                slot = Quantity::fromInt64(*cur->averageUtilization);
            break;
        default:
            break;
        }
    }
    return out;
}

std::vector<PodInfo> modelPods(int32_t n, Time start, Time readyAt, int firstSerial)
{
    std::vector<PodInfo> pods;
    for (int32_t i = 0; i < n; ++i) {
        PodInfo info;
        info.name = "pod-" + std::to_string(firstSerial + i);
        info.startTime = start;
        info.phase = "Running";
        info.ready = ReadyCondition{ConditionStatus::True, readyAt};
        ContainerInfo c;
        c.name = "app";
        c.requestsMilli = {{"cpu", kModelRequestMilli}, {"memory", kModelRequestMilli}};
        info.containers.push_back(c);
        pods.push_back(info);
    }
    return pods;
}

PodInfo podInfoOf(const Pod &pod)
{
    PodInfo info = modelPods(1, Time{}, Time{}).front();
    info.name = pod.metadata.name;
    info.phase = std::string(pod.phase());
    info.startTime = pod.status.startTime;
    info.deleting = pod.isDeleting();
    info.ready.reset();
    if (const PodCondition *c = pod.readyCondition())
        info.ready = ReadyCondition{c->status == "True"    ? ConditionStatus::True
                                    : c->status == "False" ? ConditionStatus::False
                                                           : ConditionStatus::Unknown,
                                    c->lastTransitionTime.value_or(Time{})};
    return info;
}

PodInfo podInfoWithRequests(const Pod &pod)
{
    PodInfo info = podInfoOf(pod);
    info.containers.clear();
    for (const auto &c : pod.spec.containers) {
        ContainerInfo ci;
        ci.name = c.name;
        ci.init = c.init;
        ci.restartableInit = c.restartableInit;
        for (const auto &[resource, q] : c.requests)
            ci.requestsMilli[resource] = q.milliValue();
        info.containers.push_back(std::move(ci));
    }
    return info;
}

SyncInput syncInputFor(const HorizontalPodAutoscaler &hpa, const std::vector<std::optional<Quantity>> &values,
                       int32_t specReplicas, const ObservedPods &observed, Time now,
                       std::optional<int32_t> modelledPods)
{
    SyncInput in;
    in.now = now;
    in.specReplicas = specReplicas;
    in.pods = observed.empty() ? modelPods(modelledPods.value_or(specReplicas), now - kLongAgo, now - kLongAgo)
                               : observed.pods;
    in.statusReplicas = static_cast<int32_t>(in.pods.size());
    for (std::size_t i = 0; i < hpa.spec.metrics.size(); ++i) {
        const MetricSpec &spec = hpa.spec.metrics[i];
        MetricInput m;
        m.timestamp = now;
        if (i >= values.size() || !values[i]) {
            m.error = "no value in the HPA's status";
            in.metrics.push_back(m);
            continue;
        }
        const int64_t milli = values[i]->milliValue();
        m.objectValueMilli = milli;
        m.externalValuesMilli = {milli};
        const MetricTarget *rt = resourceTarget(spec);
        const bool utilization = rt && !rt->averageValue && rt->averageUtilization;
        const int64_t perPod = utilization ? milli * kModelRequestMilli / 100000 : milli;
        const auto with = observed.withValues.find(i);
        for (const auto &p : in.pods) {
            if (!expectsMetricValue(p.phase, p.deleting))
                continue;
            if (with != observed.withValues.end() && !with->second.count(p.name))
                continue; // this pod has no value of the metric
            m.podMetrics[p.name] = PodMetric{perPod, now, Seconds(0)};
        }
        in.metrics.push_back(m);
    }
    return in;
}

} // namespace kube::hpa
