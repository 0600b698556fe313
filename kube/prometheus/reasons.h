#pragma once
// Error::reason values of kube/prometheus, which app/core/error_text.cpp translates.
#include <string_view>

namespace kube::prometheus {

// The text given as an endpoint is neither a URL nor "namespace/service:port".
inline constexpr std::string_view kReasonPrometheusEndpointInvalid = "PrometheusEndpointInvalid";
// No answer from Prometheus: connection failed, or the service proxy found no such service or
// no ready endpoint (404/502/503 from the API server).
inline constexpr std::string_view kReasonPrometheusUnreachable = "PrometheusUnreachable";
// 401/403: the token (Direct) or the kubeconfig's user (services/proxy RBAC) was refused.
inline constexpr std::string_view kReasonPrometheusForbidden = "PrometheusForbidden";
// Prometheus refused the query (bad_data), e.g. more than 11,000 points per series.
inline constexpr std::string_view kReasonPrometheusQueryRefused = "PrometheusQueryRefused";
// Prometheus took the query but could not run it (timeout, canceled, execution, internal).
inline constexpr std::string_view kReasonPrometheusQueryFailed = "PrometheusQueryFailed";
// The answer is not Prometheus' API JSON (an HTML login page, another service, a wrong prefix).
inline constexpr std::string_view kReasonPrometheusNotPrometheus = "PrometheusNotPrometheus";
// Prometheus answers, but holds no kube-state-metrics HPA series.
inline constexpr std::string_view kReasonKsmMissing = "KsmMissing";
// A warning, not a failure: no kube_horizontalpodautoscaler_status_target_metric (KSM < v2.6.0),
// so history has replica counts and targets but no current metric values.
inline constexpr std::string_view kReasonKsmTooOld = "KsmTooOld";

} // namespace kube::prometheus
