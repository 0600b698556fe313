// The metrics APIs and the test adapter's write routes, shaped like
// sigs.k8s.io/custom-metrics-apiserver's test adapter and metrics-server answer them.
#include "kube/sim/routes.h"

#include "kube/core/strings.h"
#include "kube/sim/hpa_json.h"

namespace kube::sim::detail {
namespace {

// Go's resource.ParseQuantity error text (k8s.io/apimachinery/pkg/api/resource).
const char *const kQuantityError =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
// metrics-server's default --metric-resolution, reported as each sample's window.
const char *const kResourceWindow = "15s";

// The object reference the adapter's RESTMapper produces for a (group-qualified) resource.
json describedObject(const std::string &resource, const std::string &ns, const std::string &name)
{
    static const std::map<std::string, std::pair<std::string, std::string>> kKinds = {
        {"pods", {"v1", "Pod"}},
        {"services", {"v1", "Service"}},
        {"namespaces", {"v1", "Namespace"}},
        {"nodes", {"v1", "Node"}},
        {"deployments.apps", {"apps/v1", "Deployment"}},
        {"replicasets.apps", {"apps/v1", "ReplicaSet"}},
        {"statefulsets.apps", {"apps/v1", "StatefulSet"}},
    };
    std::string apiVersion = "v1", kind = resource;
    if (const auto it = kKinds.find(resource); it != kKinds.end()) {
        apiVersion = it->second.first;
        kind = it->second.second;
    }
    json out{{"kind", kind}, {"name", name}, {"apiVersion", apiVersion}};
    if (!ns.empty())
        out["namespace"] = ns;
    return out;
}

json selectorJson(const metrics::Selector &s)
{
    api::LabelSelector out;
    for (const auto &r : s.requirements()) {
        if ((r.op == metrics::Requirement::Op::Equals || r.op == metrics::Requirement::Op::In) && r.values.size() == 1) {
            out.matchLabels[r.key] = r.values.front();
            continue;
        }
        api::LabelSelectorRequirement e;
        e.key = r.key;
        e.values = r.values;
        switch (r.op) {
        case metrics::Requirement::Op::NotIn:
        case metrics::Requirement::Op::NotEquals: e.operator_ = "NotIn"; break;
        case metrics::Requirement::Op::Exists: e.operator_ = "Exists"; break;
        case metrics::Requirement::Op::DoesNotExist: e.operator_ = "DoesNotExist"; break;
        default: e.operator_ = "In";
        }
        out.matchExpressions.push_back(e);
    }
    return toJson(out);
}

json metricItem(bool v1beta2, const MetricKey &key, const StoredMetric &value, const std::string &metricSelectorText,
                const metrics::Selector &metricSelector, Time now)
{
    json item{{"describedObject", describedObject(key.resource, key.namespace_, key.name)},
              {"timestamp", api::formatTime(now)},
              {"value", value.value.toString()}};
    if (v1beta2) {
        item["metric"] = {{"name", key.metric}};
        if (!metricSelectorText.empty())
            item["metric"]["selector"] = selectorJson(metricSelector);
    } else {
        item["metricName"] = key.metric;
        if (!metricSelectorText.empty())
            item["selector"] = selectorJson(metricSelector);
    }
    return item;
}

void customMetrics(World &world, const HttpRequest &req, const Segments &segs, HttpResponder &r)
{
    const std::string version = segs[2];
    const bool v1beta2 = version == "v1beta2";
    if (version != "v1beta2" && version != "v1beta1") {
        sendNotFoundPath(r);
        return;
    }
    const Segments s(segs.begin() + 3, segs.end());
    const std::string metricSelectorText = query(req, "metricLabelSelector");
    auto metricSelector = metrics::Selector::parse(metricSelectorText);
    auto objectSelector = Filter::parse(query(req, "labelSelector"), "");
    if (!metricSelector || !objectSelector) {
        sendStatus(r, 400, "BadRequest", !metricSelector ? metricSelector.error().message : objectSelector.error().message);
        return;
    }
    MetricKey key;
    if (s.size() == 4 && s[0] == "namespaces" && s[2] == "metrics")
        key = {"", "namespaces", s[1], s[3]};
    else if (s.size() == 5 && s[0] == "namespaces")
        key = {s[1], normalizeResource(s[2]), s[3], s[4]};
    else if (s.size() == 3)
        key = {"", normalizeResource(s[0]), s[1], s[2]};
    else {
        sendNotFoundPath(r);
        return;
    }
    json list{{"kind", "MetricValueList"},
              {"apiVersion", "custom.metrics.k8s.io/" + version},
              {"metadata", json::object()},
              {"items", json::array()}};
    const Time now = world.now();
    if (key.name != "*") {
        const auto value = world.metric(key);
        if (!value || !metricSelector->matches(value->labels)) {
            sendStatus(r, 404, "NotFound",
                       "the server could not find the metric " + key.metric + " for " + key.resource + " " + key.name);
            return;
        }
        list["items"].push_back(metricItem(v1beta2, key, *value, metricSelectorText, *metricSelector, now));
        sendJson(r, 200, list);
        return;
    }
    // Every object the label selector matches that has a value (helpers.ListObjectNames).
    std::vector<std::string> names;
    const std::string plain = key.resource.substr(0, key.resource.find('.'));
    if (World::servesResource(plain)) {
        for (const auto &o : world.list(plain, key.namespace_, *objectSelector).items)
            names.push_back(o["metadata"].value("name", ""));
    } else {
        for (const auto &k : world.metricKeys())
            if (k.namespace_ == key.namespace_ && k.resource == key.resource && k.metric == key.metric)
                names.push_back(k.name);
    }
    for (const auto &name : names) {
        MetricKey k = key;
        k.name = name;
        const auto value = world.metric(k);
        if (value && metricSelector->matches(value->labels))
            list["items"].push_back(metricItem(v1beta2, k, *value, metricSelectorText, *metricSelector, now));
    }
    sendJson(r, 200, list);
}

void externalMetrics(World &world, const HttpRequest &req, const Segments &segs, HttpResponder &r)
{
    const Segments s(segs.begin() + 3, segs.end());
    if (segs[2] != "v1beta1" || s.size() != 3 || s[0] != "namespaces") {
        sendNotFoundPath(r);
        return;
    }
    auto selector = metrics::Selector::parse(query(req, "labelSelector"));
    if (!selector) {
        sendStatus(r, 400, "BadRequest", selector.error().message);
        return;
    }
    json items = json::array();
    for (const auto &v : World::externalMetrics(s[2], *selector))
        items.push_back({{"metricName", v.name}, {"metricLabels", v.labels},
                         {"timestamp", api::formatTime(world.now())}, {"value", v.value.toString()}});
    sendJson(r, 200, {{"kind", "ExternalMetricValueList"}, {"apiVersion", "external.metrics.k8s.io/v1beta1"},
                      {"metadata", json::object()}, {"items", items}});
}

// metrics.k8s.io/v1beta1 pods, as metrics-server serves them (kubectl top pods).
void resourceMetrics(World &world, const HttpRequest &req, const Segments &segs, HttpResponder &r)
{
    const Segments s(segs.begin() + 3, segs.end());
    std::string ns, name;
    if (s.size() >= 3 && s[0] == "namespaces" && s[2] == "pods" && s.size() <= 4) {
        ns = s[1];
        if (s.size() == 4)
            name = s[3];
    } else if (!(s.size() == 1 && s[0] == "pods")) {
        sendNotFoundPath(r);
        return;
    }
    auto filter = Filter::parse(query(req, "labelSelector"), "");
    if (!filter) {
        sendStatus(r, 400, "BadRequest", filter.error().message);
        return;
    }
    const auto usage = world.podCpuUsageMilli(ns);
    const Time now = world.now();
    json items = json::array();
    for (const auto &pod : world.list("pods", ns, *filter).items) {
        const auto &meta = pod["metadata"];
        const std::string podNs = meta.value("namespace", ""), podName = meta.value("name", "");
        const auto u = usage.find(podNs + "/" + podName);
        if (u == usage.end() || (!name.empty() && podName != name))
            continue;
        items.push_back({{"metadata", {{"name", podName}, {"namespace", podNs},
                                       {"creationTimestamp", api::formatTime(now)},
                                       {"labels", meta.value("labels", json::object())}}},
                         {"timestamp", api::formatTime(now)},
                         {"window", kResourceWindow},
                         {"containers", {{{"name", "app"},
                                          {"usage", {{"cpu", api::Quantity::fromMilli(u->second).toString()},
                                                     {"memory", "65536Ki"}}}}}}});
    }
    if (!name.empty()) {
        if (items.empty())
            sendStatus(r, 404, "NotFound", "podmetrics.metrics.k8s.io \"" + ns + "/" + name + "\" not found");
        else {
            json one = items.front();
            one["kind"] = "PodMetrics";
            one["apiVersion"] = "metrics.k8s.io/v1beta1";
            sendJson(r, 200, one);
        }
        return;
    }
    sendJson(r, 200, {{"kind", "PodMetricsList"}, {"apiVersion", "metrics.k8s.io/v1beta1"},
                      {"metadata", json::object()}, {"items", items}});
}

} // namespace

void handleMetricsApi(World &world, const HttpRequest &req, const Segments &segs, HttpResponder &r)
{
    if (req.method != "GET") {
        sendStatus(r, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        return;
    }
    if (segs.size() < 4) {
        sendNotFoundPath(r);
        return;
    }
    if (segs[1] == "custom.metrics.k8s.io")
        customMetrics(world, req, segs, r);
    else if (segs[1] == "external.metrics.k8s.io")
        externalMetrics(world, req, segs, r);
    else
        resourceMetrics(world, req, segs, r);
}

void handleAdapter(World &world, const HttpRequest &req, const Segments &rest, HttpResponder &r)
{
    // go-restful answers unknown routes with plain text.
    if (rest.empty() || rest[0] != "write-metrics") {
        r.respond(404, "text/plain; charset=utf-8", "404 page not found");
        return;
    }
    const Segments s(rest.begin() + 1, rest.end());
    MetricKey key;
    if (s.size() == 5 && s[0] == "namespaces") // /namespaces/{namespace}/{resourceType}/{name}/{metric}
        key = {s[1], normalizeResource(s[2]), s[3], s[4]};
    else if (s.size() == 4 && s[2] == "metrics") // /{resourceType}/{name}/metrics/{metric}
        key = {"", normalizeResource(s[0]), s[1], s[3]};
    else if (s.size() == 3) // /{resourceType}/{name}/{metric}
        key = {"", normalizeResource(s[0]), s[1], s[2]};
    else {
        r.respond(404, "text/plain; charset=utf-8", "404 page not found");
        return;
    }
    if (req.method != "POST") {
        r.respond(405, "text/plain; charset=utf-8", "405: Method Not Allowed");
        return;
    }
    // resource.Quantity.UnmarshalJSON: a JSON string or a bare number.
    std::string text = trim(req.body);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = text.substr(1, text.size() - 2);
    auto value = api::Quantity::parse(text);
    if (!value) {
        r.respond(400, "text/plain; charset=utf-8", kQuantityError);
        return;
    }
    metrics::Labels labels;
    if (const std::string sel = query(req, "labels"); !sel.empty()) {
        // labels.ConvertSelectorToLabelsMap: k=v pairs only.
        auto parsed = metrics::Selector::parse(sel);
        bool ok = parsed.ok();
        if (ok)
            for (const auto &req2 : parsed->requirements()) {
                if (req2.op != metrics::Requirement::Op::Equals || req2.values.size() != 1) {
                    ok = false;
                    break;
                }
                labels[req2.key] = req2.values.front();
            }
        if (!ok) {
            r.respond(400, "text/plain; charset=utf-8", "invalid selector: " + sel);
            return;
        }
    }
    world.writeMetric(key, *value, labels);
    r.respond(200, "text/plain; charset=utf-8", "");
}

} // namespace kube::sim::detail
