// HPA samples become chart series: replicas as steps, scale marks when lastScaleTime moves
// (including the first rescale ever), per-HPA gaps; and a session reloads recorded history
// into the charts when it connects (here to the embedded demo cluster, with a real Recorder).
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_metrics.h"
#include "app/core/series_feed.h"
#include "../detail/detail_fixtures.h"
#include "kube/sim/api_server.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <string_view>

using namespace hpascope;

namespace {

HpaSample sample(const QString &name, qint64 t, int current, int desired)
{
    HpaSample s;
    s.time = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    s.namespaceName = QStringLiteral("default");
    s.name = name;
    s.currentReplicas = current;
    s.desiredReplicas = desired;
    s.minReplicas = 1;
    s.maxReplicas = 10;
    return s;
}

QDateTime at(qint64 t)
{
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
}

bool hasGap(const QList<TimedValue> &points)
{
    for (const TimedValue &p : points)
        if (std::isnan(p.v))
            return true;
    return false;
}

} // namespace

class TestSeriesFeed : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sampleCarriesTheDetailRowsNumbers()
    {
        // The chart sample pairs metrics itself (kube::api), and must chart what the detail
        // table shows: status listed in another order than spec, one metric not reported yet.
        auto hpa = test::decodeHpa(test::hpaJson());
        QCOMPARE(int(hpa.spec.metrics.size()), 5);
        hpa.status.currentMetrics.erase(hpa.status.currentMetrics.begin() + 3); // Pods: unknown
        const HpaSample s = sampleOf(hpa, at(1000));
        QCOMPARE(s.key(), QStringLiteral("shop/web"));
        QCOMPARE(s.currentReplicas, 5);
        QCOMPARE(s.desiredReplicas, 7);
        const auto rows = metricRows(hpa);
        QCOMPARE(s.metrics.size(), rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(s.metrics[i].identity, rows[i].identity);
            QCOMPARE(s.metrics[i].name, rows[i].name);
            QCOMPARE(s.metrics[i].current, rows[i].currentNumber);
            QCOMPARE(s.metrics[i].target, rows[i].targetNumber);
        }
        QCOMPARE(s.metrics[0].current.value_or(-1), 62.0); // cpu: the utilization, not 310m
        QCOMPARE(s.metrics[0].targetText, QStringLiteral("50%"));
        QVERIFY(!s.metrics[2].current);
        QVERIFY(s.metrics[2].currentText.isEmpty());
        QCOMPARE(s.metrics[3].current.value_or(-1), 12000.0);
        QCOMPARE(s.metrics[4].current.value_or(-1), 42.0);
    }

    void scaleMarksFollowLastScaleTime()
    {
        SeriesStore store;
        SeriesFeed feed(&store);
        const QString key = QStringLiteral("default/web");
        feed.add(sample(QStringLiteral("web"), 1000, 1, 1), QDateTime()); // never scaled
        feed.add(sample(QStringLiteral("web"), 2000, 1, 2), at(2000));     // the first rescale ever
        feed.add(sample(QStringLiteral("web"), 3000, 2, 3), at(3000));     // from 2 (written with it) to 3
        feed.add(sample(QStringLiteral("web"), 4000, 3, 3), at(3000));     // same lastScaleTime: no mark
        feed.add(sample(QStringLiteral("web"), 5000, 3, 1), at(5000));
        const auto marks = store.annotations(key, 0, 10000);
        QCOMPARE(marks.size(), 3);
        QCOMPARE(marks[0].text, QStringLiteral("1→2"));
        QCOMPARE(marks[1].text, QStringLiteral("2→3"));
        QCOMPARE(marks[2].text, QStringLiteral("3→1"));
        QCOMPARE(marks[2].kind, Annotation::Kind::ScaleDown);
        const auto desired = store.raw(series_keys::replicas(key, QStringLiteral("desired")));
        QVERIFY(!desired.isEmpty());
        QCOMPARE(desired.last().v, 1.0);
    }

    void firstSampleAfterConnectingIsOnlyABaseline()
    {
        SeriesStore store;
        SeriesFeed feed(&store);
        feed.add(sample(QStringLiteral("web"), 1000, 2, 2), at(500)); // scaled before we watched
        QCOMPARE(store.annotations(QStringLiteral("default/web"), 0, 10000).size(), 0);
    }

    void lateStatusStillMarksFromThePreviousDecision()
    {
        // The watch may deliver the rescale only once status.currentReplicas already shows it.
        SeriesStore store;
        SeriesFeed feed(&store);
        feed.add(sample(QStringLiteral("web"), 1000, 1, 2), at(900));
        feed.add(sample(QStringLiteral("web"), 2000, 3, 3), at(2000));
        const auto marks = store.annotations(QStringLiteral("default/web"), 0, 10000);
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks[0].text, QStringLiteral("2→3"));
    }

    void newHpaMarksFromItsOwnCount()
    {
        // An HPA created while we watch: its first status (no sync yet) shows 0/0; the first
        // rescale of a target that runs 2 pods is 2→3, not 0→3.
        SeriesStore store;
        SeriesFeed feed(&store);
        feed.add(sample(QStringLiteral("web"), 1000, 0, 0), QDateTime());
        feed.add(sample(QStringLiteral("web"), 2000, 2, 3), at(2000));
        const auto marks = store.annotations(QStringLiteral("default/web"), 0, 10000);
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks[0].text, QStringLiteral("2→3"));
    }

    void gapIsPerHpa()
    {
        SeriesStore store;
        SeriesFeed feed(&store);
        const QString identity = QStringLiteral("Resource cpu");
        const auto withCpu = [&](const QString &name) {
            HpaSample s = sample(name, 1000, 1, 1);
            s.metrics.push_back({identity, QStringLiteral("cpu"), 40, QStringLiteral("40%"), 50, QStringLiteral("50%")});
            return s;
        };
        feed.add(withCpu(QStringLiteral("a")), QDateTime());
        feed.add(withCpu(QStringLiteral("ab")), QDateTime()); // "default/a" is a prefix of its key
        feed.add(sample(QStringLiteral("b"), 1000, 1, 1), QDateTime());
        feed.gap(QStringLiteral("default/a"), at(1500));
        for (const char *field : {"current", "desired", "min", "max"})
            QVERIFY2(hasGap(store.raw(series_keys::replicas(QStringLiteral("default/a"), QString::fromLatin1(field)))), field);
        for (const char *field : {"current", "target"}) {
            const QString f = QString::fromLatin1(field);
            QVERIFY2(hasGap(store.raw(series_keys::metric(QStringLiteral("default/a"), identity, f))), field);
            QVERIFY2(!hasGap(store.raw(series_keys::metric(QStringLiteral("default/ab"), identity, f))), field);
        }
        QVERIFY(!hasGap(store.raw(series_keys::replicas(QStringLiteral("default/ab"), QStringLiteral("current")))));
        QVERIFY(!hasGap(store.raw(series_keys::replicas(QStringLiteral("default/b"), QStringLiteral("current")))));
        const qsizetype keys = store.keys().size();
        feed.gap(QStringLiteral("default/never-seen"), at(1600));
        QCOMPARE(store.keys().size(), keys); // no series made up for an HPA without data
    }

    void steadyMetricIsDrawnUntilNow()
    {
        // A real controller writes status only when it changes: a steady Object metric arrives
        // once per connection (after recorded history, behind a gap). Each piece must still draw
        // a line, as the target's does, not a lone vertex that QLineSeries cannot draw.
        SeriesStore store;
        store.setClock([] { return qint64(61'000); });
        SeriesFeed feed(&store);
        const QString hpa = QStringLiteral("default/web");
        const QString identity = QStringLiteral("Object test-metric on Service/kubernetes (v1)");
        auto withMetric = [&](qint64 t) {
            HpaSample s = sample(QStringLiteral("web"), t, 1, 1);
            s.metrics.push_back({identity, QStringLiteral("test-metric on Service/kubernetes"), 0.4,
                                 QStringLiteral("400m"), 0.3, QStringLiteral("300m")});
            return s;
        };
        feed.add(withMetric(1000), QDateTime());      // recorded history
        feed.gap(hpa, at(1001));                      // hpascope was not watching
        feed.add(withMetric(30'000), QDateTime());    // the only live status
        for (const char *field : {"current", "target"}) {
            const SeriesView v = store.view(series_keys::metric(hpa, identity, QString::fromLatin1(field)),
                                            20'000, 61'000, 600);
            QVERIFY2(v.segments.size() == 1, field);
            QVERIFY2(v.segments[0].size() >= 2, field); // a line, not a single vertex
            QCOMPARE(v.segments[0].last(), QPointF(61'000, std::string_view(field) == "current" ? 0.4 : 0.3));
        }
    }

    void sessionReloadsRecordedHistory()
    {
        QTemporaryDir dir;
        Recorder recorder;
        QVERIFY(recorder.open(dir.filePath(QStringLiteral("history.sqlite"))));
        recorder.setContext(QStringLiteral("hpascope-demo"));
        // What an earlier run saw, an hour ago: web at 4 replicas.
        const qint64 hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600).toMSecsSinceEpoch();
        recorder.recordSample(sample(QStringLiteral("web"), hourAgo, 4, 4));
        recorder.recordSample(sample(QStringLiteral("web"), hourAgo + 60000, 4, 4));
        QVERIFY(recorder.flush());

        auto demo = kube::sim::DemoCluster::start({});
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        ClusterSession session;
        session.setRecorder(&recorder);
        QSignalSpy synced(&session, &ClusterSession::hpasSynced);
        session.connectTo(ClusterProfile::forRestConfig(demo.value()->restConfig(), QStringLiteral("default")));
        QVERIFY(synced.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!session.history()->isBusy(), 10000); // fed in slices

        const auto current = session.series()->raw(series_keys::replicas(QStringLiteral("default/web"), QStringLiteral("current")));
        QVERIFY2(current.size() >= 3, qPrintable(QString::number(current.size())));
        QCOMPARE(current.first().t, hourAgo);
        QCOMPARE(current.first().v, 4.0);
        QVERIFY2(hasGap(current), "the time hpascope was not watching must be a gap, not a line");
        QCOMPARE(current.last().v, 1.0); // live again: the demo's web runs 1 replica
        session.disconnectFromCluster();
    }
};

QTEST_GUILESS_MAIN(TestSeriesFeed)
#include "test_series_feed.moc"
