#include "app/core/recorder_worker.h"

#include "app/core/recorder.h"
#include "app/core/recorder_tables.h"

#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <array>
#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcRecorder)

namespace hpascope {

using namespace recorder_sql;

namespace {

std::atomic<int> g_connectionCounter{0};

// Samples handed to the GUI thread per signal: one HPA's day at the 15 s controller sync period
// is 5760, so a chunk holds a few HPAs' typical history and the GUI takes it in well under a ms.
constexpr std::size_t kSamplesPerChunk = 4096;

QVariant optionalNumber(const std::optional<double> &d)
{
    return d && std::isfinite(*d) ? QVariant(*d) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> toOptional(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS events(uid TEXT PRIMARY KEY, cluster TEXT NOT NULL, ns TEXT, "
    "name TEXT, kind TEXT, obj_name TEXT, obj_ns TEXT, type TEXT, reason TEXT, message TEXT, "
    "source TEXT, count INTEGER, first_ms INTEGER, last_ms INTEGER, expired INTEGER)",
    "CREATE INDEX IF NOT EXISTS events_by_scope ON events(cluster, obj_ns, last_ms)",
    "CREATE TABLE IF NOT EXISTS samples(id INTEGER PRIMARY KEY, cluster TEXT NOT NULL, ns TEXT, "
    "name TEXT, t_ms INTEGER, current INTEGER, desired INTEGER, min INTEGER, max INTEGER)",
    "CREATE INDEX IF NOT EXISTS samples_by_hpa ON samples(cluster, ns, name, t_ms)",
    "CREATE INDEX IF NOT EXISTS samples_by_time ON samples(t_ms)",
    "CREATE TABLE IF NOT EXISTS sample_metrics(sample_id INTEGER NOT NULL, idx INTEGER NOT NULL, "
    "identity TEXT, name TEXT, current REAL, current_text TEXT, target REAL, target_text TEXT, "
    "PRIMARY KEY(sample_id, idx))",
    "CREATE TABLE IF NOT EXISTS pushes(id INTEGER PRIMARY KEY, cluster TEXT NOT NULL, t_ms INTEGER, "
    "ns TEXT, object TEXT, metric TEXT, value TEXT, ok INTEGER, error TEXT)",
    "CREATE INDEX IF NOT EXISTS pushes_by_scope ON pushes(cluster, ns, t_ms)",
    // When hpascope had a live HPA watch of a namespace (ns '' = every namespace): whatever lies
    // outside these spans was not seen, and the charts and reports say so.
    "CREATE TABLE IF NOT EXISTS watched(cluster TEXT NOT NULL, ns TEXT NOT NULL, from_ms INTEGER NOT NULL, "
    "to_ms INTEGER NOT NULL, PRIMARY KEY(cluster, ns, from_ms))",
    // An HPA condition each time its status, reason or message changed.
    "CREATE TABLE IF NOT EXISTS conditions(id INTEGER PRIMARY KEY, cluster TEXT NOT NULL, ns TEXT, name TEXT, "
    "t_ms INTEGER, type TEXT, status TEXT, reason TEXT, message TEXT, since_ms INTEGER)",
    "CREATE INDEX IF NOT EXISTS conditions_by_hpa ON conditions(cluster, ns, name, type, t_ms)",
};

// Indexes a database written by an earlier hpascope lacks. Building one over a week of history
// (a million events) takes seconds, so maintain() builds them after open(), not inside it.
const char *const kLateIndexes[] = {
    // A connection to every namespace reads the newest events of the whole context: without
    // it SQLite sorts every event of the week for the newest 5000.
    "CREATE INDEX IF NOT EXISTS events_by_time ON events(cluster, last_ms)",
};

EventRecord eventFrom(const QSqlQuery &q)
{
    EventRecord e;
    e.uid = q.value(0).toString();
    e.namespaceName = q.value(1).toString();
    e.name = q.value(2).toString();
    e.involvedKind = q.value(3).toString();
    e.involvedName = q.value(4).toString();
    e.involvedNamespace = q.value(5).toString();
    e.type = q.value(6).toString();
    e.reason = q.value(7).toString();
    e.message = q.value(8).toString();
    e.source = q.value(9).toString();
    e.count = q.value(10).toInt();
    e.firstTimestamp = fromMs(q.value(11));
    e.lastTimestamp = fromMs(q.value(12));
    e.expired = q.value(13).toBool();
    return e;
}

std::vector<EventRecord> selectEvents(Statements &st, const QString &context, const QString &ns, qint64 from,
                                      qint64 to, int limit)
{
    std::vector<EventRecord> out;
    QSqlQuery &q = st.query();
    q.setForwardOnly(true);
    // Two statements rather than "(? = '' OR obj_ns = ?)", which keeps SQLite from using either
    // index (events_by_scope for one namespace, events_by_time for all).
    QVariantList values{context};
    if (!ns.isEmpty())
        values << ns;
    values << from << to << limit;
    st.prepare(QStringLiteral("SELECT uid, ns, name, kind, obj_name, obj_ns, type, reason, message, source, count, "
                              "first_ms, last_ms, expired FROM events WHERE cluster = ? ")
               + (ns.isEmpty() ? QString() : QStringLiteral("AND obj_ns = ? "))
               + QStringLiteral("AND last_ms BETWEEN ? AND ? ORDER BY last_ms DESC, uid LIMIT ?"));
    if (!st.exec(values)) {
        qCWarning(lcRecorder) << "loading events:" << st.error();
        return out;
    }
    while (q.next())
        out.push_back(eventFrom(q));
    return out;
}

// A text column that mostly repeats from row to row (an HPA's name, a metric's identity): read
// as bytes, so SQLite does not convert it to UTF-16 for every row, and decoded only when it
// differs from the row before, whose string is shared otherwise.
class RepeatedText {
public:
    const QString &operator()(const QVariant &value)
    {
        QByteArray bytes = value.toByteArray();
        if (!m_read || bytes != m_bytes) {
            m_text = QString::fromUtf8(bytes);
            m_bytes = std::move(bytes);
            m_read = true;
        }
        return m_text;
    }

private:
    QByteArray m_bytes;
    QString m_text;
    bool m_read = false;
};

// Samples oldest first per HPA, HPAs in (namespace, name) order. One HPA when name is set, else
// every HPA of the namespace (or of the context, ns empty) in one statement. `emitHpa` gets each
// HPA's samples whole; it returns false to stop early.
template <typename EmitHpa>
bool selectSamples(Statements &st, const QString &context, const QString &ns, const QString &name, qint64 from,
                   qint64 to, EmitHpa &&emitHpa)
{
    QString where = QStringLiteral("s.cluster = ?");
    QVariantList values{context};
    if (!ns.isEmpty() || !name.isEmpty()) {
        where += QStringLiteral(" AND s.ns = ?");
        values << nonNull(ns);
    }
    if (!name.isEmpty()) {
        where += QStringLiteral(" AND s.name = ?");
        values << name;
    }
    values << from << to;
    QSqlQuery &q = st.query();
    q.setForwardOnly(true);
    // samples_by_hpa delivers (ns, name, t_ms, id) in index order: no sort for the whole scope.
    // One HPA's namespace and name are known: not read again for every sample.
    const bool one = !name.isEmpty();
    st.prepare(QStringLiteral("SELECT s.id, ") + (one ? QString() : QStringLiteral("CAST(s.ns AS BLOB), CAST(s.name AS BLOB), "))
               + QStringLiteral("s.t_ms, s.current, s.desired, s.min, s.max, m.idx, CAST(m.identity AS BLOB), "
                                "CAST(m.name AS BLOB), m.current, CAST(m.current_text AS BLOB), m.target, "
                                "CAST(m.target_text AS BLOB) FROM samples s "
                                "LEFT JOIN sample_metrics m ON m.sample_id = s.id WHERE ")
               + where
               + QStringLiteral(" AND s.t_ms BETWEEN ? AND ? ORDER BY s.ns, s.name, s.t_ms, s.id, m.idx"));
    if (!st.exec(values)) {
        qCWarning(lcRecorder) << "loading samples:" << st.error();
        return true;
    }
    const int c = one ? 1 : 3; // the first column after the id (and the namespace and name)
    RepeatedText nsText, nameText;
    std::vector<std::array<RepeatedText, 4>> metricTexts; // by the metric's index in the sample
    std::vector<HpaSample> hpa;
    qint64 lastId = -1;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (id != lastId) {
            HpaSample s;
            s.namespaceName = one ? nonNull(ns) : nsText(q.value(1));
            s.name = one ? name : nameText(q.value(2));
            if (!hpa.empty() && (hpa.back().name != s.name || hpa.back().namespaceName != s.namespaceName)) {
                if (!emitHpa(std::move(hpa)))
                    return false;
                hpa.clear();
            }
            s.time = fromMs(q.value(c));
            s.currentReplicas = q.value(c + 1).toInt();
            s.desiredReplicas = q.value(c + 2).toInt();
            s.minReplicas = q.value(c + 3).toInt();
            s.maxReplicas = q.value(c + 4).toInt();
            hpa.push_back(std::move(s));
            lastId = id;
        }
        const QVariant idx = q.value(c + 5);
        if (idx.isNull())
            continue; // a sample without metrics
        const auto i = std::size_t(std::max(0, idx.toInt()));
        if (i >= metricTexts.size())
            metricTexts.resize(i + 1);
        auto &texts = metricTexts[i];
        hpa.back().metrics.push_back({texts[0](q.value(c + 6)), texts[1](q.value(c + 7)), toOptional(q.value(c + 8)),
                                      texts[2](q.value(c + 9)), toOptional(q.value(c + 10)), texts[3](q.value(c + 11))});
    }
    return hpa.empty() || emitHpa(std::move(hpa));
}

std::vector<MetricPushRecord> selectPushes(Statements &st, const QString &context, const QString &ns, qint64 from,
                                           qint64 to)
{
    std::vector<MetricPushRecord> out;
    QSqlQuery &q = st.query();
    q.setForwardOnly(true);
    st.prepare(QStringLiteral("SELECT t_ms, ns, object, metric, value, ok, error FROM pushes WHERE cluster = ? "
                              "AND (? = '' OR ns = ?) AND t_ms BETWEEN ? AND ? ORDER BY t_ms, id"));
    if (!st.exec({context, nonNull(ns), nonNull(ns), from, to})) {
        qCWarning(lcRecorder) << "loading pushes:" << st.error();
        return out;
    }
    while (q.next())
        out.push_back({fromMs(q.value(0)), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), q.value(5).toBool(), q.value(6).toString()});
    return out;
}

} // namespace

RecorderWorker::RecorderWorker(std::shared_ptr<RecorderShared> shared) : m_shared(std::move(shared)) {}

RecorderWorker::~RecorderWorker()
{
    close();
}

bool RecorderWorker::isOpen() const
{
    return !m_connection.isEmpty() && QSqlDatabase::database(m_connection, false).isOpen();
}

void RecorderWorker::open(const QString &path, RecorderOpenResult *result)
{
    close();
    m_connection = QStringLiteral("hpascope-recorder-%1").arg(++g_connectionCounter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open())
            result->error = db.lastError().text();
    } // released before close() removes the connection
    if (!result->error.isEmpty()) {
        close();
        return;
    }
    {
        Statements st(m_connection, *m_shared);
        // WAL: readers never wait for the writer; NORMAL sync is durable across application
        // crashes (a power loss may drop the last transaction, which is acceptable for history).
        bool ok = st.run(QStringLiteral("PRAGMA journal_mode=WAL")) && st.run(QStringLiteral("PRAGMA synchronous=NORMAL"));
        for (const char *stmt : kSchema)
            ok = ok && st.run(QString::fromLatin1(stmt));
        if (ok && st.run(QStringLiteral("PRAGMA journal_mode")) && st.query().next())
            result->journalMode = st.query().value(0).toString().toLower();
        if (!ok)
            result->error = st.error();
    }
    if (!result->error.isEmpty()) {
        close();
        return;
    }
    result->ok = true;
}

