#pragma once
// Local history in SQLite (Qt Sql, QSQLITE, WAL): events, HPA status samples, metric pushes,
// condition changes and when hpascope was watching (so gaps are known),
// so what the API server forgets (events after 1 h) or never stored (status over time) survives
// a restart. All SQL runs on the recorder's own thread (RecorderWorker owns the connection):
// writes are queued on the GUI thread, handed over once per flush tick and committed there in
// one transaction; a connection's history comes back through queued signals (requestHistory).
// The synchronous calls below block their caller until that thread answers: fine for open(),
// shutdown and tests, never for the GUI at connect.
#include "app/core/event_store.h"
#include "app/core/hpa_sample.h"
#include "app/core/recorder_worker.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace hpascope {

class Recorder : public QObject {
    Q_OBJECT
public:
    // Defaults: 500 ms batches (well under the 1 s a person notices, few transactions);
    // 7 days of history.
    static constexpr std::chrono::milliseconds kDefaultFlushInterval{500};
    static constexpr std::chrono::hours kDefaultRetention{24 * 7};
    // The events a connection starts with: the newest 5000 (a week of a busy namespace's
    // rescales; the event list shows no more).
    static constexpr int kHistoryEventLimit = 5000;

    explicit Recorder(QObject *parent = nullptr);
    ~Recorder() override; // flushes, closes and joins the thread

    // <AppDataLocation>/history.sqlite
    static QString defaultPath();
    // Opens (creating) the file and enables WAL; then, on the recorder's thread and before
    // anything queued after open() runs, rows older than the retention are pruned.
    bool open(const QString &path = {}, QString *error = nullptr);
    void close(); // flushes first
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString journalMode() const { return m_journalMode; } // "wal" once open

    void setRetention(std::chrono::seconds retention) { m_retention = retention; }
    void setFlushInterval(std::chrono::milliseconds interval);
    // Rows are tagged with the kubeconfig context so two clusters' "default/web" stay apart.
    void setContext(const QString &context);
    QString context() const { return m_context; }

    // Queued; handed to the recorder's thread on the next flush tick (or flush()).
    void recordEvent(const EventRecord &e);
    void recordEvents(const QList<EventRecord> &events);
    void recordSample(const HpaSample &sample);
    void recordPush(const MetricPushRecord &push);
    // hpascope had a live HPA watch of the namespace ("" = every namespace) from `from` until
    // `to`: called again with the same `from` as the watch goes on (the last call wins). What no
    // span covers is a gap in the history.
    void recordWatched(const QString &namespaceName, const QDateTime &from, const QDateTime &to);
    // Stored only when it differs from the HPA's latest stored condition of its type.
    void recordCondition(const ConditionRecord &condition);
    // Blocking: returns once everything recorded so far is committed.
    bool flush();
    int pendingCount() const; // recorded and not committed yet

    // Blocking: deletes rows older than `cutoff`; returns the number of rows removed.
    int prune(const QDateTime &cutoff);

    // Asynchronous: events whose last occurrence is in [eventsFrom, to] (newest first, at most
    // kHistoryEventLimit) and the samples in [samplesFrom, to] of every HPA of the namespace
    // (empty: of the context), in one query each, answered by historyWatched (when the scope was
    // watched in the samples' range), historyEvents, historySamples
    // (repeatedly) and historyLoaded, all carrying `ticket`. Rows recorded before the call are
    // included. A newer request cuts an older one short (its historyLoaded still comes).
    void requestHistory(quint64 ticket, const QString &namespaceName, const QDateTime &eventsFrom,
                        const QDateTime &samplesFrom, const QDateTime &to);

    // Blocking reads (tests, tools, bench_recorder's old path).
    // Events whose last occurrence is in [from, to], newest first, at most `limit`.
    // namespaceName empty = every namespace of this context.
    std::vector<EventRecord> loadEvents(const QString &namespaceName, const QDateTime &from,
                                        const QDateTime &to, int limit = kHistoryEventLimit) const;
    std::vector<EventRecord> loadEvents(const EventFilter &filter, const QDateTime &from,
                                        const QDateTime &to, int limit = kHistoryEventLimit) const;
    // Oldest first.
    std::vector<HpaSample> loadSamples(const QString &namespaceName, const QString &name,
                                       const QDateTime &from, const QDateTime &to) const;
    std::vector<MetricPushRecord> loadPushes(const QString &namespaceName, const QDateTime &from,
                                             const QDateTime &to) const;
    // When the namespace (one, not empty) was watched in [from, to]: merged, oldest first, not clipped.
    std::vector<TimeSpan> loadWatched(const QString &namespaceName, const QDateTime &from, const QDateTime &to) const;
    // The HPA's condition per type at `from`, then each change up to `to`, oldest first.
    std::vector<ConditionRecord> loadConditions(const QString &namespaceName, const QString &name,
                                                const QDateTime &from, const QDateTime &to) const;

    // Test hook: called with each statement's SQL on the thread that executes it.
    void setStatementProbe(std::function<void(const QString &sql)> probe);

signals:
    void failed(const QString &message);
    void historyWatched(quint64 ticket, const std::vector<hpascope::WatchedSpan> &spans);
    void historyEvents(quint64 ticket, const std::vector<hpascope::EventRecord> &events);
    void historySamples(quint64 ticket, const hpascope::SampleChunk &chunk);
    void historyLoaded(quint64 ticket);

    // To the recorder's thread (connected in the constructor; not for other receivers).
    void openRequested(const QString &path, hpascope::RecorderOpenResult *result, QPrivateSignal);
    void closeRequested(QPrivateSignal);
    void maintainRequested(qint64 pruneBeforeMs, QPrivateSignal);
    void writeRequested(const hpascope::RecorderBatch &batch, QPrivateSignal);
    void writeAndWaitRequested(const hpascope::RecorderBatch &batch, hpascope::RecorderWriteResult *result,
                               QPrivateSignal);
    void readRequested(const hpascope::RecorderQuery &query, hpascope::RecorderRows *rows, QPrivateSignal);
    void historyRequested(const hpascope::HistoryRequest &request, QPrivateSignal);

private:
    void scheduleFlush();
    int queuedCount() const; // recorded, not handed to the thread yet
    void fail(const QString &message);
    RecorderBatch takePending();
    void post(); // hands what is pending to the thread without waiting
    RecorderRows read(RecorderQuery query) const;

    std::shared_ptr<RecorderShared> m_shared = std::make_shared<RecorderShared>();
    QThread m_thread;
    RecorderWorker *m_worker; // lives on m_thread; deleted when it finishes
    bool m_open = false;
    QString m_path;
    QString m_journalMode;
    QString m_context = QStringLiteral(""); // never null: the column is NOT NULL
    std::chrono::seconds m_retention{kDefaultRetention};
    QTimer m_flushTimer;
    QHash<QString, EventRecord> m_pendingEvents; // coalesced by uid
    std::vector<HpaSample> m_pendingSamples;
    std::vector<MetricPushRecord> m_pendingPushes;
    QHash<QPair<QString, qint64>, WatchedSpan> m_pendingWatched; // by (namespace, from)
    std::vector<ConditionRecord> m_pendingConditions;
};

} // namespace hpascope
