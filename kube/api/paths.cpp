#include "kube/api/paths.h"

#include <array>
#include <cctype>

namespace kube::api {

namespace {

bool isUnreserved(unsigned char c)
{
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string percentEncode(std::string_view s, std::string_view keep)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreserved(c) || keep.find(ch) != std::string_view::npos) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

std::string seg(std::string_view s) { return escapePathSegment(s); }

std::string nsPrefix(const Namespace &ns)
{
    return ns && !ns->empty() ? "/namespaces/" + seg(*ns) : std::string();
}

struct KnownKind {
    std::string_view kind;
    std::string_view resource;
};
// Kinds whose plural the guess gets wrong or that are common enough to pin down.
constexpr std::array<KnownKind, 18> kKnownKinds{{
    {"Service", "services"},
    {"Deployment", "deployments"},
    {"StatefulSet", "statefulsets"},
    {"ReplicaSet", "replicasets"},
    {"DaemonSet", "daemonsets"},
    {"ReplicationController", "replicationcontrollers"},
    {"Pod", "pods"},
    {"Node", "nodes"},
    {"Namespace", "namespaces"},
    {"Ingress", "ingresses"},
    {"Endpoints", "endpoints"},
    {"EndpointSlice", "endpointslices"},
    {"Job", "jobs"},
    {"CronJob", "cronjobs"},
    {"ConfigMap", "configmaps"},
    {"PersistentVolumeClaim", "persistentvolumeclaims"},
    {"HorizontalPodAutoscaler", "horizontalpodautoscalers"},
    {"NetworkPolicy", "networkpolicies"},
}};

struct ScalableKind {
    std::string_view group;
    std::string_view kind;
    std::string_view prefix; // API group-version root
    std::string_view resource;
};
// Targets with a scale subresource that hpascope addresses directly.
constexpr std::array<ScalableKind, 4> kScalableKinds{{
    {"apps", "Deployment", "/apis/apps/v1", "deployments"},
    {"apps", "StatefulSet", "/apis/apps/v1", "statefulsets"},
    {"apps", "ReplicaSet", "/apis/apps/v1", "replicasets"},
    {"", "ReplicationController", "/api/v1", "replicationcontrollers"},
}};

std::string labelsQuery(std::string path, const std::string &labels)
{
    return withQuery(std::move(path), {{"labels", labels}});
}

} // namespace

std::string escapeQueryComponent(std::string_view s) { return percentEncode(s, {}); }

std::string escapePathSegment(std::string_view s) { return percentEncode(s, ":@!$&'()*+,;="); }

std::string withQuery(std::string path, const QueryParams &params)
{
    char sep = '?';
    for (const auto &[k, v] : params) {
        if (v.empty())
            continue;
        path += sep;
        path += escapeQueryComponent(k) + "=" + escapeQueryComponent(v);
        sep = '&';
    }
    return path;
}

std::string groupOf(std::string_view apiVersion)
{
    const auto slash = apiVersion.find('/');
    return slash == std::string_view::npos ? std::string() : std::string(apiVersion.substr(0, slash));
}

std::string resourceForKind(std::string_view kind)
{
    for (const auto &k : kKnownKinds) {
        if (k.kind == kind)
            return std::string(k.resource);
    }
    std::string lower;
    for (const char c : kind)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.empty())
        return lower;
    const char last = lower.back();
    if (last == 's')
        return lower + "es";
    const bool vowelBeforeY = lower.size() >= 2
        && std::string_view("aeiou").find(lower[lower.size() - 2]) != std::string_view::npos;
    if (last == 'y' && !vowelBeforeY)
        return lower.substr(0, lower.size() - 1) + "ies";
    return lower + "s";
}

std::string qualifiedResource(const CrossVersionObjectReference &ref)
{
    const std::string group = groupOf(ref.apiVersion);
    const std::string resource = resourceForKind(ref.kind);
    return group.empty() ? resource : resource + "." + group;
}

std::string hpaListPath(const Namespace &ns)
{
    return "/apis/autoscaling/v2" + nsPrefix(ns) + "/horizontalpodautoscalers";
}

std::string hpaPath(const std::string &ns, const std::string &name)
{
    return hpaListPath(ns) + "/" + seg(name);
}

std::string deploymentPath(const std::string &ns, const std::string &name)
{
    return "/apis/apps/v1/namespaces/" + seg(ns) + "/deployments/" + seg(name);
}

std::string podListPath(const std::string &ns, const std::string &labelSelector)
{
    return withQuery("/api/v1/namespaces/" + seg(ns) + "/pods", {{"labelSelector", labelSelector}});
}

std::string coreEventFieldSelector(std::string_view kind, std::string_view name)
{
    return "involvedObject.kind=" + std::string(kind) + ",involvedObject.name=" + std::string(name);
}

std::string eventsV1FieldSelector(std::string_view kind, std::string_view name)
{
    return "regarding.kind=" + std::string(kind) + ",regarding.name=" + std::string(name);
}

std::string coreEventsPath(const Namespace &ns, const std::string &fieldSelector)
{
    return withQuery("/api/v1" + nsPrefix(ns) + "/events", {{"fieldSelector", fieldSelector}});
}

