// kube/metrics/target_pods.h without a network: the Scale answer's selector, which targets need
// a lookup, one pod list per namespace serving every target in it, label matching, and the pods
// a per-pod push writes to (Waiting / LookupFailed / NoPods / Ready).
#include "kube/metrics/target_pods.h"

#include <QObject>
#include <QTest>

using namespace kube;
using namespace kube::metrics;
using nlohmann::json;

namespace {

const api::CrossVersionObjectReference kWeb{"apps/v1", "Deployment", "web"};
const api::CrossVersionObjectReference kDb{"apps/v1", "StatefulSet", "db"};
const std::string kWebKey = "shop/apps/v1/Deployment/web";
const std::string kDbKey = "shop/apps/v1/StatefulSet/db";

api::Pod pod(const std::string &name, const std::string &app, const std::string &phase = "Running",
             bool deleting = false)
{
    json j = {{"metadata", {{"name", name}, {"namespace", "shop"}, {"labels", {{"app", app}}}}},
              {"status", {{"phase", phase}}}};
    if (deleting)
        j["metadata"]["deletionTimestamp"] = "2025-03-14T09:00:00Z";
    return api::decodePod(j).value();
}

QStringList names(const std::vector<const api::Pod *> &pods)
{
    QStringList out;
    for (const api::Pod *p : pods)
        out << QString::fromStdString(p->metadata.name);
    return out;
}

QStringList names(const std::vector<std::string> &pods)
{
    QStringList out;
    for (const auto &p : pods)
        out << QString::fromStdString(p);
    return out;
}

Result<std::string> failure(const char *message)
{
    return makeError(Error::Kind::Invalid, message);
}

} // namespace

Q_DECLARE_METATYPE(kube::metrics::WriteTargets::State)

class TestTargetPods : public QObject {
    Q_OBJECT

private slots:
    void keyOf()
    {
        QCOMPARE(QString::fromStdString(TargetPodIndex::keyOf("shop", kWeb)), QString::fromStdString(kWebKey));
    }

