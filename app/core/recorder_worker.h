#pragma once
// The recorder's thread side: the one object that touches the QSqlDatabase connection (a
// connection may only be used on the thread that created it). Recorder, on the GUI thread, talks
// to it through queued signal/slot connections only; blocking ones for the calls whose callers
// need an answer (open, flush, tests' reads), plain queued ones for batches and history loads.
#include "app/core/event_store.h"
#include "app/core/hpa_sample.h"
#include "app/core/push_record.h"
#include "app/core/time_span.h"

#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace hpascope {


// Rows written in one transaction, all tagged with one kubeconfig context.
struct RecorderBatch {
    QString context;
    std::vector<EventRecord> events;
    std::vector<HpaSample> samples;
    std::vector<MetricPushRecord> pushes;
    std::vector<WatchedSpan> watched; // written over the span with the same (ns, from)
    std::vector<ConditionRecord> conditions; // dropped when the HPA's latest row says the same
    std::optional<qint64> pruneBeforeMs; // also delete rows older than this
    int rowCount() const
    {
        return int(events.size() + samples.size() + pushes.size() + watched.size() + conditions.size());
    }
};

struct RecorderWriteResult {
    bool ok = true;
    QString error;
    int pruned = 0;
};

struct RecorderOpenResult {
    bool ok = false;
    QString error;
    QString journalMode;
};

// A read for the synchronous API: one HPA's samples (name set) or one scope's events or pushes.
struct RecorderQuery {
    enum class Kind { Events, Samples, Pushes, Watched, Conditions };
    Kind kind = Kind::Events;
    QString context;
    QString namespaceName; // empty = every namespace (events, pushes)
    QString name;          // samples, conditions: the HPA
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int limit = 0; // events
};

struct RecorderRows {
    std::vector<EventRecord> events;
    std::vector<HpaSample> samples;
    std::vector<MetricPushRecord> pushes;
    std::vector<WatchedSpan> watched;
    std::vector<ConditionRecord> conditions;
};

// What a connection shows at start: the recorded events and the samples of every HPA in scope.
struct HistoryRequest {
    quint64 ticket = 0; // handed back with every result (the session's generation)
    quint64 serial = 0; // Recorder's own count: a newer request cuts an older one short
    QString context;
    QString namespaceName; // empty = every namespace
    qint64 eventsFromMs = 0;
    qint64 samplesFromMs = 0;
    qint64 toMs = 0;
    int eventLimit = 0;
};

using SampleChunk = std::shared_ptr<const std::vector<HpaSample>>;

// Shared between the two sides; everything in it is safe to touch from either thread.
struct RecorderShared {
    std::atomic<int> inFlight{0};               // rows posted to the worker and not committed yet
    std::atomic<quint64> latestHistorySerial{0}; // loads with an older serial stop early
    QMutex probeMutex;
    std::function<void(const QString &sql)> probe; // runs on the thread that executes each statement
};

class RecorderWorker : public QObject {
    Q_OBJECT
public:
    explicit RecorderWorker(std::shared_ptr<RecorderShared> shared);
    ~RecorderWorker() override;

public slots:
    void open(const QString &path, hpascope::RecorderOpenResult *result);
    void close();
    // After open(): builds the indexes an older database lacks, then prunes.
    void maintain(qint64 pruneBeforeMs);
    void write(const hpascope::RecorderBatch &batch); // failures are reported by failed()
    void writeAndReport(const hpascope::RecorderBatch &batch, hpascope::RecorderWriteResult *result);
    void read(const hpascope::RecorderQuery &query, hpascope::RecorderRows *rows);
    void loadHistory(const hpascope::HistoryRequest &request);

signals:
    void failed(const QString &message);
    // First: the watches of the scope (for every namespace: of any namespace) inside the
    // samples' range, oldest first.
    void historyWatched(quint64 ticket, const std::vector<hpascope::WatchedSpan> &spans);
    void historyEvents(quint64 ticket, const std::vector<hpascope::EventRecord> &events);
    // Oldest first per HPA; an HPA's samples are never split across chunks.
    void historySamples(quint64 ticket, const hpascope::SampleChunk &chunk);
    // Always follows a request, also one cut short by a newer request or by close().
    void historyLoaded(quint64 ticket);

private:
    bool commit(const RecorderBatch &batch, RecorderWriteResult *result);
    bool isOpen() const;

    std::shared_ptr<RecorderShared> m_shared;
    QString m_connection; // a dedicated QSqlDatabase connection name, empty while closed
};

} // namespace hpascope
