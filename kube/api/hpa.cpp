#include "kube/api/hpa.h"

namespace kube::api {

using detail::Decoder;
using nlohmann::json;

namespace {

MetricSourceType sourceTypeFrom(const std::string &s)
{
    if (s == "Object") return MetricSourceType::Object;
    if (s == "Pods") return MetricSourceType::Pods;
    if (s == "Resource") return MetricSourceType::Resource;
    if (s == "ContainerResource") return MetricSourceType::ContainerResource;
    if (s == "External") return MetricSourceType::External;
    return MetricSourceType::Unknown;
}

MetricTargetType targetTypeFrom(const std::string &s)
{
    if (s == "Utilization") return MetricTargetType::Utilization;
    if (s == "Value") return MetricTargetType::Value;
    if (s == "AverageValue") return MetricTargetType::AverageValue;
    return MetricTargetType::Unknown;
}

} // namespace

// The decoders below live in kube::api (not an unnamed namespace) so that readObject's
// argument-dependent lookup finds them.
void decodeInto(Decoder &d, const json &j, const std::string &path, CrossVersionObjectReference &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "apiVersion", path, out.apiVersion);
    d.read(j, "kind", path, out.kind);
    d.read(j, "name", path, out.name);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, MetricIdentifier &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "name", path, out.name);
    readObject(d, j, "selector", path, out.selector);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, MetricTarget &out)
{
    if (!d.expectObject(j, path))
        return;
    std::string type;
    d.read(j, "type", path, type);
    out.type = targetTypeFrom(type);
    d.read(j, "value", path, out.value);
    d.read(j, "averageValue", path, out.averageValue);
    d.read(j, "averageUtilization", path, out.averageUtilization);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, MetricValueStatus &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "value", path, out.value);
    d.read(j, "averageValue", path, out.averageValue);
    d.read(j, "averageUtilization", path, out.averageUtilization);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, ObjectMetricSource &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "describedObject", path, out.describedObject);
    readObject(d, j, "target", path, out.target);
    readObject(d, j, "metric", path, out.metric);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, PodsMetricSource &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "metric", path, out.metric);
    readObject(d, j, "target", path, out.target);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, ResourceMetricSource &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "name", path, out.name);
    readObject(d, j, "target", path, out.target);
}

void decodeInto(Decoder &d, const json &j, const std::string &path,
                ContainerResourceMetricSource &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "name", path, out.name);
    d.read(j, "container", path, out.container);
    readObject(d, j, "target", path, out.target);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, ExternalMetricSource &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "metric", path, out.metric);
    readObject(d, j, "target", path, out.target);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, MetricSpec &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "type", path, out.typeName);
    out.type = sourceTypeFrom(out.typeName);
    readObject(d, j, "object", path, out.object);
    readObject(d, j, "pods", path, out.pods);
    readObject(d, j, "resource", path, out.resource);
    readObject(d, j, "containerResource", path, out.containerResource);
    readObject(d, j, "external", path, out.external);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, ObjectMetricStatus &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "metric", path, out.metric);
    readObject(d, j, "current", path, out.current);
    readObject(d, j, "describedObject", path, out.describedObject);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, PodsMetricStatus &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "metric", path, out.metric);
    readObject(d, j, "current", path, out.current);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, ResourceMetricStatus &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "name", path, out.name);
    readObject(d, j, "current", path, out.current);
}

void decodeInto(Decoder &d, const json &j, const std::string &path,
                ContainerResourceMetricStatus &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "name", path, out.name);
    d.read(j, "container", path, out.container);
    readObject(d, j, "current", path, out.current);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, ExternalMetricStatus &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "metric", path, out.metric);
    readObject(d, j, "current", path, out.current);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, MetricStatus &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "type", path, out.typeName);
    out.type = sourceTypeFrom(out.typeName);
    readObject(d, j, "object", path, out.object);
    readObject(d, j, "pods", path, out.pods);
    readObject(d, j, "resource", path, out.resource);
    readObject(d, j, "containerResource", path, out.containerResource);
    readObject(d, j, "external", path, out.external);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, HPAScalingPolicy &out)
{
    if (!d.expectObject(j, path))
        return;
    std::string type;
    d.read(j, "type", path, type);
    out.type = type == "Pods" ? HPAScalingPolicyType::Pods
        : type == "Percent"   ? HPAScalingPolicyType::Percent
                              : HPAScalingPolicyType::Unknown;
    d.read(j, "value", path, out.value);
    d.read(j, "periodSeconds", path, out.periodSeconds);
}

