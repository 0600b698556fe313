#include "app/core/recorder.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <atomic>
#include <cmath>

Q_LOGGING_CATEGORY(lcRecorder, "hpascope.recorder")

namespace hpascope {

namespace {

std::atomic<int> g_connectionCounter{0};

qint64 ms(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(const QVariant &v)
{
    const qint64 m = v.toLongLong();
    return m ? QDateTime::fromMSecsSinceEpoch(m, Qt::UTC) : QDateTime();
}

QVariant optionalNumber(const std::optional<double> &d)
{
    return d && std::isfinite(*d) ? QVariant(*d) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> toOptional(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

void bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
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
};

} // namespace

Recorder::Recorder(QObject *parent) : QObject(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDefaultFlushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
}

Recorder::~Recorder()
{
    close();
}

QString Recorder::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

bool Recorder::isOpen() const
{
    return !m_connection.isEmpty() && QSqlDatabase::database(m_connection, false).isOpen();
}

void Recorder::setFlushInterval(std::chrono::milliseconds interval)
{
    m_flushTimer.setInterval(interval);
}

void Recorder::setContext(const QString &context)
{
    flush(); // rows already queued belong to the previous context
    m_context = context.isNull() ? QStringLiteral("") : context; // a null QString binds as NULL
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
    QString err;
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        err = tr("cannot create the folder for %1").arg(m_path);
    if (err.isEmpty()) {
        m_connection = QStringLiteral("hpascope-recorder-%1").arg(++g_connectionCounter);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open())
            err = db.lastError().text();
        else if (createSchema(&err))
            prune(QDateTime::currentDateTimeUtc().addSecs(-m_retention.count()));
    }
    if (!err.isEmpty()) {
        close();
        err = tr("History database %1: %2").arg(m_path, err);
        if (error)
            *error = err;
        fail(err);
        return false;
    }
    return true;
}

bool Recorder::createSchema(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    // WAL: readers never wait for the writer; NORMAL sync is durable across application
    // crashes (a power loss may drop the last transaction, which is acceptable for history).
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))) {
        *error = q.lastError().text();
        return false;
    }
    for (const char *stmt : kSchema) {
        if (!q.exec(QString::fromLatin1(stmt))) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

QString Recorder::journalMode() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next())
        return q.value(0).toString().toLower();
    return {};
}

