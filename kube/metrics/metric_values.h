#pragma once
// What the metrics APIs return: custom.metrics.k8s.io MetricValueList (v1beta2, or v1beta1 where
// the metric name is a flat "metricName") and external.metrics.k8s.io ExternalMetricValueList.
// Field names as in k8s.io/metrics/pkg/apis/{custom,external}_metrics/*/types.go.
#include "kube/api/meta.h"
#include "kube/api/quantity.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kube::metrics {

// The API versions of custom.metrics.k8s.io that hpascope reads, newest first.
enum class CustomMetricsVersion { V1beta2, V1beta1 };
std::string_view nameOf(CustomMetricsVersion v); // "v1beta2"

struct DescribedObject { // core/v1 ObjectReference, the fields the adapters fill
    std::string apiVersion;
    std::string kind;
    std::string namespace_;
    std::string name;
};

struct MetricValue {
    DescribedObject describedObject;
    std::string metricName;                    // v1beta2 metric.name, v1beta1 metricName
    std::optional<api::LabelSelector> selector; // v1beta2 metric.selector, v1beta1 selector
    std::optional<api::Time> timestamp;
    std::optional<int64_t> windowSeconds; // v1beta2 windowSeconds, v1beta1 window
    api::Quantity value;
};

struct MetricValueList {
    CustomMetricsVersion version = CustomMetricsVersion::V1beta2; // the version that answered
    std::vector<MetricValue> items;
};

struct ExternalMetricValue {
    std::string metricName;
    std::map<std::string, std::string> metricLabels;
    std::optional<api::Time> timestamp;
    std::optional<int64_t> windowSeconds; // JSON "window"
    api::Quantity value;
};

struct ExternalMetricValueList {
    std::vector<ExternalMetricValue> items;
};

// A missing "value" is a Decode error: a metric without a value is useless to the HPA as well.
Result<MetricValueList> decodeMetricValueList(const nlohmann::json &j, CustomMetricsVersion version);
Result<ExternalMetricValueList> decodeExternalMetricValueList(const nlohmann::json &j);

} // namespace kube::metrics
