#pragma once
// The simulated side: the same scenario on a kube/sim World (kube/hpa's controller port) stepped
// deterministically with World::advance, with the real cluster's controller flags and the
// metric pushes at the times the real run made them.
#include "scenario.h"

namespace diff {

// kwok's pod-ready stage has no delay: pods are Running and Ready within ~100 ms of creation
// (measured on tests/cluster: a 3-replica Deployment was Ready before the first poll, 75 ms).
inline constexpr Millis kKwokReadyDelay { 100 };
// Simulation step: pushes and new pods' values land within this of their real time.
inline constexpr Millis kSimStep { 50 };

// `real` provides the push times and the end time; the sim plays the pushes of `real.pushes`
// only (fewer when the real run stopped early).
Trace runSim(const Scenario &scenario, const ControllerFlags &flags, const Trace &real,
    const std::string &ns);

} // namespace diff
