#pragma once
// metrics.k8s.io/v1beta1: what metrics-server measures of each pod's containers (kubectl top pod),
// read as GET /apis/metrics.k8s.io/v1beta1/namespaces/{ns}/pods?labelSelector=... and decoded
// into plain structs. Errors say what a person can do, with a machine-readable reason
// (kReasonResourceMetrics*) that app/core translates. No Qt.
//
// The callback runs on the http::Client's network thread, also for refusals before sending.
#include "kube/api/decoder.h"
#include "kube/core/result.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kube::http { class Client; }

namespace kube::metrics {

// Error::reason values set by readPodUsage (besides Forbidden, the HTTP layer's own).
inline constexpr std::string_view kReasonResourceMetricsNotServed = "ResourceMetricsNotServed";
inline constexpr std::string_view kReasonResourceMetricsUnavailable = "ResourceMetricsUnavailable";
inline constexpr std::string_view kReasonResourceMetricsForbidden = "ResourceMetricsForbidden";
inline constexpr std::string_view kReasonResourceMetricsUndecodable = "ResourceMetricsUndecodable";

struct ContainerUsage {
    std::string name;
    std::optional<api::Quantity> cpu;    // cores ("250m", "1234567n")
    std::optional<api::Quantity> memory; // bytes ("65536Ki")
};

struct PodUsage {
    std::string name;
    std::string namespace_;
    std::optional<api::Time> timestamp; // the end of the measured window
    std::chrono::milliseconds window{};  // "15s", "20.022s" (a Go duration)
    std::vector<ContainerUsage> containers;
    // Sums over the containers, in milli-units (the HPA controller's unit); nullopt when no
    // container reports the resource.
    std::optional<int64_t> cpuMilli() const;
    std::optional<int64_t> memoryMilli() const;
};

struct PodMetricsList {
    std::vector<PodUsage> items;
};

// "/apis/metrics.k8s.io/v1beta1/namespaces/{ns}/pods?labelSelector=..."
std::string podMetricsPath(const std::string &ns, const std::string &labelSelector);

// A PodMetricsList body. Errors: Kind::Decode with reason kReasonResourceMetricsUndecodable.
Result<PodMetricsList> decodePodMetricsList(const nlohmann::json &j);
// A Go duration ("15s", "1m0.5s", "250ms"); nullopt when malformed.
std::optional<std::chrono::milliseconds> parseGoDuration(std::string_view text);

// An HTTP error of a metrics.k8s.io read in words: 404 (APIService missing), 503 (registered but
// its backend is down), 403; other errors pass through unchanged.
Error resourceMetricsError(const Error &e, const std::string &ns);
// True for the errors that will not go away by asking again soon (not served, forbidden): the
// caller backs off.
bool isLastingResourceMetricsError(const Error &e);

using PodUsageCallback = std::function<void(Result<PodMetricsList>)>;
void readPodUsage(http::Client &client, const std::string &ns, const std::string &labelSelector,
                  PodUsageCallback done);

} // namespace kube::metrics
