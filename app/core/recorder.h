#pragma once
// Local history in SQLite (Qt Sql, QSQLITE, WAL): events, HPA status samples and metric pushes,
// so what the API server forgets (events after 1 h) or never stored (status over time) survives
// a restart. Writes are queued and committed in one transaction per flush tick, so the GUI
// thread never waits on more than one small transaction; WAL lets reads run beside writes.
#include "app/core/event_store.h"
#include "app/core/hpa_sample.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>
#include <vector>

namespace hpascope {

struct MetricPushRecord {
    QDateTime time; // UTC
    QString namespaceName;
    QString object; // "Service/kubernetes", "pods/web-abc", "namespaces/default"
    QString metric;
    QString value;  // the quantity written, e.g. "400m"
    bool ok = true;
    QString error;
    bool operator==(const MetricPushRecord &) const = default;
};

class Recorder : public QObject {
    Q_OBJECT
public:
    // Defaults: 500 ms batches (well under the 1 s a person notices, few transactions);
    // 7 days of history.
    static constexpr std::chrono::milliseconds kDefaultFlushInterval{500};
    static constexpr std::chrono::hours kDefaultRetention{24 * 7};

    explicit Recorder(QObject *parent = nullptr);
    ~Recorder() override; // flushes and closes

    // <AppDataLocation>/history.sqlite
    static QString defaultPath();
    // Opens (creating) the file, enables WAL and prunes rows older than the retention.
    bool open(const QString &path = {}, QString *error = nullptr);
    void close(); // flushes first
    bool isOpen() const;
    QString path() const { return m_path; }
    QString journalMode() const; // "wal" once open

    void setRetention(std::chrono::seconds retention) { m_retention = retention; }
    void setFlushInterval(std::chrono::milliseconds interval);
    // Rows are tagged with the kubeconfig context so two clusters' "default/web" stay apart.
    void setContext(const QString &context);
    QString context() const { return m_context; }

    // Queued; written on the next flush tick (or flush()).
    void recordEvent(const EventRecord &e);
    void recordEvents(const QList<EventRecord> &events);
    void recordSample(const HpaSample &sample);
    void recordPush(const MetricPushRecord &push);
    bool flush();
    int pendingCount() const;

    // Deletes rows older than `cutoff`; returns the number of rows removed.
    int prune(const QDateTime &cutoff);

    // Events whose last occurrence is in [from, to], newest first, at most `limit`.
    // namespaceName empty = every namespace of this context.
    std::vector<EventRecord> loadEvents(const QString &namespaceName, const QDateTime &from,
                                        const QDateTime &to, int limit = 5000) const;
    std::vector<EventRecord> loadEvents(const EventFilter &filter, const QDateTime &from,
                                        const QDateTime &to, int limit = 5000) const;
    // Oldest first.
    std::vector<HpaSample> loadSamples(const QString &namespaceName, const QString &name,
                                       const QDateTime &from, const QDateTime &to) const;
    std::vector<MetricPushRecord> loadPushes(const QString &namespaceName, const QDateTime &from,
                                             const QDateTime &to) const;

signals:
    void failed(const QString &message);

private:
    bool createSchema(QString *error);
    void scheduleFlush();
    void fail(const QString &message);

    QString m_connection; // a dedicated QSqlDatabase connection name
    QString m_path;
    QString m_context = QStringLiteral(""); // never null: the column is NOT NULL
    std::chrono::seconds m_retention{kDefaultRetention};
    QTimer m_flushTimer;
    QHash<QString, EventRecord> m_pendingEvents; // coalesced by uid
    std::vector<HpaSample> m_pendingSamples;
    std::vector<MetricPushRecord> m_pendingPushes;
};

} // namespace hpascope
