#pragma once
// The Pods tab's CPU and Memory cells, as kubectl top pod prints usage (whole milli-cores,
// whole MiB) against the pod's request as the HPA controller counts it, with the utilization
// the controller would compute: "250m / 500m · 50%", "64Mi / 128Mi · 50%". "—" with a tooltip
// saying why where there is no usage, and no percentage where there is no request.
#include "app/core/pod_usage_poller.h"
#include "kube/hpa/types.h"

#include <QString>

#include <optional>

namespace hpascope {

enum class UsageResource { Cpu, Memory };

struct UsageCell {
    QString text;
    QString toolTip;
};

QString usageQuantityText(UsageResource resource, qint64 milli); // "250m", "64Mi"

// usage: the pod's sample (nullptr when metrics-server has none); known: a metrics.k8s.io answer
// came (else unknownWhy says why there is none).
UsageCell usageCell(UsageResource resource, const kube::hpa::PodInfo &pod, const PodUsageSample *usage, bool known,
                    const QString &unknownWhy);

} // namespace hpascope
