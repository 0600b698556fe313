#pragma once
// Turns kube/http errors from the metrics paths into sentences that say what to do: the test
// adapter missing or not ready behind the service proxy, an RBAC verb missing, a metric that
// nothing has written yet. Non-HTTP errors (network, TLS, credentials) pass through unchanged.
#include "kube/api/paths.h"
#include "kube/core/result.h"

#include <string>
#include <string_view>

namespace kube::metrics {

// Error::reason values set here (besides the HTTP layer's own).
inline constexpr std::string_view kReasonAdapterMissing = "AdapterNotReachable";
inline constexpr std::string_view kReasonAdapterNotReady = "AdapterNotReady";
inline constexpr std::string_view kReasonNotTestAdapter = "NotTheTestAdapter";
inline constexpr std::string_view kReasonMetricNotFound = "MetricNotFound";
inline constexpr std::string_view kReasonApiNotServed = "MetricsApiNotServed";

// "service custom-metrics/custom-metrics-apiserver port http"
std::string describeAdapter(const api::AdapterService &svc);

// The server's own text of an HTTP error (Status.message or the body), "" when none.
std::string serverText(const Error &e);

// what: the write in words, e.g. "requests of services/web in namespace default".
Error adapterWriteError(const Error &e, const api::AdapterService &svc, const std::string &what);

// A read from custom.metrics.k8s.io (apiVersion "custom.metrics.k8s.io/v1beta2") or
// external.metrics.k8s.io; what names the metric and object.
Error metricsReadError(const Error &e, const std::string &apiVersion, const std::string &what);

// True for a 404 that says the group/version is not served (as opposed to "no such metric"),
// the case where a v1beta2 read falls back to v1beta1.
bool isApiNotServed(const Error &e);

} // namespace kube::metrics
