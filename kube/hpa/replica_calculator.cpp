#include "kube/hpa/replica_calculator.h"

#include "kube/api/pod.h"
#include "kube/hpa/go_compat.h"
#include "kube/hpa/replica_calculator_detail.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

namespace kube::hpa {

namespace detail {
Error calcError(std::string message) { return makeError(Error::Kind::Invalid, std::move(message)); }
} // namespace detail

namespace {

using detail::calcError;
using detail::usageRatioReplicaCount;

// The one message every pod-based calculation returns for an empty pod list.
const char *const kNoPods = "no pods returned by selector while calculating replica count";

// calculatePodRequestsFromContainers: containers plus restartable (sidecar) init containers;
// with a container name, only that container.
Result<int64_t> podRequestsFromContainers(const PodInfo &pod, std::string_view container,
                                          std::string_view resource)
{
    std::vector<const ContainerInfo *> containers;
    for (const auto &c : pod.containers)
        if (!c.init)
            containers.push_back(&c);
    for (const auto &c : pod.containers)
        if (c.init && c.restartableInit)
            containers.push_back(&c);

    int64_t request = 0;
    for (const ContainerInfo *c : containers) {
        if (container.empty() || container == c->name) {
            const auto it = c->requestsMilli.find(std::string(resource));
            if (it == c->requestsMilli.end())
                return calcError("missing request for " + std::string(resource) + " in container " +
                                 c->name + " of Pod " + pod.name);
            request += it->second;
        }
        if (container == c->name) // container names are unique inside the pod
            return request;
    }
    if (!container.empty())
        return calcError("container " + std::string(container) + " not found in Pod " + pod.name);
    return request;
}

// calculateRequests. Pod-level requests (KEP-2837) win when set and no container is named.
// resourcehelpers.PodRequests falls back to the containers for a resource the pod level does
// not set; that fallback is modelled as the container sum.
Result<std::map<std::string, int64_t>> calculateRequests(const CalculatorContext &ctx,
                                                         const std::vector<PodInfo> &pods,
                                                         std::string_view container,
                                                         std::string_view resource)
{
    std::map<std::string, int64_t> requests;
    for (const auto &pod : pods) {
        const bool usePodLevel = ctx.podLevelResources && !pod.podLevelRequestsMilli.empty() &&
                                 container.empty();
        if (usePodLevel) {
            const auto it = pod.podLevelRequestsMilli.find(std::string(resource));
            if (it != pod.podLevelRequestsMilli.end()) {
                requests[pod.name] = it->second;
                continue;
            }
            bool anyContainer = false;
            int64_t sum = 0;
            for (const auto &c : pod.containers) {
                const auto r = c.requestsMilli.find(std::string(resource));
                if (r != c.requestsMilli.end() && (!c.init || c.restartableInit)) {
                    anyContainer = true;
                    sum += r->second;
                }
            }
            if (!anyContainer)
                return calcError("missing pod-level request for " + std::string(resource) +
                                 " in Pod " + pod.name);
            requests[pod.name] = sum;
            continue;
        }
        auto request = podRequestsFromContainers(pod, container, resource);
        if (!request)
            return request.error();
        requests[pod.name] = *request;
    }
    return requests;
}

void removeMetricsForPods(PodMetricsInfo &metrics, const std::vector<std::string> &pods)
{
    for (const auto &name : pods)
        metrics.erase(name);
}

// getReadyPodsCount
Result<int64_t> readyPodsCount(const std::vector<PodInfo> &pods)
{
    if (pods.empty())
        return calcError(kNoPods);
    int64_t ready = 0;
    for (const auto &pod : pods)
        if (kube::api::isReadyForHpa(pod.phase, pod.isReady()))
            ++ready;
    return ready;
}

// The part shared by GetResourceReplicas and calcPlainMetricReplicas after the first ratio:
// missing pods filled with `missingDown` on a scale-down and 0 on a scale-up, unready pods
// with 0 on a scale-up, the ratio recomputed, and no change when it falls inside the tolerance
// or flips direction.
template <typename Recompute>
int32_t rebalance(int32_t currentReplicas, double usageRatio, const PodGroups &groups,
                  PodMetricsInfo &metrics, const Tolerances &tolerances, bool scaleUpWithUnready,
                  const std::function<int64_t(const std::string &)> &missingDown, Recompute recompute)
{
    if (!groups.missing.empty()) {
        if (usageRatio < 1.0) {
            for (const auto &name : groups.missing)
                metrics[name] = PodMetric{missingDown(name), {}, {}};
        } else if (usageRatio > 1.0) {
            for (const auto &name : groups.missing)
                metrics[name] = PodMetric{0, {}, {}};
        }
    }
    if (scaleUpWithUnready) {
        for (const auto &name : groups.unready)
            metrics[name] = PodMetric{0, {}, {}};
    }
    const double newUsageRatio = recompute(metrics);
    if (tolerances.isWithin(newUsageRatio) || (usageRatio < 1.0 && newUsageRatio > 1.0) ||
        (usageRatio > 1.0 && newUsageRatio < 1.0))
        return currentReplicas;

    const int32_t newReplicas =
        go::ceilToInt32(newUsageRatio * static_cast<double>(metrics.size()));
    if ((newUsageRatio < 1.0 && newReplicas > currentReplicas) ||
        (newUsageRatio > 1.0 && newReplicas < currentReplicas))
        return currentReplicas; // the change of metrics length would flip the direction
    return newReplicas;
}

// calcPlainMetricReplicas
Result<ReplicaCalculation> plainMetricReplicas(const CalculatorContext &ctx, PodMetricsInfo metrics,
                                               int32_t currentReplicas, int64_t targetUsage,
                                               const Tolerances &tolerances,
                                               const std::vector<PodInfo> &pods,
                                               std::string_view resource)
{
    if (pods.empty())
        return calcError(kNoPods);
    const PodGroups groups = groupPods(pods, metrics, resource, ctx.cpuInitializationPeriod,
                                       ctx.delayOfInitialReadinessStatus, ctx.now);
    removeMetricsForPods(metrics, groups.ignored);
    removeMetricsForPods(metrics, groups.unready);
    if (metrics.empty())
        return calcError("did not receive metrics for targeted pods (pods might be unready)");

    const UtilizationRatio first = metricUsageRatio(metrics, targetUsage);
    ReplicaCalculation out;
    out.usageMilli = first.rawAverage;

    const bool scaleUpWithUnready = !groups.unready.empty() && first.ratio > 1.0;
    if (!scaleUpWithUnready && groups.missing.empty()) {
        out.replicas = tolerances.isWithin(first.ratio)
                           ? currentReplicas
                           : go::ceilToInt32(first.ratio * groups.readyPodCount);
        return out;
    }
    out.replicas = rebalance(
        currentReplicas, first.ratio, groups, metrics, tolerances, scaleUpWithUnready,
        [&](const std::string &) { return targetUsage; }, // missing pods at exactly the target
        [&](const PodMetricsInfo &m) { return metricUsageRatio(m, targetUsage).ratio; });
    return out;
}

} // namespace

namespace detail {
// getUsageRatioReplicaCount: at 0 current replicas neither tolerance nor ready pods count, so
// that an HPA can scale from zero.
Result<ReplicaCalculation> usageRatioReplicaCount(int32_t currentReplicas, double usageRatio,
                                                  const Tolerances &tolerances,
                                                  const std::vector<PodInfo> &pods)
{
    ReplicaCalculation out;
    if (currentReplicas != 0) {
        if (tolerances.isWithin(usageRatio)) {
            out.replicas = currentReplicas;
            return out;
        }
        auto ready = readyPodsCount(pods);
        if (!ready)
            return calcError("unable to calculate ready pods: " + ready.error().message);
        const double replicaCountFloat = usageRatio * static_cast<double>(*ready);
        out.replicas = replicaCountFloat > std::numeric_limits<int32_t>::max()
                           ? std::numeric_limits<int32_t>::max()
                           : go::ceilToInt32(replicaCountFloat);
    } else {
        out.replicas = go::ceilToInt32(usageRatio);
    }
    return out;
}
} // namespace detail

CalculatorContext calculatorContext(const ControllerConfig &config, std::string namespace_, Time now)
{
    CalculatorContext ctx;
    ctx.cpuInitializationPeriod = config.cpuInitializationPeriod;
    ctx.delayOfInitialReadinessStatus = config.initialReadinessDelay;
    ctx.podLevelResources = config.podLevelResources;
    ctx.namespace_ = std::move(namespace_);
    ctx.now = now;
    return ctx;
}

Result<int64_t> podRequestMilli(const PodInfo &pod, std::string_view resource, bool podLevelResources)
{
    CalculatorContext ctx;
    ctx.podLevelResources = podLevelResources;
    auto requests = calculateRequests(ctx, {pod}, {}, resource);
    if (!requests)
        return requests.error();
    return requests->at(pod.name);
}

PodGroups groupPods(const std::vector<PodInfo> &pods, const PodMetricsInfo &metrics,
                    std::string_view resource, Seconds cpuInitializationPeriod,
                    Seconds delayOfInitialReadinessStatus, Time now)
{
    PodGroups g;
    for (const auto &pod : pods) {
        switch (kube::api::hpaPodRole(pod.phase, pod.deleting)) {
        case kube::api::HpaPodRole::Ignored:
            g.ignored.push_back(pod.name);
            continue;
        case kube::api::HpaPodRole::Unready:
            g.unready.push_back(pod.name);
            continue;
        case kube::api::HpaPodRole::Counted:
            break;
        }
        const auto metric = metrics.find(pod.name);
        if (metric == metrics.end()) {
            g.missing.push_back(pod.name);
            continue;
        }
        if (resource == "cpu") {
            bool unready = false;
            if (!pod.ready || !pod.startTime) {
                unready = true;
            } else if (*pod.startTime + cpuInitializationPeriod > now) {
                // Within the initialization period: unready, or no full metric window since the
                // last readiness transition.
                unready = pod.ready->status == ConditionStatus::False ||
                          metric->second.timestamp <
                              pod.ready->lastTransitionTime + metric->second.window;
            } else {
                // Unready and never ready since start (+ the initial readiness delay).
                unready = pod.ready->status == ConditionStatus::False &&
                          *pod.startTime + delayOfInitialReadinessStatus > pod.ready->lastTransitionTime;
            }
            if (unready) {
                g.unready.push_back(pod.name);
                continue;
            }
        }
        ++g.readyPodCount;
    }
    return g;
}

Result<UtilizationRatio> resourceUtilizationRatio(const PodMetricsInfo &metrics,
                                                  const std::map<std::string, int64_t> &requests,
                                                  int32_t targetUtilization)
{
    // Go uses big.Int when the int64 sums overflow; __int128 covers every int64 sum here.
    __int128 metricsTotal = 0, requestsTotal = 0;
    int64_t numEntries = 0;
    for (const auto &[name, metric] : metrics) {
        const auto request = requests.find(name);
        if (request == requests.end())
            continue; // extraneous metric
        metricsTotal += metric.valueMilli;
        requestsTotal += request->second;
        ++numEntries;
    }
    if (requestsTotal == 0)
        return calcError("no metrics returned matched known pods");
    const __int128 percentage = metricsTotal * 100 / requestsTotal;
    UtilizationRatio out;
    out.utilization = percentage > std::numeric_limits<int32_t>::max()
                          ? std::numeric_limits<int32_t>::max()
                          : (percentage < std::numeric_limits<int32_t>::min()
                                 ? std::numeric_limits<int32_t>::min()
                                 : static_cast<int32_t>(percentage));
    out.ratio = static_cast<double>(out.utilization) / static_cast<double>(targetUtilization);
    out.rawAverage = static_cast<int64_t>(metricsTotal / numEntries);
    return out;
}

UtilizationRatio metricUsageRatio(const PodMetricsInfo &metrics, int64_t targetUsageMilli)
{
    __int128 total = 0;
    for (const auto &[name, metric] : metrics)
        total += metric.valueMilli;
    UtilizationRatio out;
    out.rawAverage = metrics.empty() ? 0 : static_cast<int64_t>(total / (__int128)metrics.size());
    out.ratio = static_cast<double>(out.rawAverage) / static_cast<double>(targetUsageMilli);
    return out;
}

Result<ReplicaCalculation> getResourceReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                               int32_t targetUtilization, std::string_view resource,
                                               const Tolerances &tolerances,
                                               const std::vector<PodInfo> &pods,
                                               const MetricInput &fetched, std::string_view container)
{
    if (fetched.error)
        return calcError("unable to get metrics for resource " + std::string(resource) + ": " +
                         *fetched.error);
    if (pods.empty())
        return calcError(kNoPods);
    PodMetricsInfo metrics = fetched.podMetrics;
    const PodGroups groups = groupPods(pods, metrics, resource, ctx.cpuInitializationPeriod,
                                       ctx.delayOfInitialReadinessStatus, ctx.now);
    removeMetricsForPods(metrics, groups.ignored);
    removeMetricsForPods(metrics, groups.unready);
    if (metrics.empty())
        return calcError("did not receive metrics for targeted pods (pods might be unready)");

    auto requests = calculateRequests(ctx, pods, container, resource);
    if (!requests)
        return requests.error();
    auto first = resourceUtilizationRatio(metrics, *requests, targetUtilization);
    if (!first)
        return first.error();

    ReplicaCalculation out;
    out.utilization = first->utilization;
    out.usageMilli = first->rawAverage;
    out.timestamp = fetched.timestamp;

    const bool scaleUpWithUnready = !groups.unready.empty() && first->ratio > 1.0;
    if (!scaleUpWithUnready && groups.missing.empty()) {
        out.replicas = tolerances.isWithin(first->ratio)
                           ? currentReplicas
                           : go::ceilToInt32(first->ratio * groups.readyPodCount);
        return out;
    }
    // Missing pods on a scale-down: 100 % of their request, or the target when above 100 %.
    const int64_t fallbackUtilization = std::max<int64_t>(100, targetUtilization);
    std::optional<Error> recomputeError;
    out.replicas = rebalance(
        currentReplicas, first->ratio, groups, metrics, tolerances, scaleUpWithUnready,
        [&](const std::string &name) { return (*requests)[name] * fallbackUtilization / 100; },
        [&](const PodMetricsInfo &m) {
            auto r = resourceUtilizationRatio(m, *requests, targetUtilization);
            if (!r) {
                recomputeError = r.error();
                return 1.0;
            }
            return r->ratio;
        });
    if (recomputeError)
        return *recomputeError;
    return out;
}

