// The SQLite recorder: events, HPA samples and metric pushes survive a reopen (a restart), WAL is
// on, batches are flushed by the timer, retention prunes at open, contexts stay apart; and the
// restart path: history loaded into the store shows events the API server already expired.
#include "app/core/event_model.h"
#include "app/core/event_store.h"
#include "app/core/recorder.h"
#include "app/core/private_file.h"
#include "app/core/series_feed.h"
#include "event_fixtures.h"
#include "kube/watch/reflector.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QDir>
#include <QStandardPaths>
#include <QSettings>
#include <QThread>

using namespace hpascope;
using namespace hpascope::test;

namespace {

// The fixture's events moved so that the newest happened two hours ago: older than the API
// server's 1 h event TTL, well inside the recorder's 7 day retention.
std::vector<EventRecord> recentEvents(const QDateTime &now)
{
    auto events = fixtureEvents();
    const qint64 shift = utc("2024-05-01T12:00:00Z").secsTo(now.addSecs(-2 * 3600));
    for (auto &e : events) {
        e.firstTimestamp = e.firstTimestamp.addSecs(shift);
        e.lastTimestamp = e.lastTimestamp.addSecs(shift);
    }
    return events;
}

kube::api::HorizontalPodAutoscaler multiMetricHpa()
{
    QFile f(QStringLiteral(HPASCOPE_TESTS_DIR "/unit/detail/data/multi_metric_hpa.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto hpa = kube::api::decodeHorizontalPodAutoscaler(nlohmann::json::parse(f.readAll().toStdString()));
    return hpa ? hpa.value() : kube::api::HorizontalPodAutoscaler{};
}

HpaSample replicaSample(const QString &ns, const QString &name, const QDateTime &t, int replicas)
{
    HpaSample s;
    s.time = t;
    s.namespaceName = ns;
    s.name = name;
    s.currentReplicas = s.desiredReplicas = replicas;
    s.maxReplicas = 10;
    return s;
}

// The threads the recorder's statements ran on, and their SQL.
struct StatementLog {
    QMutex mutex;
    QSet<QThread *> threads;
    QStringList sql;
    void attach(Recorder &r)
    {
        r.setStatementProbe([this](const QString &statement) {
            QMutexLocker lock(&mutex);
            threads.insert(QThread::currentThread());
            sql << statement;
        });
    }
    int count(const QString &part)
    {
        QMutexLocker lock(&mutex);
        return int(sql.filter(part).size());
    }
};

} // namespace

class TestRecorder : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_n)); }

