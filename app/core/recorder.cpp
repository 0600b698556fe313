#include "app/core/recorder.h"

#include "app/core/private_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcRecorder, "hpascope.recorder")

namespace hpascope {

namespace {

qint64 ms(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

RecorderQuery queryOf(RecorderQuery::Kind kind, const QString &ns, const QString &name, const QDateTime &from,
                      const QDateTime &to, int limit = 0)
{
    RecorderQuery q;
    q.kind = kind;
    q.namespaceName = ns;
    q.name = name;
    q.fromMs = ms(from);
    q.toMs = ms(to);
    q.limit = limit;
    return q;
}

} // namespace

Recorder::Recorder(QObject *parent) : QObject(parent), m_worker(new RecorderWorker(m_shared))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDefaultFlushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &Recorder::post);

    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &Recorder::openRequested, m_worker, &RecorderWorker::open, Qt::BlockingQueuedConnection);
    connect(this, &Recorder::closeRequested, m_worker, &RecorderWorker::close, Qt::BlockingQueuedConnection);
    connect(this, &Recorder::maintainRequested, m_worker, &RecorderWorker::maintain, Qt::QueuedConnection);
    connect(this, &Recorder::writeRequested, m_worker, &RecorderWorker::write, Qt::QueuedConnection);
    connect(this, &Recorder::writeAndWaitRequested, m_worker, &RecorderWorker::writeAndReport,
            Qt::BlockingQueuedConnection);
    connect(this, &Recorder::readRequested, m_worker, &RecorderWorker::read, Qt::BlockingQueuedConnection);
    connect(this, &Recorder::historyRequested, m_worker, &RecorderWorker::loadHistory, Qt::QueuedConnection);
    connect(m_worker, &RecorderWorker::failed, this, &Recorder::fail, Qt::QueuedConnection);
    connect(m_worker, &RecorderWorker::historyWatched, this, &Recorder::historyWatched, Qt::QueuedConnection);
    connect(m_worker, &RecorderWorker::historyEvents, this, &Recorder::historyEvents, Qt::QueuedConnection);
    connect(m_worker, &RecorderWorker::historySamples, this, &Recorder::historySamples, Qt::QueuedConnection);
    connect(m_worker, &RecorderWorker::historyLoaded, this, &Recorder::historyLoaded, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("hpascope-recorder"));
    m_thread.start();
}

Recorder::~Recorder()
{
    close();
    m_thread.quit();
    m_thread.wait();
}

QString Recorder::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

void Recorder::setFlushInterval(std::chrono::milliseconds interval)
{
    m_flushTimer.setInterval(interval);
}

void Recorder::setContext(const QString &context)
{
    post(); // rows already queued belong to the previous context
    m_context = context.isNull() ? QStringLiteral("") : context; // a null QString binds as NULL
}

void Recorder::setStatementProbe(std::function<void(const QString &)> probe)
{
    QMutexLocker lock(&m_shared->probeMutex);
    m_shared->probe = std::move(probe);
}

void Recorder::fail(const QString &message)
{
    qCWarning(lcRecorder) << message;
    emit failed(message);
}

bool Recorder::open(const QString &path, QString *error)
{
    close();
    m_path = path.isEmpty() ? defaultPath() : path;
    RecorderOpenResult result;
    if (const QString why = makeUserOnly(m_path); !why.isEmpty())
        result.error = tr("cannot create %1: %2").arg(m_path, why);
    else
        emit openRequested(m_path, &result, QPrivateSignal());
    if (!result.ok) {
        const QString err = tr("History database %1: %2").arg(m_path, result.error);
        if (error)
            *error = err;
        fail(err);
        return false;
    }
    m_open = true;
    m_journalMode = result.journalMode;
    emit maintainRequested(ms(QDateTime::currentDateTimeUtc().addSecs(-m_retention.count())), QPrivateSignal());
    return true;
}

void Recorder::close()
{
    // A history load still running stops at its next chunk.
    ++m_shared->latestHistorySerial;
    if (!m_open)
        return;
    flush();
    m_flushTimer.stop();
    emit closeRequested(QPrivateSignal());
    m_open = false;
    m_journalMode.clear();
}

void Recorder::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

int Recorder::queuedCount() const
{
    return int(m_pendingEvents.size() + m_pendingSamples.size() + m_pendingPushes.size() + m_pendingWatched.size()
               + m_pendingConditions.size());
}

int Recorder::pendingCount() const
{
    return queuedCount() + m_shared->inFlight;
}

void Recorder::recordEvent(const EventRecord &e)
{
    if (e.uid.isEmpty())
        return;
    m_pendingEvents.insert(e.uid, e); // the store hands out merged records: the latest wins
    scheduleFlush();
}

void Recorder::recordEvents(const QList<EventRecord> &events)
{
    for (const auto &e : events)
        recordEvent(e);
}

void Recorder::recordSample(const HpaSample &sample)
{
    m_pendingSamples.push_back(sample);
    scheduleFlush();
}

void Recorder::recordPush(const MetricPushRecord &push)
{
    m_pendingPushes.push_back(push);
    scheduleFlush();
}

