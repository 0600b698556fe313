#pragma once
// Brings one connection's recorded history into the stores without stalling the GUI thread: the
// recorder loads it on its own thread (one query for the events, one for the samples of every
// HPA in scope) and hands it back by queued signals; the samples are fed to the charts in
// slices of a few ms per event-loop turn, each HPA as soon as its samples are in.
//
// The charts must come out as if history were read synchronously when the HPA list arrived: an
// HPA's recorded samples, then a gap, then its live samples. So while history is loading or
// being fed, the session's feed operations (live samples, gaps) wait in order behind it.
// Between two recorded samples that no recorded watch holds together, the line is broken.
#include "app/core/event_store.h"
#include "app/core/hpa_sample.h"
#include "app/core/recorder_worker.h"
#include "app/core/series_feed.h"
#include "app/core/time_span.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <deque>

namespace hpascope {

class Recorder;

class HistoryLoader : public QObject {
    Q_OBJECT
public:
    // How long one turn of the GUI event loop may spend feeding history: a quarter of a 60 Hz
    // frame (16.7 ms), leaving the rest for input and painting.
    static constexpr std::chrono::microseconds kSliceBudget{4000};
    // Recorded events handed to the event store at once: each batch is one eventsChanged, and
    // 256 take about 1 ms in a debug build (5000, the most a connection loads, took 25 ms).
    static constexpr std::size_t kEventsPerBatch = 256;
    // What a connection shows from the recorder: the charts' longest window (SeriesStore keeps
    // 24 h) and a week of events (the recorder's retention).
    static constexpr std::chrono::hours kSampleWindow{24};
    static constexpr std::chrono::hours kEventWindow{24 * 7};

    HistoryLoader(SeriesFeed *feed, EventStore *events, QObject *parent = nullptr);

    // A new connection (ticket: the session's generation): forgets the previous one and asks
    // the recorder for this one's history. recorder null or closed: there is none.
    void begin(Recorder *recorder, quint64 ticket, const QString &namespaceName, const QDateTime &now);
    // The connection is gone: results still on their way are dropped, queued operations too.
    void cancel();

    // The session's feed operations, in its order. An HPA in a list: its recorded samples go
    // first (once per connection, and only before its first live sample).
    void hpaListed(const QString &hpaKey);
    void add(const HpaSample &sample, const QDateTime &lastScaleTime);
    void gap(const QDateTime &t);

    bool isBusy() const { return m_state != State::Idle || !m_pendingEvents.empty(); } // loading or feeding
    quint64 ticket() const { return m_ticket; }

    // The pre-issue-14 path, kept so bench_recorder can compare in one run: events read at
    // begin(), each HPA's samples read when it is listed, the GUI thread waiting each time.
    void setBlocking(bool blocking) { m_blocking = blocking; }

signals:
    // This connection's history, and everything that queued behind it, is in the stores.
    void applied(quint64 ticket);

private:
    enum class State { Idle, Loading, Feeding };
    struct Op {
        enum class Kind { History, Add, Gap };
        Kind kind;
        QString key;        // History
        HpaSample sample;   // Add
        QDateTime time;     // Add: lastScaleTime; Gap: where
    };
    // One HPA's samples: a slice of a chunk (the recorder never splits an HPA across chunks).
    struct Range {
        SampleChunk chunk;
        std::size_t begin = 0;
        std::size_t end = 0;
    };

    void onWatched(quint64 ticket, const std::vector<WatchedSpan> &spans);
    const std::vector<TimeSpan> &coverage(const QString &namespaceName); // of m_watched, cached
    void onEvents(quint64 ticket, const std::vector<EventRecord> &events);
    void onSamples(quint64 ticket, const SampleChunk &chunk);
    void onLoaded(quint64 ticket);
    void attach(Recorder *recorder);
    void reset();
    void enqueue(Op op);
    void feedSlice();
    void finish();
    // Feeds `key`'s history from m_cursor on; false when the budget ran out first.
    bool feedHistory(const QString &key, const std::chrono::steady_clock::time_point &deadline);
    void feedHistoryBlocking(const QString &key);
    bool feedEvents(const std::chrono::steady_clock::time_point &deadline); // false: budget ran out

    SeriesFeed *m_feed;
    EventStore *m_events;
    QPointer<Recorder> m_recorder;
    quint64 m_ticket = 0;
    State m_state = State::Idle;
    bool m_blocking = false;
    QString m_namespace;
    QDateTime m_now;
    QHash<QString, Range> m_history;
    std::vector<WatchedSpan> m_watched; // when the scope was watched (recorded coverage)
    QHash<QString, std::vector<TimeSpan>> m_coverage; // m_watched per namespace, merged
    QSet<QString> m_started; // HPAs whose history was fed, or that went live first: no more history
    std::vector<EventRecord> m_pendingEvents; // arrived, not in the event store yet
    std::size_t m_eventCursor = 0;
    std::deque<Op> m_ops;
    std::size_t m_cursor = 0; // into the history Range of m_ops.front()
    QTimer m_slice;
};

} // namespace hpascope
