#include "app/core/recorder_tables.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcRecorder)

namespace hpascope::recorder_sql {

namespace {

ConditionRecord conditionFrom(const QSqlQuery &q)
{
    ConditionRecord c;
    c.namespaceName = q.value(0).toString();
    c.name = q.value(1).toString();
    c.time = fromMs(q.value(2));
    c.type = q.value(3).toString();
    c.status = q.value(4).toString();
    c.reason = q.value(5).toString();
    c.message = q.value(6).toString();
    c.since = fromMs(q.value(7));
    return c;
}

const QString kConditionColumns = QStringLiteral("ns, name, t_ms, type, status, reason, message, since_ms");

} // namespace

bool writeWatched(Statements &st, const RecorderBatch &batch)
{
    if (batch.watched.empty())
        return true;
    bool ok = st.prepare(QStringLiteral("INSERT OR REPLACE INTO watched(cluster, ns, from_ms, to_ms) VALUES(?,?,?,?)"));
    for (std::size_t i = 0; ok && i < batch.watched.size(); ++i) {
        const WatchedSpan &w = batch.watched[i];
        ok = st.exec({batch.context, nonNull(w.namespaceName), ms(w.from), ms(w.to)});
    }
    return ok;
}

bool writeConditions(Statements &st, const RecorderBatch &batch)
{
    for (const ConditionRecord &c : batch.conditions) {
        if (!st.prepare(QStringLiteral("SELECT ") + kConditionColumns
                        + QStringLiteral(" FROM conditions WHERE cluster = ? AND ns = ? AND name = ? AND type = ? "
                                         "ORDER BY t_ms DESC, id DESC LIMIT 1"))
            || !st.exec({batch.context, nonNull(c.namespaceName), nonNull(c.name), nonNull(c.type)}))
            return false;
        if (st.query().next() && conditionFrom(st.query()).sameState(c))
            continue;
        if (!st.prepare(QStringLiteral("INSERT INTO conditions(cluster, ns, name, t_ms, type, status, reason, message, "
                                       "since_ms) VALUES(?,?,?,?,?,?,?,?,?)"))
            || !st.exec({batch.context, nonNull(c.namespaceName), nonNull(c.name), ms(c.time), nonNull(c.type),
                         nonNull(c.status), nonNull(c.reason), nonNull(c.message), ms(c.since)}))
            return false;
    }
    return true;
}

std::vector<WatchedSpan> selectWatched(Statements &st, const QString &context, const QString &ns, qint64 fromMs,
                                       qint64 toMs)
{
    std::vector<WatchedSpan> out;
    QSqlQuery &q = st.query();
    q.setForwardOnly(true);
    st.prepare(QStringLiteral("SELECT ns, from_ms, to_ms FROM watched WHERE cluster = ? AND (? = '' OR ns = ? OR ns = '') "
                              "AND to_ms >= ? AND from_ms <= ? ORDER BY from_ms"));
    if (!st.exec({context, nonNull(ns), nonNull(ns), fromMs, toMs})) {
        qCWarning(lcRecorder) << "loading watched spans:" << st.error();
        return out;
    }
    while (q.next())
        out.push_back({q.value(0).toString(), recorder_sql::fromMs(q.value(1)), recorder_sql::fromMs(q.value(2))});
    return out;
}

std::vector<ConditionRecord> selectConditions(Statements &st, const QString &context, const QString &ns,
                                              const QString &name, qint64 fromMs, qint64 toMs)
{
    std::vector<ConditionRecord> out;
    QSqlQuery &q = st.query();
    q.setForwardOnly(true);
    // The state at fromMs: per type, the latest row before it.
    st.prepare(QStringLiteral("SELECT ") + kConditionColumns
               + QStringLiteral(" FROM conditions c WHERE cluster = ? AND ns = ? AND name = ? AND t_ms < ? AND t_ms = "
                                "(SELECT max(t_ms) FROM conditions d WHERE d.cluster = c.cluster AND d.ns = c.ns AND "
                                "d.name = c.name AND d.type = c.type AND d.t_ms < ?) ORDER BY type"));
    if (!st.exec({context, nonNull(ns), nonNull(name), fromMs, fromMs})) {
        qCWarning(lcRecorder) << "loading conditions:" << st.error();
        return out;
    }
    while (q.next())
        out.push_back(conditionFrom(q));
    st.prepare(QStringLiteral("SELECT ") + kConditionColumns
               + QStringLiteral(" FROM conditions WHERE cluster = ? AND ns = ? AND name = ? AND t_ms BETWEEN ? AND ? "
                                "ORDER BY t_ms, id"));
    if (!st.exec({context, nonNull(ns), nonNull(name), fromMs, toMs})) {
        qCWarning(lcRecorder) << "loading conditions:" << st.error();
        return out;
    }
    while (q.next())
        out.push_back(conditionFrom(q));
    return out;
}

} // namespace hpascope::recorder_sql
