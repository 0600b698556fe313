#pragma once
// The explainer against the real controller, status by status: every status the controller
// wrote is replayed by kube/hpa on the memory rebuilt from the statuses before it, and the
// limiters the replay reaches are set beside the ones the controller's conditions name.
#include "scenario.h"

#include "kube/api/hpa.h"

namespace diff {

// scaleError: what hpascope's own GET of the target's scale returned, when it failed.
std::vector<SyncVerdict> verdictsOf(const std::vector<SeenStatus> &statuses,
    const ControllerFlags &flags, const std::optional<std::string> &scaleError);


} // namespace diff
