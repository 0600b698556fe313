#pragma once
// Everything one kind of cluster source hands a session: how to reach the API server, the scope,
// the clock, the HPA controller's settings and where the controller's memory comes from. One
// factory per kind of source builds it (cluster_profiles.h: a kubeconfig context;
// demo_profile.h: the embedded demo cluster; later a Prometheus-backed history). The session and
// the window see only this value: nothing above kube/ knows the simulator exists except the demo
// factory.
#include "app/core/prometheus_choice.h"
#include "kube/config/rest_config.h"
#include "kube/hpa/behavior.h"
#include "kube/hpa/types.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace hpascope {

// The controller's exact recommendation history of an HPA ("namespace/name"), when the source
// knows it (the demo cluster); nullopt otherwise, and the explainer rebuilds it from the statuses.
using ControllerHistoryProvider = std::function<std::optional<kube::hpa::HpaHistory>(const QString &key)>;

struct ClusterProfile {
    enum class Kind { Kubeconfig, Demo };
    Kind kind = Kind::Kubeconfig;
    kube::config::RestConfig rest;
    QString namespaceName; // empty: all namespaces
    // Wall time for a real cluster; simulated time for the demo (which may run 10× or 60× faster).
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
    kube::hpa::ControllerConfig controller;
    // Where `controller` came from: assumed (Kubernetes' defaults), set for the context, published
    // by the cluster (ClusterSession reads it after connecting), or the simulator's own.
    kube::hpa::ConfigSource controllerSource = kube::hpa::ConfigSource::Assumed;
    ControllerHistoryProvider history;
    // Samples and events go to the local history; the demo's go to a throw-away one (a temporary
    // database that lives as long as that demo), so a learner can report on the seed experiment
    // while the user's own history stays free of simulated clusters.
    bool throwAwayHistory = false;
    // Where history beyond hpascope's own comes from (the demo has none).
    PrometheusChoice prometheus;
    // Time acceleration, when the source has it (the demo cluster).
    std::function<void(double)> setSpeed;
    // Keeps the source alive (the demo cluster) as long as any copy of the profile.
    std::shared_ptr<void> owner;

    bool isDemo() const { return kind == Kind::Demo; }
    // A plain connection: Kubernetes' default controller flags assumed, wall clock.
    static ClusterProfile forRestConfig(kube::config::RestConfig rest, QString namespaceName)
    {
        ClusterProfile p;
        p.rest = std::move(rest);
        p.namespaceName = std::move(namespaceName);
        return p;
    }
};

} // namespace hpascope
