#include "app/core/what_if.h"

#include "app/core/hpa_format.h"
#include "kube/api/hpa_metrics.h"

namespace hpascope {

namespace {

// The raw value the metrics API would return for a metric, as the predictor takes it, from the
// HPA's status (or the target, which is neutral, when the status has none).
kube::api::Quantity currentRawValue(const kube::api::MetricPair &pair)
{
    const kube::api::MetricTarget *target = kube::api::targetOf(pair.spec);
    const kube::api::MetricValueStatus *current = pair.status ? kube::api::currentOf(*pair.status) : nullptr;
    if (current) {
        if (target && target->type == kube::api::MetricTargetType::Utilization && current->averageUtilization)
            return kube::api::Quantity::fromInt64(*current->averageUtilization);
        if (current->value)
            return *current->value;
        if (current->averageValue)
            return *current->averageValue;
    }
    if (target) {
        if (target->averageUtilization)
            return kube::api::Quantity::fromInt64(*target->averageUtilization);
        if (target->value)
            return *target->value;
        if (target->averageValue)
            return *target->averageValue;
    }
    return kube::api::Quantity::fromInt64(0);
}

} // namespace

QList<QPointF> predictReplicaPath(const kube::api::HorizontalPodAutoscaler &hpa,
                                  const kube::hpa::ControllerConfig &config,
                                  const std::optional<kube::hpa::HpaHistory> &history, int specIndex,
                                  const kube::api::Quantity &value, const QDateTime &now,
                                  std::chrono::seconds horizon)
{
    const auto pairs = kube::api::pairMetrics(hpa);
    if (specIndex < 0 || size_t(specIndex) >= pairs.size())
        return {};
    std::vector<kube::api::Quantity> values;
    for (size_t i = 0; i < pairs.size(); ++i)
        values.push_back(int(i) == specIndex ? value : currentRawValue(pairs[i]));
    kube::hpa::PredictOptions options;
    options.horizon = horizon;
    const auto t0 = format::toKubeTime(now);
    const auto path = kube::hpa::predict(hpa, config, history.value_or(kube::hpa::HpaHistory{}), values, t0, options);
    QList<QPointF> points;
    double last = hpa.status.currentReplicas;
    points.append(QPointF(double(now.toMSecsSinceEpoch()), last));
    for (const auto &[t, replicas] : path) {
        const double ms = double(format::toQDateTime(t).toMSecsSinceEpoch());
        if (replicas != last) {
            points.append(QPointF(ms, last)); // step: hold, then jump
            points.append(QPointF(ms, replicas));
            last = replicas;
        }
    }
    points.append(QPointF(double(now.addSecs(horizon.count()).toMSecsSinceEpoch()), last));
    return points;
}

} // namespace hpascope
