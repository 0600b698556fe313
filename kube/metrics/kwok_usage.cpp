#include "kube/metrics/kwok_usage.h"

#include "kube/api/meta.h"
#include "kube/api/paths.h"
#include "kube/http/client.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace kube::metrics {

namespace {

// One small PATCH through the API server; a live slider should hear back quickly.
constexpr long kPatchTimeoutMs = 10000;

Error rewrite(Error e, std::string_view reason, std::string message)
{
    e.reason = std::string(reason);
    e.message = std::move(message);
    return e;
}

std::map<std::string, std::string> annotationsOf(const std::string &body)
{
    const auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    std::map<std::string, std::string> out;
    if (!j.is_object() || !j.contains("metadata") || !j["metadata"].is_object())
        return out;
    const auto &a = j["metadata"].value("annotations", nlohmann::json::object());
    if (!a.is_object())
        return out;
    for (const auto &[k, v] : a.items())
        if (v.is_string())
            out[k] = v.get<std::string>();
    return out;
}

} // namespace

api::Quantity perContainerUsage(int64_t perPodMilli, int containers)
{
    return api::Quantity::fromMilli(std::max<int64_t>(0, perPodMilli) / std::max(1, containers));
}

std::string usagePatchBody(const api::Quantity &perContainer)
{
    return nlohmann::json{{"metadata", {{"annotations", {{std::string(kKwokUsageCpuAnnotation), perContainer.toString()}}}}}}
        .dump();
}

bool isKwokNode(const std::map<std::string, std::string> &nodeAnnotations)
{
    const auto it = nodeAnnotations.find(std::string(kKwokNodeAnnotation));
    return it != nodeAnnotations.end() && it->second == kKwokNodeAnnotationValue;
}

void patchPodCpuUsage(http::Client &client, const std::string &ns, const std::string &pod,
                      const api::Quantity &perContainer, std::function<void(Result<std::string>)> done)
{
    http::Request req;
    req.method = "PATCH";
    req.path = "/api/v1/namespaces/" + api::escapePathSegment(ns) + "/pods/" + api::escapePathSegment(pod);
    req.contentType = "application/merge-patch+json";
    req.body = usagePatchBody(perContainer);
    req.timeoutMs = kPatchTimeoutMs;
    const std::string sent = perContainer.toString();
    client.send(std::move(req), [ns, pod, sent, done = std::move(done)](Result<http::Response> r) {
        if (!r) {
            const Error &e = r.error();
            if (e.kind == Error::Kind::Http && e.httpStatus == 404)
                done(rewrite(e, kReasonPodGone, "pod " + pod + " is gone (deleted before its CPU usage was set)"));
            else if (e.kind == Error::Kind::Http && e.httpStatus == 403)
                done(rewrite(e, kReasonPodPatchForbidden, "you are not allowed to patch pods in namespace " + ns));
            else
                done(e);
            return;
        }
        const auto annotations = annotationsOf(r->body);
        const auto it = annotations.find(std::string(kKwokUsageCpuAnnotation));
        if (it == annotations.end() || it->second != sent) {
            done(rewrite(makeError(Error::Kind::Decode, ""), kReasonUsageNotStored,
                         "pod " + pod + " does not carry " + std::string(kKwokUsageCpuAnnotation) + ": " + sent
                             + " after the patch (read back \"" + (it == annotations.end() ? "" : it->second)
                             + "\")"));
            return;
        }
        done(it->second);
    });
}

void fetchNodeIsKwok(http::Client &client, const std::string &node, std::function<void(Result<bool>)> done)
{
    http::Request req;
    req.path = "/api/v1/nodes/" + api::escapePathSegment(node);
    req.timeoutMs = kPatchTimeoutMs;
    client.send(std::move(req), [done = std::move(done)](Result<http::Response> r) {
        if (!r) {
            done(r.error());
            return;
        }
        done(isKwokNode(annotationsOf(r->body)));
    });
}

} // namespace kube::metrics
