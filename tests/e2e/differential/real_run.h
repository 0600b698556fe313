#pragma once
// The real side: every scenario at once on the tests/cluster control plane, each in its own
// namespace, observed through watches (hpascope's kube/watch reflectors).
#include "scenario.h"

#include "kube/http/client.h"

#include <memory>

namespace diff {

std::string namespaceOf(const Scenario &scenario, const std::string &runId);

// Plays the scenarios concurrently; one trace per scenario, same order. Leaves the namespaces
// in place (deleteNamespaces removes them).
std::vector<Trace> runReal(const std::shared_ptr<kube::http::Client> &client,
    const std::vector<Scenario> &scenarios, const std::string &runId, const ControllerFlags &flags);

// A Pods phase is written pod by pod (the adapter takes one object per request), so a sync that
// runs during the writes can see some pods at the new value and rescale to a count between the
// old and the new one, corrected one sync later: 6 → 8 → 9 where the phase asks 6 → 9. Such a
// step (inside the write window plus a sync, strictly between its neighbours, followed within
// another sync) and its SuccessfulRescale message are taken out of the real trace and named in
// trace.settled. Object phases are one write and keep every step. A legitimate step can look
// the same (a scale-up policy's climb): callers apply it only where the port never made it.
void settleHalfWrittenPhases(const Scenario &scenario, const ControllerFlags &flags, Trace &trace);

void deleteNamespaces(const std::shared_ptr<kube::http::Client> &client,
    const std::vector<Scenario> &scenarios, const std::string &runId);

} // namespace diff
