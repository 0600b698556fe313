#include "app/core/hpa_list_model.h"

#include "app/core/hpa_format.h"

namespace hpascope {

HpaListModel::HpaListModel(QObject *parent) : QAbstractTableModel(parent) {}

int HpaListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HpaListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HpaListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Namespace: return tr("Namespace");
    case Name: return tr("Name");
    case Target: return tr("Target");
    case Metrics: return tr("Targets");
    case Min: return tr("Min");
    case Max: return tr("Max");
    case Current: return tr("Current");
    case Desired: return tr("Desired");
    case Status: return tr("Status");
    case LastScale: return tr("Last scale");
    }
    return {};
}

QVariant HpaListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &h = m_rows[size_t(index.row())];
    if (role == KeyRole)
        return keyOf(h);
    if (role == BadgeKindRole) {
        if (index.column() != Status)
            return {};
        switch (format::statusBadge(h).kind) {
        case format::Badge::Kind::Problem: return QStringLiteral("problem");
        case format::Badge::Kind::Limited: return QStringLiteral("limited");
        case format::Badge::Kind::Moving: return QStringLiteral("moving");
        case format::Badge::Kind::Ok: return QStringLiteral("ok");
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() >= Min && index.column() <= Desired;
        return QVariant::fromValue(numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Namespace: return QString::fromStdString(h.metadata.namespace_);
    case Name: return QString::fromStdString(h.metadata.name);
    case Target: return format::scaleTarget(h);
    case Metrics: return role == Qt::ToolTipRole ? format::metricsSummary(h, QStringLiteral("\n")) : format::metricsCompact(h);
    case Min: return h.spec.minReplicas.value_or(1);
    case Max: return h.spec.maxReplicas;
    case Current: return h.status.currentReplicas;
    case Desired: return h.status.desiredReplicas;
    case Status: return format::statusBadge(h).text;
    case LastScale:
        if (role == SortRole)
            return format::lastScaleTime(h);
        return format::lastScaleText(h, m_now());
    }
    return {};
}

QString HpaListModel::keyOf(const kube::api::HorizontalPodAutoscaler &hpa)
{
    return QString::fromStdString(hpa.metadata.namespace_) + QLatin1Char('/') + QString::fromStdString(hpa.metadata.name);
}

const kube::api::HorizontalPodAutoscaler *HpaListModel::hpa(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? &m_rows[size_t(row)] : nullptr;
}

int HpaListModel::rowOf(const QString &key) const
{
    return m_index.value(key, -1);
}

void HpaListModel::resetAll(std::vector<kube::api::HorizontalPodAutoscaler> hpas)
{
    beginResetModel();
    m_rows = std::move(hpas);
    rebuildIndex();
    endResetModel();
}

void HpaListModel::upsert(kube::api::HorizontalPodAutoscaler hpa)
{
    const QString key = keyOf(hpa);
    const int row = rowOf(key);
    if (row >= 0) {
        m_rows[size_t(row)] = std::move(hpa);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(std::move(hpa));
    m_index.insert(key, at);
    endInsertRows();
}

void HpaListModel::remove(const QString &key)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    rebuildIndex();
    endRemoveRows();
}

void HpaListModel::clear()
{
    resetAll({});
}

void HpaListModel::rebuildIndex()
{
    m_index.clear();
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_index.insert(keyOf(m_rows[i]), int(i));
}

} // namespace hpascope
