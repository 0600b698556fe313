#include "kube/sim/api_server.h"

#include "kube/sim/routes.h"

#include <algorithm>

namespace kube::sim {
namespace detail {

Segments splitPath(const std::string &path)
{
    Segments out;
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos)
            slash = path.size();
        if (slash > start)
            out.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return out;
}

json statusBody(int code, const std::string &reason, const std::string &message, const json &details)
{
    json s{{"kind", "Status"},   {"apiVersion", "v1"}, {"metadata", json::object()},
           {"status", "Failure"}, {"message", message}, {"reason", reason}, {"code", code}};
    if (!details.is_null())
        s["details"] = details;
    return s;
}

std::string query(const HttpRequest &req, const std::string &key)
{
    const auto it = req.query.find(key);
    return it == req.query.end() ? std::string() : it->second;
}

void sendJson(HttpResponder &r, int code, const json &body)
{
    r.respond(code, "application/json", body.dump());
}

void sendStatus(HttpResponder &r, int code, const std::string &reason, const std::string &message, const json &details)
{
    sendJson(r, code, statusBody(code, reason, message, details));
}

void sendNotFoundPath(HttpResponder &r)
{
    sendStatus(r, 404, "NotFound", "the server could not find the requested resource", json{{}});
}

} // namespace detail

namespace {

using namespace detail;

// The longest a watch stays open without timeoutSeconds (kube-apiserver --min-request-timeout).
constexpr int kDefaultWatchTimeoutSeconds = 1800;
// How often an idle watch sends a BOOKMARK when allowed (the apiserver sends them about once a
// minute; more often here because simulated time runs faster).
constexpr std::chrono::seconds kBookmarkInterval{10};
// The longest a watch handler sleeps before it looks at the peer and stop() again.
constexpr Millis kWatchPoll{250};

struct ResourceType {
    const char *group;   // "" for core
    const char *version;
    const char *resource;
    const char *kind;
};
constexpr ResourceType kTypes[] = {
    {"", "v1", "namespaces", "Namespace"},
    {"", "v1", "nodes", "Node"},
    {"", "v1", "services", "Service"},
    {"", "v1", "pods", "Pod"},
    {"", "v1", "events", "Event"},
    {"apps", "v1", "deployments", "Deployment"},
    {"apps", "v1", "replicasets", "ReplicaSet"},
    {"autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler"},
};

const ResourceType *findType(const std::string &group, const std::string &version, const std::string &resource)
{
    for (const auto &t : kTypes)
        if (group == t.group && version == t.version && resource == t.resource)
            return &t;
    return nullptr;
}

std::string groupVersion(const ResourceType &t)
{
    return std::string(t.group).empty() ? t.version : std::string(t.group) + "/" + t.version;
}

std::string qualified(const ResourceType &t)
{
    return std::string(t.group).empty() ? t.resource : std::string(t.resource) + "." + t.group;
}

void notFound(HttpResponder &r, const ResourceType &t, const std::string &name)
{
    sendStatus(r, 404, "NotFound", qualified(t) + " \"" + name + "\" not found",
               {{"name", name}, {"group", t.group}, {"kind", t.resource}});
}

json watchFrame(const std::string &type, const json &object)
{
    return {{"type", type}, {"object", object}};
}

void serveWatch(World &world, const HttpRequest &req, HttpResponder &r, const ResourceType &t,
                const std::string &ns, const Filter &filter)
{
    const std::string rvText = query(req, "resourceVersion");
    uint64_t from = 0;
    if (!rvText.empty() && rvText != "0") {
        char *end = nullptr;
        from = std::strtoull(rvText.c_str(), &end, 10);
        if (!end || *end) {
            sendStatus(r, 400, "BadRequest", "invalid resource version: " + rvText);
            return;
        }
    }
    int timeout = kDefaultWatchTimeoutSeconds;
    if (const std::string ts = query(req, "timeoutSeconds"); !ts.empty())
        timeout = std::max(0, std::atoi(ts.c_str()));
    const bool bookmarks = query(req, "allowWatchBookmarks") == "true";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
    auto lastBookmark = std::chrono::steady_clock::now();

    if (!r.startStream(200, "application/json"))
        return;
    auto send = [&](const json &frame) { return r.chunk(frame.dump() + "\n"); };
    if (rvText.empty() || rvText == "0") {
        // No resourceVersion: the current state as ADDED events first, like the apiserver.
        const auto list = world.list(t.resource, ns, filter);
        for (const auto &item : list.items)
            if (!send(watchFrame("ADDED", item)))
                return;
        from = list.resourceVersion;
    }
    for (;;) {
        const WatchBatch batch = world.changesSince(t.resource, ns, from, filter);
        if (batch.expired) {
            send(watchFrame("ERROR", statusBody(410, "Expired",
                                                "too old resource version: " + std::to_string(from) + " (" +
                                                    std::to_string(batch.oldestAvailable) + ")")));
            r.endStream();
            return;
        }
        for (const auto &e : batch.events)
            if (!send(watchFrame(e.type, e.object)))
                return;
        from = std::max(from, batch.resourceVersion);
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
            r.endStream();
            return;
        }
        if (bookmarks && now - lastBookmark >= kBookmarkInterval) {
            lastBookmark = now;
            if (!send(watchFrame("BOOKMARK", {{"kind", t.kind}, {"apiVersion", groupVersion(t)},
                                              {"metadata", {{"resourceVersion", std::to_string(from)}}}})))
                return;
        }
        if (r.peerGone())
            return;
        world.waitForChange(from, std::min(deadline, now + kWatchPoll));
    }
}

