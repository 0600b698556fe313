// Recorded history reaches the stores without the GUI thread touching SQLite: a session's
// connect returns before any history is in, which then arrives by queued signals; results of a
// superseded connection are dropped; live samples that come first wait behind the history, so
// the charts are the same as the synchronous path's; a recorder gone mid-load blocks nothing.
#include "app/core/cluster_session.h"
#include "app/core/history_loader.h"
#include "app/core/recorder.h"
#include "kube/sim/api_server.h"

#include <QMutex>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>

using namespace hpascope;

namespace {

HpaSample sample(const QString &name, const QDateTime &t, int replicas)
{
    HpaSample s;
    s.time = t;
    s.namespaceName = QStringLiteral("default");
    s.name = name;
    s.currentReplicas = s.desiredReplicas = replicas;
    s.maxReplicas = 10;
    s.metrics.push_back({QStringLiteral("Resource cpu"), QStringLiteral("cpu"), 20.0 * replicas, {}, 50, {}});
    return s;
}

EventRecord recordedEvent(const QString &uid, const QDateTime &t)
{
    EventRecord e;
    e.uid = uid;
    e.namespaceName = e.involvedNamespace = QStringLiteral("default");
    e.name = uid;
    e.involvedKind = QStringLiteral("HorizontalPodAutoscaler");
    e.involvedName = QStringLiteral("web");
    e.type = QStringLiteral("Normal");
    e.reason = QStringLiteral("SuccessfulRescale");
    e.message = QStringLiteral("New size: 4; reason: cpu resource utilization (percentage of request) above target");
    e.firstTimestamp = e.lastTimestamp = t;
    return e;
}

QString current(const QString &hpaKey)
{
    return series_keys::replicas(hpaKey, QStringLiteral("current"));
}

bool hasGap(const QList<TimedValue> &points)
{
    return std::any_of(points.begin(), points.end(), [](const TimedValue &p) { return std::isnan(p.v); });
}

// The chart contents of one HPA, for comparing two runs: "key t value" per stored point.
QStringList everything(const SeriesStore &store, const QString &hpaKey)
{
    QStringList out;
    for (const QString &key : store.keys())
        if (key.startsWith(hpaKey + QLatin1Char(':')))
            for (const TimedValue &p : store.raw(key))
                out << QStringLiteral("%1 %2 %3").arg(key).arg(p.t).arg(p.v);
    return out;
}

// What a session gives its loader.
struct Stores {
    SeriesStore store;
    SeriesFeed feed{&store};
    EventStore events;
    HistoryLoader loader{&feed, &events};
};

} // namespace

