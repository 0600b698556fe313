#include "kube/prometheus/endpoint.h"

#include "kube/api/paths.h"
#include "kube/config/credentials.h"
#include "kube/config/server_url.h"
#include "kube/core/strings.h"
#include "kube/prometheus/reasons.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace kube::prometheus {

namespace {

constexpr std::string_view kForms =
    "expected a URL such as http://prometheus.example:9090, or a service as namespace/service:port "
    "such as monitoring/prometheus-k8s:web";

Error invalid(std::string message, std::string detail = {})
{
    Error e = makeError(Error::Kind::Invalid, std::move(message), std::move(detail));
    e.reason = std::string(kReasonPrometheusEndpointInvalid);
    return e;
}

// RFC 1123 label (namespace names; service names are the stricter RFC 1035 labels, which this
// accepts too): the API server rejects anything else, so a typo is caught here with a clearer word.
bool isDnsLabel(std::string_view s)
{
    if (s.empty() || s.size() > 63 || s.front() == '-' || s.back() == '-')
        return false;
    return std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::islower(c) || std::isdigit(c) || c == '-';
    });
}

// A service port: a number 1..65535 or an IANA_SVC_NAME (at most 15 lower-case letters, digits
// and '-', at least one letter), as ServicePort.name is validated.
bool isPort(std::string_view s)
{
    if (s.empty())
        return false;
    if (std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
        return s.size() <= 5 && std::stoi(std::string(s)) >= 1 && std::stoi(std::string(s)) <= 65535;
    return s.size() <= 15 && isDnsLabel(s)
        && std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c); });
}

Result<Endpoint> parseUrl(const std::string &text, std::string token)
{
    if (text.find_first_of("?#") != std::string::npos)
        return invalid("a Prometheus URL must not carry a query or fragment", config::redactUrl(text));
    if (text.find('@') != std::string::npos)
        return invalid("put no user name or password in the Prometheus URL; give a bearer token instead",
                       config::redactUrl(text));
    const config::UrlCheck check = config::checkServerUrl(text, /*defaultTls=*/true);
    if (!check.problem.empty())
        return invalid("the Prometheus URL " + check.problem, config::redactUrl(text));
    Endpoint e;
    e.kind = Endpoint::Kind::Direct;
    e.url = check.normalized;
    while (!e.url.empty() && e.url.back() == '/')
        e.url.pop_back();
    e.bearerToken = std::move(token);
    return e;
}

Result<Endpoint> parseService(const std::string &text)
{
    const auto slash = text.find('/');
    if (slash == std::string::npos)
        return invalid("\"" + text + "\" is not a Prometheus endpoint: " + std::string(kForms));
    Endpoint e;
    e.kind = Endpoint::Kind::ServiceProxy;
    e.namespace_ = text.substr(0, slash);
    std::string rest = text.substr(slash + 1);
    if (rest.rfind("https:", 0) == 0) {
        e.https = true;
        rest.erase(0, 6);
    } else if (rest.rfind("http:", 0) == 0) {
        rest.erase(0, 5);
    }
    const auto colon = rest.find(':');
    e.service = rest.substr(0, colon);
    e.port = colon == std::string::npos ? std::string() : rest.substr(colon + 1);
    if (!isDnsLabel(e.namespace_))
        return invalid("\"" + e.namespace_ + "\" is not a namespace name (lower-case letters, digits and '-')", text);
    if (!isDnsLabel(e.service))
        return invalid("\"" + e.service + "\" is not a service name (lower-case letters, digits and '-')", text);
    if (colon != std::string::npos && !isPort(e.port))
        return invalid("\"" + e.port + "\" is not a service port (a port name such as web, or a number)", text);
    return e;
}

} // namespace

std::string Endpoint::describe() const
{
    if (kind == Kind::Direct)
        return config::redactUrl(url);
    std::string s = "service " + namespace_ + "/" + service;
    if (!port.empty())
        s += " port " + port;
    return https ? s + " (https)" : s;
}

std::string Endpoint::toText() const
{
    if (kind == Kind::Direct)
        return url;
    std::string s = namespace_ + "/" + (https ? "https:" : "") + service;
    return port.empty() ? s : s + ":" + port;
}

Result<Endpoint> parseEndpoint(std::string_view text, std::string bearerToken)
{
    const std::string t = trim(text);
    if (t.empty())
        return invalid("no Prometheus endpoint was given: " + std::string(kForms));
    if (t.find("://") != std::string::npos)
        return parseUrl(t, std::move(bearerToken));
    return parseService(t);
}

std::string apiBase(const Endpoint &endpoint)
{
    if (endpoint.kind == Endpoint::Kind::Direct)
        return {};
    std::string target = (endpoint.https ? "https:" : "") + endpoint.service;
    if (!endpoint.port.empty())
        target += ":" + endpoint.port;
    return "/api/v1/namespaces/" + api::escapePathSegment(endpoint.namespace_) + "/services/"
        + api::escapePathSegment(target) + "/proxy";
}

std::string instantQueryPath(const Endpoint &endpoint, std::string_view promql, std::int64_t timeS)
{
    return api::withQuery(apiBase(endpoint) + "/api/v1/query",
                          {{"query", std::string(promql)}, {"time", timeS > 0 ? std::to_string(timeS) : std::string()}});
}

std::string rangeQueryPath(const Endpoint &endpoint, std::string_view promql, std::int64_t startS,
                           std::int64_t endS, std::int64_t stepS)
{
    return api::withQuery(apiBase(endpoint) + "/api/v1/query_range",
                          {{"query", std::string(promql)}, {"start", std::to_string(startS)},
                           {"end", std::to_string(endS)}, {"step", std::to_string(stepS)}});
}

Result<config::RestConfig> directRestConfig(const Endpoint &endpoint)
{
    if (endpoint.kind != Endpoint::Kind::Direct)
        return invalid("a Prometheus behind the service proxy is reached with the cluster's own client");
    auto checked = parseEndpoint(endpoint.url, endpoint.bearerToken);
    if (!checked)
        return checked.error();
    config::RestConfig cfg;
    cfg.contextName = "prometheus";
    cfg.server = checked->url;
    config::Credentials creds;
    creds.bearerToken = endpoint.bearerToken;
    cfg.credentials = std::make_shared<config::StaticCredentialProvider>(
        creds, endpoint.bearerToken.empty() ? "no credentials" : "bearer token");
    return cfg;
}

} // namespace kube::prometheus
