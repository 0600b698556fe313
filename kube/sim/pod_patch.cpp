// PATCH of a pod's annotations: how hpascope (and kubectl annotate) set kwok's usage annotation
// kwok.x-k8s.io/usage-cpu on the demo's pods, which then use that much CPU (workloads.cpp
// podCpuMilli).
#include "kube/sim/routes.h"
#include "kube/sim/world_impl.h"

namespace kube::sim {

Result<json> World::patchPod(const std::string &ns, const std::string &name, const json &patch)
{
    json out;
    {
        std::lock_guard lock(m_impl->mutex);
        const auto it = m_impl->pods.find(objectKey(ns, name));
        if (it == m_impl->pods.end()) {
            Error e = makeError(Error::Kind::Http, "pods \"" + name + "\" not found");
            e.httpStatus = 404;
            e.reason = "NotFound";
            return e;
        }
        // A JSON merge patch (RFC 7386) of metadata.annotations: a string sets, null removes.
        // The demo's pods have nothing else a user may change.
        const bool onlyAnnotations = patch.is_object() && patch.size() == 1 && patch.contains("metadata")
            && patch["metadata"].is_object() && patch["metadata"].size() == 1
            && patch["metadata"].contains("annotations") && patch["metadata"]["annotations"].is_object();
        if (!onlyAnnotations) {
            Error e = makeError(Error::Kind::Http, "the demo cluster only patches a pod's metadata.annotations");
            e.httpStatus = 422;
            e.reason = "Invalid";
            return e;
        }
        for (const auto &[key, value] : patch["metadata"]["annotations"].items()) {
            if (value.is_null())
                it->second.annotations.erase(key);
            else if (value.is_string())
                it->second.annotations[key] = value.get<std::string>();
            else {
                Error e = makeError(Error::Kind::Http, "metadata.annotations[" + key + "]: must be a string");
                e.httpStatus = 422;
                e.reason = "Invalid";
                return e;
            }
        }
        m_impl->renderPod(it->second);
        out = *m_impl->find("pods", ns, name);
    }
    m_impl->changed.notify_all();
    return out;
}

} // namespace kube::sim

namespace kube::sim::detail {

void servePodPatch(World &world, const HttpRequest &req, HttpResponder &r, const std::string &ns,
                   const std::string &name)
{
    const auto type = req.headers.find("content-type");
    const std::string contentType = type == req.headers.end() ? std::string() : type->second;
    // Merge and strategic merge patches agree on a map of strings; JSON patch (a list of
    // operations) and apply patches are not served.
    if (contentType.rfind("application/merge-patch+json", 0) != 0
        && contentType.rfind("application/strategic-merge-patch+json", 0) != 0) {
        sendStatus(r, 415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted "
                                                   "media types include: application/merge-patch+json, "
                                                   "application/strategic-merge-patch+json");
        return;
    }
    const json patch = json::parse(req.body, nullptr, false);
    if (patch.is_discarded()) {
        sendStatus(r, 400, "BadRequest", "error decoding patch: invalid JSON");
        return;
    }
    auto pod = world.patchPod(ns, name, patch);
    if (!pod) {
        const Error &e = pod.error();
        sendStatus(r, e.httpStatus, e.reason, e.message,
                   e.httpStatus == 404 ? json{{"name", name}, {"kind", "pods"}} : json(nullptr));
        return;
    }
    sendJson(r, 200, *pod);
}

} // namespace kube::sim::detail
