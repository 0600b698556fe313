#include "app/core/hpa_format.h"

#include "kube/api/hpa_metrics.h"
#include "kube/hpa/limiter.h"

#include <QCoreApplication>
#include <QStringList>

namespace hpascope::format {

QString scaleTarget(const kube::api::HorizontalPodAutoscaler &hpa)
{
    const auto &ref = hpa.spec.scaleTargetRef;
    return QString::fromStdString(ref.kind) + QLatin1Char('/') + QString::fromStdString(ref.name);
}

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(format)
};
struct MetricTexts {
    QString name, current, target;
};

std::vector<MetricTexts> metricTexts(const kube::api::HorizontalPodAutoscaler &hpa)
{
    std::vector<MetricTexts> out;
    for (const auto &pair : kube::api::pairMetrics(hpa)) {
        const kube::api::MetricTarget *target = kube::api::targetOf(pair.spec);
        const kube::api::MetricValueStatus *current = pair.status ? kube::api::currentOf(*pair.status) : nullptr;
        const QString currentText = current
            ? QString::fromStdString(kube::api::describeCurrent(*current, target ? target->type : kube::api::MetricTargetType::Unknown))
            : QCoreApplication::translate("format", "<unknown>");
        const QString targetText = target ? QString::fromStdString(kube::api::describeTarget(*target)) : QStringLiteral("?");
        out.push_back({format::metricName(pair.spec), currentText, targetText});
    }
    return out;
}
} // namespace

QString metricsSummary(const kube::api::HorizontalPodAutoscaler &hpa, const QString &separator)
{
    QStringList parts;
    for (const auto &m : metricTexts(hpa))
        parts << m.name + QStringLiteral(": ") + m.current + QStringLiteral(" / ") + m.target;
    return parts.join(separator);
}

QString metricsCompact(const kube::api::HorizontalPodAutoscaler &hpa)
{
    QStringList parts;
    for (const auto &m : metricTexts(hpa))
        parts << m.current + QLatin1Char('/') + m.target;
    return parts.join(QStringLiteral(", "));
}

Badge statusBadge(const kube::api::HorizontalPodAutoscaler &hpa)
{
    using K = Badge::Kind;
    using kube::hpa::Limiter;
    const int current = hpa.status.currentReplicas;
    const int desired = hpa.status.desiredReplicas;
    // The most decisive condition first (limitersOf orders them so).
    for (Limiter l : kube::hpa::limitersOf(hpa)) {
        switch (l) {
        case Limiter::Unknown: return {K::Limited, Tr::tr("not synced yet")};
        case Limiter::TargetUnavailable: return {K::Problem, Tr::tr("target missing")};
        case Limiter::RescaleFailed: return {K::Problem, Tr::tr("rescale failed")};
        case Limiter::MetricsUnavailable: return {K::Problem, Tr::tr("metrics unavailable")};
        case Limiter::ScalingDisabled: return {K::Limited, Tr::tr("scaling disabled")};
        case Limiter::TooManyReplicas: return {K::Limited, Tr::tr("limited at max")};
        case Limiter::TooFewReplicas: return {K::Limited, Tr::tr("limited at min")};
        case Limiter::ScaleUpDisabled: return {K::Limited, Tr::tr("scale-up disabled")};
        case Limiter::ScaleDownDisabled: return {K::Limited, Tr::tr("scale-down disabled")};
        case Limiter::ScaleUpLimit:
            return desired > current ? Badge{K::Moving, Tr::tr("scaling up, rate-limited")} : Badge{K::Limited, Tr::tr("rate-limited")};
        case Limiter::ScaleDownLimit:
            return desired < current ? Badge{K::Moving, Tr::tr("scaling down, rate-limited")} : Badge{K::Limited, Tr::tr("rate-limited")};
        default: break;
        }
    }
    if (desired > current)
        return {K::Moving, Tr::tr("scaling up")};
    if (desired < current)
        return {K::Moving, Tr::tr("scaling down")};
    for (Limiter l : kube::hpa::limitersOf(hpa))
        if (l == Limiter::ScaleDownStabilized || l == Limiter::ScaleUpStabilized)
            return {K::Moving, Tr::tr("stabilizing")};
    return {K::Ok, Tr::tr("stable")};
}

QString metricName(const kube::api::MetricSpec &spec)
{
    const kube::api::MetricName n = kube::api::metricNameOf(spec);
    QStringList a;
    for (const auto &arg : n.args)
        a << QString::fromStdString(arg);
    while (a.size() < 2)
        a << QString();
    if (n.id == "object")
        return Tr::tr("%1 on %2", "metric on Kind/name").arg(a[0], a[1]);
    if (n.id == "pods")
        return Tr::tr("%1 on pods").arg(a[0]);
    if (n.id == "container")
        return Tr::tr("%1 (container %2)").arg(a[0], a[1]);
    if (n.id == "external")
        return Tr::tr("%1 (external)").arg(a[0]);
    if (n.id == "unknown")
        return Tr::tr("%1 metric").arg(a[0]);
    if (n.id == "unknown.unnamed")
        return Tr::tr("<unknown metric>");
    if (n.id == "nosource")
        return Tr::tr("%1 metric (no source)").arg(a[0]);
    return a[0];
}

QString dateTime(const QDateTime &t)
{
    //: The format of times in tables, tooltips and reports (QDateTime::toString); keep the 24 h clock.
    return t.toLocalTime().toString(Tr::tr("yyyy-MM-dd HH:mm:ss"));
}

QDateTime toQDateTime(std::chrono::system_clock::time_point t)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

kube::api::Time toKubeTime(const QDateTime &t)
{
    return kube::api::Time(std::chrono::milliseconds(t.toMSecsSinceEpoch()));
}

QDateTime lastScaleTime(const kube::api::HorizontalPodAutoscaler &hpa)
{
    return hpa.status.lastScaleTime ? toQDateTime(*hpa.status.lastScaleTime) : QDateTime();
}

QString relativeTime(const QDateTime &then, const QDateTime &now)
{
    const qint64 s = then.secsTo(now);
    if (s < 0)
        return QCoreApplication::translate("format", "in the future");
    if (s < 60)
        return QCoreApplication::translate("format", "%1 s ago").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("format", "%1 min ago").arg(s / 60);
    if (s < 86400)
        return QCoreApplication::translate("format", "%1 h %2 min ago").arg(s / 3600).arg((s % 3600) / 60);
    return QCoreApplication::translate("format", "%1 d ago").arg(s / 86400);
}

QString lastScaleText(const kube::api::HorizontalPodAutoscaler &hpa, const QDateTime &now)
{
    const QDateTime t = lastScaleTime(hpa);
    if (!t.isValid())
        return QCoreApplication::translate("format", "never");
    return relativeTime(t, now);
}

} // namespace hpascope::format
