#include "app/core/hpa_pods_model.h"

#include "app/core/hpa_format.h"
#include "app/core/pod_usage_text.h"
#include "kube/api/pod.h"

#include <algorithm>
#include <array>

namespace hpascope {

namespace {

bool samePod(const TrackedPod &a, const TrackedPod &b)
{
    return a.name == b.name && a.phase == b.phase && a.ready == b.ready && a.terminating == b.terminating;
}

QString roleName(HpaPodsModel::PodRole role)
{
    switch (role) {
    case HpaPodsModel::PodRole::Counted: return QStringLiteral("counted");
    case HpaPodsModel::PodRole::Unready: return QStringLiteral("unready");
    case HpaPodsModel::PodRole::Pending: return QStringLiteral("pending");
    case HpaPodsModel::PodRole::NoMetrics: return QStringLiteral("nometrics");
    case HpaPodsModel::PodRole::Ignored: break;
    }
    return QStringLiteral("ignored");
}

} // namespace

HpaPodsModel::HpaPodsModel(QObject *parent) : QAbstractTableModel(parent) {}

const PodUsageSample *HpaPodsModel::sampleOf(const TrackedPod &pod) const
{
    const auto it = m_usage.pods.find(pod.name);
    return it == m_usage.pods.end() ? nullptr : &it->second;
}

HpaPodsModel::PodRole HpaPodsModel::roleOf(const TrackedPod &pod) const
{
    const std::string phase = pod.phase.toStdString();
    switch (kube::api::hpaPodRole(phase, pod.terminating)) {
    case kube::api::HpaPodRole::Ignored: return PodRole::Ignored;
    case kube::api::HpaPodRole::Unready: return PodRole::Pending;
    case kube::api::HpaPodRole::Counted: break;
    }
    // The explainer's missing-value rule (kube/hpa explainer "pods.missing").
    if (m_usage.known && m_usage.resourceMetric && kube::api::expectsMetricValue(phase, pod.terminating)
        && !sampleOf(pod))
        return PodRole::NoMetrics;
    return pod.ready ? PodRole::Counted : PodRole::Unready;
}

void HpaPodsModel::setUsage(Usage usage)
{
    const QString oldSummary = m_summary, oldNote = usageNote();
    m_usage = std::move(usage);
    if (!m_known)
        return;
    summarize();
    if (!m_rows.empty())
        emit dataChanged(index(0, Cpu), index(rowCount() - 1, Controller));
    if (m_summary != oldSummary || usageNote() != oldNote)
        emit summaryChanged();
}

void HpaPodsModel::setPods(std::vector<TrackedPod> pods, const QDateTime &now)
{
    if (m_known && std::equal(pods.begin(), pods.end(), m_rows.begin(), m_rows.end(), samePod)) {
        m_rows = std::move(pods); // what the explainer reads (readiness times) stays current
        setNow(now);
        return;
    }
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
    std::array<int, 5> count{}; // by PodRole
    for (const TrackedPod &p : m_rows)
        ++count[std::size_t(roleOf(p))];
    const auto of = [&count](PodRole r) { return count[std::size_t(r)]; };
    QStringList parts;
    if (of(PodRole::Counted))
        parts << tr("%1 counted").arg(of(PodRole::Counted));
    if (of(PodRole::Unready))
        parts << tr("%1 not Ready").arg(of(PodRole::Unready));
    if (of(PodRole::Pending))
        parts << tr("%1 pending").arg(of(PodRole::Pending));
    if (of(PodRole::Ignored))
        parts << tr("%1 ignored").arg(of(PodRole::Ignored));
    if (of(PodRole::NoMetrics))
        parts << tr("%1 without metrics").arg(of(PodRole::NoMetrics));
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
    const PodRole r = roleOf(p);
    if (role == RoleRole)
        return roleName(r);
    if ((index.column() == Cpu || index.column() == Memory) && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        const UsageCell cell = usageCell(index.column() == Cpu ? UsageResource::Cpu : UsageResource::Memory,
                                         p.requestsView, sampleOf(p), m_usage.known, m_usage.why);
        return role == Qt::DisplayRole ? cell.text : cell.toolTip;
    }
    if (role == Qt::ToolTipRole && index.column() == Controller) {
        switch (r) {
        case PodRole::NoMetrics:
            return tr("metrics-server has no sample of this Running pod: the controller counts it as using 0 on a "
                      "scale-up and as at target on a scale-down, which damps both.");
        case PodRole::Ignored:
            return tr("The controller drops this pod's metric and does not count it: it is being deleted or has failed.");
        case PodRole::Pending:
            return tr("The controller drops this Pending pod's metric; on a scale-up it counts as 0 (for Resource metrics), "
                      "which holds the scale-up back.");
        case PodRole::Unready:
            return tr("Not Ready: for a CPU metric the controller counts it as 0 on a scale-up; for an Object or External "
                      "metric with a Value target it is not among the ready pods the ratio is applied to.");
        case PodRole::Counted: break;
        }
        return tr("The controller uses this pod's metric.");
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name: return p.name;
    case Phase: return p.terminating ? tr("%1, being deleted").arg(p.phase) : p.phase;
    case Ready: return p.ready ? tr("yes") : tr("no");
    case Age: return p.created.isValid() && m_now.isValid() ? format::relativeTime(p.created, m_now) : QString();
    case Cpu:
    case Memory: break; // above
    case Controller:
        switch (r) {
        case PodRole::Ignored: return tr("ignored");
        case PodRole::Pending: return tr("not counted yet (0 on a scale-up)");
        case PodRole::Unready: return tr("counted, not Ready");
        case PodRole::NoMetrics: return tr("no metrics");
        case PodRole::Counted: break;
        }
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
    case Cpu: return tr("CPU");
    case Memory: return tr("Memory");
    case Controller: return tr("HPA controller");
    case ColumnCount: break;
    }
    return {};
}

} // namespace hpascope
