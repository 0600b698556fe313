#include "kube/metrics/resource_metrics.h"

#include "kube/api/decoder.h"
#include "kube/api/meta.h"
#include "kube/api/paths.h"
#include "kube/http/client.h"
#include <cctype>
#include <charconv>

#include <cmath>
#include <cstdlib>

namespace kube::metrics {

namespace {

// metrics-server answers a list of a few hundred pods in well under a second; a poll that takes
// longer than its own period (15 s) is of no use.
constexpr long kReadTimeoutMs = 10000;

std::optional<int64_t> sumOf(const std::vector<ContainerUsage> &containers,
                             std::optional<api::Quantity> ContainerUsage::*member)
{
    std::optional<int64_t> total;
    for (const auto &c : containers)
        if (const auto &q = c.*member)
            total = total.value_or(0) + q->milliValue();
    return total;
}

Error rewrite(Error e, std::string_view reason, std::string message)
{
    e.reason = std::string(reason);
    e.message = std::move(message);
    return e;
}

void decodePod(api::detail::Decoder &d, const nlohmann::json &j, const std::string &path, PodUsage &out)
{
    if (!d.expectObject(j, path))
        return;
    if (const nlohmann::json *meta = d.member(j, "metadata", path)) {
        d.read(*meta, "name", api::detail::joinPath(path, "metadata"), out.name);
        d.read(*meta, "namespace", api::detail::joinPath(path, "metadata"), out.namespace_);
    }
    d.read(j, "timestamp", path, out.timestamp);
    std::string window;
    d.read(j, "window", path, window);
    if (!window.empty()) {
        if (const auto w = parseGoDuration(window))
            out.window = *w;
        else
            d.fail(api::detail::joinPath(path, "window"), "not a duration: \"" + window + "\"");
    }
    const nlohmann::json *containers = d.member(j, "containers", path);
    const std::string cpath = api::detail::joinPath(path, "containers");
    if (!containers || !d.expectArray(*containers, cpath))
        return;
    for (std::size_t i = 0; i < containers->size() && d.ok(); ++i) {
        const nlohmann::json &c = (*containers)[i];
        const std::string p = api::detail::indexPath(cpath, i);
        if (!d.expectObject(c, p))
            return;
        ContainerUsage usage;
        d.read(c, "name", p, usage.name);
        if (const nlohmann::json *u = d.member(c, "usage", p)) {
            d.read(*u, "cpu", api::detail::joinPath(p, "usage"), usage.cpu);
            d.read(*u, "memory", api::detail::joinPath(p, "usage"), usage.memory);
        }
        out.containers.push_back(std::move(usage));
    }
}

} // namespace

std::optional<int64_t> PodUsage::cpuMilli() const
{
    return sumOf(containers, &ContainerUsage::cpu);
}

std::optional<int64_t> PodUsage::memoryMilli() const
{
    return sumOf(containers, &ContainerUsage::memory);
}

std::string podMetricsPath(const std::string &ns, const std::string &labelSelector)
{
    return api::withQuery("/apis/metrics.k8s.io/v1beta1/namespaces/" + api::escapePathSegment(ns) + "/pods",
                          {{"labelSelector", labelSelector}});
}

std::optional<std::chrono::milliseconds> parseGoDuration(std::string_view text)
{
    // time.ParseDuration, for the units metrics-server prints: h, m, s, ms, us/µs, ns.
    if (text == "0")
        return std::chrono::milliseconds(0);
    double totalMs = 0;
    std::size_t i = 0;
    if (text.empty())
        return std::nullopt;
    while (i < text.size()) {
        const std::size_t start = i;
        while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
            ++i;
        if (i == start)
            return std::nullopt;
        // from_chars, not strtod: the C locale's decimal point whatever the process' locale
        // (a Qt GUI sets it from the environment: "1,5" in de_DE), and all of it or nothing.
        double number = 0;
        const char *first = text.data() + start, *last = text.data() + i;
        const auto [end, ec] = std::from_chars(first, last, number, std::chars_format::fixed);
        if (ec != std::errc() || end != last)
            return std::nullopt;
        const std::size_t unitStart = i;
        while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i])) && text[i] != '.')
            ++i;
        const std::string_view unit = text.substr(unitStart, i - unitStart);
        double scale = 0;
        if (unit == "h") scale = 3600e3;
        else if (unit == "m") scale = 60e3;
        else if (unit == "s") scale = 1e3;
        else if (unit == "ms") scale = 1;
        else if (unit == "us" || unit == "\u00b5s") scale = 1e-3;
        else if (unit == "ns") scale = 1e-6;
        else return std::nullopt;
        totalMs += number * scale;
    }
    return std::chrono::milliseconds(std::llround(totalMs));
}

Result<PodMetricsList> decodePodMetricsList(const nlohmann::json &j)
{
    api::detail::Decoder d;
    PodMetricsList out;
    const nlohmann::json *items = d.expectObject(j, "") ? d.member(j, "items", "") : nullptr;
    if (items && d.expectArray(*items, "items"))
        for (std::size_t i = 0; i < items->size() && d.ok(); ++i) {
            PodUsage pod;
            decodePod(d, (*items)[i], api::detail::indexPath("items", i), pod);
            out.items.push_back(std::move(pod));
        }
    if (!d.ok()) {
        Error e = d.error();
        return rewrite(e, kReasonResourceMetricsUndecodable,
                       "the answer of metrics.k8s.io could not be read (" + e.message + ")");
    }
    return out;
}

Error resourceMetricsError(const Error &e, const std::string &ns)
{
    if (e.kind != Error::Kind::Http)
        return e;
    switch (e.httpStatus) {
    case 404:
        // No APIService v1beta1.metrics.k8s.io: the aggregator does not know the group.
        return rewrite(e, kReasonResourceMetricsNotServed,
                       "metrics.k8s.io is not served (metrics-server not installed)");
    case 503:
        // The APIService is registered but its service has no ready endpoint (FailedDiscoveryCheck).
        return rewrite(e, kReasonResourceMetricsUnavailable,
                       "metrics API unavailable: metrics.k8s.io is registered but metrics-server does not "
                       "answer (is its pod ready?)");
    case 403:
        return rewrite(e, kReasonResourceMetricsForbidden,
                       "you are not allowed to list pods.metrics.k8s.io in namespace " + ns);
    default:
        return e;
    }
}

bool isLastingResourceMetricsError(const Error &e)
{
    return e.reason == kReasonResourceMetricsNotServed || e.reason == kReasonResourceMetricsForbidden;
}

void readPodUsage(http::Client &client, const std::string &ns, const std::string &labelSelector,
                  PodUsageCallback done)
{
    http::Request req;
    req.path = podMetricsPath(ns, labelSelector);
    req.timeoutMs = kReadTimeoutMs;
    client.send(std::move(req), [ns, done = std::move(done)](Result<http::Response> r) {
        if (!r) {
            done(resourceMetricsError(r.error(), ns));
            return;
        }
        auto j = nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded()) {
            Error e = makeError(Error::Kind::Decode, "the answer of metrics.k8s.io is not JSON");
            e.reason = std::string(kReasonResourceMetricsUndecodable);
            done(e);
            return;
        }
        done(decodePodMetricsList(j));
    });
}

} // namespace kube::metrics
