#include "app/core/hpa_format.h"

#include "kube/api/hpa_metrics.h"

#include <QCoreApplication>
#include <QStringList>

namespace hpascope::format {

QString scaleTarget(const kube::api::HorizontalPodAutoscaler &hpa)
{
    const auto &ref = hpa.spec.scaleTargetRef;
    return QString::fromStdString(ref.kind) + QLatin1Char('/') + QString::fromStdString(ref.name);
}

namespace {
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
        out.push_back({QString::fromStdString(kube::api::metricDisplayName(pair.spec)), currentText, targetText});
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
    auto condition = [&hpa](const char *type) -> const kube::api::HorizontalPodAutoscalerCondition * {
        for (const auto &c : hpa.status.conditions)
            if (c.type == type)
                return &c;
        return nullptr;
    };
    const auto *active = condition("ScalingActive");
    // ScalingDisabled (target at 0 replicas) is also ScalingActive=False, but not a metrics problem.
    if (active && active->status == "False" && active->reason != "ScalingDisabled")
        return {K::Problem, QCoreApplication::translate("format", "metrics unavailable")};
    const auto *limited = condition("ScalingLimited");
    if (limited && limited->status == "True") {
        if (limited->reason == "TooManyReplicas")
            return {K::Limited, QCoreApplication::translate("format", "limited at max")};
        if (limited->reason == "TooFewReplicas")
            return {K::Limited, QCoreApplication::translate("format", "limited at min")};
    }
    const int current = hpa.status.currentReplicas;
    const int desired = hpa.status.desiredReplicas;
    if (desired > current)
        return {K::Moving, QCoreApplication::translate("format", "scaling up")};
    if (desired < current)
        return {K::Moving, QCoreApplication::translate("format", "scaling down")};
    const auto *able = condition("AbleToScale");
    if (able && (able->reason == "ScaleDownStabilized" || able->reason == "ScaleUpStabilized"))
        return {K::Moving, QCoreApplication::translate("format", "stabilizing")};
    if (active && active->reason == "ScalingDisabled")
        return {K::Limited, QCoreApplication::translate("format", "scaling disabled")};
    return {K::Ok, QCoreApplication::translate("format", "stable")};
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
