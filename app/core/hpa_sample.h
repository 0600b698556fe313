#pragma once
// One HPA status as the charts and the recorder see it: replica counts and each metric's current
// and target as numbers, keyed by the metric's identity. Plain values, safe to hand between threads.
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace hpascope {

struct MetricSampleValue {
    QString identity; // kube::api::MetricIdentity::toString(): stable across spec reorders
    QString name;     // kube::api::metricDisplayName()
    std::optional<double> current; // percent for Utilization targets, else the quantity's value
    QString currentText;           // kube::api::describeCurrent(); empty when unknown
    std::optional<double> target;
    QString targetText;            // kube::api::describeTarget(); empty without a target
    bool operator==(const MetricSampleValue &) const = default;
};

struct HpaSample {
    QDateTime time; // UTC
    QString namespaceName;
    QString name;
    int currentReplicas = 0;
    int desiredReplicas = 0;
    int minReplicas = 1;
    int maxReplicas = 0;
    std::vector<MetricSampleValue> metrics;
    bool operator==(const HpaSample &) const = default;
    QString key() const { return namespaceName + QLatin1Char('/') + name; } // HpaListModel::keyOf
};

// A condition of an HPA's status as it became (recorded when its status, reason or message
// changed, and when hpascope first saw the HPA): what the report's "condition changes" lists.
struct ConditionRecord {
    QDateTime time; // when hpascope saw it; the condition's own lastTransitionTime is in `since`
    QString namespaceName;
    QString name; // the HPA
    QString type; // AbleToScale, ScalingActive, ScalingLimited
    QString status;
    QString reason;
    QString message;
    QDateTime since; // lastTransitionTime, when the API server gave one
    bool sameState(const ConditionRecord &o) const
    {
        return type == o.type && status == o.status && reason == o.reason && message == o.message;
    }
};

} // namespace hpascope
