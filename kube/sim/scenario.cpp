// The seeded demo scenario: four deployments with an HPA each, one per kind of metric the
// dashboard shows, starting settled (pods Ready, metrics near target) so the table has numbers.
#include "kube/sim/world_impl.h"

namespace kube::sim {
namespace {

json objectMetric(const std::string &kind, const std::string &apiVersion, const std::string &name,
                  const std::string &metric, const json &target)
{
    return {{"type", "Object"},
            {"object", {{"describedObject", {{"apiVersion", apiVersion}, {"kind", kind}, {"name", name}}},
                        {"metric", {{"name", metric}}},
                        {"target", target}}}};
}

json hpa(const std::string &name, int minReplicas, int maxReplicas, json metrics)
{
    return {{"metadata", {{"name", name}, {"namespace", "default"}}},
            {"spec", {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", name}}},
                      {"minReplicas", minReplicas},
                      {"maxReplicas", maxReplicas},
                      {"metrics", std::move(metrics)}}}};
}

api::Quantity q(const char *text)
{
    return *api::Quantity::parse(text);
}

} // namespace

std::unique_ptr<World> World::demo(WorldOptions options)
{
    auto world = std::make_unique<World>(options);
    World &w = *world;
    w.addNamespace("custom-metrics");
    w.addService("default", "kubernetes",
                 {{"clusterIP", "10.96.0.1"}, {"ports", {{{"name", "https"}, {"port", 443}, {"protocol", "TCP"},
                                                          {"targetPort", 6443}}}}});
    w.addService("default", "batch-queue",
                 {{"clusterIP", "10.96.12.7"}, {"ports", {{{"name", "amqp"}, {"port", 5672}, {"protocol", "TCP"}}}}});
    // The test adapter's Service: its write path is what the dashboard's sliders use.
    w.addService("custom-metrics", "custom-metrics-apiserver",
                 {{"clusterIP", "10.96.44.3"},
                  {"selector", {{"app", "custom-metrics-apiserver"}}},
                  {"ports", {{{"name", "https"}, {"port", 443}, {"targetPort", 6443}, {"protocol", "TCP"}},
                             {{"name", "http"}, {"port", 80}, {"targetPort", 8080}, {"protocol", "TCP"}}}}});

    for (const auto &[name, replicas] : {std::pair{"web", 1}, {"worker", 2}, {"api", 2}, {"batch", 1}})
        w.addDeployment({"default", name, replicas, 200, true});

    // The seed experiment: an Object metric, target Value 300m, no spec.behavior (legacy path,
    // 300 s downscale window). 250m keeps it at 1 replica until a slider moves it.
    (void)w.addHpa(hpa("web", 1, 10,
                       {objectMetric("Service", "v1", "kubernetes", "test-metric",
                                     {{"type", "Value"}, {"value", "300m"}})}));
    w.writeMetric({"default", "services", "kubernetes", "test-metric"}, q("250m"));

    // A Pods metric, average 5 per pod; 4 per pod keeps 2 replicas.
    (void)w.addHpa(hpa("worker", 1, 10,
                       {{{"type", "Pods"},
                         {"pods", {{"metric", {{"name", "jobs_pending"}}},
                                   {"target", {{"type", "AverageValue"}, {"averageValue", "5"}}}}}}}));
    {
        std::lock_guard lock(w.m_impl->mutex);
        for (const auto &[key, pod] : w.m_impl->pods)
            if (pod.deployment == "default/worker")
                w.m_impl->metrics[{"default", "pods", pod.name, "jobs_pending"}] = {q("4"), {}, w.m_impl->now};
    }

    // CPU utilization 60 % of a 200m request; cpu-load 200m over 2 pods is 50 %.
    (void)w.addHpa(hpa("api", 1, 10,
                       {{{"type", "Resource"},
                         {"resource", {{"name", "cpu"},
                                       {"target", {{"type", "Utilization"}, {"averageUtilization", 60}}}}}}}));
    w.writeMetric({"default", "deployments.apps", "api", "cpu-load"}, q("200m"));

    // Explicit behavior: up by at most 2 pods a minute, down by at most half every 30 s after a
    // 60 s window; an Object metric averaged per pod (AverageValue 10).
    json batch = hpa("batch", 1, 10,
                     {objectMetric("Service", "v1", "batch-queue", "queue-length",
                                   {{"type", "AverageValue"}, {"averageValue", "10"}})});
    // Stored as the API server defaults it (SetDefaults_HorizontalPodAutoscalerBehavior).
    batch["spec"]["behavior"] = {
        {"scaleUp", {{"stabilizationWindowSeconds", 0}, {"selectPolicy", "Max"},
                     {"policies", {{{"type", "Pods"}, {"value", 2}, {"periodSeconds", 60}}}}}},
        {"scaleDown", {{"stabilizationWindowSeconds", 60}, {"selectPolicy", "Max"},
                       {"policies", {{{"type", "Percent"}, {"value", 50}, {"periodSeconds", 30}}}}}}};
    (void)w.addHpa(batch);
    w.writeMetric({"default", "services", "batch-queue", "queue-length"}, q("10"));

    // The controller sees every HPA once at start, as it does when its informer syncs.
    w.syncHpasNow();
    {
        std::lock_guard lock(w.m_impl->mutex);
        w.m_impl->nextSync = w.m_impl->now + options.syncPeriod;
    }
    return world;
}

} // namespace kube::sim
