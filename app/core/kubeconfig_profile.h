#pragma once
// A kubeconfig context as a cluster source. The HPA controller's flags cannot be read through the
// API: the profile assumes Kubernetes' defaults unless the settings name others
// (controller/syncPeriodSeconds, controller/downscaleStabilizationSeconds), e.g. for a cluster
// started with a shorter window.
#include "app/core/cluster_profile.h"
#include "kube/config/kubeconfig.h"

#include <optional>

class QSettings;

namespace hpascope {

kube::hpa::ControllerConfig assumedControllerConfig(const QSettings &settings);

// namespaceName empty: all namespaces. On failure returns nullopt and sets *error to the
// kubeconfig's own message (unknown context, unreadable credentials file, ...).
std::optional<ClusterProfile> kubeconfigProfile(const kube::config::Kubeconfig &kubeconfig, const QString &context,
                                                const QString &namespaceName, const QSettings &settings,
                                                QString *error);

} // namespace hpascope