void serveCollection(World &world, const HttpRequest &req, HttpResponder &r, const ResourceType &t, const std::string &ns)
{
    auto filter = Filter::parse(query(req, "labelSelector"), query(req, "fieldSelector"));
    if (!filter) {
        sendStatus(r, 400, "BadRequest", filter.error().message);
        return;
    }
    const std::string watch = query(req, "watch");
    if (watch == "1" || watch == "true") {
        serveWatch(world, req, r, t, ns, *filter);
        return;
    }
    auto list = world.list(t.resource, ns, *filter);
    if (wantsTable(req))
        if (auto table = tableFor(t.resource, list.items, list.resourceVersion, world.now())) {
            sendJson(r, 200, *table);
            return;
        }
    for (auto &item : list.items) { // typed lists carry no kind/apiVersion per item
        item.erase("kind");
        item.erase("apiVersion");
    }
    sendJson(r, 200, {{"kind", std::string(t.kind) + "List"},
                      {"apiVersion", groupVersion(t)},
                      {"metadata", {{"resourceVersion", std::to_string(list.resourceVersion)}}},
                      {"items", list.items}});
}

void serveScale(World &world, const HttpRequest &req, HttpResponder &r, const std::string &ns, const std::string &name)
{
    const ResourceType &dep = *findType("apps", "v1", "deployments");
    if (req.method == "PUT" || req.method == "PATCH") {
        const json body = json::parse(req.body, nullptr, false);
        const json *replicas = nullptr;
        if (body.is_object() && body.contains("spec") && body["spec"].is_object() && body["spec"].contains("replicas"))
            replicas = &body["spec"]["replicas"];
        if (!replicas || !replicas->is_number_integer()) {
            sendStatus(r, 400, "BadRequest", "the body must set spec.replicas to an integer");
            return;
        }
        const Status s = world.scaleDeployment(ns, name, replicas->get<int32_t>());
        if (!s.ok()) {
            if (s.error().httpStatus == 404)
                notFound(r, dep, name);
            else
                sendStatus(r, 422, "Invalid", "Scale.autoscaling \"" + name + "\" is invalid: " + s.error().message);
            return;
        }
    } else if (req.method != "GET") {
        sendStatus(r, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        return;
    }
    if (auto scale = world.deploymentScale(ns, name))
        sendJson(r, 200, *scale);
    else
        notFound(r, dep, name);
}

void serveServiceProxy(World &world, const HttpRequest &req, HttpResponder &r, const std::string &ns,
                       const std::string &target, const Segments &rest)
{
    const std::size_t colon = target.find(':');
    const std::string name = target.substr(0, colon);
    const std::string port = colon == std::string::npos ? std::string() : target.substr(colon + 1);
    if (!world.get("services", ns, name)) {
        notFound(r, *findType("", "v1", "services"), name);
        return;
    }
    // Only the test adapter has an endpoint in the demo cluster; its plain-HTTP port serves
    // the write routes (port "http" = 80 -> 8080 in the pod).
    if (ns == "custom-metrics" && name == "custom-metrics-apiserver" && (port.empty() || port == "http" || port == "80")) {
        handleAdapter(world, req, rest, r);
        return;
    }
    sendStatus(r, 503, "ServiceUnavailable", "no endpoints available for service \"" + target + "\"");
}

} // namespace

