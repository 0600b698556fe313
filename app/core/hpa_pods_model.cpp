#include "app/core/hpa_pods_model.h"

#include "app/core/hpa_format.h"
#include "kube/api/pod.h"


namespace hpascope {

HpaPodsModel::HpaPodsModel(QObject *parent) : QAbstractTableModel(parent) {}

QString HpaPodsModel::roleOf(const TrackedPod &pod)
{
    switch (kube::api::hpaPodRole(pod.phase.toStdString(), pod.terminating)) {
    case kube::api::HpaPodRole::Ignored: return QStringLiteral("ignored");
    case kube::api::HpaPodRole::Unready: return QStringLiteral("pending");
    case kube::api::HpaPodRole::Counted: break;
    }
    return pod.ready ? QStringLiteral("counted") : QStringLiteral("unready");
}

void HpaPodsModel::setPods(std::vector<TrackedPod> pods, const QDateTime &now)
{
    beginResetModel();
    m_rows = std::move(pods);
    m_now = now;
    m_known = true;
    summarize(); // before the reset ends: views read the summary on modelReset
    endResetModel();
}

void HpaPodsModel::setUnknown(const QString &why)
{
    beginResetModel();
    m_rows.clear();
    m_known = false;
    m_summary = why;
    endResetModel();
}

void HpaPodsModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.empty())
        emit dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

void HpaPodsModel::summarize()
{
    int counted = 0, unready = 0, pending = 0, ignored = 0;
    for (const TrackedPod &p : m_rows) {
        const QString r = roleOf(p);
        counted += r == QLatin1String("counted");
        unready += r == QLatin1String("unready");
        pending += r == QLatin1String("pending");
        ignored += r == QLatin1String("ignored");
    }
    QStringList parts;
    if (counted)
        parts << tr("%1 counted").arg(counted);
    if (unready)
        parts << tr("%1 not Ready").arg(unready);
    if (pending)
        parts << tr("%1 pending").arg(pending);
    if (ignored)
        parts << tr("%1 ignored").arg(ignored);
    const QString counts = parts.join(tr(", "));
    m_summary = m_rows.empty()      ? tr("The target has no pods.")
                : m_rows.size() == 1 ? tr("1 pod: %1").arg(counts)
                                     : tr("%1 pods: %2").arg(m_rows.size()).arg(counts);
}

int HpaPodsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HpaPodsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HpaPodsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const TrackedPod &p = m_rows[std::size_t(index.row())];
    const QString r = roleOf(p);
    if (role == RoleRole)
        return r;
    if (role == Qt::ToolTipRole && index.column() == Controller) {
        if (r == QLatin1String("ignored"))
            return tr("The controller drops this pod's metric and does not count it: it is being deleted or has failed.");
        if (r == QLatin1String("pending"))
            return tr("The controller drops this Pending pod's metric; on a scale-up it counts as 0 (for Resource metrics), "
                      "which holds the scale-up back.");
        if (r == QLatin1String("unready"))
            return tr("Not Ready: for a CPU metric the controller counts it as 0 on a scale-up; for an Object or External "
                      "metric with a Value target it is not among the ready pods the ratio is applied to.");
        return tr("The controller uses this pod's metric.");
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name: return p.name;
    case Phase: return p.terminating ? tr("%1, being deleted").arg(p.phase) : p.phase;
    case Ready: return p.ready ? tr("yes") : tr("no");
    case Age: return p.created.isValid() && m_now.isValid() ? format::relativeTime(p.created, m_now) : QString();
    case Controller:
        if (r == QLatin1String("ignored"))
            return tr("ignored");
        if (r == QLatin1String("pending"))
            return tr("not counted yet (0 on a scale-up)");
        if (r == QLatin1String("unready"))
            return tr("counted, not Ready");
        return tr("counted");
    case ColumnCount: break;
    }
    return {};
}

QVariant HpaPodsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name: return tr("Pod");
    case Phase: return tr("Phase");
    case Ready: return tr("Ready");
    case Age: return tr("Created");
    case Controller: return tr("HPA controller");
    case ColumnCount: break;
    }
    return {};
}

} // namespace hpascope
