#pragma once
// The event list of one HPA: an EventModel in a table, Warning rows in a warning colour, events
// kept from local history (expired on the API server) in italics, ages refreshed on a timer.
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QTableView;

namespace hpascope {

class EventModel;
class EventStore;
class EventColorProxy;

class EventListView : public QWidget {
    Q_OBJECT
public:
    explicit EventListView(QWidget *parent = nullptr);

    // Neither is owned. The store, when given, supplies "events unavailable: ..." texts.
    void setModel(EventModel *model, EventStore *store = nullptr);
    QTableView *table() const { return m_table; }
    QString statusText() const;
    // Ages in the Age column move with time; tests switch the timer off.
    void setAgeRefresh(bool on);

private:
    void updateStatus();
    void copySelection();

    QPointer<EventModel> m_model;
    QPointer<EventStore> m_store;
    EventColorProxy *m_proxy;
    QTableView *m_table;
    QLabel *m_status;
    QTimer m_ageTimer;
};

} // namespace hpascope
