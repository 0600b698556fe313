// interpret(): one HTTP outcome of a Prometheus query in words, for both ways of reaching it.
#include "kube/core/json.h"
#include "kube/http/client.h"
#include "kube/prometheus/query.h"
#include "kube/prometheus/reasons.h"

#include <nlohmann/json.hpp>

namespace kube::prometheus {

namespace {

using nlohmann::json;

// The server's own words of a non-2xx answer: a metav1.Status message (the API server and its
// service proxy), else the body's first line-ish part (a reverse proxy's page, Go's "404 page
// not found").
std::string serverText(int status, const std::string &body, bool *isStatus)
{
    const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    *isStatus = stringMember(j, "kind") == "Status";
    std::string text = *isStatus ? stringMember(j, "message") : body.substr(0, 200);
    for (char &c : text)
        if (static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    return "HTTP " + std::to_string(status) + (text.empty() ? std::string() : ": " + text);
}

Error make(Error::Kind kind, std::string_view reason, int status, std::string message, std::string detail)
{
    Error e = makeError(kind, std::move(message), std::move(detail));
    e.reason = std::string(reason);
    e.httpStatus = status;
    return e;
}

Error unreachable(const Endpoint &endpoint, Error::Kind kind, int status, std::string detail)
{
    return make(kind, kReasonPrometheusUnreachable, status, "Prometheus not reachable at " + endpoint.describe(),
                std::move(detail));
}

Error nonSuccess(const http::Response &resp, const Endpoint &endpoint)
{
    // Prometheus' own errors: {"status":"error","errorType":...,"error":...} with 400/422/503/...
    const json j = json::parse(resp.body, nullptr, /*allow_exceptions=*/false);
    if (stringMember(j, "status") == "error")
        return queryError(stringMember(j, "errorType"), stringMember(j, "error"), resp.status);
    bool isStatus = false;
    std::string detail = serverText(resp.status, resp.body, &isStatus);
    const bool proxy = endpoint.kind == Endpoint::Kind::ServiceProxy;
    const std::string where = endpoint.describe();
    switch (resp.status) {
    case 401:
    case 403:
        return make(Error::Kind::Http, kReasonPrometheusForbidden, resp.status,
                    proxy ? "your user may not reach " + where
                                + " through the API server (RBAC: get on services/proxy in namespace "
                                + endpoint.namespace_ + ")"
                          : "Prometheus at " + where + " refused the credentials: check the bearer token",
                    std::move(detail));
    case 404:
        // The service proxy says "services \"x\" not found" as a Status; Prometheus (or whatever
        // answers on a wrong path) says it in plain text.
        if (proxy && isStatus)
            return unreachable(endpoint, Error::Kind::Http, resp.status, std::move(detail));
        return make(Error::Kind::Http, kReasonPrometheusNotPrometheus, resp.status,
                    "there is no Prometheus API at " + where + " (is the path prefix right?)", std::move(detail));
    case 502:
    case 503:
    case 504:
        // The proxy's "no endpoints available for service", or a dial error; a reverse proxy in
        // front of a Direct endpoint whose backend is down.
        return unreachable(endpoint, Error::Kind::Http, resp.status, std::move(detail));
    default:
        return make(Error::Kind::Http, kReasonPrometheusQueryFailed, resp.status,
                    "Prometheus at " + where + " answered HTTP " + std::to_string(resp.status), std::move(detail));
    }
}

} // namespace

Result<QueryAnswer> interpret(const Result<http::Response> &r, const Endpoint &endpoint,
                              std::string_view expectedType)
{
    if (!r) {
        const Error &e = r.error();
        const bool connection = e.kind == Error::Kind::Network || e.kind == Error::Kind::Dns
            || e.kind == Error::Kind::Tls;
        // Through the proxy a connection failure is the API server's own: the session says so.
        if (connection && endpoint.kind == Endpoint::Kind::Direct)
            return unreachable(endpoint, e.kind, 0, e.toString());
        return e;
    }
    if (r->status < 200 || r->status >= 300)
        return nonSuccess(*r, endpoint);
    return decodeAnswer(r->body, expectedType, endpoint.describe());
}

} // namespace kube::prometheus