Result<ReplicaCalculation> getRawResourceReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                                  int64_t targetUsageMilli, std::string_view resource,
                                                  const Tolerances &tolerances,
                                                  const std::vector<PodInfo> &pods,
                                                  const MetricInput &fetched)
{
    if (fetched.error)
        return calcError("unable to get metrics for resource " + std::string(resource) + ": " +
                         *fetched.error);
    auto out = plainMetricReplicas(ctx, fetched.podMetrics, currentReplicas, targetUsageMilli,
                                   tolerances, pods, resource);
    if (out)
        out->timestamp = fetched.timestamp;
    return out;
}

Result<ReplicaCalculation> getMetricReplicas(const CalculatorContext &ctx, int32_t currentReplicas,
                                             int64_t targetUsageMilli, std::string_view metricName,
                                             const Tolerances &tolerances,
                                             const std::vector<PodInfo> &pods,
                                             const MetricInput &fetched)
{
    if (fetched.error)
        return calcError("unable to get metric " + std::string(metricName) + ": " + *fetched.error);
    auto out = plainMetricReplicas(ctx, fetched.podMetrics, currentReplicas, targetUsageMilli,
                                   tolerances, pods, "");
    if (out)
        out->timestamp = fetched.timestamp;
    return out;
}

} // namespace kube::hpa
