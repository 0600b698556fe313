#include "app/core/hpa_detail_conditions.h"

#include "app/core/event_model.h"
#include "app/core/hpa_format.h"

namespace hpascope {

HpaConditionsModel::HpaConditionsModel(QObject *parent) : QAbstractTableModel(parent) {}

void HpaConditionsModel::setConditions(std::vector<kube::api::Condition> conditions, const QDateTime &now)
{
    m_now = now;
    bool sameTypes = conditions.size() == m_rows.size();
    for (std::size_t i = 0; sameTypes && i < conditions.size(); ++i)
        sameTypes = conditions[i].type == m_rows[i].type;
    if (!sameTypes) {
        beginResetModel();
        m_rows = std::move(conditions);
        endResetModel();
        return;
    }
    m_rows = std::move(conditions); // the usual update: same three conditions, new values
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void HpaConditionsModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.empty())
        emit dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole, Qt::ToolTipRole});
}

int HpaConditionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HpaConditionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HpaConditionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const kube::api::Condition &c = m_rows[std::size_t(index.row())];
    const QDateTime since = c.lastTransitionTime ? format::toQDateTime(*c.lastTransitionTime) : QDateTime();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Type:
            return QString::fromStdString(c.type);
        case Status:
            return QString::fromStdString(c.status);
        case Reason:
            return QString::fromStdString(c.reason);
        case Message:
            return QString::fromStdString(c.message);
        case Age:
            return since.isValid() ? EventModel::ageText(since, m_now) : QString();
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Message)
            return QString::fromStdString(c.message);
        if (index.column() == Age && since.isValid())
            return tr("Last transition %1").arg(format::dateTime(since));
        break;
    case IsTrueRole:
        return c.status == "True";
    case TransitionTimeRole:
        return since;
    default:
        break;
    }
    return {};
}

QVariant HpaConditionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Type:
        return tr("Condition");
    case Status:
        return tr("Status");
    case Reason:
        return tr("Reason");
    case Message:
        return tr("Message");
    case Age:
        return tr("Since");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hpascope
