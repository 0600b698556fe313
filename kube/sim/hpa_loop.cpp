// The HPA controller loop: every sync period each HPA is reconciled by kube/hpa's port of the
// real controller, fed with what its informers and metrics clients would have returned, and the
// result is applied like the controller applies it (scale, events, status).
#include "kube/sim/hpa_json.h"
#include "kube/sim/world_impl.h"

#include "kube/api/paths.h"

namespace kube::sim {
namespace {

using namespace kube::api;

// The metrics client's window when the custom metrics API sends none
// (pkg/controller/podautoscaler/metrics: metricServerDefaultMetricWindow).
constexpr hpa::Seconds kCustomMetricWindow{60};
// metrics-server's default resolution (--metric-resolution 15 s), reported as the window.
constexpr hpa::Seconds kResourceMetricWindow{15};
// Memory the demo pods use, reported for memory Resource metrics: 64 MiB in milli-units.
constexpr int64_t kPodMemoryMilli = 64LL * 1024 * 1024 * 1000;
constexpr int64_t kPodMemoryRequestMilli = 128LL * 1024 * 1024 * 1000;

metrics::Selector selectorOf(const std::optional<LabelSelector> &s)
{
    if (!s)
        return {};
    auto parsed = metrics::Selector::parse(s->toString());
    return parsed ? *parsed : metrics::Selector{};
}

hpa::ConditionStatus readyStatus(const json &pod, Time &since)
{
    for (const auto &c : pod["status"].value("conditions", json::array()))
        if (c.value("type", "") == "Ready") {
            if (auto t = parseTime(c.value("lastTransitionTime", "")))
                since = *t;
            return c.value("status", "") == "True" ? hpa::ConditionStatus::True : hpa::ConditionStatus::False;
        }
    return hpa::ConditionStatus::Unknown;
}

} // namespace

void World::Impl::syncHpas()
{
    std::vector<std::string> keys;
    for (const auto &[key, object] : stores["horizontalpodautoscalers"])
        keys.push_back(key);

    for (const auto &key : keys) {
        json object = stores["horizontalpodautoscalers"][key];
        auto decoded = decodeHorizontalPodAutoscaler(object);
        if (!decoded)
            continue;
        const HorizontalPodAutoscaler &hpa = *decoded;
        const std::string ns = hpa.metadata.namespace_;
        const json involved{{"kind", "HorizontalPodAutoscaler"}, {"namespace", ns}, {"name", hpa.metadata.name},
                            {"uid", hpa.metadata.uid}, {"apiVersion", "autoscaling/v2"},
                            {"resourceVersion", hpa.metadata.resourceVersion}};

        hpa::SyncInput in;
        in.now = now;
        const auto &ref = hpa.spec.scaleTargetRef;
        Dep *dep = nullptr;
        if (ref.kind == "Deployment" && groupOf(ref.apiVersion) == "apps") {
            const auto it = deployments.find(objectKey(ns, ref.name));
            if (it != deployments.end())
                dep = &it->second;
            else
                in.scaleError = "deployments.apps \"" + ref.name + "\" not found";
        } else {
            in.scaleError = "no matches for kind \"" + ref.kind + "\" in group \"" + groupOf(ref.apiVersion) + "\"";
        }
        std::vector<const PodSim *> owned;
        if (dep) {
            owned = podsOf(objectKey(ns, dep->name));
            in.specReplicas = dep->replicas;
            in.statusReplicas = static_cast<int32_t>(owned.size());
            in.selector = "app=" + dep->name;
            for (const PodSim *p : owned) {
                const json *pj = find("pods", p->namespace_, p->name);
                hpa::PodInfo info;
                info.name = p->name;
                info.phase = p->running ? "Running" : "Pending";
                Time since{};
                const auto status = readyStatus(*pj, since);
                if (status != hpa::ConditionStatus::Unknown)
                    info.ready = hpa::ReadyCondition{status, since};
                if (p->running)
                    info.startTime = std::chrono::time_point_cast<hpa::Seconds>(p->runningAt);
                info.containers.push_back({"app", {{"cpu", dep->cpuRequestMilli}, {"memory", kPodMemoryRequestMilli}}});
                in.pods.push_back(std::move(info));
            }
            // Other HPAs in the namespace that scale the same target select the same pods.
            for (const auto &[otherKey, other] : stores["horizontalpodautoscalers"]) {
                const json &target = other["spec"]["scaleTargetRef"];
                if (other["metadata"].value("namespace", "") == ns && target.value("kind", "") == "Deployment" &&
                    target.value("name", "") == dep->name)
                    in.hpasSelectingPods.push_back(otherKey);
            }
            if (in.hpasSelectingPods.size() < 2)
                in.hpasSelectingPods.clear();
        }

        for (const auto &spec : hpa.spec.metrics) {
            hpa::MetricInput m;
            m.timestamp = now;
            switch (spec.type) {
            case MetricSourceType::Object: {
                const auto &o = *spec.object;
                MetricKey k{ns, normalizeResource(qualifiedResource(o.describedObject)), o.describedObject.name,
                            o.metric.name};
                if (o.describedObject.kind == "Namespace")
                    k = {"", "namespaces", o.describedObject.name, o.metric.name};
                const auto it = metrics.find(k);
                if (it == metrics.end() || !selectorOf(o.metric.selector).matches(it->second.labels))
                    m.error = "unable to fetch metrics from custom metrics API: the server could not find the metric " +
                              o.metric.name + " for " + k.resource + " " + k.name;
                else
                    m.objectValueMilli = it->second.value.milliValue();
                break;
            }
            case MetricSourceType::Pods: {
                const auto sel = selectorOf(spec.pods->metric.selector);
                for (const PodSim *p : owned) {
                    const auto it = metrics.find({ns, "pods", p->name, spec.pods->metric.name});
                    if (it != metrics.end() && sel.matches(it->second.labels))
                        m.podMetrics[p->name] = {it->second.value.milliValue(), now, kCustomMetricWindow};
                }
                if (m.podMetrics.empty())
                    m.error = "no metrics returned from custom metrics API";
                break;
            }
            case MetricSourceType::Resource:
            case MetricSourceType::ContainerResource: {
                const std::string name =
                    spec.resource ? spec.resource->name : spec.containerResource->name;
                for (const PodSim *p : owned) {
                    if (!p->running)
                        continue; // metrics-server has no sample for a pod that has not started
                    const int64_t v = name == "cpu" ? podCpuMilli(*p) : kPodMemoryMilli;
                    m.podMetrics[p->name] = {v, now, kResourceMetricWindow};
                }
                if (name != "cpu" && name != "memory")
                    m.podMetrics.clear();
                if (m.podMetrics.empty())
                    m.error = "no metrics returned from resource metrics API";
                break;
            }
            case MetricSourceType::External: {
                for (const auto &v : World::externalMetrics(spec.external->metric.name,
                                                            selectorOf(spec.external->metric.selector)))
                    m.externalValuesMilli.push_back(v.value.milliValue());
                if (m.externalValuesMilli.empty())
                    m.error = "no metrics returned from external metrics API";
                break;
            }
            default:
                m.error = "unknown metric source type";
            }
            in.metrics.push_back(std::move(m));
        }

        const hpa::SyncResult result = controller.reconcile(hpa, in);
        if (result.rescale && dep)
            scale(*dep, result.desiredReplicas);
        for (const auto &e : result.events)
            emitEvent(involved, e.type, e.reason, e.message, "horizontal-pod-autoscaler");

        json status = toJson(result.status);
        status["observedGeneration"] = hpa.metadata.generation;
        if (object["status"] != status) {
            object["status"] = status;
            put("horizontalpodautoscalers", std::move(object));
        }
    }
}

} // namespace kube::sim
