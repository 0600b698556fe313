#pragma once
// Builders shared by the kube/hpa tests: pods, metrics and HPAs in a line each.
#include "kube/hpa/controller.h"

#include <QString>
#include <QStringList>

namespace hpatest {

using namespace kube::hpa;
using namespace std::chrono_literals;

// 2025-01-01T14:00:00Z
inline Time t0() { return Time(std::chrono::seconds(1735740000)); }

// "ready:500/1000" = a Ready Running pod using 500m of a 1000m request. States: ready, unready
// (Running, Ready=False, never ready), pending, missing (ready, no metric), deleting, failed,
// succeeded (finished: Ready=False),
// young (CPU: started 60 s ago, ready 10 s ago, so within the initialization period and without a
// full 60 s metric window since).
inline void addPods(const QString &spec, std::vector<PodInfo> &pods, PodMetricsInfo &metrics,
                    const std::string &resource = "cpu")
{
    int i = 0;
    for (const QString &item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList stateAndRest = item.split(QLatin1Char(':'));
        const QString state = stateAndRest[0];
        const QStringList nums = stateAndRest[1].split(QLatin1Char('/'));
        PodInfo p;
        p.name = "pod-" + std::to_string(i++);
        p.startTime = t0() - 3600s;
        p.ready = ReadyCondition{ConditionStatus::True, t0() - 3500s};
        ContainerInfo c;
        c.name = "app";
        c.requestsMilli[resource] = nums[1].toLongLong();
        p.containers.push_back(c);
        Seconds window = 60s;
        if (state == QLatin1String("unready"))
            p.ready = ReadyCondition{ConditionStatus::False, t0() - 3600s};
        else if (state == QLatin1String("pending"))
            p.phase = "Pending", p.ready.reset();
        else if (state == QLatin1String("deleting"))
            p.deleting = true;
        else if (state == QLatin1String("failed"))
            p.phase = "Failed";
        else if (state == QLatin1String("succeeded"))
            p.phase = "Succeeded", p.ready = ReadyCondition{ConditionStatus::False, t0() - 60s};
        else if (state == QLatin1String("young"))
            p.startTime = t0() - 60s, p.ready = ReadyCondition{ConditionStatus::True, t0() - 10s};
        if (state != QLatin1String("missing") && !nums[0].isEmpty())
            metrics[p.name] = PodMetric{nums[0].toLongLong(), t0(), window};
        pods.push_back(p);
    }
}

inline std::vector<PodInfo> readyPods(int n)
{
    std::vector<PodInfo> pods;
    PodMetricsInfo unused;
    QStringList items;
    for (int i = 0; i < n; ++i)
        items << QStringLiteral("ready:0/1000");
    addPods(items.join(QLatin1Char(',')), pods, unused);
    return pods;
}

inline kube::api::Quantity q(const char *text) { return *kube::api::Quantity::parse(text); }

// The seed scenario: Object metric test-metric on Service/kubernetes, target Value 300m, 1..10.
inline kube::api::HorizontalPodAutoscaler objectHpa(const char *target = "300m", int32_t min = 1,
                                                    int32_t max = 10)
{
    using namespace kube::api;
    HorizontalPodAutoscaler hpa;
    hpa.metadata.name = "sample-app";
    hpa.metadata.namespace_ = "default";
    hpa.spec.scaleTargetRef = {"apps/v1", "Deployment", "sample-app"};
    hpa.spec.minReplicas = min;
    hpa.spec.maxReplicas = max;
    MetricSpec m;
    m.type = MetricSourceType::Object;
    m.typeName = "Object";
    m.object = ObjectMetricSource{};
    m.object->describedObject = {"v1", "Service", "kubernetes"};
    m.object->metric.name = "test-metric";
    m.object->target.type = MetricTargetType::Value;
    m.object->target.value = q(target);
    hpa.spec.metrics.push_back(m);
    return hpa;
}

// A Pods metric `load` with target AverageValue `target`, min..max.
inline kube::api::HorizontalPodAutoscaler podsHpa(const char *target, int32_t min, int32_t max)
{
    using namespace kube::api;
    HorizontalPodAutoscaler hpa = objectHpa(target, min, max);
    MetricSpec m;
    m.type = MetricSourceType::Pods;
    m.typeName = "Pods";
    m.pods = PodsMetricSource{{"load", std::nullopt}, {}};
    m.pods->target.type = MetricTargetType::AverageValue;
    m.pods->target.averageValue = q(target);
    hpa.spec.metrics = {m};
    return hpa;
}

// Object metric "load" on Service/load with an AverageValue target of 100: ceil(value / 100).
inline kube::api::HorizontalPodAutoscaler
averageHpa(int32_t min, int32_t max, std::optional<kube::api::HorizontalPodAutoscalerBehavior> behavior = std::nullopt)
{
    using namespace kube::api;
    auto hpa = objectHpa("100", min, max);
    auto &o = *hpa.spec.metrics[0].object;
    o.metric.name = "load";
    o.describedObject = {"v1", "Service", "load"};
    o.target.type = MetricTargetType::AverageValue;
    o.target.averageValue = q("100");
    o.target.value.reset();
    hpa.spec.behavior = std::move(behavior);
    return hpa;
}

// What a status shows of an Object-metric HPA: the controller writes a status only when it changed.
inline std::string fingerprint(const kube::api::HorizontalPodAutoscalerStatus &s)
{
    std::string f = std::to_string(s.currentReplicas) + "/" + std::to_string(s.desiredReplicas) + "/" +
                    (s.lastScaleTime ? kube::api::formatTime(*s.lastScaleTime) : "-");
    for (const auto &c : s.conditions)
        f += "|" + c.type + c.status + c.reason + c.message;
    for (const auto &m : s.currentMetrics)
        if (m.object)
            f += "|" + (m.object->current.averageValue ? m.object->current.averageValue->toString() : "") +
                 (m.object->current.value ? m.object->current.value->toString() : "");
    return f;
}

inline MetricInput objectValue(int64_t milli)
{
    MetricInput in;
    in.objectValueMilli = milli;
    return in;
}

inline SyncInput sync(Time now, int32_t replicas, std::vector<MetricInput> metrics)
{
    SyncInput in;
    in.now = now;
    in.specReplicas = replicas;
    in.statusReplicas = replicas;
    in.pods = readyPods(replicas);
    in.metrics = std::move(metrics);
    return in;
}

inline QByteArray b(const std::string &s) { return QByteArray::fromStdString(s); }

} // namespace hpatest
