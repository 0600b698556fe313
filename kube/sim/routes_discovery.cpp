// Legacy (unaggregated) discovery documents, enough for kubectl and client-go's RESTMapper.
#include "kube/sim/routes.h"

#include <set>

namespace kube::sim::detail {
namespace {

struct Resource {
    const char *name, *singular, *kind;
    bool namespaced;
    std::vector<std::string> verbs, shortNames;
};

const std::vector<std::string> kReadVerbs = {"get", "list", "watch"};

struct GroupVersion {
    const char *group, *version;
    std::vector<Resource> resources;
};

const std::vector<GroupVersion> &groups()
{
    static const std::vector<GroupVersion> kGroups = {
        {"", "v1",
         {{"namespaces", "namespace", "Namespace", false, kReadVerbs, {"ns"}},
          {"nodes", "node", "Node", false, kReadVerbs, {"no"}},
          {"services", "service", "Service", true, kReadVerbs, {"svc"}},
          {"services/proxy", "", "ServiceProxyOptions", true, {"get", "post"}, {}},
          {"pods", "pod", "Pod", true, {"get", "list", "watch", "patch"}, {"po"}},
          {"events", "event", "Event", true, kReadVerbs, {"ev"}}}},
        {"apps", "v1",
         {{"deployments", "deployment", "Deployment", true, kReadVerbs, {"deploy"}},
          {"deployments/scale", "", "Scale", true, {"get", "patch", "update"}, {}},
          {"replicasets", "replicaset", "ReplicaSet", true, kReadVerbs, {"rs"}}}},
        {"autoscaling", "v2",
         {{"horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", true, kReadVerbs, {"hpa"}},
          {"horizontalpodautoscalers/status", "", "HorizontalPodAutoscaler", true, {"get"}, {}}}},
        {"custom.metrics.k8s.io", "v1beta2", {}},
        {"custom.metrics.k8s.io", "v1beta1", {}},
        {"external.metrics.k8s.io", "v1beta1",
         {{"my-external-metric", "", "ExternalMetricValueList", true, {"get"}, {}},
          {"other-external-metric", "", "ExternalMetricValueList", true, {"get"}, {}}}},
        {"metrics.k8s.io", "v1beta1", {{"pods", "", "PodMetrics", true, {"get", "list"}, {}}}},
    };
    return kGroups;
}

std::string gv(const GroupVersion &g)
{
    return std::string(g.group).empty() ? g.version : std::string(g.group) + "/" + g.version;
}

json groupJson(const std::string &name)
{
    json versions = json::array();
    for (const auto &g : groups())
        if (name == g.group)
            versions.push_back({{"groupVersion", gv(g)}, {"version", g.version}});
    return {{"name", name}, {"versions", versions}, {"preferredVersion", versions.front()}};
}

json resourceList(World &world, const GroupVersion &g)
{
    json resources = json::array();
    for (const auto &r : g.resources) {
        json e{{"name", r.name}, {"singularName", r.singular}, {"namespaced", r.namespaced},
               {"kind", r.kind}, {"verbs", r.verbs}};
        if (!r.shortNames.empty())
            e["shortNames"] = r.shortNames;
        if (std::string(r.name) == "deployments/scale")
            e["group"] = "autoscaling", e["version"] = "v1";
        resources.push_back(e);
    }
    if (std::string(g.group) == "custom.metrics.k8s.io") {
        // ListAllMetrics: one entry per (resource, metric) written so far.
        std::set<std::string> seen;
        for (const auto &k : world.metricKeys())
            if (seen.insert(k.resource + "/" + k.metric).second)
                resources.push_back({{"name", k.resource + "/" + k.metric}, {"singularName", ""},
                                     {"namespaced", k.resource != "nodes"}, {"kind", "MetricValueList"},
                                     {"verbs", {"get"}}});
    }
    return {{"kind", "APIResourceList"}, {"apiVersion", "v1"}, {"groupVersion", gv(g)}, {"resources", resources}};
}

} // namespace

bool handleDiscovery(World &world, const Segments &segs, HttpResponder &r, const std::string &hostPort)
{
    if (segs.size() == 1 && segs[0] == "api") {
        sendJson(r, 200, {{"kind", "APIVersions"}, {"versions", {"v1"}},
                          {"serverAddressByClientCIDRs", {{{"clientCIDR", "0.0.0.0/0"}, {"serverAddress", hostPort}}}}});
        return true;
    }
    if (segs.size() == 2 && segs[0] == "api") {
        if (segs[1] != "v1")
            return false;
        sendJson(r, 200, resourceList(world, groups().front()));
        return true;
    }
    if (segs.empty() || segs[0] != "apis" || segs.size() > 3)
        return false;
    if (segs.size() == 1) {
        json list = json::array();
        std::set<std::string> done;
        for (const auto &g : groups())
            if (!std::string(g.group).empty() && done.insert(g.group).second)
                list.push_back(groupJson(g.group));
        sendJson(r, 200, {{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", list}});
        return true;
    }
    for (const auto &g : groups()) {
        if (segs[1] != g.group)
            continue;
        if (segs.size() == 2) {
            json group = groupJson(g.group);
            group["kind"] = "APIGroup";
            group["apiVersion"] = "v1";
            sendJson(r, 200, group);
            return true;
        }
        if (segs[2] == g.version) {
            sendJson(r, 200, resourceList(world, g));
            return true;
        }
    }
    return false;
}

} // namespace kube::sim::detail
