#pragma once
// A kubeconfig context as a cluster source. The HPA controller's flags cannot be read through the
// API: the profile takes the flags set for the context in hpascope (QSettings
// controller/<context>/{syncPeriodSeconds,downscaleStabilizationSeconds,tolerance}, written by the
// window's Controller flags dialog; the context-less controller/... keys of older versions apply
// to every context), else assumes Kubernetes' defaults, which the session replaces with the
// flags the cluster publishes, if it does (kube/hpa/published_flags.h).
#include "app/core/cluster_profile.h"
#include "kube/config/kubeconfig.h"

#include <optional>

class QSettings;

namespace hpascope {

// The flags set for the context, nullopt when none are.
std::optional<kube::hpa::ControllerConfig> controllerFlagsFor(const QSettings &settings, const QString &context);
// nullopt forgets them: the context goes back to the published or default flags.
void saveControllerFlags(QSettings &settings, const QString &context, const std::optional<kube::hpa::ControllerConfig> &flags);

// A context's connection as a profile: the flags set for the context, else assumed.
ClusterProfile restConfigProfile(kube::config::RestConfig rest, const QString &namespaceName, const QSettings &settings);

// namespaceName empty: all namespaces. On failure returns nullopt and sets *error to the
// kubeconfig's own message (unknown context, unreadable credentials file, ...).
std::optional<ClusterProfile> kubeconfigProfile(const kube::config::Kubeconfig &kubeconfig, const QString &context,
                                                const QString &namespaceName, const QSettings &settings,
                                                QString *error);

} // namespace hpascope
