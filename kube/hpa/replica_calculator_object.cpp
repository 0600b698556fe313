// Object and External metrics: GetObjectMetricReplicas, GetObjectPerPodMetricReplicas,
// GetExternalMetricReplicas and GetExternalPerPodMetricReplicas (replica_calculator.go).
#include "kube/hpa/go_compat.h"
#include "kube/hpa/replica_calculator.h"
#include "kube/hpa/replica_calculator_detail.h"

#include <cmath>
#include <limits>

namespace kube::hpa {

using detail::calcError;
using detail::usageRatioReplicaCount;

namespace {
// The Go format string has its arguments in the wrong order
// ("unable to get metric %s: %v on %s %s/%s", name, kind, namespace, objectName, err); the
// message is reproduced as the controller prints it.
Error objectFetchError(const CalculatorContext &ctx, std::string_view metricName,
                       const kube::api::CrossVersionObjectReference &object, const std::string &err)
{
    return calcError("unable to get metric " + std::string(metricName) + ": " + object.kind + " on " +
                     ctx.namespace_ + " " + object.name + "/" + err);
}

Error externalFetchError(const CalculatorContext &ctx, const kube::api::MetricIdentifier &metric,
                         const std::string &err)
{
    return calcError("unable to get external metric " + ctx.namespace_ + "/" + metric.name + "/" +
                     go::labelSelector(metric.selector) + ": " + err);
}
} // namespace

Result<ReplicaCalculation> getObjectMetricReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                                   int64_t targetUsageMilli, std::string_view metricName,
                                                   const Tolerances &tolerances,
                                                   const kube::api::CrossVersionObjectReference &object,
                                                   const std::vector<PodInfo> &pods,
                                                   const MetricInput &fetched)
{
    if (fetched.error)
        return objectFetchError(ctx, metricName, object, *fetched.error);
    const int64_t usage = fetched.objectValueMilli;
    const double usageRatio = static_cast<double>(usage) / static_cast<double>(targetUsageMilli);
    auto out = usageRatioReplicaCount(currentReplicas, usageRatio, tolerances, pods);
    if (out)
        out->usageMilli = usage; // the timestamp stays zero, as in Go
    return out;
}

Result<ReplicaCalculation> getObjectPerPodMetricReplicas(const CalculatorContext &ctx, int32_t statusReplicas,
                                                         int64_t targetAverageUsageMilli,
                                                         std::string_view metricName,
                                                         const Tolerances &tolerances,
                                                         const kube::api::CrossVersionObjectReference &object,
                                                         const MetricInput &fetched)
{
    if (fetched.error)
        return objectFetchError(ctx, metricName, object, *fetched.error);
    const int64_t usage = fetched.objectValueMilli;
    ReplicaCalculation out;
    out.timestamp = fetched.timestamp;
    out.replicas = statusReplicas;
    const double usageRatio = static_cast<double>(usage) /
                              (static_cast<double>(targetAverageUsageMilli) * statusReplicas);
    if (!tolerances.isWithin(usageRatio))
        out.replicas = go::ceilToInt32(static_cast<double>(usage) /
                                       static_cast<double>(targetAverageUsageMilli));
    out.usageMilli = go::toInt64(std::ceil(static_cast<double>(usage) / statusReplicas));
    return out;
}

namespace {
int64_t sumExternal(const std::vector<int64_t> &values)
{
    int64_t usage = 0;
    for (int64_t v : values) {
        if (v > 0 && usage > std::numeric_limits<int64_t>::max() - v)
            return std::numeric_limits<int64_t>::max(); // capped on positive overflow
        usage += v;
    }
    return usage;
}
} // namespace

Result<ReplicaCalculation> getExternalMetricReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                                     int64_t targetUsageMilli,
                                                     const kube::api::MetricIdentifier &metric,
                                                     const Tolerances &tolerances,
                                                     const std::vector<PodInfo> &pods,
                                                     const MetricInput &fetched)
{
    if (fetched.error)
        return externalFetchError(ctx, metric, *fetched.error);
    const int64_t usage = sumExternal(fetched.externalValuesMilli);
    const double usageRatio = static_cast<double>(usage) / static_cast<double>(targetUsageMilli);
    auto out = usageRatioReplicaCount(currentReplicas, usageRatio, tolerances, pods);
    if (out)
        out->usageMilli = usage;
    return out;
}

Result<ReplicaCalculation> getExternalPerPodMetricReplicas(const CalculatorContext &ctx, int32_t statusReplicas,
                                                           int64_t targetUsagePerPodMilli,
                                                           const kube::api::MetricIdentifier &metric,
                                                           const Tolerances &tolerances,
                                                           const MetricInput &fetched)
{
    if (fetched.error)
        return externalFetchError(ctx, metric, *fetched.error);
    const int64_t usage = sumExternal(fetched.externalValuesMilli);
    ReplicaCalculation out;
    out.timestamp = fetched.timestamp;
    out.replicas = statusReplicas;
    const double usageRatio = static_cast<double>(usage) /
                              (static_cast<double>(targetUsagePerPodMilli) * statusReplicas);
    if (!tolerances.isWithin(usageRatio)) {
        const double result = std::ceil(static_cast<double>(usage) /
                                        static_cast<double>(targetUsagePerPodMilli));
        out.replicas = result > static_cast<double>(std::numeric_limits<int32_t>::max())
                           ? std::numeric_limits<int32_t>::max()
                           : go::toInt32(result);
    }
    if (static_cast<double>(usage) >= static_cast<double>(std::numeric_limits<int64_t>::max()))
        out.usageMilli = std::numeric_limits<int64_t>::max();
    else
        out.usageMilli = go::toInt64(std::ceil(static_cast<double>(usage) / statusReplicas));
    return out;
}

} // namespace kube::hpa