    void scaleSelectorOfABody()
    {
        auto s = scaleSelectorOf(R"({"kind": "Scale", "status": {"replicas": 2, "selector": "app=web"}})");
        QVERIFY(s.ok());
        QCOMPARE(s.value(), std::string("app=web"));
        auto none = scaleSelectorOf(R"({"kind": "Scale", "status": {"replicas": 0}})");
        QVERIFY(none.ok());
        QVERIFY(none->empty()); // a target without a selector: known, selecting nothing
        auto bad = scaleSelectorOf("not json");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, Error::Kind::Decode);
    }

    void lookupsOncePerTarget()
    {
        TargetPodIndex index;
        QVERIFY(index.track("shop", kWeb));
        QVERIFY(!index.track("shop", kWeb)); // in flight
        QVERIFY(index.setSelector(kWebKey, failure("boom")));
        QVERIFY(index.lookupError(kWebKey).value_or("").find("boom") != std::string::npos);
        QVERIFY(!index.selectorOf(kWebKey));
        QVERIFY(index.track("shop", kWeb)); // a failed lookup is retried
        QVERIFY(!index.lookupError(kWebKey));
        QVERIFY(index.setSelector(kWebKey, std::string("app=web")));
        QCOMPARE(index.selectorOf(kWebKey).value_or(""), std::string("app=web"));
        QVERIFY(!index.track("shop", kWeb)); // resolved
        // An answer for a target no longer followed is stale.
        QVERIFY(!index.setSelector("shop/v1/ReplicationController/old", std::string("app=old")));
    }

    void oneNamespaceServesEveryTarget()
    {
        TargetPodIndex index;
        index.setPods("shop", {pod("web-1", "web")}); // nobody follows shop yet: dropped
        QVERIFY(!index.isListed("shop"));
        index.track("shop", kWeb);
        index.track("shop", kDb);
        index.setSelector(kWebKey, std::string("app=web"));
        index.setSelector(kDbKey, std::string("app in (db)"));
        QVERIFY(index.podsOf(kWebKey).empty()); // the pod list has not arrived
        index.setPods("shop", {pod("web-2", "web"), pod("db-0", "db"), pod("web-1", "web")});
        QVERIFY(index.isListed("shop"));
        QCOMPARE(names(index.podsOf(kWebKey)), (QStringList{"web-1", "web-2"})); // sorted by name
        QCOMPARE(names(index.podsOf(kDbKey)), QStringList{"db-0"});
        index.applyEvent("shop", false, pod("web-0", "web"));
        index.applyEvent("shop", true, pod("web-2", "web"));
        QCOMPARE(names(index.podsOf(kWebKey)), (QStringList{"web-0", "web-1"}));
        QCOMPARE(names(index.podsMatching("shop", "app")), (QStringList{"db-0", "web-0", "web-1"}));
        QVERIFY(index.podsMatching("shop", "app in (").empty()); // unparsable: nothing
        QVERIFY(index.podsMatching("other", "app").empty());

        QVERIFY(!index.untrack("shop", kDb)); // web still needs the namespace
        QVERIFY(index.isListed("shop"));
        QVERIFY(index.untrack("shop", kWeb)); // the last one: stop the watch
        QVERIFY(!index.isListed("shop"));
        QVERIFY(!index.selectorOf(kWebKey));
    }

    void emptySelectorSelectsNothing()
    {
        TargetPodIndex index;
        index.track("shop", kWeb);
        index.setSelector(kWebKey, std::string());
        index.setPods("shop", {pod("web-1", "web")});
        QVERIFY(index.podsOf(kWebKey).empty()); // the HPA controller refuses an empty selector
        QCOMPARE(index.writeTargets(kWebKey).state, WriteTargets::State::NoPods);
    }

    void writeTargets_data()
    {
        QTest::addColumn<bool>("resolved");
        QTest::addColumn<bool>("failed");
        QTest::addColumn<bool>("listed");
        QTest::addColumn<WriteTargets::State>("state");
        QTest::addColumn<QStringList>("pods");
        using S = WriteTargets::State;
        QTest::newRow("selector unknown") << false << false << true << S::Waiting << QStringList{};
        QTest::newRow("pods unknown") << true << false << false << S::Waiting << QStringList{};
        QTest::newRow("lookup failed") << false << true << true << S::LookupFailed << QStringList{};
        // Pending pods get a value; deleting, Failed and Succeeded ones do not; db is not web's.
        QTest::newRow("ready") << true << false << true << S::Ready << QStringList{"web-a", "web-b"};
    }
    void writeTargets()
    {
        QFETCH(bool, resolved);
        QFETCH(bool, failed);
        QFETCH(bool, listed);
        QFETCH(WriteTargets::State, state);
        QFETCH(QStringList, pods);
        TargetPodIndex index;
        index.track("shop", kWeb);
        if (resolved)
            index.setSelector(kWebKey, std::string("app=web"));
        if (failed)
            index.setSelector(kWebKey, failure("deployments.apps \"web\" not found"));
        if (listed)
            index.setPods("shop", {pod("web-b", "web", "Pending"), pod("web-a", "web"), pod("web-c", "web", "Running", true),
                                   pod("web-d", "web", "Failed"), pod("web-e", "web", "Succeeded"), pod("db-0", "db")});
        const WriteTargets w = index.writeTargets(kWebKey);
        QCOMPARE(w.state, state);
        QCOMPARE(names(w.pods), pods);
        if (state == WriteTargets::State::Ready)
            QCOMPARE(w.selector, std::string("app=web"));
        if (failed)
            QVERIFY(w.error.find("not found") != std::string::npos);
    }

    void noPodTakesAValue()
    {
        TargetPodIndex index;
        index.track("shop", kWeb);
        index.setSelector(kWebKey, std::string("app=web"));
        index.setPods("shop", {pod("web-old", "web", "Failed"), pod("web-1", "web", "Running", true)});
        const WriteTargets w = index.writeTargets(kWebKey);
        QCOMPARE(w.state, WriteTargets::State::NoPods);
        QCOMPARE(w.selector, std::string("app=web"));
        QVERIFY(w.pods.empty());
    }

    void clearForgetsEverything()
    {
        TargetPodIndex index;
        index.track("shop", kWeb);
        index.setSelector(kWebKey, std::string("app=web"));
        index.setPods("shop", {pod("web-1", "web")});
        index.clear();
        QVERIFY(!index.selectorOf(kWebKey));
        QVERIFY(!index.isListed("shop"));
        QVERIFY(index.track("shop", kWeb));
    }
};

QTEST_GUILESS_MAIN(TestTargetPods)
#include "test_target_pods.moc"
