#pragma once
// Finding a cluster's Prometheus among its services by the names common installs give them,
// as ServiceProxy endpoints in the order to try them. No Qt, no I/O: the caller lists services
// (GET /api/v1/services, or per namespace when that is forbidden) and passes the answer here.
#include "kube/prometheus/endpoint.h"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kube::prometheus {

struct Candidate {
    Endpoint endpoint;   // ServiceProxy
    std::string install; // the install it looks like, a product name ("" for rule 5)
    // "service monitoring/prometheus-k8s port web, kube-prometheus"
    std::string describe() const;
};

// Installs recognised, in the order candidates are returned (the first is tried first):
//  1. kube-prometheus: monitoring/prometheus-k8s port "web"
//     (prometheus-operator/kube-prometheus manifests/prometheus-service.yaml).
//  2. prometheus-operator: prometheus-operated port "web", the governing service the operator
//     creates for every Prometheus object.
//  3. kube-prometheus-stack (prometheus-community/helm-charts): <fullname>-prometheus port
//     "http-web" ("web" before chart v~40), with label app=kube-prometheus-stack-prometheus;
//     fullname is "<release>-kube-prometheus-stack" cut to 26 characters (_helpers.tpl:
//     trunc 26), hence names like "monitoring-kube-prometheus-prometheus".
//  4. the prometheus chart (prometheus-community/helm-charts charts/prometheus):
//     [<release>-]prometheus-server port "http" (80).
//  5. any service named "prometheus" with a port 9090.
// Within one rule, services sort by namespace then name. Items that are not objects, or lack
// names or ports, are skipped; never throws.
std::vector<Candidate> detectCandidates(const nlohmann::json &serviceList);

// GET path of a service list: all namespaces when ns is empty.
std::string servicesListPath(const std::optional<std::string> &ns);

// Where these installs usually live, for the per-namespace fallback when listing services in
// all namespaces is forbidden (the kube-prometheus default, common Helm release namespaces).
inline constexpr std::array<std::string_view, 5> kUsualMonitoringNamespaces{
    "monitoring", "prometheus", "observability", "kube-prometheus-stack", "default"};

} // namespace kube::prometheus
