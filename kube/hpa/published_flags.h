#pragma once
// The controller's flags as a cluster publishes them. kube-controller-manager's flags cannot be
// read through the API (its /configz is on the controller manager's own port, not behind the API
// server), so a cluster that wants dashboards to know them publishes a ConfigMap whose data keys
// are the flag names, e.g.
//   kubectl -n kube-system create configmap hpascope-controller-flags
//     --from-literal=horizontal-pod-autoscaler-downscale-stabilization=30s
// hpascope's sandbox publishes its own; any key left out keeps Kubernetes' default.
#include "kube/core/result.h"
#include "kube/hpa/types.h"

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kube::hpa {

inline constexpr std::string_view kPublishedFlagsNamespace = "kube-system";
inline constexpr std::string_view kPublishedFlagsName = "hpascope-controller-flags";
inline constexpr std::string_view kSyncPeriodFlag = "horizontal-pod-autoscaler-sync-period";
inline constexpr std::string_view kDownscaleStabilizationFlag = "horizontal-pod-autoscaler-downscale-stabilization";
inline constexpr std::string_view kToleranceFlag = "horizontal-pod-autoscaler-tolerance";

// The API path of the ConfigMap.
std::string publishedFlagsPath();

// A Go time.Duration string ("15s", "5m0s", "1m30s", "1500ms", "1h"); nullopt when it is not one.
std::optional<std::chrono::milliseconds> parseGoDuration(std::string_view text);

// The flags in the ConfigMap over base. Unknown keys are ignored; a value that is not a valid
// duration (at least 1 s) or tolerance (0 ≤ t < 1) is an Invalid error naming the key and value.
Result<ControllerConfig> readPublishedFlags(const nlohmann::json &configMap, ControllerConfig base = {});

} // namespace kube::hpa
