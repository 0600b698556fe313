#pragma once
// The HPA's status.conditions (AbleToScale, ScalingActive, ScalingLimited): type, status,
// reason, message and how long ago the condition last changed.
#include "kube/api/hpa.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace hpascope {

class HpaConditionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Type, Status, Reason, Message, Age, ColumnCount };
    enum Role { IsTrueRole = Qt::UserRole + 1, TransitionTimeRole };

    explicit HpaConditionsModel(QObject *parent = nullptr);

    void setConditions(std::vector<kube::api::Condition> conditions, const QDateTime &now);
    void setNow(const QDateTime &now); // ages move with time

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<kube::api::Condition> m_rows;
    QDateTime m_now;
};

} // namespace hpascope
