#include "app/core/kubeconfig_profile.h"
#include "app/core/prometheus_choice.h"

#include <QSettings>

namespace hpascope {

namespace {
const QString kSync = QStringLiteral("syncPeriodSeconds");
const QString kWindow = QStringLiteral("downscaleStabilizationSeconds");
const QString kTolerance = QStringLiteral("tolerance");

QString group(const QString &context)
{
    // Context names may hold '/', which QSettings reads as a group separator.
    return QStringLiteral("controller/") + QString::fromLatin1(context.toUtf8().toPercentEncoding()) + QLatin1Char('/');
}

std::optional<kube::hpa::ControllerConfig> read(const QSettings &settings, const QString &prefix)
{
    if (!settings.contains(prefix + kSync) && !settings.contains(prefix + kWindow) && !settings.contains(prefix + kTolerance))
        return std::nullopt;
    kube::hpa::ControllerConfig c;
    c.syncPeriod = std::chrono::seconds(settings.value(prefix + kSync, qint64(c.syncPeriod.count())).toLongLong());
    c.downscaleStabilization =
        std::chrono::seconds(settings.value(prefix + kWindow, qint64(c.downscaleStabilization.count())).toLongLong());
    c.tolerance = settings.value(prefix + kTolerance, c.tolerance).toDouble();
    return c;
}
} // namespace

std::optional<kube::hpa::ControllerConfig> controllerFlagsFor(const QSettings &settings, const QString &context)
{
    if (auto own = read(settings, group(context)))
        return own;
    return read(settings, QStringLiteral("controller/"));
}

void saveControllerFlags(QSettings &settings, const QString &context, const std::optional<kube::hpa::ControllerConfig> &flags)
{
    const QString prefix = group(context);
    if (!flags) {
        for (const QString &key : {kSync, kWindow, kTolerance})
            settings.remove(prefix + key);
        return;
    }
    settings.setValue(prefix + kSync, qint64(flags->syncPeriod.count()));
    settings.setValue(prefix + kWindow, qint64(flags->downscaleStabilization.count()));
    settings.setValue(prefix + kTolerance, flags->tolerance);
}

ClusterProfile restConfigProfile(kube::config::RestConfig rest, const QString &namespaceName, const QSettings &settings)
{
    const QString context = QString::fromStdString(rest.contextName);
    ClusterProfile p = ClusterProfile::forRestConfig(std::move(rest), namespaceName);
    if (auto flags = controllerFlagsFor(settings, context)) {
        p.controller = *flags;
        p.controllerSource = kube::hpa::ConfigSource::Set;
    }
    p.prometheus = prometheusChoiceFor(settings, context);
    return p;
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
    return restConfigProfile(std::move(rest.value()), namespaceName, settings);
}

} // namespace hpascope
