#pragma once
// The recorder thread's SQL helpers shared by recorder_worker.cpp and recorder_tables.cpp:
// Statements (every statement goes through it, so a test can see which thread runs it) and the
// value conversions. Only for code that runs on the recorder's thread.
#include "app/core/recorder_worker.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace hpascope::recorder_sql {

inline QDateTime fromMs(const QVariant &v)
{
    const qint64 m = v.toLongLong();
    return m ? QDateTime::fromMSecsSinceEpoch(m, Qt::UTC) : QDateTime();
}

inline qint64 ms(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

inline QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s; // a null QString binds as NULL
}

// Every statement goes through here, so a test can see which thread runs it.
class Statements {
public:
    Statements(const QString &connection, RecorderShared &shared)
        : m_query(QSqlDatabase::database(connection, false)), m_shared(shared)
    {
    }
    QSqlQuery &query() { return m_query; }
    bool run(const QString &sql) { return prepare(sql) && exec(); }
    bool prepare(const QString &sql)
    {
        m_sql = sql;
        return m_query.prepare(sql);
    }
    bool exec(const QVariantList &values = {})
    {
        for (int i = 0; i < values.size(); ++i)
            m_query.bindValue(i, values[i]);
        {
            QMutexLocker lock(&m_shared.probeMutex);
            if (m_shared.probe)
                m_shared.probe(m_sql);
        }
        return m_query.exec();
    }
    QString error() const { return m_query.lastError().text(); }

private:
    QSqlQuery m_query;
    RecorderShared &m_shared;
    QString m_sql;
};

} // namespace hpascope::recorder_sql
