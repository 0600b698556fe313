#pragma once
// The Pods tab: the shown HPA's target pods (from the PodTracker: the Scale's selector, as the
// controller picks them) with phase, readiness, age, and what the HPA controller makes of each
// (kube::api::hpaPodRole, the rules the explainer applies): counted, not counted yet (Pending,
// 0 on a scale-up), ignored (being deleted, Failed). Pods the controller does not count in full
// are marked (RoleRole) so that the view can make them stand out.
#include "app/core/pod_tracker.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace hpascope {

class HpaPodsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Phase, Ready, Age, Controller, ColumnCount };
    // How the controller takes a pod.
    enum class PodRole { Counted, Unready /* counted, not Ready */, Pending, Ignored };
    // RoleRole: the pod's PodRole by name: "counted", "unready", "pending" or "ignored".
    enum Role { RoleRole = Qt::UserRole + 1 };

    explicit HpaPodsModel(QObject *parent = nullptr);

    // The target's pods. The same pods as shown (names, phases, readiness, deletion) only move
    // the ages: no reset, so a view's selection stays through the HPA's status updates.
    void setPods(std::vector<TrackedPod> pods, const QDateTime &now);
    const std::vector<TrackedPod> &pods() const { return m_rows; } // empty while unknown
    void setNow(const QDateTime &now); // ages move with time
    // Above the table: "3 pods: 2 counted, 1 pending", or why none are known.
    QString summary() const { return m_summary; }
    void setUnknown(const QString &why); // no pods known (the selector or the list has not come)

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static PodRole roleOf(const TrackedPod &pod);

private:
    void summarize();

    std::vector<TrackedPod> m_rows;
    QDateTime m_now;
    QString m_summary;
    bool m_known = false; // the rows are the target's pods (setPods), not setUnknown
};

} // namespace hpascope
