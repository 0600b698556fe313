#pragma once
// autoscaling/v2 HorizontalPodAutoscaler, field names as in the Kubernetes JSON.
#include "kube/api/meta.h"
#include "kube/api/quantity.h"

#include <optional>
#include <string>
#include <vector>

namespace kube::api {

struct CrossVersionObjectReference {
    std::string apiVersion;
    std::string kind;
    std::string name;
};

struct MetricIdentifier {
    std::string name;
    std::optional<LabelSelector> selector;
};

enum class MetricTargetType { Unknown, Utilization, Value, AverageValue };

struct MetricTarget {
    MetricTargetType type = MetricTargetType::Unknown;
    std::optional<Quantity> value;
    std::optional<Quantity> averageValue;
    std::optional<int32_t> averageUtilization;
};

struct MetricValueStatus {
    std::optional<Quantity> value;
    std::optional<Quantity> averageValue;
    std::optional<int32_t> averageUtilization;
};

struct ObjectMetricSource {
    CrossVersionObjectReference describedObject;
    MetricTarget target;
    MetricIdentifier metric;
};
struct PodsMetricSource {
    MetricIdentifier metric;
    MetricTarget target;
};
struct ResourceMetricSource {
    std::string name;
    MetricTarget target;
};
struct ContainerResourceMetricSource {
    std::string name;
    MetricTarget target;
    std::string container;
};
struct ExternalMetricSource {
    MetricIdentifier metric;
    MetricTarget target;
};

enum class MetricSourceType { Unknown, Object, Pods, Resource, ContainerResource, External };
std::string_view nameOf(MetricSourceType type);
std::string_view nameOf(MetricTargetType type);

struct MetricSpec {
    MetricSourceType type = MetricSourceType::Unknown;
    std::string typeName; // the JSON value, kept for types this build does not know
    std::optional<ObjectMetricSource> object;
    std::optional<PodsMetricSource> pods;
    std::optional<ResourceMetricSource> resource;
    std::optional<ContainerResourceMetricSource> containerResource;
    std::optional<ExternalMetricSource> external;
};

struct ObjectMetricStatus {
    MetricIdentifier metric;
    MetricValueStatus current;
    // Left empty by the controller for AverageValue targets (computeStatusForObjectMetric).
    CrossVersionObjectReference describedObject;
};
struct PodsMetricStatus {
    MetricIdentifier metric;
    MetricValueStatus current;
};
struct ResourceMetricStatus {
    std::string name;
    MetricValueStatus current;
};
struct ContainerResourceMetricStatus {
    std::string name;
    MetricValueStatus current;
    std::string container;
};
struct ExternalMetricStatus {
    MetricIdentifier metric;
    MetricValueStatus current;
};

struct MetricStatus {
    // The controller writes {"type": ""} for a metric it failed to read: Unknown, typeName "".
    MetricSourceType type = MetricSourceType::Unknown;
    std::string typeName;
    std::optional<ObjectMetricStatus> object;
    std::optional<PodsMetricStatus> pods;
    std::optional<ResourceMetricStatus> resource;
    std::optional<ContainerResourceMetricStatus> containerResource;
    std::optional<ExternalMetricStatus> external;
};

enum class ScalingPolicySelect { Unknown, Max, Min, Disabled };
enum class HPAScalingPolicyType { Unknown, Pods, Percent };
std::string_view nameOf(HPAScalingPolicyType type); // "Pods", "Percent", "Unknown"
std::string_view nameOf(ScalingPolicySelect select); // "Max", "Min", "Disabled", "Unknown"

struct HPAScalingPolicy {
    HPAScalingPolicyType type = HPAScalingPolicyType::Unknown;
    int32_t value = 0;
    int32_t periodSeconds = 0;
};

struct HPAScalingRules {
    std::optional<int32_t> stabilizationWindowSeconds;
    std::optional<ScalingPolicySelect> selectPolicy;
    std::vector<HPAScalingPolicy> policies;
    // KEP-4951 (alpha in 1.33, feature gate HPAConfigurableTolerance): a fraction, e.g. "0.05"
    std::optional<Quantity> tolerance;
};

struct HorizontalPodAutoscalerBehavior {
    std::optional<HPAScalingRules> scaleUp;
    std::optional<HPAScalingRules> scaleDown;
};

struct HorizontalPodAutoscalerSpec {
    CrossVersionObjectReference scaleTargetRef;
    std::optional<int32_t> minReplicas; // the API server defaults it to 1
    int32_t maxReplicas = 0;
    std::vector<MetricSpec> metrics;
    std::optional<HorizontalPodAutoscalerBehavior> behavior;
};

using HorizontalPodAutoscalerCondition = Condition;

struct HorizontalPodAutoscalerStatus {
    std::optional<int64_t> observedGeneration;
    std::optional<Time> lastScaleTime;
    int32_t currentReplicas = 0;
    int32_t desiredReplicas = 0;
    std::vector<MetricStatus> currentMetrics;
    std::vector<HorizontalPodAutoscalerCondition> conditions;
};

struct HorizontalPodAutoscaler {
    ObjectMeta metadata;
    HorizontalPodAutoscalerSpec spec;
    HorizontalPodAutoscalerStatus status;

    // The condition of that type, or nullptr.
    const HorizontalPodAutoscalerCondition *condition(std::string_view type) const;
};

// Tolerant of missing optional and unknown fields; a wrong-typed field is a Kind::Decode error
// naming its path, e.g. "spec.metrics[1].object.target.value: \"abc\" is not a quantity".
Result<HorizontalPodAutoscaler> decodeHorizontalPodAutoscaler(const nlohmann::json &j);

void decodeInto(detail::Decoder &d, const nlohmann::json &j, const std::string &path,
                HorizontalPodAutoscaler &out);

} // namespace kube::api
