#pragma once
// The Pods tab: the shown HPA's target pods (from the PodTracker: the Scale's selector, as the
// controller picks them) with phase, readiness, age, and what the HPA controller makes of each
// (kube::api::hpaPodRole, the rules the explainer applies): counted, not counted yet (Pending,
// 0 on a scale-up), ignored (being deleted, Failed). Pods the controller does not count in full
// are marked (RoleRole) so that the view can make them stand out.
//
// CPU and Memory: what metrics.k8s.io reports (setUsage, from the PodUsagePoller) against each
// pod's request. Where the HPA has a Resource or ContainerResource metric, a counted pod that
// should have a sample (kube::api::expectsMetricValue, the explainer's rule) but has none is
// "no metrics": the controller counts it as 0 on a scale-up and at target on a scale-down.
#include "app/core/pod_tracker.h"
#include "app/core/pod_usage_poller.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace hpascope {

class HpaPodsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Phase, Ready, Age, Cpu, Memory, Controller, ColumnCount };
    // How the controller takes a pod.
    enum class PodRole { Counted, Unready /* counted, not Ready */, Pending, Ignored, NoMetrics };
    // RoleRole: the pod's PodRole by name: "counted", "unready", "pending", "ignored" or "nometrics".
    enum Role { RoleRole = Qt::UserRole + 1 };

    // What metrics.k8s.io says of the pods.
    struct Usage {
        bool known = false; // an answer came: pods missing from it have no sample
        std::map<QString, PodUsageSample> pods;
        QString why;        // !known: why not (translated), shown once above the table
        bool resourceMetric = false; // the HPA reads a Resource/ContainerResource metric
    };

    explicit HpaPodsModel(QObject *parent = nullptr);

    // The target's pods. The same pods as shown (names, phases, readiness, deletion) only move
    // the ages: no reset, so a view's selection stays through the HPA's status updates.
    void setPods(std::vector<TrackedPod> pods, const QDateTime &now);
    const std::vector<TrackedPod> &pods() const { return m_rows; } // empty while unknown
    void setNow(const QDateTime &now); // ages move with time
    // Above the table: "3 pods: 2 counted, 1 pending", or why none are known.
    QString summary() const { return m_summary; }
    void setUnknown(const QString &why); // no pods known (the selector or the list has not come)
    // Moves the CPU, Memory and HPA controller cells only (no reset).
    void setUsage(Usage usage);
    // Below the summary: why there is no CPU or memory usage, empty when there is.
    QString usageNote() const { return m_usage.known ? QString() : m_usage.why; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    PodRole roleOf(const TrackedPod &pod) const;

signals:
    void summaryChanged(); // summary() or usageNote() changed without a reset

private:
    void summarize();
    const PodUsageSample *sampleOf(const TrackedPod &pod) const;

    std::vector<TrackedPod> m_rows;
    QDateTime m_now;
    QString m_summary;
    bool m_known = false; // the rows are the target's pods (setPods), not setUnknown
    Usage m_usage;
};

} // namespace hpascope
