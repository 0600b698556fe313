#pragma once
// `--demo` for the headless commands: hpascope's embedded simulated cluster (app/core/demo_profile)
// as a Cluster, so `hpascope snapshot --demo` works with no Kubernetes and no kubeconfig (the
// package check runs it on the installed binary).
#include "app/cli/cluster_flags.h"

namespace hpascope::cli {

// Starts the demo cluster (real time) and connects to it. -n picks a namespace, -A all of them;
// else the demo's own ("default"), as with a kubeconfig context. The Cluster owns the server.
kube::Result<Cluster> connectToDemo(const ClusterChoice &choice);

} // namespace hpascope::cli
