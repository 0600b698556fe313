#include "kube/snapshot/snapshot.h"

#include "kube/api/event_scope.h"
#include "kube/api/hpa_metrics.h"
#include "kube/api/paths.h"
#include "kube/hpa/explainer.h"
#include "kube/http/client.h"

#include <algorithm>

namespace kube::snapshot {

using nlohmann::json;

namespace {

json timeOrNull(const std::optional<api::Time> &t)
{
    return t ? json(api::formatTime(*t)) : json(nullptr);
}

json quantityOrNull(const std::optional<api::Quantity> &q)
{
    return q ? json(q->toString()) : json(nullptr);
}

json targetJson(const api::MetricTarget *t)
{
    if (!t)
        return nullptr;
    json j = {{"type", std::string(api::nameOf(t->type))}, {"text", api::describeTarget(*t)}};
    j["value"] = quantityOrNull(t->value);
    j["averageValue"] = quantityOrNull(t->averageValue);
    j["averageUtilization"] = t->averageUtilization ? json(*t->averageUtilization) : json(nullptr);
    return j;
}

json currentJson(const api::MetricValueStatus *c, api::MetricTargetType preferred)
{
    if (!c)
        return nullptr;
    json j = {{"text", api::describeCurrent(*c, preferred)}};
    j["value"] = quantityOrNull(c->value);
    j["averageValue"] = quantityOrNull(c->averageValue);
    j["averageUtilization"] = c->averageUtilization ? json(*c->averageUtilization) : json(nullptr);
    return j;
}

bool concerns(const api::HorizontalPodAutoscaler &hpa, const api::Event &e)
{
    const api::EventScope scope{hpa.metadata.namespace_, hpa.metadata.name, hpa.spec.scaleTargetRef.kind,
                                hpa.spec.scaleTargetRef.name};
    const auto &ref = e.regarding;
    return scope.matches(ref.namespace_.empty() ? e.namespace_ : ref.namespace_, ref.kind, ref.name);
}

json rulesJson(const hpa::EffectiveRules &r)
{
    json policies = json::array();
    for (const auto &p : r.policies)
        policies.push_back({{"type", std::string(api::nameOf(p.type))}, {"value", p.value}, {"periodSeconds", p.periodSeconds}});
    return {{"stabilizationWindowSeconds", r.stabilizationWindowSeconds},
            {"selectPolicy", std::string(api::nameOf(r.selectPolicy))},
            {"policies", policies},
            {"tolerance", r.tolerance},
            {"windowDefaulted", r.windowDefaulted()}};
}

// What the controller applies and why it is (not) scaling, assuming the controller's default
// flags (a real cluster's flags cannot be read through the API) and no recorded history.
void addExplanation(json &out, const api::HorizontalPodAutoscaler &h)
{
    const hpa::ControllerConfig config;
    const auto ex = hpa::explain(h, config, nullptr, std::chrono::system_clock::now());
    out["behavior"] = {{"explicit", ex.behavior.explicitBehavior},
                       {"scaleUp", rulesJson(ex.behavior.scaleUp)},
                       {"scaleDown", rulesJson(ex.behavior.scaleDown)}};
    if (!ex.behavior.explicitBehavior)
        out["behavior"]["legacyScaleUpLimit"] = "max(2 x current, 4) per sync";
    out["explanation"] = ex.texts();
    json limiters = json::array();
    for (const auto l : ex.reported)
        limiters.push_back(std::string(hpa::nameOf(l)));
    out["limiters"] = limiters;
    json path = json::array();
    for (const auto &step : ex.path)
        path.push_back({{"at", api::formatTime(step.at)}, {"from", step.from}, {"to", step.to}});
    out["path"] = path;
    out["pathEstimated"] = ex.pathEstimated;
    out["heldUntil"] = ex.heldUntil ? json(api::formatTime(*ex.heldUntil)) : json(nullptr);
}

} // namespace

std::vector<api::Event> eventsFor(const api::HorizontalPodAutoscaler &hpa, const std::vector<api::Event> &all)
{
    std::vector<api::Event> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const api::Event &e) { return concerns(hpa, e); });
    auto key = [](const api::Event &e) { return e.lastTimestamp.value_or(e.firstTimestamp.value_or(api::Time{})); };
    std::stable_sort(out.begin(), out.end(), [&](const api::Event &a, const api::Event &b) { return key(a) > key(b); });
    return out;
}

