#pragma once
// API paths (with query strings) for everything hpascope reads or writes. Pure string
// building, so the shapes are testable without a server.
#include "kube/api/hpa.h"
#include "kube/core/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kube::api {

using Namespace = std::optional<std::string>; // empty: all namespaces / cluster scope
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Percent-encodes everything but RFC 3986 unreserved characters (a query key or value).
std::string escapeQueryComponent(std::string_view s);
// Percent-encodes a path segment, keeping unreserved characters and ":@!$&'()*+,;=".
std::string escapePathSegment(std::string_view s);
// path + "?k=v&..." with escaped keys and values; pairs with an empty value are left out.
std::string withQuery(std::string path, const QueryParams &params);

// "apps/v1" -> "apps", "v1" -> "".
std::string groupOf(std::string_view apiVersion);
// Plural resource for a kind: a table of known kinds, else client-go's guess
// (lower case; "s" -> "ses", consonant + "y" -> "ies", otherwise + "s").
std::string resourceForKind(std::string_view kind);
// Group-qualified resource as the custom metrics client names it: "services", "deployments.apps".
std::string qualifiedResource(const CrossVersionObjectReference &ref);

std::string hpaListPath(const Namespace &ns);
std::string hpaPath(const std::string &ns, const std::string &name);
std::string deploymentPath(const std::string &ns, const std::string &name);
std::string podListPath(const std::string &ns, const std::string &labelSelector = {});

// involvedObject.kind=...,involvedObject.name=... (core/v1) and regarding.* (events.k8s.io/v1)
std::string coreEventFieldSelector(std::string_view kind, std::string_view name);
std::string eventsV1FieldSelector(std::string_view kind, std::string_view name);
std::string coreEventsPath(const Namespace &ns, const std::string &fieldSelector = {});
std::string eventsV1Path(const Namespace &ns, const std::string &fieldSelector = {});

// /apis/apps/v1/namespaces/{ns}/deployments/{name}/scale; Kind::Invalid for kinds whose scale
// subresource hpascope does not know.
Result<std::string> scalePath(const std::string &ns, const CrossVersionObjectReference &target);

// custom.metrics.k8s.io/v1beta2 reads, as the HPA controller's metrics client issues them.
Result<std::string> customMetricObjectPath(const std::string &ns,
                                           const CrossVersionObjectReference &object,
                                           const std::string &metric,
                                           const std::string &metricSelector = {});
std::string customMetricPodsPath(const std::string &ns, const std::string &metric,
                                 const std::string &podSelector,
                                 const std::string &metricSelector = {});
// external.metrics.k8s.io/v1beta1; the metric selector travels as labelSelector.
std::string externalMetricPath(const std::string &ns, const std::string &metric,
                               const std::string &metricSelector = {});

// The custom-metrics-apiserver test adapter, reached through the API server's service proxy.
struct AdapterService {
    std::string namespace_ = "custom-metrics";
    std::string name = "custom-metrics-apiserver";
    std::string port = "http"; // port name or number; empty: the service's default port
};
std::string adapterProxyBase(const AdapterService &svc); // .../services/{name}:{port}/proxy
// POST /write-metrics/namespaces/{ns}/{resource}/{name}/{metric}[?labels=k=v,...]
std::string adapterWriteNamespacedPath(const AdapterService &svc, const std::string &ns,
                                       const std::string &resource, const std::string &name,
                                       const std::string &metric, const std::string &labels = {});
// The value for an Object metric's describedObject (Namespace objects take the namespaces form).
Result<std::string> adapterWriteObjectPath(const AdapterService &svc, const std::string &ns,
                                           const CrossVersionObjectReference &object,
                                           const std::string &metric,
                                           const std::string &labels = {});
// A Pods metric is stored per pod: one write per pod.
std::string adapterWritePodPath(const AdapterService &svc, const std::string &ns,
                                const std::string &pod, const std::string &metric,
                                const std::string &labels = {});
// POST /write-metrics/{resource}/{name}/{metric} for cluster-scoped objects (e.g. nodes)
std::string adapterWriteRootPath(const AdapterService &svc, const std::string &resource,
                                 const std::string &name, const std::string &metric,
                                 const std::string &labels = {});
// POST /write-metrics/namespaces/{name}/metrics/{metric}
std::string adapterWriteNamespaceMetricPath(const AdapterService &svc, const std::string &ns,
                                            const std::string &metric,
                                            const std::string &labels = {});

} // namespace kube::api