void Recorder::close()
{
    if (m_connection.isEmpty())
        return;
    flush();
    m_flushTimer.stop();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

void Recorder::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

int Recorder::pendingCount() const
{
    return int(m_pendingEvents.size() + m_pendingSamples.size() + m_pendingPushes.size());
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

bool Recorder::flush()
{
    if (pendingCount() == 0 || !isOpen())
        return pendingCount() == 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        fail(tr("History database: %1").arg(db.lastError().text()));
        return false;
    }
    QString err;
    QSqlQuery q(db);
    if (!m_pendingEvents.isEmpty()) {
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO events(uid, cluster, ns, name, kind, obj_name, obj_ns, type, reason, "
            "message, source, count, first_ms, last_ms, expired) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        for (const auto &e : std::as_const(m_pendingEvents)) {
            const QVariantList values{e.uid, m_context, e.namespaceName, e.name, e.involvedKind, e.involvedName,
                                      e.involvedNamespace, e.type, e.reason, e.message, e.source, e.count,
                                      ms(e.firstTimestamp), ms(e.lastTimestamp), int(e.expired)};
            bindAll(q, values);
            if (!exec(q, &err))
                break;
        }
    }
    QSqlQuery m(db);
    if (err.isEmpty() && !m_pendingSamples.empty()) {
        q.prepare(QStringLiteral("INSERT INTO samples(cluster, ns, name, t_ms, current, desired, min, max) "
                                 "VALUES(?,?,?,?,?,?,?,?)"));
        m.prepare(QStringLiteral("INSERT INTO sample_metrics(sample_id, idx, identity, name, current, current_text, "
                                 "target, target_text) VALUES(?,?,?,?,?,?,?,?)"));
        for (const auto &s : m_pendingSamples) {
            const QVariantList values{m_context, s.namespaceName, s.name, ms(s.time), s.currentReplicas,
                                      s.desiredReplicas, s.minReplicas, s.maxReplicas};
            bindAll(q, values);
            if (!exec(q, &err))
                break;
            const QVariant id = q.lastInsertId();
            for (std::size_t i = 0; i < s.metrics.size() && err.isEmpty(); ++i) {
                const auto &v = s.metrics[i];
                const QVariantList mv{id, int(i), v.identity, v.name, optionalNumber(v.current), v.currentText,
                                      optionalNumber(v.target), v.targetText};
                bindAll(m, mv);
                exec(m, &err);
            }
            if (!err.isEmpty())
                break;
        }
    }
    if (err.isEmpty() && !m_pendingPushes.empty()) {
        q.prepare(QStringLiteral("INSERT INTO pushes(cluster, t_ms, ns, object, metric, value, ok, error) "
                                 "VALUES(?,?,?,?,?,?,?,?)"));
        for (const auto &p : m_pendingPushes) {
            const QVariantList values{m_context, ms(p.time), p.namespaceName, p.object, p.metric, p.value,
                                      int(p.ok), p.error};
            bindAll(q, values);
            if (!exec(q, &err))
                break;
        }
    }
    // Dropped either way: retrying a batch the database refused would fail on every tick.
    m_pendingEvents.clear();
    m_pendingSamples.clear();
    m_pendingPushes.clear();
    if (!err.isEmpty()) {
        db.rollback();
        fail(tr("History database: %1").arg(err));
        return false;
    }
    if (!db.commit()) {
        fail(tr("History database: %1").arg(db.lastError().text()));
        return false;
    }
    return true;
}

int Recorder::prune(const QDateTime &cutoff)
{
    if (!isOpen())
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    const qint64 c = ms(cutoff);
    int removed = 0;
    db.transaction();
    const QString stmts[] = {
        QStringLiteral("DELETE FROM sample_metrics WHERE sample_id IN (SELECT id FROM samples WHERE t_ms < ?)"),
        QStringLiteral("DELETE FROM samples WHERE t_ms < ?"),
        QStringLiteral("DELETE FROM events WHERE last_ms < ?"),
        QStringLiteral("DELETE FROM pushes WHERE t_ms < ?"),
    };
    for (const QString &s : stmts) {
        q.prepare(s);
        q.bindValue(0, c);
        if (!q.exec()) {
            db.rollback();
            fail(tr("History database: %1").arg(q.lastError().text()));
            return 0;
        }
        if (!s.contains(QLatin1String("sample_metrics")))
            removed += q.numRowsAffected();
    }
    db.commit();
    return removed;
}

namespace {

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

} // namespace

std::vector<EventRecord> Recorder::loadEvents(const QString &namespaceName, const QDateTime &from,
                                              const QDateTime &to, int limit) const
{
    std::vector<EventRecord> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uid, ns, name, kind, obj_name, obj_ns, type, reason, message, source, count, "
                             "first_ms, last_ms, expired FROM events WHERE cluster = ? AND (? = '' OR obj_ns = ?) "
                             "AND last_ms BETWEEN ? AND ? ORDER BY last_ms DESC, uid LIMIT ?"));
    const QString ns = namespaceName.isNull() ? QStringLiteral("") : namespaceName;
    const QVariantList values{m_context, ns, ns, ms(from), ms(to), limit};
    bindAll(q, values);
    if (!q.exec()) {
        qCWarning(lcRecorder) << "loading events:" << q.lastError().text();
        return out;
    }
    while (q.next())
        out.push_back(eventFrom(q));
    return out;
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
    std::vector<HpaSample> out;
    if (!isOpen())
        return out;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.id, s.t_ms, s.current, s.desired, s.min, s.max, m.identity, m.name, "
                             "m.current, m.current_text, m.target, m.target_text FROM samples s "
                             "LEFT JOIN sample_metrics m ON m.sample_id = s.id "
                             "WHERE s.cluster = ? AND s.ns = ? AND s.name = ? AND s.t_ms BETWEEN ? AND ? "
                             "ORDER BY s.t_ms, s.id, m.idx"));
    const QVariantList values{m_context, namespaceName, name, ms(from), ms(to)};
    bindAll(q, values);
    if (!q.exec()) {
        qCWarning(lcRecorder) << "loading samples:" << q.lastError().text();
        return out;
    }
    qint64 lastId = -1;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (id != lastId) {
            HpaSample s;
            s.time = fromMs(q.value(1));
            s.namespaceName = namespaceName;
            s.name = name;
            s.currentReplicas = q.value(2).toInt();
            s.desiredReplicas = q.value(3).toInt();
            s.minReplicas = q.value(4).toInt();
            s.maxReplicas = q.value(5).toInt();
            out.push_back(std::move(s));
            lastId = id;
        }
        if (q.value(6).isNull())
            continue; // a sample without metrics
        out.back().metrics.push_back({q.value(6).toString(), q.value(7).toString(), toOptional(q.value(8)),
                                      q.value(9).toString(), toOptional(q.value(10)), q.value(11).toString()});
    }
    return out;
}

std::vector<MetricPushRecord> Recorder::loadPushes(const QString &namespaceName, const QDateTime &from,
                                                   const QDateTime &to) const
{
    std::vector<MetricPushRecord> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t_ms, ns, object, metric, value, ok, error FROM pushes WHERE cluster = ? "
                             "AND (? = '' OR ns = ?) AND t_ms BETWEEN ? AND ? ORDER BY t_ms, id"));
    const QString ns = namespaceName.isNull() ? QStringLiteral("") : namespaceName;
    const QVariantList values{m_context, ns, ns, ms(from), ms(to)};
    bindAll(q, values);
    if (!q.exec()) {
        qCWarning(lcRecorder) << "loading pushes:" << q.lastError().text();
        return out;
    }
    while (q.next())
        out.push_back({fromMs(q.value(0)), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), q.value(5).toBool(), q.value(6).toString()});
    return out;
}

} // namespace hpascope