json toJson(const api::HorizontalPodAutoscaler &hpa, const std::vector<api::Event> &events, size_t maxEvents)
{
    json metrics = json::array();
    for (const auto &pair : api::pairMetrics(hpa)) {
        const api::MetricTarget *target = api::targetOf(pair.spec);
        const api::MetricValueStatus *current = pair.status ? api::currentOf(*pair.status) : nullptr;
        metrics.push_back({{"type", std::string(api::nameOf(pair.spec.type))},
                           {"name", api::metricDisplayName(pair.spec)},
                           {"identity", api::identityOf(pair.spec).toString()},
                           {"target", targetJson(target)},
                           {"current", currentJson(current, target ? target->type : api::MetricTargetType::Unknown)}});
    }
    json conditions = json::array();
    for (const auto &c : hpa.status.conditions)
        conditions.push_back({{"type", c.type},
                              {"status", c.status},
                              {"reason", c.reason},
                              {"message", c.message},
                              {"lastTransitionTime", timeOrNull(c.lastTransitionTime)}});
    json evs = json::array();
    for (const auto &e : eventsFor(hpa, events)) {
        if (evs.size() >= maxEvents)
            break;
        evs.push_back({{"type", e.type},
                       {"reason", e.reason},
                       {"message", e.message},
                       {"count", e.count},
                       {"object", e.regarding.kind + "/" + e.regarding.name},
                       {"firstTimestamp", timeOrNull(e.firstTimestamp)},
                       {"lastTimestamp", timeOrNull(e.lastTimestamp)}});
    }
    const auto &ref = hpa.spec.scaleTargetRef;
    json out = {{"namespace", hpa.metadata.namespace_},
            {"name", hpa.metadata.name},
            {"scaleTargetRef", {{"apiVersion", ref.apiVersion}, {"kind", ref.kind}, {"name", ref.name}}},
            {"minReplicas", hpa.spec.minReplicas.value_or(1)},
            {"maxReplicas", hpa.spec.maxReplicas},
            {"currentReplicas", hpa.status.currentReplicas},
            {"desiredReplicas", hpa.status.desiredReplicas},
            {"lastScaleTime", timeOrNull(hpa.status.lastScaleTime)},
            {"behaviorSet", hpa.spec.behavior.has_value()},
            {"metrics", metrics},
            {"conditions", conditions},
            {"events", evs}};
    addExplanation(out, hpa);
    return out;
}

Result<json> take(http::Client &client, const Options &options)
{
    const api::Namespace ns = options.namespaceName;
    auto get = [&client](const std::string &path) -> Result<json> {
        http::Request req;
        req.path = path;
        auto resp = client.sendSync(req);
        if (!resp)
            return resp.error();
        json j = json::parse(resp->body, nullptr, false);
        if (j.is_discarded())
            return makeError(Error::Kind::Decode, "the API server sent a body that is not JSON", "GET " + path);
        return j;
    };
    auto hpaList = get(api::hpaListPath(ns));
    if (!hpaList)
        return hpaList.error();
    auto hpas = api::decodeList<api::HorizontalPodAutoscaler>(hpaList.value());
    if (!hpas)
        return hpas.error();
    // Events are best effort: an RBAC rule may allow HPAs but not events.
    std::vector<api::Event> events;
    std::string eventsError;
    if (auto evList = get(api::coreEventsPath(ns))) {
        if (auto decoded = api::decodeEventList(evList.value()))
            events = std::move(decoded->items);
        else
            eventsError = decoded.error().toString();
    } else {
        eventsError = evList.error().toString();
    }
    std::sort(hpas->items.begin(), hpas->items.end(), [](const auto &a, const auto &b) {
        return std::tie(a.metadata.namespace_, a.metadata.name) < std::tie(b.metadata.namespace_, b.metadata.name);
    });
    json out = {{"server", client.config().server},
                {"context", client.config().contextName},
                {"namespace", ns ? json(*ns) : json(nullptr)},
                {"resourceVersion", hpas->resourceVersion},
                {"hpas", json::array()}};
    if (!eventsError.empty())
        out["eventsError"] = eventsError;
    for (const auto &hpa : hpas->items)
        out["hpas"].push_back(toJson(hpa, events, options.maxEventsPerHpa));
    return out;
}

} // namespace kube::snapshot