void Recorder::recordWatched(const QString &namespaceName, const QDateTime &from, const QDateTime &to)
{
    const QString ns = namespaceName.isNull() ? QStringLiteral("") : namespaceName;
    m_pendingWatched.insert({ns, ms(from)}, WatchedSpan{ns, from, to}); // the longest one wins
    scheduleFlush();
}

void Recorder::recordCondition(const ConditionRecord &condition)
{
    m_pendingConditions.push_back(condition);
    scheduleFlush();
}

RecorderBatch Recorder::takePending()
{
    RecorderBatch batch;
    batch.context = m_context;
    batch.events.reserve(std::size_t(m_pendingEvents.size()));
    for (auto &e : m_pendingEvents)
        batch.events.push_back(std::move(e));
    batch.samples = std::move(m_pendingSamples);
    batch.pushes = std::move(m_pendingPushes);
    for (auto &w : m_pendingWatched)
        batch.watched.push_back(std::move(w));
    batch.conditions = std::move(m_pendingConditions);
    m_pendingWatched.clear();
    m_pendingConditions.clear();
    m_pendingEvents.clear();
    m_pendingSamples.clear();
    m_pendingPushes.clear();
    m_shared->inFlight += batch.rowCount();
    return batch;
}

void Recorder::post()
{
    m_flushTimer.stop();
    if (!m_open || queuedCount() == 0)
        return; // nothing to hand over, or nowhere to write it (kept, as flush() reports)
    emit writeRequested(takePending(), QPrivateSignal());
}

bool Recorder::flush()
{
    m_flushTimer.stop();
    if (!m_open)
        return pendingCount() == 0;
    // Behind every batch posted before it: when it returns, all of them are committed.
    RecorderWriteResult result;
    emit writeAndWaitRequested(takePending(), &result, QPrivateSignal());
    if (!result.ok)
        fail(result.error);
    return result.ok;
}

int Recorder::prune(const QDateTime &cutoff)
{
    if (!m_open)
        return 0;
    RecorderBatch batch;
    batch.pruneBeforeMs = ms(cutoff);
    RecorderWriteResult result;
    emit writeAndWaitRequested(batch, &result, QPrivateSignal());
    if (!result.ok)
        fail(result.error);
    return result.pruned;
}

void Recorder::requestHistory(quint64 ticket, const QString &namespaceName, const QDateTime &eventsFrom,
                              const QDateTime &samplesFrom, const QDateTime &to)
{
    post();
    HistoryRequest request;
    request.ticket = ticket;
    request.serial = ++m_shared->latestHistorySerial;
    request.context = m_context;
    request.namespaceName = namespaceName;
    request.eventsFromMs = ms(eventsFrom);
    request.samplesFromMs = ms(samplesFrom);
    request.toMs = ms(to);
    request.eventLimit = kHistoryEventLimit;
    emit historyRequested(request, QPrivateSignal());
}

RecorderRows Recorder::read(RecorderQuery query) const
{
    RecorderRows rows;
    if (!m_open)
        return rows;
    query.context = m_context;
    // The reads are const to callers; the request signal is not.
    emit const_cast<Recorder *>(this)->readRequested(query, &rows, QPrivateSignal());
    return rows;
}

std::vector<EventRecord> Recorder::loadEvents(const QString &namespaceName, const QDateTime &from,
                                              const QDateTime &to, int limit) const
{
    return read(queryOf(RecorderQuery::Kind::Events, namespaceName, {}, from, to, limit)).events;
}

std::vector<EventRecord> Recorder::loadEvents(const EventFilter &filter, const QDateTime &from,
                                              const QDateTime &to, int limit) const
{
    // The prefix rules (ReplicaSets, Pods) live in EventFilter; SQL narrows by namespace.
    std::vector<EventRecord> out;
    for (auto &e : loadEvents(filter.namespaceName, from, to, limit))
        if (filter.matches(e))
            out.push_back(std::move(e));
    return out;
}

std::vector<HpaSample> Recorder::loadSamples(const QString &namespaceName, const QString &name,
                                             const QDateTime &from, const QDateTime &to) const
{
    return read(queryOf(RecorderQuery::Kind::Samples, namespaceName, name, from, to)).samples;
}

std::vector<MetricPushRecord> Recorder::loadPushes(const QString &namespaceName, const QDateTime &from,
                                                   const QDateTime &to) const
{
    return read(queryOf(RecorderQuery::Kind::Pushes, namespaceName, {}, from, to)).pushes;
}

} // namespace hpascope

namespace hpascope {

std::vector<TimeSpan> Recorder::loadWatched(const QString &namespaceName, const QDateTime &from,
                                            const QDateTime &to) const
{
    return coverageOf(read(queryOf(RecorderQuery::Kind::Watched, namespaceName, {}, from, to)).watched, namespaceName);
}

std::vector<ConditionRecord> Recorder::loadConditions(const QString &namespaceName, const QString &name,
                                                      const QDateTime &from, const QDateTime &to) const
{
    return read(queryOf(RecorderQuery::Kind::Conditions, namespaceName, name, from, to)).conditions;
}

} // namespace hpascope
