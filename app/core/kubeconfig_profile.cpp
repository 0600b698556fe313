#include "app/core/kubeconfig_profile.h"

#include <QSettings>

namespace hpascope {

kube::hpa::ControllerConfig assumedControllerConfig(const QSettings &settings)
{
    kube::hpa::ControllerConfig controller;
    controller.syncPeriod = std::chrono::seconds(
        settings.value(QStringLiteral("controller/syncPeriodSeconds"), qint64(controller.syncPeriod.count())).toInt());
    controller.downscaleStabilization = std::chrono::seconds(
        settings.value(QStringLiteral("controller/downscaleStabilizationSeconds"),
                       qint64(controller.downscaleStabilization.count())).toInt());
    return controller;
}

std::optional<ClusterProfile> kubeconfigProfile(const kube::config::Kubeconfig &kubeconfig, const QString &context,
                                                const QString &namespaceName, const QSettings &settings,
                                                QString *error)
{
    auto rest = kubeconfig.restConfig(context.toStdString());
    if (!rest) {
        if (error)
            *error = QString::fromStdString(rest.error().toString());
        return std::nullopt;
    }
    ClusterProfile p = ClusterProfile::forRestConfig(std::move(rest.value()), namespaceName);
    p.controller = assumedControllerConfig(settings);
    return p;
}

} // namespace hpascope
