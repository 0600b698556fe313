// When a session says it was watching: the list that starts a live watch is inside the watched
// span it records (the watch goes on from the list's resourceVersion, nothing between them goes
// unseen), so a report of just what was recorded (`--record-for`) has no gap at its start, even
// when the list's statuses and the Live state fall in different milliseconds.
#include "app/core/cluster_session.h"
#include "app/core/recorder.h"
#include "kube/sim/api_server.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope;

class TestSessionCoverage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void coverageStartsAtTheList()
    {
        QTemporaryDir dir;
        Recorder recorder;
        QVERIFY(recorder.open(dir.filePath(QStringLiteral("history.sqlite"))));
        auto demo = kube::sim::DemoCluster::start({});
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        ClusterSession session;
        session.setRecorder(&recorder);
        std::vector<HpaSample> sampled;
        connect(&session, &ClusterSession::sampled, this, [&](const HpaSample &s) { sampled.push_back(s); });
        ClusterProfile profile = ClusterProfile::forRestConfig(demo.value()->restConfig(), QStringLiteral("default"));
        // A clock that moves on at every reading: no two moments share a millisecond.
        qint64 ms = QDateTime::currentMSecsSinceEpoch();
        profile.clock = [&ms] { return QDateTime::fromMSecsSinceEpoch(ms += 1, Qt::UTC); };
        session.connectTo(profile);
        QTRY_VERIFY_WITH_TIMEOUT(session.state().kind == ConnectionState::Kind::Live, 10000);
        session.disconnectFromCluster();
        QVERIFY(recorder.flush());
        QVERIFY(!sampled.empty());
        const QDateTime first = sampled.front().time;
        const auto watched = recorder.loadWatched(QStringLiteral("default"), first.addSecs(-60), first.addSecs(60));
        QCOMPARE(int(watched.size()), 1);
        QVERIFY2(watched[0].from <= first, qPrintable(QStringLiteral("watched from %1, first status at %2")
                                                          .arg(watched[0].from.toString(Qt::ISODateWithMs),
                                                               first.toString(Qt::ISODateWithMs))));
    }
};

QTEST_GUILESS_MAIN(TestSessionCoverage)
#include "test_session_coverage.moc"
