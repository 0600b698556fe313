#include "kube/sim/hpa_json.h"

#include "kube/api/meta.h"

namespace kube::sim {

using nlohmann::json;
using namespace kube::api;

json toJson(const LabelSelector &selector)
{
    json out = json::object();
    if (!selector.matchLabels.empty())
        out["matchLabels"] = selector.matchLabels;
    if (!selector.matchExpressions.empty()) {
        json list = json::array();
        for (const auto &r : selector.matchExpressions) {
            json e{{"key", r.key}, {"operator", r.operator_}};
            if (!r.values.empty())
                e["values"] = r.values;
            list.push_back(e);
        }
        out["matchExpressions"] = list;
    }
    return out;
}

namespace {

json identifier(const MetricIdentifier &m)
{
    json out{{"name", m.name}};
    if (m.selector)
        out["selector"] = toJson(*m.selector);
    return out;
}

json value(const MetricValueStatus &v)
{
    json out = json::object();
    if (v.value)
        out["value"] = v.value->toString();
    if (v.averageValue)
        out["averageValue"] = v.averageValue->toString();
    if (v.averageUtilization)
        out["averageUtilization"] = *v.averageUtilization;
    return out;
}

json reference(const CrossVersionObjectReference &r)
{
    json out{{"kind", r.kind}, {"name", r.name}};
    if (!r.apiVersion.empty())
        out["apiVersion"] = r.apiVersion;
    return out;
}

json metricStatus(const MetricStatus &m)
{
    json out{{"type", m.typeName.empty() ? std::string(nameOf(m.type)) : m.typeName}};
    if (m.type == MetricSourceType::Unknown)
        out["type"] = m.typeName; // the controller writes {"type": ""} for a failed metric
    if (m.object)
        out["object"] = {{"metric", identifier(m.object->metric)}, {"current", value(m.object->current)},
                         {"describedObject", reference(m.object->describedObject)}};
    if (m.pods)
        out["pods"] = {{"metric", identifier(m.pods->metric)}, {"current", value(m.pods->current)}};
    if (m.resource)
        out["resource"] = {{"name", m.resource->name}, {"current", value(m.resource->current)}};
    if (m.containerResource)
        out["containerResource"] = {{"name", m.containerResource->name},
                                    {"current", value(m.containerResource->current)},
                                    {"container", m.containerResource->container}};
    if (m.external)
        out["external"] = {{"metric", identifier(m.external->metric)}, {"current", value(m.external->current)}};
    return out;
}

} // namespace

json toJson(const HorizontalPodAutoscalerStatus &status)
{
    json out = json::object();
    if (status.observedGeneration)
        out["observedGeneration"] = *status.observedGeneration;
    if (status.lastScaleTime)
        out["lastScaleTime"] = formatTime(*status.lastScaleTime);
    if (status.currentReplicas)
        out["currentReplicas"] = status.currentReplicas;
    out["desiredReplicas"] = status.desiredReplicas;
    if (!status.currentMetrics.empty()) {
        json list = json::array();
        for (const auto &m : status.currentMetrics)
            list.push_back(metricStatus(m));
        out["currentMetrics"] = list;
    }
    if (!status.conditions.empty()) {
        json list = json::array();
        for (const auto &c : status.conditions) {
            json e{{"type", c.type}, {"status", c.status}};
            if (c.lastTransitionTime)
                e["lastTransitionTime"] = formatTime(*c.lastTransitionTime);
            if (!c.reason.empty())
                e["reason"] = c.reason;
            if (!c.message.empty())
                e["message"] = c.message;
            list.push_back(e);
        }
        out["conditions"] = list;
    }
    return out;
}

} // namespace kube::sim