void RecorderWorker::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

void RecorderWorker::maintain(qint64 pruneBeforeMs)
{
    if (!isOpen())
        return;
    {
        Statements st(m_connection, *m_shared);
        for (const char *sql : kLateIndexes)
            if (!st.run(QString::fromLatin1(sql)))
                emit failed(Recorder::tr("History database: %1").arg(st.error()));
    }
    RecorderBatch prune;
    prune.pruneBeforeMs = pruneBeforeMs;
    write(prune);
}

void RecorderWorker::write(const RecorderBatch &batch)
{
    RecorderWriteResult result;
    if (!commit(batch, &result))
        emit failed(result.error);
}

void RecorderWorker::writeAndReport(const RecorderBatch &batch, RecorderWriteResult *result)
{
    commit(batch, result);
}

bool RecorderWorker::commit(const RecorderBatch &batch, RecorderWriteResult *result)
{
    const int rows = batch.rowCount();
    // Counted down whatever happens: retrying a batch the database refused would fail on every tick.
    const auto done = qScopeGuard([&] { m_shared->inFlight -= rows; });
    if (!isOpen()) {
        result->ok = rows == 0 && !batch.pruneBeforeMs;
        if (!result->ok)
            result->error = Recorder::tr("History database: %1").arg(Recorder::tr("not open"));
        return result->ok;
    }
    if (rows == 0 && !batch.pruneBeforeMs)
        return true; // a flush() with nothing new: it only had to wait for the batches before it
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        result->ok = false;
        result->error = Recorder::tr("History database: %1").arg(db.lastError().text());
        return false;
    }
    Statements st(m_connection, *m_shared);
    Statements metrics(m_connection, *m_shared);
    bool ok = true;
    if (!batch.events.empty()) {
        ok = st.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO events(uid, cluster, ns, name, kind, obj_name, obj_ns, type, reason, "
            "message, source, count, first_ms, last_ms, expired) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        for (std::size_t i = 0; ok && i < batch.events.size(); ++i) {
            const EventRecord &e = batch.events[i];
            ok = st.exec({e.uid, batch.context, e.namespaceName, e.name, e.involvedKind, e.involvedName,
                          e.involvedNamespace, e.type, e.reason, e.message, e.source, e.count,
                          ms(e.firstTimestamp), ms(e.lastTimestamp), int(e.expired)});
        }
    }
    Statements *failedAt = &st;
    if (ok && !batch.samples.empty()) {
        ok = st.prepare(QStringLiteral("INSERT INTO samples(cluster, ns, name, t_ms, current, desired, min, max) "
                                       "VALUES(?,?,?,?,?,?,?,?)"))
            && metrics.prepare(QStringLiteral("INSERT INTO sample_metrics(sample_id, idx, identity, name, current, "
                                              "current_text, target, target_text) VALUES(?,?,?,?,?,?,?,?)"));
        for (std::size_t i = 0; ok && i < batch.samples.size(); ++i) {
            const HpaSample &s = batch.samples[i];
            ok = st.exec({batch.context, s.namespaceName, s.name, ms(s.time), s.currentReplicas, s.desiredReplicas,
                          s.minReplicas, s.maxReplicas});
            const QVariant id = st.query().lastInsertId();
            for (std::size_t j = 0; ok && j < s.metrics.size(); ++j) {
                const MetricSampleValue &v = s.metrics[j];
                ok = metrics.exec({id, int(j), v.identity, v.name, optionalNumber(v.current), v.currentText,
                                   optionalNumber(v.target), v.targetText});
                if (!ok)
                    failedAt = &metrics;
            }
        }
    }
    if (ok && !batch.pushes.empty()) {
        ok = st.prepare(QStringLiteral("INSERT INTO pushes(cluster, t_ms, ns, object, metric, value, ok, error) "
                                       "VALUES(?,?,?,?,?,?,?,?)"));
        for (std::size_t i = 0; ok && i < batch.pushes.size(); ++i) {
            const MetricPushRecord &p = batch.pushes[i];
            ok = st.exec({batch.context, ms(p.time), p.namespaceName, p.object, p.metric, p.value, int(p.ok), p.error});
        }
    }
    if (ok)
        ok = writeWatched(st, batch) && writeConditions(st, batch);
    if (ok && batch.pruneBeforeMs) {
        const char *const prunes[] = {
            "DELETE FROM sample_metrics WHERE sample_id IN (SELECT id FROM samples WHERE t_ms < ?)",
            "DELETE FROM samples WHERE t_ms < ?",
            "DELETE FROM events WHERE last_ms < ?",
            "DELETE FROM pushes WHERE t_ms < ?",
            "DELETE FROM watched WHERE to_ms < ?",
            "DELETE FROM conditions WHERE t_ms < ?",
        };
        for (const char *sql : prunes) {
            ok = st.prepare(QString::fromLatin1(sql)) && st.exec({*batch.pruneBeforeMs});
            if (!ok)
                break;
            if (!QByteArray(sql).contains("sample_metrics"))
                result->pruned += st.query().numRowsAffected();
        }
    }
    if (!ok) {
        const QString err = failedAt->error();
        db.rollback();
        result->ok = false;
        result->pruned = 0;
        result->error = Recorder::tr("History database: %1").arg(err);
        return false;
    }
    if (!db.commit()) {
        result->ok = false;
        result->error = Recorder::tr("History database: %1").arg(db.lastError().text());
        return false;
    }
    return true;
}

