#include "app/core/pod_usage_text.h"

#include "app/core/qs.h"
#include "kube/hpa/replica_calculator.h"

#include <QCoreApplication>

namespace hpascope {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(PodUsage)
};

const QString kDash = QStringLiteral("\u2014");
constexpr qint64 kMiB = 1024 * 1024;

} // namespace

QString usageQuantityText(UsageResource resource, qint64 milli)
{
    // kubectl top (k8s.io/kubectl/pkg/metricsutil): CPU as MilliValue "m", memory as Value/2^20 "Mi".
    if (resource == UsageResource::Cpu)
        return QStringLiteral("%1m").arg(milli);
    return QStringLiteral("%1Mi").arg(milli / 1000 / kMiB);
}

UsageCell usageCell(UsageResource resource, const kube::hpa::PodInfo &pod, const PodUsageSample *usage, bool known,
                    const QString &unknownWhy)
{
    const bool cpu = resource == UsageResource::Cpu;
    if (!known)
        return {kDash, unknownWhy.isEmpty() ? Tr::tr("No reading from metrics.k8s.io yet.") : unknownWhy};
    const std::optional<qint64> value = usage ? (cpu ? usage->cpuMilli : usage->memoryMilli) : std::nullopt;
    if (!value)
        return {kDash, cpu ? Tr::tr("metrics-server has no CPU sample of this pod (not started yet, or not scraped yet).")
                           : Tr::tr("metrics-server has no memory sample of this pod (not started yet, or not "
                                    "scraped yet).")};
    const QString used = usageQuantityText(resource, *value);
    const auto request = kube::hpa::podRequestMilli(pod, cpu ? "cpu" : "memory");
    if (!request || *request <= 0)
        return {used + QStringLiteral(" / ") + kDash,
                cpu ? Tr::tr("The pod sets no CPU request: no utilization (the HPA controller cannot compute one "
                             "either: %1).")
                          .arg(request ? Tr::tr("the request is 0") : qs(request.error().message))
                    : Tr::tr("The pod sets no memory request: no utilization (the HPA controller cannot compute one "
                             "either: %1).")
                          .arg(request ? Tr::tr("the request is 0") : qs(request.error().message))};
    // GetResourceUtilizationRatio: int32(usage * 100 / request), truncated.
    const qint64 percent = *value * 100 / *request;
    const QString text = Tr::tr("%1 / %2 \u00b7 %3%", "usage / request · utilization")
                             .arg(used, usageQuantityText(resource, *request))
                             .arg(percent);
    QString tip = cpu ? Tr::tr("CPU used over metrics-server's last window, against the pod's CPU request.")
                      : Tr::tr("Memory in use (working set) at metrics-server's last sample, against the pod's "
                               "memory request.");
    if (usage->timestamp.isValid())
        tip += QLatin1Char(' ') + Tr::tr("Sampled at %1 UTC.").arg(usage->timestamp.toString(QStringLiteral("HH:mm:ss")));
    return {text, tip};
}

} // namespace hpascope
