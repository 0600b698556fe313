#pragma once
// The Pods tab: the shown HPA's target pods (from the PodTracker: the Scale's selector, as the
// controller picks them) with phase, readiness, age, and what the HPA controller makes of each
// (kube::api::hpaPodRole, the rules the explainer applies): counted, not counted yet (Pending,
// 0 on a scale-up), ignored (being deleted, Failed). Pods the controller does not count in full
// are marked (RoleRole) so that the view can make them stand out.
#include "app/core/pod_tracker.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <algorithm>
#include <vector>

namespace hpascope {

class HpaPodsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Phase, Ready, Age, Controller, ColumnCount };
    // How the controller takes the pod: "counted", "unready" (counted, not Ready), "pending" or
    // "ignored".
    enum Role { RoleRole = Qt::UserRole + 1 };

    explicit HpaPodsModel(QObject *parent = nullptr);

    void setPods(std::vector<TrackedPod> pods, const QDateTime &now);
    void setNow(const QDateTime &now); // ages move with time
    // Above the table: "3 pods: 2 counted, 1 pending", or why none are known.
    QString summary() const { return m_summary; }
    void setUnknown(const QString &why); // no pods known (the selector or the list has not come)

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString roleOf(const TrackedPod &pod);
    // Whether the rows are these pods (and a summary is shown, not setUnknown's reason).
    template <typename Same>
    bool sameAs(const std::vector<TrackedPod> &pods, Same same) const
    {
        return m_known && pods.size() == m_rows.size() && std::equal(pods.begin(), pods.end(), m_rows.begin(), same);
    }

private:
    void summarize();

    std::vector<TrackedPod> m_rows;
    QDateTime m_now;
    QString m_summary;
    bool m_known = false; // the rows are the target's pods (setPods), not setUnknown
};

} // namespace hpascope
