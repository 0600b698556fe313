#pragma once
// The HPA table: one row per HorizontalPodAutoscaler, fed by the HPA reflector through
// ClusterSession (resetAll after a (re)list, upsert/remove per watch event). Qt Core only.
#include "kube/api/hpa.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <functional>
#include <vector>

namespace hpascope {

class HpaListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Namespace, Name, Target, Metrics, Min, Max, Current, Desired, Status, LastScale, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1,
        SortRole,
        // Status column: "problem" (metrics unavailable), "limited", "moving" (scaling, stabilizing), "ok"
        BadgeKindRole,
    };

    explicit HpaListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void resetAll(std::vector<kube::api::HorizontalPodAutoscaler> hpas);
    void upsert(kube::api::HorizontalPodAutoscaler hpa);
    void remove(const QString &key);
    void clear();
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    // "namespace/name"
    static QString keyOf(const kube::api::HorizontalPodAutoscaler &hpa);
    const kube::api::HorizontalPodAutoscaler *hpa(int row) const;
    int rowOf(const QString &key) const;

private:
    void rebuildIndex();

    std::vector<kube::api::HorizontalPodAutoscaler> m_rows;
    QHash<QString, int> m_index;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace hpascope