void RecorderWorker::read(const RecorderQuery &query, RecorderRows *rows)
{
    if (!isOpen())
        return;
    Statements st(m_connection, *m_shared);
    switch (query.kind) {
    case RecorderQuery::Kind::Events:
        rows->events = selectEvents(st, query.context, query.namespaceName, query.fromMs, query.toMs, query.limit);
        break;
    case RecorderQuery::Kind::Samples:
        selectSamples(st, query.context, query.namespaceName, query.name, query.fromMs, query.toMs,
                      [&](std::vector<HpaSample> &&hpa) {
                          rows->samples = std::move(hpa);
                          return true;
                      });
        break;
    case RecorderQuery::Kind::Pushes:
        rows->pushes = selectPushes(st, query.context, query.namespaceName, query.fromMs, query.toMs);
        break;
    case RecorderQuery::Kind::Watched:
        rows->watched = selectWatched(st, query.context, query.namespaceName, query.fromMs, query.toMs);
        break;
    case RecorderQuery::Kind::Conditions:
        rows->conditions = selectConditions(st, query.context, query.namespaceName, query.name, query.fromMs, query.toMs);
        break;
    }
}

void RecorderWorker::loadHistory(const HistoryRequest &request)
{
    const auto current = [&] { return request.serial == m_shared->latestHistorySerial.load(); };
    const auto done = qScopeGuard([&] { emit historyLoaded(request.ticket); });
    if (!isOpen() || !current())
        return;
    Statements st(m_connection, *m_shared);
    emit historyWatched(request.ticket, selectWatched(st, request.context, request.namespaceName,
                                                      request.samplesFromMs, request.toMs));
    emit historyEvents(request.ticket, selectEvents(st, request.context, request.namespaceName, request.eventsFromMs,
                                                    request.toMs, request.eventLimit));
    auto chunk = std::make_shared<std::vector<HpaSample>>();
    const auto send = [&] {
        if (!chunk->empty())
            emit historySamples(request.ticket, std::move(chunk));
        chunk = std::make_shared<std::vector<HpaSample>>();
    };
    const bool finished = selectSamples(st, request.context, request.namespaceName, QString(), request.samplesFromMs,
                                        request.toMs, [&](std::vector<HpaSample> &&hpa) {
                                            if (!current())
                                                return false;
                                            if (chunk->size() + hpa.size() > kSamplesPerChunk)
                                                send();
                                            std::move(hpa.begin(), hpa.end(), std::back_inserter(*chunk));
                                            return true;
                                        });
    if (finished)
        send();
}

} // namespace hpascope
