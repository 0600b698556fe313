#include "kube/prometheus/hpa_history.h"

#include "kube/api/hpa_metrics.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace kube::prometheus {

namespace {

constexpr std::string_view kPrefix = "kube_horizontalpodautoscaler_";
constexpr std::string_view kSpecTarget = "kube_horizontalpodautoscaler_spec_target_metric";
constexpr std::string_view kStatusTarget = "kube_horizontalpodautoscaler_status_target_metric";

// Labels Prometheus adds per scrape target; two KSM replicas differ only in these.
constexpr std::array<std::string_view, 5> kTargetLabels{"job", "instance", "pod", "endpoint", "service"};

std::string label(const Series &s, const char *key)
{
    const auto it = s.labels.find(key);
    return it == s.labels.end() ? std::string() : it->second;
}

std::map<std::string, std::string> withoutTargetLabels(std::map<std::string, std::string> labels)
{
    for (const auto l : kTargetLabels)
        labels.erase(std::string(l));
    return labels;
}

// Several series of one quantity as one, sorted by time; at equal times the one with more points
// wins (a range query evaluates every series at the same step times).
std::vector<HistoryPoint> mergePoints(std::vector<const Series *> group)
{
    std::stable_sort(group.begin(), group.end(),
                     [](const Series *a, const Series *b) { return a->points.size() > b->points.size(); });
    std::map<double, double> byTime;
    for (const Series *s : group)
        for (const HistoryPoint &p : s->points)
            byTime.emplace(p.t, p.v);
    std::vector<HistoryPoint> out;
    out.reserve(byTime.size());
    for (const auto &[t, v] : byTime)
        out.push_back({t, v});
    return out;
}

std::string_view targetTypeName(api::MetricTargetType type)
{
    switch (type) {
    case api::MetricTargetType::Utilization: return "utilization";
    case api::MetricTargetType::AverageValue: return "average";
    case api::MetricTargetType::Value: return "value";
    case api::MetricTargetType::Unknown: break;
    }
    return {};
}

} // namespace

std::optional<KsmMetricKey> ksmKeyOf(const api::MetricSpec &spec)
{
    const api::MetricTarget *target = api::targetOf(spec);
    if (!target || targetTypeName(target->type).empty())
        return std::nullopt;
    const api::MetricIdentity id = api::identityOf(spec);
    KsmMetricKey key;
    key.targetType = std::string(targetTypeName(target->type));
    switch (spec.type) {
    case api::MetricSourceType::Object:
    case api::MetricSourceType::Pods:
    case api::MetricSourceType::External: key.metricName = id.metricName; break;
    case api::MetricSourceType::Resource: key.metricName = id.resourceName; break;
    case api::MetricSourceType::ContainerResource:
        key.metricName = id.resourceName;
        key.container = id.container;
        break;
    case api::MetricSourceType::Unknown: return std::nullopt;
    }
    if (key.metricName.empty())
        return std::nullopt;
    return key;
}

std::string hpaHistoryQuery(const std::string &ns, const std::string &name)
{
    return "{__name__=~\"kube_horizontalpodautoscaler_(spec_min_replicas|spec_max_replicas|"
           "status_current_replicas|status_desired_replicas|spec_target_metric|status_target_metric)\","
           "namespace="
        + promqlString(ns) + ",horizontalpodautoscaler=" + promqlString(name) + "}";
}

std::vector<Series> mergeDuplicates(std::vector<Series> series)
{
    std::map<std::map<std::string, std::string>, std::vector<const Series *>> groups;
    for (const Series &s : series)
        groups[withoutTargetLabels(s.labels)].push_back(&s);
    std::vector<Series> out;
    out.reserve(groups.size());
    for (auto &[labels, group] : groups)
        out.push_back({labels, mergePoints(group)});
    return out;
}

HpaHistory buildHpaHistory(std::vector<Series> matrix, const std::vector<api::MetricSpec> &specMetrics)
{
    HpaHistory h;
    // Spec metrics by KSM key; a key named twice is ambiguous (KSM drops selector and object).
    std::map<KsmMetricKey, std::vector<std::size_t>> byKey;
    std::set<std::string> containers; // of ContainerResource metrics: a series' container label
    for (std::size_t i = 0; i < specMetrics.size(); ++i)
        if (auto key = ksmKeyOf(specMetrics[i])) {
            if (!key->container.empty())
                containers.insert(key->container);
            byKey[*key].push_back(i);
        }

    const std::vector<Series> merged = mergeDuplicates(std::move(matrix));
    std::map<std::string, std::vector<const Series *>> replicas; // by family
    std::map<KsmMetricKey, std::vector<const Series *>> specSeries, statusSeries;
    for (const Series &s : merged) {
        const std::string family = label(s, "__name__");
        if (family == kSpecTarget || family == kStatusTarget) {
            h.hasTargetMetricStatus |= family == kStatusTarget;
            // A Prometheus Operator target adds its own `container` label (the KSM container's
            // name) where KSM sets none; only a ContainerResource metric's container counts.
            std::string container = label(s, "container");
            if (!containers.count(container))
                container.clear();
            KsmMetricKey key{label(s, "metric_name"), label(s, "metric_target_type"), container};
            (family == kSpecTarget ? specSeries : statusSeries)[key].push_back(&s);
        } else if (family.rfind(kPrefix, 0) == 0) {
            replicas[family.substr(kPrefix.size())].push_back(&s);
        }
    }
    h.currentReplicas = mergePoints(replicas["status_current_replicas"]);
    h.desiredReplicas = mergePoints(replicas["status_desired_replicas"]);
    h.minReplicas = mergePoints(replicas["spec_min_replicas"]);
    h.maxReplicas = mergePoints(replicas["spec_max_replicas"]);

    for (const auto &[key, indices] : byKey) {
        if (indices.size() > 1) {
            h.ambiguous.insert(h.ambiguous.end(), indices.begin(), indices.end());
            continue;
        }
        MetricHistory m;
        m.specIndex = indices.front();
        m.target = mergePoints(specSeries[key]);
        m.current = mergePoints(statusSeries[key]);
        h.metrics.push_back(std::move(m));
    }
    std::sort(h.metrics.begin(), h.metrics.end(),
              [](const MetricHistory &a, const MetricHistory &b) { return a.specIndex < b.specIndex; });
    std::sort(h.ambiguous.begin(), h.ambiguous.end());
    return h;
}

} // namespace kube::prometheus
