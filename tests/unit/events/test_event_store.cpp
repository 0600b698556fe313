// EventStore and EventModel: merging repeats, keeping events the API server expired, the HPA
// filter (HPA, target, the target's ReplicaSets and Pods), newest-first order, and the live
// path (one core/v1 watch per scope) against the scripted HTTPS server.
#include "app/core/event_model.h"
#include "app/core/event_store.h"
#include "event_fixtures.h"
#include "kube/http/client.h"
#include "kube/watch/reflector.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope;
using namespace hpascope::test;
using kube::watch::EventType;
using nlohmann::json;

namespace {

QStringList uids(const EventModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(EventModel::UidRole).toString();
    return out;
}

EventRecord byUid(const QString &uid)
{
    for (const auto &e : fixtureEvents())
        if (e.uid == uid)
            return e;
    return {};
}

const QStringList kWebNewestFirst{QStringLiteral("ev-hpa-failed"), QStringLiteral("ev-pod-sched"),
                                  QStringLiteral("ev-rs-create"), QStringLiteral("ev-deploy-scaled"),
                                  QStringLiteral("ev-hpa-rescale")};

} // namespace

class TestEventStore : public QObject {
    Q_OBJECT

private slots:
    void fixtureDecodes()
    {
        const auto events = fixtureEvents();
        QCOMPARE(int(events.size()), 9);
        const EventRecord failed = byUid(QStringLiteral("ev-hpa-failed"));
        QCOMPARE(failed.count, 12);
        QVERIFY(failed.isWarning());
        QCOMPARE(failed.reason, QStringLiteral("FailedGetObjectMetric"));
        QCOMPARE(failed.objectText(), QStringLiteral("HorizontalPodAutoscaler/web"));
        QCOMPARE(failed.source, QStringLiteral("horizontal-pod-autoscaler"));
        QCOMPARE(failed.firstTimestamp, utc("2024-05-01T11:40:00Z"));
        QCOMPARE(failed.lastTimestamp, utc("2024-05-01T11:58:30Z"));
    }