private slots:
    void roundTripAcrossReopen()
    {
        const QString path = freshPath();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto events = recentEvents(now);
        const HpaSample sample = sampleOf(multiMetricHpa(), now.addSecs(-60));
        QCOMPARE(int(sample.metrics.size()), 5);
        const MetricPushRecord push{now.addSecs(-30), QStringLiteral("shop"), QStringLiteral("Ingress/main-route"),
                                    QStringLiteral("requests-per-second"), QStringLiteral("12k"), true, {}};
        const MetricPushRecord failedPush{now.addSecs(-20), QStringLiteral("shop"), QStringLiteral("pods/web-1"),
                                          QStringLiteral("packets-per-second"), QStringLiteral("900"), false,
                                          QStringLiteral("service unavailable")};
        {
            Recorder r;
            r.setContext(QStringLiteral("kind-hpa"));
            QString error;
            QVERIFY2(r.open(path, &error), qPrintable(error));
            QCOMPARE(r.journalMode(), QStringLiteral("wal"));
            for (const auto &e : events)
                r.recordEvent(e);
            r.recordSample(sample);
            r.recordPush(push);
            r.recordPush(failedPush);
            QVERIFY(r.flush());
            QCOMPARE(r.pendingCount(), 0);
        } // destroyed: closed, as at application exit

        Recorder r;
        r.setContext(QStringLiteral("kind-hpa"));
        QVERIFY(r.open(path));
        const auto loaded = r.loadEvents(webFilter(), now.addDays(-7), now);
        QCOMPARE(int(loaded.size()), 5);
        QCOMPARE(loaded.front().uid, QStringLiteral("ev-hpa-failed")); // newest first
        for (const auto &e : loaded) {
            const auto it = std::find_if(events.begin(), events.end(), [&](const EventRecord &o) { return o.uid == e.uid; });
            QVERIFY(it != events.end());
            QCOMPARE(e, *it);
        }
        QCOMPARE(int(r.loadEvents(QStringLiteral("shop"), now.addDays(-7), now).size()), 8);
        QCOMPARE(int(r.loadEvents(QString(), now.addDays(-7), now).size()), 9);

        const auto samples = r.loadSamples(QStringLiteral("shop"), QStringLiteral("web"), now.addSecs(-3600), now);
        QCOMPARE(int(samples.size()), 1);
        QCOMPARE(samples.front().time.toMSecsSinceEpoch(), sample.time.toMSecsSinceEpoch());
        QCOMPARE(samples.front(), sample);
        QCOMPARE(samples.front().metrics[0].current.value_or(-1), 62.0);
        QCOMPARE(samples.front().metrics[0].targetText, QStringLiteral("50%"));
        QVERIFY(r.loadSamples(QStringLiteral("shop"), QStringLiteral("web"), now.addSecs(-30), now).empty());

        const auto pushes = r.loadPushes(QStringLiteral("shop"), now.addSecs(-3600), now);
        QCOMPARE(int(pushes.size()), 2);
        QCOMPARE(pushes[0], push);
        QCOMPARE(pushes[1], failedPush);
    }

    void historyShowsExpiredEventsAfterRestart()
    {
        const QString path = freshPath();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            // First run: the store feeds the recorder as events arrive.
            Recorder r;
            QVERIFY(r.open(path));
            EventStore store;
            connect(&store, &EventStore::eventsChanged, &r, &Recorder::recordEvents);
            store.applySynced(recentEvents(now));
            store.applyWatchEvent(kube::watch::EventType::Deleted, *store.find(QStringLiteral("ev-hpa-rescale")));
        } // recorder closes and flushes what is pending

        // Second run, two hours later: the API server no longer lists any of them.
        Recorder r;
        QVERIFY(r.open(path));
        EventStore store;
        EventModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(webFilter());
        store.addHistory(r.loadEvents(QString(), now.addDays(-7), now));
        store.applySynced({});
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.expiredCount(), 5);
        QCOMPARE(model.index(0, EventModel::Reason).data().toString(), QStringLiteral("FailedGetObjectMetric"));
        QCOMPARE(model.index(0, EventModel::Count).data().toInt(), 12);
    }

    void timerFlushesBatches()
    {
        const QString path = freshPath();
        Recorder r;
        r.setFlushInterval(std::chrono::milliseconds(20));
        QVERIFY(r.open(path));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto events = recentEvents(now);
        r.recordEvents(QList<EventRecord>(events.begin(), events.end()));
        QCOMPARE(r.pendingCount(), 9);
        QTRY_COMPARE_WITH_TIMEOUT(r.pendingCount(), 0, 5000);
        // A second connection (another reader while the first stays open: WAL) sees the rows.
        Recorder reader;
        QVERIFY(reader.open(path));
        QCOMPARE(int(reader.loadEvents(QString(), now.addDays(-1), now).size()), 9);
    }

    void retentionPrunesAtOpen()
    {
        const QString path = freshPath();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime old = now.addDays(-8);
        {
            Recorder r;
            r.setRetention(std::chrono::hours(24 * 30)); // keep everything while writing
            QVERIFY(r.open(path));
            auto events = recentEvents(now);
            events[0].lastTimestamp = old;
            events[0].firstTimestamp = old;
            for (const auto &e : events)
                r.recordEvent(e);
            HpaSample oldSample = sampleOf(multiMetricHpa(), old);
            r.recordSample(oldSample);
            r.recordSample(sampleOf(multiMetricHpa(), now.addSecs(-10)));
            r.recordPush({old, QStringLiteral("shop"), QStringLiteral("pods/a"), QStringLiteral("m"), QStringLiteral("1"), true, {}});
            r.recordPush({now.addSecs(-5), QStringLiteral("shop"), QStringLiteral("pods/a"), QStringLiteral("m"), QStringLiteral("2"), true, {}});
            QVERIFY(r.flush());
            QCOMPARE(int(r.loadSamples(QStringLiteral("shop"), QStringLiteral("web"), now.addDays(-30), now).size()), 2);
        }
        Recorder r; // default retention: 7 days
        QVERIFY(r.open(path));
        QCOMPARE(int(r.loadEvents(QString(), now.addDays(-30), now).size()), 8);
        const auto samples = r.loadSamples(QStringLiteral("shop"), QStringLiteral("web"), now.addDays(-30), now);
        QCOMPARE(int(samples.size()), 1);
        QCOMPARE(int(samples.front().metrics.size()), 5);
        QCOMPARE(int(r.loadPushes(QString(), now.addDays(-30), now).size()), 1);
        QCOMPARE(r.prune(now.addSecs(3600)), 8 + 1 + 1); // everything left
        QVERIFY(r.loadEvents(QString(), now.addDays(-30), now).empty());
    }

    void contextsStayApart()
    {
        Recorder r;
        QVERIFY(r.open(freshPath()));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        r.setContext(QStringLiteral("prod"));
        r.recordSample(sampleOf(multiMetricHpa(), now.addSecs(-1)));
        r.setContext(QStringLiteral("staging")); // flushes what "prod" queued
        QVERIFY(r.loadSamples(QStringLiteral("shop"), QStringLiteral("web"), now.addSecs(-60), now).empty());
        r.setContext(QStringLiteral("prod"));
        QCOMPARE(int(r.loadSamples(QStringLiteral("shop"), QStringLiteral("web"), now.addSecs(-60), now).size()), 1);
    }

    void statementsRunOnTheRecordersThread()
    {
        // A QSqlDatabase connection may only be used on the thread that made it, and the GUI
        // thread must not wait for SQLite: every statement, writes and reads, runs elsewhere.
        StatementLog log;
        Recorder r;
        log.attach(r);
        QVERIFY(r.open(freshPath()));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        r.recordSample(replicaSample(QStringLiteral("shop"), QStringLiteral("web"), now.addSecs(-5), 2));
        r.recordEvents(QList<EventRecord>{recentEvents(now).front()});
        QVERIFY(r.flush());
        QCOMPARE(int(r.loadSamples(QStringLiteral("shop"), QStringLiteral("web"), now.addSecs(-60), now).size()), 1);
        QCOMPARE(int(r.loadEvents(QString(), now.addDays(-1), now).size()), 1);
        QSignalSpy loaded(&r, &Recorder::historyLoaded);
        r.requestHistory(1, QString(), now.addDays(-7), now.addDays(-1), now);
        QVERIFY(loaded.wait(5000));
        r.close();
        QMutexLocker lock(&log.mutex);
        QVERIFY(log.sql.size() > 5);
        QVERIFY(!log.threads.isEmpty());
        QVERIFY2(!log.threads.contains(QThread::currentThread()), "a statement ran on the calling (GUI) thread");
    }

    void historyArrivesBySignalInOneQueryPerKind()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        StatementLog log;
        Recorder r;
        QVERIFY(r.open(freshPath()));
        r.setContext(QStringLiteral("prod"));
        for (const auto &e : recentEvents(now))
            r.recordEvent(e); // eight in "shop", one elsewhere
        for (int i = 0; i < 3; ++i) {
            r.recordSample(replicaSample(QStringLiteral("shop"), QStringLiteral("web"), now.addSecs(-300 + i * 60), 2 + i));
            r.recordSample(replicaSample(QStringLiteral("shop"), QStringLiteral("api"), now.addSecs(-290 + i * 60), 1));
            r.recordSample(replicaSample(QStringLiteral("other"), QStringLiteral("web"), now.addSecs(-280 + i * 60), 7));
        }
        r.recordSample(replicaSample(QStringLiteral("shop"), QStringLiteral("web"), now.addDays(-2), 9)); // too old
        QVERIFY(r.flush());
        log.attach(r);

        QSignalSpy events(&r, &Recorder::historyEvents);
        QSignalSpy samples(&r, &Recorder::historySamples);
        QSignalSpy loaded(&r, &Recorder::historyLoaded);
        r.requestHistory(42, QStringLiteral("shop"), now.addDays(-7), now.addDays(-1), now);
        QVERIFY(events.isEmpty() && samples.isEmpty() && loaded.isEmpty()); // nothing answered in the call
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.front().front().toULongLong(), 42u);

        QCOMPARE(events.size(), 1);
        QCOMPARE(events.front().front().toULongLong(), 42u);
        const auto loadedEvents = events.front().at(1).value<std::vector<EventRecord>>();
        QCOMPARE(int(loadedEvents.size()), 8);
        for (std::size_t i = 1; i < loadedEvents.size(); ++i)
            QVERIFY(loadedEvents[i - 1].lastTimestamp >= loadedEvents[i].lastTimestamp); // newest first

        std::vector<HpaSample> all;
        for (const auto &args : samples) {
            QCOMPARE(args.front().toULongLong(), 42u);
            const auto chunk = args.at(1).value<SampleChunk>();
            QVERIFY(chunk);
            all.insert(all.end(), chunk->begin(), chunk->end());
        }
        QCOMPARE(int(all.size()), 6); // shop's two HPAs, the last day only
        QCOMPARE(all[0].key(), QStringLiteral("shop/api"));
        QCOMPARE(all[3].key(), QStringLiteral("shop/web"));
        QCOMPARE(all[3], replicaSample(QStringLiteral("shop"), QStringLiteral("web"), now.addSecs(-300), 2));
        QCOMPARE(all[5].currentReplicas, 4); // oldest first
        QCOMPARE(log.count(QStringLiteral("FROM samples")), 1); // not one query per HPA
        QCOMPARE(log.count(QStringLiteral("FROM events")), 1);
    }

    void everyHistoryRequestIsAnswered()
    {
        // A newer request may cut an older one short, and close() stops one: historyLoaded
        // still comes for each, so a waiting session never hangs.
        Recorder r;
        QVERIFY(r.open(freshPath()));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        r.recordSample(replicaSample(QStringLiteral("shop"), QStringLiteral("web"), now.addSecs(-5), 2));
        QSignalSpy loaded(&r, &Recorder::historyLoaded);
        r.requestHistory(1, QString(), now.addDays(-7), now.addDays(-1), now);
        r.requestHistory(2, QString(), now.addDays(-7), now.addDays(-1), now);
        r.requestHistory(3, QString(), now.addDays(-7), now.addDays(-1), now);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 3, 5000);
        QCOMPARE(loaded[0].front().toULongLong(), 1u);
        QCOMPARE(loaded[2].front().toULongLong(), 3u);
    }

    void watchedSpansAreTheCoverage()
    {
        Recorder r;
        QVERIFY(r.open(freshPath()));
        r.setContext(QStringLiteral("kind-kind"));
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
        // A watch of "shop" written three times as it went on (the last wins), then a watch of
        // every namespace after a 60 s outage, and one of "other" that says nothing of "shop".
        r.recordWatched(QStringLiteral("shop"), t0, t0.addSecs(10));
        r.recordWatched(QStringLiteral("shop"), t0, t0.addSecs(20));
        QVERIFY(r.flush());
        r.recordWatched(QStringLiteral("shop"), t0, t0.addSecs(120));
        r.recordWatched(QString(), t0.addSecs(180), t0.addSecs(300));
        r.recordWatched(QStringLiteral("other"), t0.addSecs(120), t0.addSecs(180));
        QVERIFY(r.flush());
        const auto shop = r.loadWatched(QStringLiteral("shop"), t0, t0.addSecs(600));
        QCOMPARE(int(shop.size()), 2);
        QCOMPARE(shop[0], (TimeSpan{t0, t0.addSecs(120)}));
        QCOMPARE(shop[1], (TimeSpan{t0.addSecs(180), t0.addSecs(300)}));
        const auto gaps = uncovered(shop, t0.addSecs(-60), t0.addSecs(360));
        QCOMPARE(int(gaps.size()), 3);
        QCOMPARE(gaps[0], (TimeSpan{t0.addSecs(-60), t0}));
        QCOMPARE(gaps[1], (TimeSpan{t0.addSecs(120), t0.addSecs(180)}));
        QCOMPARE(gaps[2], (TimeSpan{t0.addSecs(300), t0.addSecs(360)}));
        QVERIFY(coveredTogether(shop, t0.addSecs(5), t0.addSecs(100)));
        QVERIFY(!coveredTogether(shop, t0.addSecs(100), t0.addSecs(200)));
        // Another context's history knows nothing of these.
        r.setContext(QStringLiteral("prod"));
        QVERIFY(r.loadWatched(QStringLiteral("shop"), t0, t0.addSecs(600)).empty());
    }

    void conditionChangesAreStoredOnce()
    {
        Recorder r;
        QVERIFY(r.open(freshPath()));
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
        auto condition = [&](int s, const char *type, const char *status, const char *reason) {
            ConditionRecord c;
            c.time = t0.addSecs(s);
            c.namespaceName = QStringLiteral("default");
            c.name = QStringLiteral("web");
            c.type = QString::fromLatin1(type);
            c.status = QString::fromLatin1(status);
            c.reason = QString::fromLatin1(reason);
            c.message = c.reason + QStringLiteral(" message");
            return c;
        };
        r.recordCondition(condition(0, "AbleToScale", "True", "ReadyForNewScale"));
        r.recordCondition(condition(0, "ScalingActive", "True", "ValidMetricFound"));
        r.recordCondition(condition(30, "AbleToScale", "True", "ReadyForNewScale")); // the same: not stored
        QVERIFY(r.flush());
        // A restart sees the same state again: still not stored.
        r.recordCondition(condition(100, "AbleToScale", "True", "ReadyForNewScale"));
        r.recordCondition(condition(200, "AbleToScale", "True", "ScaleDownStabilized"));
        r.recordCondition(condition(300, "ScalingActive", "False", "FailedGetObjectMetric"));
        QVERIFY(r.flush());
        const auto all = r.loadConditions(QStringLiteral("default"), QStringLiteral("web"), t0, t0.addSecs(600));
        QCOMPARE(int(all.size()), 4);
        QCOMPARE(all[2].reason, QStringLiteral("ScaleDownStabilized"));
        QCOMPARE(all[2].time, t0.addSecs(200));
        // From t0 + 250 s: each type's state then, and the one change after it.
        const auto later = r.loadConditions(QStringLiteral("default"), QStringLiteral("web"), t0.addSecs(250),
                                            t0.addSecs(600));
        QStringList got;
        for (const auto &c : later)
            got << c.type + QLatin1Char(' ') + c.reason;
        QCOMPARE(got, (QStringList{QStringLiteral("AbleToScale ScaleDownStabilized"),
                                   QStringLiteral("ScalingActive ValidMetricFound"),
                                   QStringLiteral("ScalingActive FailedGetObjectMetric")}));
    }

    void historyIsUserOnly()
    {
        const QString dir = m_dir.filePath(QStringLiteral("private-%1").arg(++m_n));
        const QString path = dir + QStringLiteral("/history.sqlite");
        Recorder r;
        QVERIFY(r.open(path));
        r.recordSample(replicaSample(QStringLiteral("default"), QStringLiteral("web"), QDateTime::currentDateTimeUtc(), 2));
        QVERIFY(r.flush());
        // Qt's flags: 0x7000 owner, 0x0070 group, 0x0007 others.
        QCOMPARE(QFileInfo(dir).permissions() & QFile::Permissions(0x7077),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        for (const QString &file : {path, path + QStringLiteral("-wal")}) {
            QVERIFY2(QFileInfo::exists(file), qPrintable(file));
            QCOMPARE(QFileInfo(file).permissions() & QFile::Permissions(0x0077), QFile::Permissions());
            QVERIFY(QFileInfo(file).permissions() & QFile::ReadOwner);
        }
    }

    void settingsAreUserOnly()
    {
        // QSettings' file under the test-mode config folder: created 0600 before the first write,
        // and still 0600 after QSettings rewrote it (it keeps an existing file's mode).
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("hpascope-test-%1").arg(QCoreApplication::applicationPid()));
        const QString path = QSettings().fileName();
        QFile::remove(path);
        QCOMPARE(protectSettings(), QString());
        {
            QSettings s;
            s.setValue(QStringLiteral("controller/flags/ctx"), 42);
        }
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        QCOMPARE(QSettings().value(QStringLiteral("controller/flags/ctx")).toInt(), 42);
        QCOMPARE(QFileInfo(path).permissions() & QFile::Permissions(0x0077), QFile::Permissions());
        QFile::remove(path);
        QDir().rmdir(QFileInfo(path).absolutePath());
    }

    void openFailureIsReported()
    {
        Recorder r;
        QSignalSpy failed(&r, &Recorder::failed);
        QString error;
        // A directory where the file should be: SQLite cannot open it.
        QVERIFY(!r.open(m_dir.path(), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(failed.count(), 1);
        QVERIFY(!r.isOpen());
        r.recordEvent(recentEvents(QDateTime::currentDateTimeUtc()).front());
        QVERIFY(!r.flush()); // queued rows with nowhere to go: not a crash
    }
};

QTEST_GUILESS_MAIN(TestRecorder)
#include "test_recorder.moc"
