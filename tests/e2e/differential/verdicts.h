#pragma once
// The explainer against the real controller, status by status: every status the controller
// wrote is replayed by kube/hpa on the memory rebuilt from the statuses before it, and the
// limiters the replay reaches are set beside the ones the controller's conditions name.
#include "scenario.h"

#include "kube/api/hpa.h"

namespace diff {

// scaleError: what hpascope's own GET of the target's scale returned, when it failed.
// pushes: when each metric write started (a prediction holds only until the next one); end:
// when the scenario ended (its last status is replayed once more then).
std::vector<SyncVerdict> verdictsOf(const std::vector<SeenStatus> &statuses,
    const ControllerFlags &flags, const std::optional<std::string> &scaleError,
    const std::vector<kube::api::Time> &pushes, std::optional<kube::api::Time> end);


// Every status with a newer lastScaleTime: (when it was seen, the new replica count).
std::vector<std::pair<Millis, int>> rescalesOf(const std::vector<SeenStatus> &statuses);

} // namespace diff
