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

} // namespace hpascope