class TestHistoryLoader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    const QDateTime m_now = QDateTime::currentDateTimeUtc();

    // A recorder holding what an earlier run saw of default/web an hour ago: 4 replicas.
    std::unique_ptr<Recorder> recorderWithHistory(const QString &context = QStringLiteral("hpascope-demo"))
    {
        auto r = std::make_unique<Recorder>();
        if (!r->open(m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_n))))
            return nullptr;
        r->setContext(context);
        r->recordSample(sample(QStringLiteral("web"), m_now.addSecs(-3600), 4));
        r->recordSample(sample(QStringLiteral("web"), m_now.addSecs(-3540), 4));
        r->recordEvent(recordedEvent(QStringLiteral("ev-recorded"), m_now.addSecs(-3600)));
        return r->flush() ? std::move(r) : nullptr;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sessionLoadsHistoryOffTheGuiThread()
    {
        auto recorder = recorderWithHistory();
        QVERIFY(recorder);
        QMutex mutex;
        QSet<QThread *> threads;
        recorder->setStatementProbe([&](const QString &) {
            QMutexLocker lock(&mutex);
            threads.insert(QThread::currentThread());
        });
        auto demo = kube::sim::DemoCluster::start({});
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        ClusterSession session;
        session.setRecorder(recorder.get());
        QSignalSpy synced(&session, &ClusterSession::hpasSynced);
        session.connectTo(ClusterProfile::forRestConfig(demo.value()->restConfig(), QStringLiteral("default")));
        // Nothing was read while connectTo() ran: the history comes back by queued signals.
        QCOMPARE(session.events()->size(), 0);
        QVERIFY(session.series()->keys().isEmpty());

        QVERIFY(synced.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!session.history()->isBusy(), 10000);
        const auto points = session.series()->raw(current(QStringLiteral("default/web")));
        QVERIFY2(points.size() >= 3, qPrintable(QString::number(points.size())));
        QCOMPARE(points.first().t, m_now.addSecs(-3600).toMSecsSinceEpoch());
        QCOMPARE(points.first().v, 4.0);
        QVERIFY(hasGap(points));
        QCOMPARE(points.last().v, 1.0); // live: the demo's web runs 1 replica
        // The demo cluster never had this event: once its events are listed, it shows as expired.
        QTRY_VERIFY_WITH_TIMEOUT(session.events()->find(QStringLiteral("ev-recorded"))
                                     && session.events()->find(QStringLiteral("ev-recorded"))->expired,
                                 10000);
        session.disconnectFromCluster();
        recorder->close();
        QMutexLocker lock(&mutex);
        QVERIFY(!threads.isEmpty());
        QVERIFY2(!threads.contains(QThread::currentThread()), "a statement ran on the GUI thread");
    }

    void resultsOfASupersededConnectionAreDropped()
    {
        auto recorder = recorderWithHistory();
        QVERIFY(recorder);
        Stores x;
        QSignalSpy applied(&x.loader, &HistoryLoader::applied);
        x.loader.begin(recorder.get(), 2, QStringLiteral("default"), m_now);
        // Answers to connection 1 arriving late, as the recorder would send them.
        auto ghost = std::make_shared<std::vector<HpaSample>>();
        ghost->push_back(sample(QStringLiteral("ghost"), m_now.addSecs(-60), 9));
        emit recorder->historyEvents(1, {recordedEvent(QStringLiteral("ev-ghost"), m_now.addSecs(-60))});
        emit recorder->historySamples(1, ghost);
        emit recorder->historyLoaded(1);
        QVERIFY(x.loader.isBusy()); // still waiting for connection 2's answer
        x.loader.hpaListed(QStringLiteral("default/ghost"));
        x.loader.hpaListed(QStringLiteral("default/web"));
        QVERIFY(applied.wait(5000));
        QCOMPARE(applied.front().front().toULongLong(), 2u);
        QVERIFY(!x.store.contains(current(QStringLiteral("default/ghost"))));
        QVERIFY(!x.events.find(QStringLiteral("ev-ghost")));
        QVERIFY(x.events.find(QStringLiteral("ev-recorded")));
        QCOMPARE(x.store.raw(current(QStringLiteral("default/web"))).first().v, 4.0);
    }

    void cancelledConnectionGetsNothing()
    {
        auto recorder = recorderWithHistory();
        QVERIFY(recorder);
        Stores x;
        QSignalSpy loaded(recorder.get(), &Recorder::historyLoaded);
        x.loader.begin(recorder.get(), 1, QStringLiteral("default"), m_now);
        x.loader.hpaListed(QStringLiteral("default/web"));
        x.loader.cancel(); // the user switched context
        QVERIFY(loaded.wait(5000)); // the answer came, and was not taken
        QVERIFY(!x.loader.isBusy());
        QCOMPARE(x.events.size(), 0);
        QVERIFY(x.store.keys().isEmpty());
    }

    void liveSamplesWaitBehindHistoryAsIfItWereReadSynchronously()
    {
        // The same session steps into two stores: history loaded on the recorder's thread and
        // fed in slices, and the old synchronous path. The charts must not differ.
        auto recorder = recorderWithHistory();
        QVERIFY(recorder);
        const auto run = [&](bool blocking, SeriesStore &store) {
            SeriesFeed feed(&store);
            EventStore events;
            HistoryLoader loader(&feed, &events); // the store outlives the run
            loader.setBlocking(blocking);
            QSignalSpy applied(&loader, &HistoryLoader::applied);
            loader.begin(recorder.get(), 1, QStringLiteral("default"), m_now);
            // The HPA list arrives before the history does; the first live status is a rescale.
            loader.hpaListed(QStringLiteral("default/web"));
            loader.add(sample(QStringLiteral("web"), m_now.addSecs(-10), 2), m_now.addSecs(-1800));
            loader.add(sample(QStringLiteral("web"), m_now.addSecs(-5), 3), m_now.addSecs(-5));
            loader.gap(m_now.addSecs(-2)); // the watch dropped
            if (!blocking) {
                QVERIFY(store.keys().isEmpty()); // queued behind the history
                QVERIFY(applied.wait(5000));
            }
        };
        SeriesStore async, sync;
        run(false, async);
        run(true, sync);
        const QString web = QStringLiteral("default/web");
        QCOMPARE(async.raw(current(web)).first().t, m_now.addSecs(-3600).toMSecsSinceEpoch());
        QVERIFY(hasGap(async.raw(current(web))));
        QCOMPARE(async.keys(), sync.keys());
        QCOMPARE(everything(async, web), everything(sync, web));
        QCOMPARE(async.annotations(web, 0, m_now.toMSecsSinceEpoch()),
                 sync.annotations(web, 0, m_now.toMSecsSinceEpoch()));
        QCOMPARE(async.annotations(web, 0, m_now.toMSecsSinceEpoch()).size(), 2);
    }

    void historyBreaksWhereNoWatchHeldIt()
    {
        // Two runs of hpascope an hour ago, 10 minutes apart: the line from the first run's last
        // sample must stop where that run's watch ended, not run on into the second run.
        Recorder r;
        QVERIFY(r.open(m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_n))));
        r.setContext(QStringLiteral("kind-kind"));
        const QDateTime t0 = m_now.addSecs(-3600);
        r.recordWatched(QStringLiteral("default"), t0.addSecs(-10), t0.addSecs(300));
        r.recordWatched(QString(), t0.addSecs(900), t0.addSecs(1500)); // every namespace counts too
        r.recordSample(sample(QStringLiteral("web"), t0, 4));
        r.recordSample(sample(QStringLiteral("web"), t0.addSecs(1000), 6));
        r.recordSample(sample(QStringLiteral("web"), t0.addSecs(1400), 2));
        QVERIFY(r.flush());
        Stores x;
        QSignalSpy applied(&x.loader, &HistoryLoader::applied);
        x.loader.begin(&r, 1, QStringLiteral("default"), m_now);
        x.loader.hpaListed(QStringLiteral("default/web"));
        QVERIFY(applied.wait(5000));
        const auto points = x.store.raw(current(QStringLiteral("default/web")));
        QStringList got;
        for (const TimedValue &p : points)
            got << QStringLiteral("%1 %2").arg((p.t - t0.toMSecsSinceEpoch()) / 1000).arg(p.v);
        // 4 from t0 until the first watch ended (300 s), nothing until the second run's first
        // sample, then 6 and 2 joined; the last gap is where this history ends.
        QCOMPARE(got, (QStringList{QStringLiteral("0 4"), QStringLiteral("300 nan"), QStringLiteral("1000 6"),
                                   QStringLiteral("1400 2"), QStringLiteral("1400 nan")}));
    }

    void sessionRecordsWhenItWatched()
    {
        auto recorder = recorderWithHistory();
        QVERIFY(recorder);
        auto demo = kube::sim::DemoCluster::start({});
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        ClusterSession session;
        session.setRecorder(recorder.get());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        session.connectTo(ClusterProfile::forRestConfig(demo.value()->restConfig(), QStringLiteral("default")));
        QTRY_VERIFY_WITH_TIMEOUT(session.state().kind == ConnectionState::Kind::Live, 10000);
        const QDateTime live = QDateTime::currentDateTimeUtc();
        session.disconnectFromCluster();
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QVERIFY(recorder->flush());
        const auto watched = recorder->loadWatched(QStringLiteral("default"), before.addSecs(-60), after.addSecs(60));
        QCOMPARE(int(watched.size()), 1);
        QVERIFY(watched[0].from >= before && watched[0].from <= live);
        QVERIFY(watched[0].to >= watched[0].from && watched[0].to <= after);
        // The hour-old samples of recorderWithHistory() were recorded by nobody's watch.
        QVERIFY(recorder->loadWatched(QStringLiteral("default"), m_now.addSecs(-3700), m_now.addSecs(-3500)).empty());
    }

    void manyEventsGoInBatches()
    {
        // Each batch is one eventsChanged that the event list and the recorder take in one turn.
        auto recorder = recorderWithHistory();
        QVERIFY(recorder);
        const int n = int(2 * HistoryLoader::kEventsPerBatch) + 10;
        for (int i = 0; i < n; ++i)
            recorder->recordEvent(recordedEvent(QStringLiteral("ev-%1").arg(i), m_now.addSecs(-7200 + i)));
        QVERIFY(recorder->flush());
        Stores x;
        QSignalSpy changed(&x.events, &EventStore::eventsChanged);
        QSignalSpy applied(&x.loader, &HistoryLoader::applied);
        x.loader.begin(recorder.get(), 1, QStringLiteral("default"), m_now);
        QVERIFY(applied.wait(5000));
        QCOMPARE(x.events.size(), n + 1);
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.front().front().value<QList<EventRecord>>().size(), qsizetype(HistoryLoader::kEventsPerBatch));
    }

    void recorderGoneMidLoadBlocksNothing()
    {
        auto recorder = recorderWithHistory();
        QVERIFY(recorder);
        Stores x;
        QSignalSpy applied(&x.loader, &HistoryLoader::applied);
        x.loader.begin(recorder.get(), 1, QStringLiteral("default"), m_now);
        x.loader.add(sample(QStringLiteral("web"), m_now.addSecs(-5), 3), QDateTime());
        recorder.reset(); // quit while the history was loading
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 5000);
        QVERIFY(!x.loader.isBusy());
        QCOMPARE(x.store.raw(current(QStringLiteral("default/web"))).last().v, 3.0);
        x.loader.add(sample(QStringLiteral("web"), m_now.addSecs(-1), 5), QDateTime()); // straight in
        QCOMPARE(x.store.raw(current(QStringLiteral("default/web"))).last().v, 5.0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryLoader)
#include "test_history_loader.moc"
