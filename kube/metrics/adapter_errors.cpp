#include "kube/metrics/adapter_errors.h"

#include "kube/http/errors.h"

#include <algorithm>
#include <cctype>

namespace kube::metrics {

namespace {

bool containsNoCase(std::string_view haystack, std::string_view needle)
{
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                                [](char a, char b) {
                                    return std::tolower(static_cast<unsigned char>(a))
                                        == std::tolower(static_cast<unsigned char>(b));
                                });
    return it != haystack.end();
}

Error rewrite(const Error &e, std::string_view reason, std::string message)
{
    Error out = e;
    if (!reason.empty())
        out.reason = std::string(reason);
    out.message = std::move(message);
    // Keep the request line and the server's words for the curious; they hold no secrets.
    return out;
}

// Messages of the service proxy (pkg/registry/core/service/storage ResourceLocation,
// apimachinery/pkg/util/proxy/transport.go) and of go-restful inside the adapter.
constexpr std::string_view kNoEndpoints = "no endpoints available for service";
constexpr std::string_view kNoServicePort = "no service port";
constexpr std::string_view kCannotReach = "error trying to reach service";
constexpr std::string_view kRestfulNotFound = "page not found"; // go-restful "404: Page Not Found"
// custom-metrics-apiserver pkg/provider/errors.go NewMetricNotFound*Error
constexpr std::string_view kMetricNotFound = "could not find the metric";

std::string forbiddenSentence(const http::ForbiddenInfo &f)
{
    std::string resource = f.group.empty() ? f.resource : f.resource + "." + f.group;
    std::string s = "you are not allowed to " + f.verb + " " + resource;
    if (!f.namespaceName.empty())
        s += " in namespace " + f.namespaceName;
    else if (f.clusterScope)
        s += " at the cluster scope";
    return s;
}

} // namespace

std::string describeAdapter(const api::AdapterService &svc)
{
    std::string s = "service " + svc.namespace_ + "/" + svc.name;
    if (!svc.port.empty())
        s += " port " + svc.port;
    return s;
}

std::string serverText(const Error &e)
{
    // kube/http writes detail as "METHOD /path: server text"; paths contain no ": ".
    const auto pos = e.detail.find(": ");
    return pos == std::string::npos ? std::string() : e.detail.substr(pos + 2);
}

Error adapterWriteError(const Error &e, const api::AdapterService &svc, const std::string &what)
{
    if (e.kind != Error::Kind::Http)
        return e;
    const std::string text = serverText(e);
    const std::string adapter = describeAdapter(svc);
    const std::string notReachable
        = "the custom-metrics test adapter is not reachable through the API server: " + adapter;
    switch (e.httpStatus) {
    case 400:
        return rewrite(e, {}, "the test adapter refused the value for " + what
                                  + (text.empty() ? std::string() : ": " + text));
    case 403: {
        http::ForbiddenInfo f;
        if (http::parseForbiddenMessage(text, f))
            return rewrite(e, {}, forbiddenSentence(f) + " (needed to write " + what + ")");
        return rewrite(e, {}, "you are not allowed to create services/proxy in namespace "
                                  + svc.namespace_ + " (needed to write " + what + ")");
    }
    case 404:
        if (containsNoCase(text, kRestfulNotFound))
            return rewrite(e, kReasonNotTestAdapter,
                           adapter + " answered but has no /write-metrics route: is it the "
                                     "custom-metrics test adapter (custom-metrics-apiserver "
                                     "test-adapter)?");
        return rewrite(e, kReasonAdapterMissing, notReachable + " (is it installed?)");
    case 406:
    case 415:
        // go-restful's media-type negotiation refused the request (Accept / Content-Type).
        return rewrite(e, kReasonNotTestAdapter,
                       adapter + " refused the request's media types (" + text
                           + "): the write must send Content-Type application/json and Accept */*");
    case 405:
        return rewrite(e, kReasonNotTestAdapter,
                       adapter + " does not accept POST on /write-metrics: is it the "
                                 "custom-metrics test adapter?");
    case 500:
    case 502:
    case 503:
        if (containsNoCase(text, kNoEndpoints))
            return rewrite(e, kReasonAdapterNotReady,
                           "the custom-metrics test adapter has no ready pod: " + adapter
                               + " has no endpoints (is the adapter pod running and ready?)");
        if (containsNoCase(text, kNoServicePort))
            return rewrite(e, kReasonAdapterMissing,
                           "service " + svc.namespace_ + "/" + svc.name + " has no port "
                               + svc.port + " (check the adapter port setting)");
        if (containsNoCase(text, kCannotReach))
            return rewrite(e, kReasonAdapterNotReady,
                           "the API server cannot connect to the custom-metrics test adapter pod "
                           "behind "
                               + adapter + " (is the adapter listening on that port?)");
        if (e.httpStatus == 503)
            return rewrite(e, kReasonAdapterMissing, notReachable + " (is it installed?)");
        return rewrite(e, {}, "writing " + what + " failed: " + e.message);
    default:
        return rewrite(e, {}, "writing " + what + " failed: " + e.message);
    }
}

bool isApiNotServed(const Error &e)
{
    return e.kind == Error::Kind::Http && e.httpStatus == 404
        && !containsNoCase(serverText(e), kMetricNotFound);
}

Error metricsReadError(const Error &e, const std::string &apiVersion, const std::string &what)
{
    if (e.kind != Error::Kind::Http)
        return e;
    const std::string text = serverText(e);
    const std::string group = apiVersion.substr(0, apiVersion.find('/'));
    switch (e.httpStatus) {
    case 403: {
        http::ForbiddenInfo f;
        if (http::parseForbiddenMessage(text, f))
            return rewrite(e, {}, forbiddenSentence(f) + " (needed to read " + what + ")");
        return rewrite(e, {}, "you are not allowed to read " + group + " (" + what + ")");
    }
    case 404:
        if (containsNoCase(text, kMetricNotFound))
            return rewrite(e, kReasonMetricNotFound,
                           "there is no value for " + what + " yet (nothing written, or the "
                                                             "metric selector does not match)");
        return rewrite(e, kReasonApiNotServed,
                       apiVersion + " is not served by this cluster (is a metrics adapter's "
                                    "APIService registered?)");
    case 503:
        return rewrite(e, {},
                       apiVersion + " is unavailable: the API server cannot reach the adapter "
                                    "behind its APIService (is the adapter pod ready?)");
    default:
        return rewrite(e, {}, "reading " + what + " failed: " + e.message);
    }
}

} // namespace kube::metrics
