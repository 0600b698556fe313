#include "app/core/hpa_detail_metrics.h"
#include "app/core/hpa_format.h"

#include "kube/api/hpa_metrics.h"

#include <QCoreApplication>

namespace hpascope {

namespace {

using kube::api::MetricTargetType;

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString unknownNote(const kube::api::HorizontalPodAutoscaler &hpa)
{
    // The controller explains a metric it could not read only through ScalingActive (and
    // events); with several metrics it stays True as long as one metric is valid.
    const auto *active = hpa.condition("ScalingActive");
    if (active && active->status != "True" && !active->reason.empty())
        return q(active->reason) + QStringLiteral(": ") + q(active->message);
    return QCoreApplication::translate("HpaDetail", "no current value reported by the controller yet");
}

} // namespace

std::vector<MetricRow> metricRows(const kube::api::HorizontalPodAutoscaler &hpa)
{
    std::vector<MetricRow> rows;
    for (const auto &pair : kube::api::pairMetrics(hpa)) {
        MetricRow r;
        r.name = format::metricName(pair.spec);
        r.sourceType = pair.spec.type == kube::api::MetricSourceType::Unknown ? q(pair.spec.typeName)
                                                                               : q(kube::api::nameOf(pair.spec.type));
        r.identity = q(kube::api::identityOf(pair.spec).toString());
        const kube::api::MetricTarget *target = kube::api::targetOf(pair.spec);
        const MetricTargetType preferred = target ? target->type : MetricTargetType::Unknown;
        if (target) {
            r.targetType = q(kube::api::nameOf(target->type));
            r.target = q(kube::api::describeTarget(*target));
            r.targetNumber = kube::api::targetNumber(*target);
        } else {
            r.target = QCoreApplication::translate("HpaDetail", "<unset>");
        }
        const kube::api::MetricValueStatus *current = pair.status ? kube::api::currentOf(*pair.status) : nullptr;
        if (current)
            r.currentNumber = kube::api::currentNumber(*current, preferred);
        r.known = r.currentNumber.has_value();
        if (r.known) {
            r.current = q(kube::api::describeCurrent(*current, preferred));
            if (preferred == MetricTargetType::Utilization && current->averageValue)
                r.detail = QCoreApplication::translate("HpaDetail", "average value per pod: %1")
                               .arg(q(current->averageValue->toString()));
            // Object/External AverageValue: the status holds total / replicas; show the total
            // the metric source actually reports too. With one replica both are the same.
            const int replicas = hpa.status.currentReplicas;
            if (replicas > 1) {
                if (const auto total = kube::api::impliedTotal(pair.spec, *current, replicas)) {
                    r.current += QCoreApplication::translate("HpaDetail", " (%1 total over %2 pods)")
                                     .arg(q(total->toString()))
                                     .arg(replicas);
                    r.detail = QCoreApplication::translate(
                                   "HpaDetail",
                                   "the controller reports the metric's total divided by the replicas; "
                                   "the total is that average times %1 (status.currentReplicas)")
                                   .arg(replicas);
                }
            }
        } else {
            r.current = QCoreApplication::translate("HpaDetail", "unknown");
            r.note = unknownNote(hpa);
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

HpaMetricsModel::HpaMetricsModel(QObject *parent) : QAbstractTableModel(parent) {}

void HpaMetricsModel::setRows(std::vector<MetricRow> rows)
{
    bool sameShape = rows.size() == m_rows.size();
    for (std::size_t i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].identity == m_rows[i].identity;
    if (!sameShape) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows); // same metrics, new values: keep the view's selection
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int HpaMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HpaMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HpaMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const MetricRow &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Metric:
            return r.name;
        case Source:
            return r.sourceType;
        case Current:
            return r.current;
        case Target:
            return r.target;
        case TargetType:
            return r.targetType;
        case Note:
            return r.note;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Note || (index.column() == Current && !r.known))
            return r.note;
        if (index.column() == Current)
            return r.detail;
        if (index.column() == Metric)
            return r.identity;
        break;
    case KnownRole:
        return r.known;
    case CurrentNumberRole:
        return r.currentNumber ? QVariant(*r.currentNumber) : QVariant();
    case TargetNumberRole:
        return r.targetNumber ? QVariant(*r.targetNumber) : QVariant();
    case IdentityRole:
        return r.identity;
    default:
        break;
    }
    return {};
}

QVariant HpaMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Metric:
        return tr("Metric");
    case Source:
        return tr("Source");
    case Current:
        return tr("Current");
    case Target:
        return tr("Target");
    case TargetType:
        return tr("Target type");
    case Note:
        return tr("Note");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hpascope
