#pragma once
// The events of one HPA (the HPA, its scale target and the target's ReplicaSets/Pods), newest
// first, from an EventStore. Qt Core only: Warning rows are flagged by WarningRole, and the view
// colours them (QColor lives in Qt Gui).
#include "app/core/event_store.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <functional>
#include <vector>

namespace hpascope {

class EventModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Age, Type, Reason, Object, Message, Count, ColumnCount };
    enum Role {
        UidRole = Qt::UserRole + 1,
        WarningRole,   // bool
        ExpiredRole,   // bool: kept from history, no longer on the API server
        TimestampRole, // QDateTime (UTC) of the last occurrence
    };

    explicit EventModel(EventStore *store, QObject *parent = nullptr);

    void setFilter(const EventFilter &filter);
    const EventFilter &filter() const { return m_filter; }
    // The clock used for the Age column (tests pin it).
    void setClock(std::function<QDateTime()> now);
    // Ages move with time: the view calls this on a timer.
    void refreshAges();

    const EventRecord *record(int row) const;
    int expiredCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // kubectl's short age style: "45s", "3m12s", "95m", "5h3m", "30h", "3d".
    static QString ageText(const QDateTime &then, const QDateTime &now);

private:
    void rebuild();
    void onEventsChanged(const QList<EventRecord> &changed);
    void applyOne(const EventRecord &e);
    int rowOfUid(const QString &uid) const;

    QPointer<EventStore> m_store;
    EventFilter m_filter;
    std::vector<EventRecord> m_rows; // sorted by newerFirst
    std::function<QDateTime()> m_now;
};

} // namespace hpascope
