#pragma once
// Kubernetes Events for one scope (a namespace or all), fed by ONE core/v1 event watch (never
// one per object: the API server allows 100 streams per connection), kept by uid.
//
// Events outlive the API server's copy: the server deletes them after --event-ttl (1 h by
// default), which arrives here as a DELETED watch event or as an event missing from a relist.
// Both only mark the record `expired`; history is what the recorder persists and reloads.
#include "kube/api/event.h"
#include "kube/api/hpa.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace kube::http { class Client; }
namespace kube::watch { class Reflector; enum class EventType; }

namespace hpascope {

struct EventRecord {
    QString uid;
    QString namespaceName; // the Event object's namespace
    QString name;          // the Event object's name
    QString involvedKind;
    QString involvedName;
    QString involvedNamespace;
    QString type; // "Normal", "Warning"
    QString reason;
    QString message;
    QString source; // reporting controller / component
    int count = 1;
    QDateTime firstTimestamp; // UTC; may be invalid
    QDateTime lastTimestamp;  // UTC; eventTime when the event has no lastTimestamp
    bool expired = false;     // gone from the API server; kept from our own history

    bool isWarning() const { return type == QLatin1String("Warning"); }
    // What "newest first" orders by: lastTimestamp, else firstTimestamp.
    QDateTime when() const { return lastTimestamp.isValid() ? lastTimestamp : firstTimestamp; }
    QString objectText() const { return involvedKind + QLatin1Char('/') + involvedName; }

    bool operator==(const EventRecord &) const = default;
};

EventRecord toEventRecord(const kube::api::Event &e);

// Merges a later observation of the same Event (same uid) into `into`: count and lastTimestamp
// never move backwards (a relist may replay an older copy), firstTimestamp keeps the earliest,
// text fields follow the newest observation. Returns true when anything changed.
bool mergeEventRecord(EventRecord &into, const EventRecord &later);

// Newest first; ties broken by uid so the order is total.
bool newerFirst(const EventRecord &a, const EventRecord &b);

// Which events belong to one HPA: the HPA itself, its scale target, and for a Deployment its
// ReplicaSets ("<deployment>-<hash>") and Pods ("<deployment>-<hash>-<suffix>"); for other
// targets (StatefulSet, ...) Pods named "<target>-<suffix>".
struct EventFilter {
    QString namespaceName;
    QString hpaName;
    QString targetKind;
    QString targetName;

    static EventFilter forHpa(const kube::api::HorizontalPodAutoscalerSpec &spec,
                              const QString &namespaceName, const QString &hpaName);
    bool isEmpty() const { return hpaName.isEmpty() && targetName.isEmpty(); }
    bool matches(const EventRecord &e) const;
    bool operator==(const EventFilter &) const = default;
};

class EventStore : public QObject {
    Q_OBJECT
public:
    explicit EventStore(QObject *parent = nullptr);
    ~EventStore() override; // stops the watch

    // One watch on /api/v1/[namespaces/{ns}/]events; namespaceName empty = all namespaces.
    // Keeps the records it already has (history), marking those not listed as expired.
    void start(std::shared_ptr<kube::http::Client> client, const QString &namespaceName);
    // After return no network callback reaches this object; queued ones are dropped by generation.
    void stop();
    bool isRunning() const { return m_reflector != nullptr; }

    // GUI-thread entry points; start() feeds them from the watch, tests call them directly.
    // A (re)list: upserts every listed event and marks the known ones missing from it expired.
    void applySynced(const std::vector<EventRecord> &listed);
    void applyWatchEvent(kube::watch::EventType type, const EventRecord &e);
    // Records from the recorder: only uids not known yet are added (the live copy wins). After
    // a list, a uid the list did not have is gone from the API server: it is added as expired.
    void addHistory(const std::vector<EventRecord> &history);
    void clear();

    const EventRecord *find(const QString &uid) const;
    std::vector<EventRecord> events() const; // unordered copy
    template <typename F> void forEach(F &&f) const
    {
        for (const auto &e : m_events)
            f(e);
    }
    int size() const { return int(m_events.size()); }
    quint64 generation() const { return m_generation; }
    bool isLive() const { return m_live; }
    QString statusText() const { return m_statusText; } // why events are unavailable, else empty

signals:
    // New or changed records (count, lastTimestamp, expired, ...), in one batch per update.
    void eventsChanged(const QList<hpascope::EventRecord> &changed);
    void cleared();
    void statusChanged(bool live, const QString &text);

private:
    bool upsert(const EventRecord &e, QList<EventRecord> &changed);
    void setStatus(bool live, const QString &text);

    QHash<QString, EventRecord> m_events;
    std::unique_ptr<kube::watch::Reflector> m_reflector;
    quint64 m_generation = 0;
    bool m_live = false;
    bool m_listed = false; // applySynced() ran since start(): history arriving now is expired
    QString m_statusText;
};

} // namespace hpascope

Q_DECLARE_METATYPE(hpascope::EventRecord)
