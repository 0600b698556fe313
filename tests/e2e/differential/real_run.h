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

void deleteNamespaces(const std::shared_ptr<kube::http::Client> &client,
    const std::vector<Scenario> &scenarios, const std::string &runId);

} // namespace diff