std::string eventsV1Path(const Namespace &ns, const std::string &fieldSelector)
{
    return withQuery("/apis/events.k8s.io/v1" + nsPrefix(ns) + "/events",
                     {{"fieldSelector", fieldSelector}});
}

Result<std::string> scalePath(const std::string &ns, const CrossVersionObjectReference &target)
{
    const std::string group = groupOf(target.apiVersion);
    for (const auto &k : kScalableKinds) {
        if (k.kind == target.kind && k.group == group)
            return std::string(k.prefix) + "/namespaces/" + seg(ns) + "/" + std::string(k.resource)
                + "/" + seg(target.name) + "/scale";
    }
    return makeError(Error::Kind::Invalid,
                     "hpascope cannot address the scale subresource of " + target.kind + " ("
                         + (target.apiVersion.empty() ? "no apiVersion" : target.apiVersion) + ")",
                     "supported targets: apps/v1 Deployment, StatefulSet, ReplicaSet; v1 "
                     "ReplicationController");
}

Result<std::string> customMetricObjectPath(const std::string &ns,
                                           const CrossVersionObjectReference &object,
                                           const std::string &metric,
                                           const std::string &metricSelector)
{
    if (object.kind.empty() || object.name.empty())
        return makeError(Error::Kind::Invalid,
                         "the Object metric \"" + metric + "\" has no describedObject kind and name");
    const std::string base = "/apis/custom.metrics.k8s.io/v1beta2";
    std::string path;
    // The metrics client reads a Namespace's own metrics at namespaces/{ns}/metrics/{metric}.
    if (object.kind == "Namespace" && groupOf(object.apiVersion).empty())
        path = base + "/namespaces/" + seg(object.name) + "/metrics/" + seg(metric);
    else
        path = base + "/namespaces/" + seg(ns) + "/" + seg(qualifiedResource(object)) + "/"
            + seg(object.name) + "/" + seg(metric);
    return withQuery(path, {{"metricLabelSelector", metricSelector}});
}

std::string customMetricPodsPath(const std::string &ns, const std::string &metric,
                                 const std::string &podSelector, const std::string &metricSelector)
{
    return withQuery("/apis/custom.metrics.k8s.io/v1beta2/namespaces/" + seg(ns) + "/pods/*/"
                         + seg(metric),
                     {{"labelSelector", podSelector}, {"metricLabelSelector", metricSelector}});
}

std::string externalMetricPath(const std::string &ns, const std::string &metric,
                               const std::string &metricSelector)
{
    return withQuery("/apis/external.metrics.k8s.io/v1beta1/namespaces/" + seg(ns) + "/"
                         + seg(metric),
                     {{"labelSelector", metricSelector}});
}

std::string adapterProxyBase(const AdapterService &svc)
{
    const std::string target = svc.port.empty() ? svc.name : svc.name + ":" + svc.port;
    return "/api/v1/namespaces/" + seg(svc.namespace_) + "/services/" + seg(target) + "/proxy";
}

std::string adapterWriteNamespacedPath(const AdapterService &svc, const std::string &ns,
                                       const std::string &resource, const std::string &name,
                                       const std::string &metric, const std::string &labels)
{
    return labelsQuery(adapterProxyBase(svc) + "/write-metrics/namespaces/" + seg(ns) + "/"
                           + seg(resource) + "/" + seg(name) + "/" + seg(metric),
                       labels);
}

Result<std::string> adapterWriteObjectPath(const AdapterService &svc, const std::string &ns,
                                           const CrossVersionObjectReference &object,
                                           const std::string &metric, const std::string &labels)
{
    if (object.kind.empty() || object.name.empty())
        return makeError(Error::Kind::Invalid,
                         "the Object metric \"" + metric + "\" has no describedObject kind and name");
    if (object.kind == "Namespace" && groupOf(object.apiVersion).empty())
        return adapterWriteNamespaceMetricPath(svc, object.name, metric, labels);
    return adapterWriteNamespacedPath(svc, ns, qualifiedResource(object), object.name, metric,
                                      labels);
}

std::string adapterWritePodPath(const AdapterService &svc, const std::string &ns,
                                const std::string &pod, const std::string &metric,
                                const std::string &labels)
{
    return adapterWriteNamespacedPath(svc, ns, "pods", pod, metric, labels);
}

std::string adapterWriteRootPath(const AdapterService &svc, const std::string &resource,
                                 const std::string &name, const std::string &metric,
                                 const std::string &labels)
{
    return labelsQuery(adapterProxyBase(svc) + "/write-metrics/" + seg(resource) + "/" + seg(name)
                           + "/" + seg(metric),
                       labels);
}

std::string adapterWriteNamespaceMetricPath(const AdapterService &svc, const std::string &ns,
                                            const std::string &metric, const std::string &labels)
{
    return labelsQuery(adapterProxyBase(svc) + "/write-metrics/namespaces/" + seg(ns) + "/metrics/"
                           + seg(metric),
                       labels);
}

} // namespace kube::api