void handleApiRequest(World &world, const HttpRequest &req, HttpResponder &r, const std::string &hostPort)
{
    const Segments segs = splitPath(req.path);
    if (req.path == "/healthz" || req.path == "/readyz" || req.path == "/livez") {
        r.respond(200, "text/plain; charset=utf-8", "ok");
        return;
    }
    if (req.path == "/version") {
        sendJson(r, 200, {{"major", "1"}, {"minor", "36"}, {"gitVersion", "v1.36.0+hpascope-demo"},
                          {"gitCommit", ""}, {"gitTreeState", "clean"}, {"buildDate", "1970-01-01T00:00:00Z"},
                          {"goVersion", ""}, {"compiler", "gc"}, {"platform", "linux/amd64"}});
        return;
    }
    if (handleDiscovery(world, segs, r, hostPort))
        return;
    if (segs.size() >= 2 && segs[0] == "apis" &&
        (segs[1] == "custom.metrics.k8s.io" || segs[1] == "external.metrics.k8s.io" || segs[1] == "metrics.k8s.io")) {
        handleMetricsApi(world, req, segs, r);
        return;
    }

    std::string group, version;
    std::size_t at = 0;
    if (segs.size() >= 2 && segs[0] == "api") {
        version = segs[1];
        at = 2;
    } else if (segs.size() >= 3 && segs[0] == "apis") {
        group = segs[1];
        version = segs[2];
        at = 3;
    } else {
        sendNotFoundPath(r);
        return;
    }
    const Segments rest(segs.begin() + static_cast<std::ptrdiff_t>(at), segs.end());
    std::string ns, resource, name;
    Segments sub;
    if (rest.size() >= 3 && rest[0] == "namespaces") {
        ns = rest[1];
        resource = rest[2];
        if (rest.size() >= 4)
            name = rest[3];
        sub.assign(rest.begin() + std::min<std::ptrdiff_t>(4, static_cast<std::ptrdiff_t>(rest.size())), rest.end());
    } else if (!rest.empty()) {
        resource = rest[0];
        if (rest.size() >= 2)
            name = rest[1];
        if (rest.size() > 2) {
            sendNotFoundPath(r);
            return;
        }
    }
    const ResourceType *t = findType(group, version, resource);
    if (!t) {
        sendNotFoundPath(r);
        return;
    }
    if (resource == "namespaces" && !ns.empty()) { // /api/v1/namespaces/{name}
        name = ns;
        ns.clear();
        if (rest.size() > 2) {
            sendNotFoundPath(r);
            return;
        }
    }
    if (!sub.empty()) {
        if (resource == "deployments" && sub.size() == 1 && sub[0] == "scale") {
            serveScale(world, req, r, ns, name);
            return;
        }
        if (resource == "services" && sub[0] == "proxy") {
            serveServiceProxy(world, req, r, ns, name, Segments(sub.begin() + 1, sub.end()));
            return;
        }
        if (!(sub.size() == 1 && sub[0] == "status" && (resource == "horizontalpodautoscalers" || resource == "deployments"))) {
            sendNotFoundPath(r);
            return;
        }
    }
    if (req.method == "PATCH" && resource == "pods" && !name.empty() && sub.empty()) {
        servePodPatch(world, req, r, ns, name);
        return;
    }
    if (req.method != "GET") {
        sendStatus(r, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        return;
    }
    if (name.empty()) {
        serveCollection(world, req, r, *t, ns);
        return;
    }
    if (auto object = world.get(resource, ns, name)) {
        if (wantsTable(req) && sub.empty())
            if (auto table = tableFor(resource, {*object}, world.resourceVersion(), world.now())) {
                sendJson(r, 200, *table);
                return;
            }
        sendJson(r, 200, *object);
    }
    else
        notFound(r, *t, name);
}

} // namespace kube::sim
