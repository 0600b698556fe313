#include "app/core/event_model.h"
#include "app/core/hpa_format.h"

#include <algorithm>

namespace hpascope {

namespace {

// Above this many changes in one batch (a relist, a history load) a reset is cheaper for the
// view than row-by-row inserts.
constexpr int kResetThreshold = 64;

} // namespace

EventModel::EventModel(EventStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    if (m_store) {
        connect(m_store, &EventStore::eventsChanged, this, &EventModel::onEventsChanged);
        connect(m_store, &EventStore::cleared, this, &EventModel::rebuild);
    }
}

void EventModel::setFilter(const EventFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
}

void EventModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    refreshAges();
}

void EventModel::refreshAges()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

const EventRecord *EventModel::record(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[std::size_t(row)] : nullptr;
}

int EventModel::expiredCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const EventRecord &e) { return e.expired; }));
}

void EventModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_store && !m_filter.isEmpty()) {
        m_store->forEach([this](const EventRecord &e) {
            if (m_filter.matches(e))
                m_rows.push_back(e);
        });
        std::sort(m_rows.begin(), m_rows.end(), newerFirst);
    }
    endResetModel();
}

void EventModel::onEventsChanged(const QList<EventRecord> &changed)
{
    if (m_filter.isEmpty())
        return;
    if (changed.size() > kResetThreshold) {
        rebuild();
        return;
    }
    for (const auto &e : changed)
        applyOne(e);
}

int EventModel::rowOfUid(const QString &uid) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].uid == uid)
            return int(i);
    return -1;
}

void EventModel::applyOne(const EventRecord &e)
{
    const int old = rowOfUid(e.uid);
    const bool wanted = m_filter.matches(e);
    if (old < 0 && !wanted)
        return;
    if (old >= 0 && !wanted) {
        beginRemoveRows({}, old, old);
        m_rows.erase(m_rows.begin() + old);
        endRemoveRows();
        return;
    }
    if (old < 0) {
        const auto pos = std::lower_bound(m_rows.begin(), m_rows.end(), e, newerFirst);
        const int row = int(pos - m_rows.begin());
        beginInsertRows({}, row, row);
        m_rows.insert(pos, e);
        endInsertRows();
        return;
    }
    // Where the record goes among the others (indices without the old row).
    const auto before = std::lower_bound(m_rows.begin(), m_rows.begin() + old, e, newerFirst);
    int target = int(before - m_rows.begin());
    if (target == old) {
        const auto after = std::lower_bound(m_rows.begin() + old + 1, m_rows.end(), e, newerFirst);
        target = int(after - m_rows.begin()) - 1;
    }
    if (target != old) {
        beginMoveRows({}, old, old, {}, target > old ? target + 1 : target);
        EventRecord moving = std::move(m_rows[std::size_t(old)]);
        m_rows.erase(m_rows.begin() + old);
        m_rows.insert(m_rows.begin() + target, std::move(moving));
        endMoveRows();
    }
    m_rows[std::size_t(target)] = e;
    emit dataChanged(index(target, 0), index(target, ColumnCount - 1));
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventModel::ageText(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return QStringLiteral("<unknown>");
    const qint64 s = std::max<qint64>(0, then.secsTo(now));
    // Thresholds as in k8s.io/apimachinery/pkg/util/duration HumanDuration.
    if (s < 120)
        return QStringLiteral("%1s").arg(s);
    const qint64 m = s / 60;
    if (m < 10)
        return s % 60 ? QStringLiteral("%1m%2s").arg(m).arg(s % 60) : QStringLiteral("%1m").arg(m);
    if (m < 180)
        return QStringLiteral("%1m").arg(m);
    const qint64 h = s / 3600;
    if (h < 8)
        return m % 60 ? QStringLiteral("%1h%2m").arg(h).arg(m % 60) : QStringLiteral("%1h").arg(h);
    if (h < 48)
        return QStringLiteral("%1h").arg(h);
    const qint64 d = h / 24;
    if (h < 24 * 8)
        return h % 24 ? QStringLiteral("%1d%2h").arg(d).arg(h % 24) : QStringLiteral("%1d").arg(d);
    return QStringLiteral("%1d").arg(d);
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    const EventRecord *e = index.isValid() ? record(index.row()) : nullptr;
    if (!e || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Age:
            return ageText(e->when(), m_now());
        case Type:
            return e->type;
        case Reason:
            return e->reason;
        case Object:
            return e->objectText();
        case Message:
            return e->message;
        case Count:
            return e->count;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = tr("Last seen %1").arg(format::dateTime(e->when()));
        if (e->firstTimestamp.isValid() && e->count > 1)
            tip += QLatin1Char('\n') + tr("First seen %1 (%n times)", nullptr, e->count)
                                           .arg(format::dateTime(e->firstTimestamp));
        if (e->expired)
            tip += QLatin1Char('\n') + tr("Expired on the API server; kept from local history.");
        if (index.column() == Message)
            tip = e->message + QStringLiteral("\n\n") + tip;
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Count)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        break;
    case UidRole:
        return e->uid;
    case WarningRole:
        return e->isWarning();
    case ExpiredRole:
        return e->expired;
    case TimestampRole:
        return e->when();
    default:
        break;
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Age:
        return tr("Age");
    case Type:
        return tr("Type");
    case Reason:
        return tr("Reason");
    case Object:
        return tr("Object");
    case Message:
        return tr("Message");
    case Count:
        return tr("Count");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace hpascope
