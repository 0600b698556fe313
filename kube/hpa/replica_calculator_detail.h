#pragma once
// Shared by the replica calculator's source files; not part of kube/hpa's interface.
#include "kube/hpa/replica_calculator.h"

#include <string>
#include <vector>

namespace kube::hpa::detail {

Error calcError(std::string message);

// getUsageRatioReplicaCount: at 0 current replicas neither tolerance nor ready pods count, so
// that an HPA can scale from zero.
Result<ReplicaCalculation> usageRatioReplicaCount(int32_t currentReplicas, double usageRatio,
                                                  const Tolerances &tolerances,
                                                  const std::vector<PodInfo> &pods);

} // namespace kube::hpa::detail
