#pragma once
// The metric rows of the HPA detail: each spec metric next to ITS status entry, paired by type
// and identity (kube::api::pairMetrics), never by index: other tools pair by index and show
// one metric's value against another's target when status lists metrics in another order.
#include "kube/api/hpa.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace hpascope {

struct MetricRow {
    QString name;       // "cpu", "requests on pods", "test-metric on Service/kubernetes"
    QString sourceType; // "Resource", "ContainerResource", "Object", "Pods", "External"
    QString identity;   // kube::api::MetricIdentity::toString()
    QString targetType; // "Utilization", "Value", "AverageValue"
    QString current;    // "250m", "50%", "avg 2k", "avg 5250m (42 total over 8 pods)", or "unknown"
    QString target;     // same style
    std::optional<double> currentNumber; // percent for Utilization, else the quantity
    std::optional<double> targetNumber;
    bool known = false;
    // Why the value is unknown: the ScalingActive condition ("FailedGetObjectMetric: ...") or a
    // plain statement when the controller has not reported it yet.
    QString note;
    QString detail; // extra facts for a tooltip (e.g. the average value behind a utilization)
};

std::vector<MetricRow> metricRows(const kube::api::HorizontalPodAutoscaler &hpa);

class HpaMetricsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Metric, Source, Current, Target, TargetType, Note, ColumnCount };
    enum Role { KnownRole = Qt::UserRole + 1, CurrentNumberRole, TargetNumberRole, IdentityRole };

    explicit HpaMetricsModel(QObject *parent = nullptr);

    void setRows(std::vector<MetricRow> rows);
    const std::vector<MetricRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<MetricRow> m_rows;
};

} // namespace hpascope
