#pragma once
// Where hpascope finds a cluster's Prometheus: a URL of its own (Direct), or a service reached
// through the API server's service proxy with the kubeconfig's credentials (ServiceProxy), and
// the request paths of the two query endpoints of the Prometheus HTTP API. No Qt.
#include "kube/config/rest_config.h"
#include "kube/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace kube::prometheus {

struct Endpoint {
    enum class Kind { Direct, ServiceProxy };
    Kind kind = Kind::ServiceProxy;

    // Direct: "http://prometheus.example:9090" or "https://host/prometheus" (the path prefix is
    // kept; no trailing slash, no query, no user:password). The token is sent as
    // "Authorization: Bearer" and never appears in a message or detail.
    std::string url;
    std::string bearerToken;

    // ServiceProxy: /api/v1/namespaces/{ns}/services/[https:]{service}[:{port}]/proxy. The port
    // is a port name or number; empty means the service's only port. https makes the proxy
    // speak TLS to the backend. kube-prometheus' Prometheus is the default.
    std::string namespace_ = "monitoring";
    std::string service = "prometheus-k8s";
    std::string port = "web";
    bool https = false;

    // "http://prometheus.example:9090" or "service monitoring/prometheus-k8s port web": where a
    // message says Prometheus was looked for. Never contains the token.
    std::string describe() const;
    // The text parseEndpoint() reads back into this endpoint (without the token).
    std::string toText() const;

    bool operator==(const Endpoint &) const = default;
};

// A person's text: a URL (http:// or https://) is Direct; "ns/svc:port", "ns/svc" (the
// service's default port) or "ns/https:svc:port" is ServiceProxy. Surrounding blanks are
// ignored. Errors: Kind::Invalid with reason kReasonPrometheusEndpointInvalid and a message
// naming what is wrong and the accepted forms.
Result<Endpoint> parseEndpoint(std::string_view text, std::string bearerToken = {});

// The path prefix of Prometheus' API for request paths on the client that reaches the endpoint:
// "" for Direct (the client's server URL carries the prefix), the proxy base for ServiceProxy.
std::string apiBase(const Endpoint &endpoint);

// GET <base>/api/v1/query?query=Q&time=T (T in Unix seconds).
// timeS <= 0: Prometheus evaluates at its own "now".
std::string instantQueryPath(const Endpoint &endpoint, std::string_view promql, std::int64_t timeS);
// GET <base>/api/v1/query_range?query=Q&start=S&end=E&step=STEP (seconds).
std::string rangeQueryPath(const Endpoint &endpoint, std::string_view promql, std::int64_t startS,
                           std::int64_t endS, std::int64_t stepS);

// The RestConfig of a kube::http::Client for a Direct endpoint: its URL as the server, the
// bearer token (if any) as static credentials, TLS verified with the system CAs (empty caPem).
// Kind::Invalid for a ServiceProxy endpoint (use the session's own client) or a bad URL.
Result<config::RestConfig> directRestConfig(const Endpoint &endpoint);

} // namespace kube::prometheus