std::string_view nameOf(HPAScalingPolicyType type)
{
    switch (type) {
    case HPAScalingPolicyType::Pods: return "Pods";
    case HPAScalingPolicyType::Percent: return "Percent";
    case HPAScalingPolicyType::Unknown: break;
    }
    return "Unknown";
}

std::string_view nameOf(ScalingPolicySelect select)
{
    switch (select) {
    case ScalingPolicySelect::Max: return "Max";
    case ScalingPolicySelect::Min: return "Min";
    case ScalingPolicySelect::Disabled: return "Disabled";
    case ScalingPolicySelect::Unknown: break;
    }
    return "Unknown";
}

void decodeInto(Decoder &d, const json &j, const std::string &path, HPAScalingRules &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "stabilizationWindowSeconds", path, out.stabilizationWindowSeconds);
    std::string select;
    d.read(j, "selectPolicy", path, select);
    if (!select.empty()) {
        out.selectPolicy = select == "Max" ? ScalingPolicySelect::Max
            : select == "Min"              ? ScalingPolicySelect::Min
            : select == "Disabled"         ? ScalingPolicySelect::Disabled
                                           : ScalingPolicySelect::Unknown;
    }
    d.readArray(j, "policies", path, out.policies,
                [](Decoder &dd, const json &item, const std::string &p, HPAScalingPolicy &o) {
                    decodeInto(dd, item, p, o);
                });
    d.read(j, "tolerance", path, out.tolerance);
}

void decodeInto(Decoder &d, const json &j, const std::string &path,
                HorizontalPodAutoscalerBehavior &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "scaleUp", path, out.scaleUp);
    readObject(d, j, "scaleDown", path, out.scaleDown);
}

void decodeInto(Decoder &d, const json &j, const std::string &path, HorizontalPodAutoscalerSpec &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "scaleTargetRef", path, out.scaleTargetRef);
    d.read(j, "minReplicas", path, out.minReplicas);
    d.read(j, "maxReplicas", path, out.maxReplicas);
    d.readArray(j, "metrics", path, out.metrics,
                [](Decoder &dd, const json &item, const std::string &p, MetricSpec &o) {
                    decodeInto(dd, item, p, o);
                });
    readObject(d, j, "behavior", path, out.behavior);
}

void decodeInto(Decoder &d, const json &j, const std::string &path,
                HorizontalPodAutoscalerStatus &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "observedGeneration", path, out.observedGeneration);
    d.read(j, "lastScaleTime", path, out.lastScaleTime);
    d.read(j, "currentReplicas", path, out.currentReplicas);
    d.read(j, "desiredReplicas", path, out.desiredReplicas);
    d.readArray(j, "currentMetrics", path, out.currentMetrics,
                [](Decoder &dd, const json &item, const std::string &p, MetricStatus &o) {
                    decodeInto(dd, item, p, o);
                });
    d.readArray(j, "conditions", path, out.conditions,
                [](Decoder &dd, const json &item, const std::string &p, Condition &o) {
                    decodeInto(dd, item, p, o);
                });
}

std::string_view nameOf(MetricSourceType type)
{
    switch (type) {
    case MetricSourceType::Object: return "Object";
    case MetricSourceType::Pods: return "Pods";
    case MetricSourceType::Resource: return "Resource";
    case MetricSourceType::ContainerResource: return "ContainerResource";
    case MetricSourceType::External: return "External";
    case MetricSourceType::Unknown: break;
    }
    return "Unknown";
}

std::string_view nameOf(MetricTargetType type)
{
    switch (type) {
    case MetricTargetType::Utilization: return "Utilization";
    case MetricTargetType::Value: return "Value";
    case MetricTargetType::AverageValue: return "AverageValue";
    case MetricTargetType::Unknown: break;
    }
    return "Unknown";
}

const HorizontalPodAutoscalerCondition *HorizontalPodAutoscaler::condition(std::string_view type) const
{
    for (const auto &c : status.conditions) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

void decodeInto(Decoder &d, const json &j, const std::string &path, HorizontalPodAutoscaler &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "metadata", path, out.metadata);
    readObject(d, j, "spec", path, out.spec);
    readObject(d, j, "status", path, out.status);
}

Result<HorizontalPodAutoscaler> decodeHorizontalPodAutoscaler(const json &j)
{
    return decodeDocument<HorizontalPodAutoscaler>(j);
}

} // namespace kube::api
