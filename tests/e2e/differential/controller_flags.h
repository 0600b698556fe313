#pragma once
// The real controller's HPA flags, which the simulation must share.
#include "scenario.h"

#include "kube/config/rest_config.h"

#include <optional>
#include <string>

namespace diff {

// kube-controller-manager's HPA flags from its /configz (127.0.0.1:10257 inside the cluster's
// network namespace, the kubeconfig's admin credentials). Falls back to the tests/cluster `up`
// variables HPASCOPE_HPA_SYNC_PERIOD / HPASCOPE_HPA_DOWNSCALE_STABILIZATION, then to up's
// defaults (1s / 5s); `source` says which.
ControllerFlags readControllerFlags(const kube::config::RestConfig &apiServer);

// Go's time.Duration text ("1s", "5m0s", "1m30s", "500ms"); nullopt when unparsable.
std::optional<Millis> parseGoDuration(const std::string &text);

} // namespace diff
