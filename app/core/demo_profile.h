#pragma once
// The demo cluster as a cluster source: starts hpascope's embedded simulated cluster
// (kube/sim) and describes it as a ClusterProfile. The only file above kube/ that knows the
// simulator exists; it lives in its own library (hpascope_demo) so that only the programs that
// open the demo link it.
#include "app/core/cluster_profile.h"

#include <QString>
#include <optional>

namespace hpascope {

// speed: simulated seconds per real second. On failure returns nullopt and sets *error.
std::optional<ClusterProfile> startDemoProfile(double speed, QString *error);

} // namespace hpascope