    void filterMatches_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<bool>("expected");
        QTest::newRow("the HPA") << "HorizontalPodAutoscaler" << "web" << "shop" << true;
        QTest::newRow("another HPA") << "HorizontalPodAutoscaler" << "worker" << "shop" << false;
        QTest::newRow("same name, other namespace") << "HorizontalPodAutoscaler" << "web" << "staging" << false;
        QTest::newRow("the Deployment") << "Deployment" << "web" << "shop" << true;
        QTest::newRow("a Deployment with a longer name") << "Deployment" << "web-api" << "shop" << false;
        QTest::newRow("its ReplicaSet") << "ReplicaSet" << "web-7d9f8c6b5" << "shop" << true;
        QTest::newRow("its Pod") << "Pod" << "web-7d9f8c6b5-x2k4q" << "shop" << true;
        QTest::newRow("ReplicaSet of web-api") << "ReplicaSet" << "web-api-6c4b7d8f9" << "shop" << false;
        QTest::newRow("Pod of web-api") << "Pod" << "web-api-6c4b7d8f9-p9q8r" << "shop" << false;
        QTest::newRow("Pod prefix without hash") << "Pod" << "web-" << "shop" << false;
        QTest::newRow("a Service named like a pod") << "Service" << "web-7d9f8c6b5" << "shop" << false;
    }

    void filterMatches()
    {
        QFETCH(QString, kind);
        QFETCH(QString, name);
        QFETCH(QString, ns);
        QFETCH(bool, expected);
        EventRecord e;
        e.uid = QStringLiteral("u");
        e.involvedKind = kind;
        e.involvedName = name;
        e.involvedNamespace = ns;
        e.namespaceName = ns;
        QCOMPARE(webFilter().matches(e), expected);
    }

    void filterForStatefulSetPods()
    {
        EventFilter f{QStringLiteral("shop"), QStringLiteral("db"), QStringLiteral("StatefulSet"), QStringLiteral("db")};
        EventRecord pod;
        pod.involvedKind = QStringLiteral("Pod");
        pod.involvedName = QStringLiteral("db-0");
        pod.involvedNamespace = QStringLiteral("shop");
        QVERIFY(f.matches(pod));
        pod.involvedName = QStringLiteral("db-backup-0");
        QVERIFY(!f.matches(pod));
        QVERIFY(!EventFilter{}.matches(pod)); // no HPA selected: nothing
    }

    void mergesRepeats()
    {
        EventStore store;
        store.applySynced(fixtureEvents());
        QSignalSpy changed(&store, &EventStore::eventsChanged);
        EventRecord again = byUid(QStringLiteral("ev-hpa-failed"));
        again.count = 13;
        again.lastTimestamp = utc("2024-05-01T11:59:00Z");
        again.firstTimestamp = utc("2024-05-01T11:59:00Z"); // a later copy must not move it forward
        store.applyWatchEvent(EventType::Modified, again);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.size(), 9);
        const EventRecord *e = store.find(QStringLiteral("ev-hpa-failed"));
        QVERIFY(e);
        QCOMPARE(e->count, 13);
        QCOMPARE(e->lastTimestamp, utc("2024-05-01T11:59:00Z"));
        QCOMPARE(e->firstTimestamp, utc("2024-05-01T11:40:00Z"));

        // A replayed older copy (relist after a reconnect) never moves the count back.
        store.applyWatchEvent(EventType::Modified, byUid(QStringLiteral("ev-hpa-failed")));
        QCOMPARE(store.find(QStringLiteral("ev-hpa-failed"))->count, 13);
        QCOMPARE(store.find(QStringLiteral("ev-hpa-failed"))->lastTimestamp, utc("2024-05-01T11:59:00Z"));
        QCOMPARE(changed.count(), 1); // nothing changed, nothing emitted
    }

    void deletedEventIsKeptAsExpired()
    {
        EventStore store;
        EventModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(webFilter());
        store.applySynced(fixtureEvents());
        QCOMPARE(model.rowCount(), 5);

        store.applyWatchEvent(EventType::Deleted, byUid(QStringLiteral("ev-hpa-rescale")));
        QCOMPARE(store.size(), 9);
        QVERIFY(store.find(QStringLiteral("ev-hpa-rescale"))->expired);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(uids(model), kWebNewestFirst);
        QVERIFY(model.index(4, 0).data(EventModel::ExpiredRole).toBool());
        QCOMPARE(model.expiredCount(), 1);
    }

    void relistMarksMissingExpired()
    {
        EventStore store;
        auto all = fixtureEvents();
        store.applySynced(all);
        std::vector<EventRecord> fewer;
        for (const auto &e : all)
            if (e.uid != QLatin1String("ev-pod-sched"))
                fewer.push_back(e);
        store.applySynced(fewer); // the TTL removed it while we were disconnected
        QCOMPARE(store.size(), 9);
        QVERIFY(store.find(QStringLiteral("ev-pod-sched"))->expired);
        QVERIFY(!store.find(QStringLiteral("ev-rs-create"))->expired);
        store.applySynced(all);
        QVERIFY(!store.find(QStringLiteral("ev-pod-sched"))->expired);
    }

    void historyNeverOverridesLiveEvents()
    {
        EventStore store;
        store.applySynced(fixtureEvents());
        EventRecord stale = byUid(QStringLiteral("ev-hpa-failed"));
        stale.message = QStringLiteral("old text");
        stale.expired = true;
        EventRecord older;
        older.uid = QStringLiteral("ev-yesterday");
        older.namespaceName = older.involvedNamespace = QStringLiteral("shop");
        older.involvedKind = QStringLiteral("HorizontalPodAutoscaler");
        older.involvedName = QStringLiteral("web");
        older.reason = QStringLiteral("SuccessfulRescale");
        older.lastTimestamp = older.firstTimestamp = utc("2024-04-30T08:00:00Z");
        older.expired = true;
        store.addHistory({stale, older});
        QCOMPARE(store.size(), 10);
        QCOMPARE(store.find(QStringLiteral("ev-hpa-failed"))->message, byUid(QStringLiteral("ev-hpa-failed")).message);
        QVERIFY(!store.find(QStringLiteral("ev-hpa-failed"))->expired);
        QVERIFY(store.find(QStringLiteral("ev-yesterday"))->expired);
    }

    void historyArrivingAfterTheListIsExpired()
    {
        // The recorder answers on its own thread: its history may come before or after the
        // watch's first list. Either way an event the list did not have is gone from the server.
        EventRecord recorded = byUid(QStringLiteral("ev-hpa-failed"));
        recorded.uid = QStringLiteral("ev-recorded");
        recorded.expired = false; // it was live when recorded
        EventStore before;
        before.addHistory({recorded});
        before.applySynced(fixtureEvents());
        EventStore after;
        after.applySynced(fixtureEvents());
        QSignalSpy changed(&after, &EventStore::eventsChanged);
        after.addHistory({recorded, byUid(QStringLiteral("ev-hpa-failed"))});
        for (EventStore *store : {&before, &after}) {
            QCOMPARE(store->size(), 10);
            QVERIFY(store->find(QStringLiteral("ev-recorded"))->expired);
            QVERIFY(!store->find(QStringLiteral("ev-hpa-failed"))->expired);
        }
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.front().front().value<QList<EventRecord>>().front().expired); // recorded so
        EventStore unlisted; // a store whose watch has not listed yet keeps the recorded state
        unlisted.addHistory({recorded});
        QVERIFY(!unlisted.find(QStringLiteral("ev-recorded"))->expired);
    }

    void modelFiltersNewestFirst()
    {
        EventStore store;
        EventModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return utc("2024-05-01T12:00:00Z"); });
        // Events arriving one by one (watch) and as a batch (list) give the same order.
        model.setFilter(webFilter());
        for (const auto &e : fixtureEvents())
            store.applyWatchEvent(EventType::Added, e);
        QCOMPARE(uids(model), kWebNewestFirst);
        EventModel batch(&store);
        batch.setFilter(webFilter());
        QCOMPARE(uids(batch), kWebNewestFirst);

        QCOMPARE(model.index(0, EventModel::Type).data().toString(), QStringLiteral("Warning"));
        QVERIFY(model.index(0, 0).data(EventModel::WarningRole).toBool());
        QVERIFY(!model.index(2, 0).data(EventModel::WarningRole).toBool());
        QCOMPARE(model.index(1, EventModel::Object).data().toString(), QStringLiteral("Pod/web-7d9f8c6b5-x2k4q"));
        QCOMPARE(model.index(0, EventModel::Count).data().toInt(), 12);
        QCOMPARE(model.index(0, EventModel::Age).data().toString(), QStringLiteral("90s"));
        QCOMPARE(model.index(4, EventModel::Age).data().toString(), QStringLiteral("3m"));
        QCOMPARE(model.headerData(EventModel::Reason, Qt::Horizontal).toString(), QStringLiteral("Reason"));
    }

    void modelMovesRepeatedEventToTop()
    {
        EventStore store;
        EventModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(webFilter());
        store.applySynced(fixtureEvents());
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

        EventRecord again = byUid(QStringLiteral("ev-rs-create"));
        again.count = 2;
        again.lastTimestamp = utc("2024-05-01T11:59:59Z");
        store.applyWatchEvent(EventType::Modified, again);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(uids(model).first(), QStringLiteral("ev-rs-create"));
        QCOMPARE(model.index(0, EventModel::Count).data().toInt(), 2);
        QCOMPARE(model.rowCount(), 5);

        // The oldest row moving to the middle, then an unrelated event: no change for this HPA.
        EventRecord mid = byUid(QStringLiteral("ev-hpa-rescale"));
        mid.lastTimestamp = utc("2024-05-01T11:57:20Z");
        store.applyWatchEvent(EventType::Modified, mid);
        QCOMPARE(uids(model), (QStringList{QStringLiteral("ev-rs-create"), QStringLiteral("ev-hpa-failed"),
                                           QStringLiteral("ev-pod-sched"), QStringLiteral("ev-hpa-rescale"),
                                           QStringLiteral("ev-deploy-scaled")}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        store.applyWatchEvent(EventType::Added, byUid(QStringLiteral("ev-other-hpa")));
        QCOMPARE(inserted.count(), 0);

        // Switching HPA re-filters.
        model.setFilter({QStringLiteral("shop"), QStringLiteral("worker"), QStringLiteral("Deployment"), QStringLiteral("worker")});
        QCOMPARE(uids(model), QStringList{QStringLiteral("ev-other-hpa")});
        store.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void ageText_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seconds") << 45 << "45s";
        QTest::newRow("under two minutes") << 119 << "119s";
        QTest::newRow("minutes and seconds") << 192 << "3m12s";
        QTest::newRow("minutes") << 95 * 60 << "95m";
        QTest::newRow("hours and minutes") << 5 * 3600 + 180 << "5h3m";
        QTest::newRow("hours") << 30 * 3600 << "30h";
        QTest::newRow("days and hours") << 3 * 86400 + 4 * 3600 << "3d4h";
        QTest::newRow("days") << 9 * 86400 << "9d";
    }

    void ageText()
    {
        QFETCH(int, seconds);
        QFETCH(QString, expected);
        const QDateTime now = utc("2024-05-01T12:00:00Z");
        QCOMPARE(EventModel::ageText(now.addSecs(-seconds), now), expected);
    }

    void liveWatchOnePerScope()
    {
        QTemporaryDir tmp;
        TestCerts certs;
        QString error;
        QVERIFY2(certs.generate(tmp.filePath(QStringLiteral("certs")), &error), qPrintable(error));
        ScriptedServer server;
        ScriptedServer::Options o;
        o.certDir = certs.dir;
        QVERIFY2(server.start(o, &error), qPrintable(error));

        json list = loadJson(QStringLiteral("events_list.json"));
        json failed, rescale;
        for (const auto &item : list["items"]) {
            if (item["metadata"]["uid"] == "ev-hpa-failed")
                failed = item;
            if (item["metadata"]["uid"] == "ev-hpa-rescale")
                rescale = item;
        }
        failed["count"] = 13;
        failed["lastTimestamp"] = "2024-05-01T11:59:00Z";
        failed["metadata"]["resourceVersion"] = "5001";
        rescale["metadata"]["resourceVersion"] = "5002";
        auto frame = [](const char *type, json obj) {
            obj["kind"] = "Event";
            obj["apiVersion"] = "v1";
            return json{{"type", type}, {"object", obj}}.dump() + "\n";
        };
        const std::string path = "/api/v1/namespaces/shop/events";
        QVERIFY(server.setRoutes(json::array({
            {{"path", path}, {"query", {{"watch", nullptr}}}, {"responses", json::array({{{"json", list}}})}},
            {{"path", path}, {"query", {{"watch", "1"}}},
             {"responses", json::array({{{"chunks", json::array({frame("MODIFIED", failed), frame("DELETED", rescale)})},
                                         {"end", "hang"}}})}},
        })));

        auto client = kube::http::Client::create(restConfigFor(server, certs));
        QVERIFY(client.ok());

        EventStore store;
        EventModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(webFilter());
        store.start(client.value(), QStringLiteral("shop"));
        QVERIFY(waitUntil([&] {
            const EventRecord *r = store.find(QStringLiteral("ev-hpa-rescale"));
            const EventRecord *f = store.find(QStringLiteral("ev-hpa-failed"));
            return r && r->expired && f && f->count == 13;
        }));
        QCOMPARE(store.size(), 9);
        QCOMPARE(uids(model), kWebNewestFirst);
        QVERIFY(waitUntil([&] { return store.isLive(); }));
        QCOMPARE(server.countRequests(path, "watch=1"), 1);
        QCOMPARE(server.countRequests("/api/v1/events"), 0);

        const quint64 before = store.generation();
        store.stop();
        QVERIFY(store.generation() > before);
        QVERIFY(!store.isRunning());
        QCOMPARE(store.size(), 9); // stopping keeps the history
    }
};

QTEST_GUILESS_MAIN(TestEventStore)
#include "test_event_store.moc"
