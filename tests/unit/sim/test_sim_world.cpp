// kube/sim World on a manual clock: the seeded scenario, pod lifecycle, the controller loop on
// every metric type, explicit behavior policies checked against kube/hpa's predictor, the change
// log behind watches, and selectors.
#include "kube/api/hpa.h"
#include "kube/hpa/predictor.h"
#include "kube/sim/world.h"

#include <QTest>

using namespace kube;
using namespace kube::sim;
using namespace std::chrono_literals;

namespace {

// A fixed start so times in failures are readable: 2025-01-01T00:00:00Z.
const Time kStart = Time{} + std::chrono::seconds(1735689600);

WorldOptions fixedOptions()
{
    WorldOptions o;
    o.start = kStart;
    return o;
}

api::Quantity q(const char *text)
{
    return *api::Quantity::parse(text);
}

json hpaOf(const World &w, const std::string &name)
{
    return *w.get("horizontalpodautoscalers", "default", name);
}

int32_t specReplicas(const World &w, const std::string &deployment)
{
    return w.get("deployments", "default", deployment)->at("spec").at("replicas").get<int32_t>();
}

std::vector<json> podsOf(const World &w, const std::string &app)
{
    return w.list("pods", "default", *Filter::parse("app=" + app, "")).items;
}

bool isReady(const json &pod)
{
    for (const auto &c : pod["status"].value("conditions", json::array()))
        if (c["type"] == "Ready")
            return c["status"] == "True";
    return false;
}

int countEvents(const World &w, const std::string &reason, const std::string &messagePart = {})
{
    int n = 0;
    for (const auto &e : w.list("events", "default", {}).items)
        if (e["reason"] == reason && e["message"].get<std::string>().find(messagePart) != std::string::npos)
            ++n;
    return n;
}

} // namespace

class TestSimWorld : public QObject {
    Q_OBJECT

private slots:
    void seededScenarioIsSettled()
    {
        auto w = World::demo(fixedOptions());
        const auto hpas = w->list("horizontalpodautoscalers", "", {}).items;
        QCOMPARE(hpas.size(), std::size_t(4));
        for (const auto &h : hpas) {
            const std::string name = h["metadata"]["name"];
            const auto decoded = api::decodeHorizontalPodAutoscaler(h);
            QVERIFY2(decoded.ok(), name.c_str());
            QVERIFY2(!decoded->status.currentMetrics.empty(), name.c_str());
            QVERIFY2(decoded->status.currentMetrics.front().type != api::MetricSourceType::Unknown, name.c_str());
            const auto *active = decoded->condition("ScalingActive");
            QVERIFY2(active && active->status == "True", name.c_str());
            // Settled: the first sync keeps every deployment where it was seeded.
            QCOMPARE(decoded->status.desiredReplicas, specReplicas(*w, name));
        }
        QCOMPARE(specReplicas(*w, "web"), 1);
        QCOMPARE(specReplicas(*w, "worker"), 2);
        for (const auto &p : podsOf(*w, "worker"))
            QVERIFY(isReady(p));
        QVERIFY(hpaOf(*w, "batch")["spec"].contains("behavior"));
        QVERIFY(!hpaOf(*w, "web")["spec"].contains("behavior"));
        QCOMPARE(w->nextSync(), kStart + 15s);
    }

    void podsBecomeReadyAfterTheDelayAndNewestGoFirst()
    {
        auto w = World::demo(fixedOptions());
        const std::string oldest = podsOf(*w, "web").front()["metadata"]["name"];
        QVERIFY(w->scaleDeployment("default", "web", 3).ok());
        auto pods = podsOf(*w, "web");
        QCOMPARE(pods.size(), std::size_t(3));
        int pending = 0;
        for (const auto &p : pods)
            pending += p["status"]["phase"] == "Pending";
        QCOMPARE(pending, 2);
        QCOMPARE(countEvents(*w, "ScalingReplicaSet", "from 1 to 3"), 1);
        QCOMPARE(countEvents(*w, "SuccessfulCreate"), 2);

        w->advance(2s); // podStartDelay: Running, not yet Ready
        int running = 0, ready = 0;
        for (const auto &p : podsOf(*w, "web"))
            running += p["status"]["phase"] == "Running", ready += isReady(p);
        QCOMPARE(running, 3);
        QCOMPARE(ready, 1);
        w->advance(7999ms);
        ready = 0;
        for (const auto &p : podsOf(*w, "web"))
            ready += isReady(p);
        QCOMPARE(ready, 1);
        w->advance(1ms); // exactly podReadyDelay after creation
        ready = 0;
        for (const auto &p : podsOf(*w, "web"))
            ready += isReady(p);
        QCOMPARE(ready, 3);
        const auto dep = *w->get("deployments", "default", "web");
        QCOMPARE(dep["status"]["readyReplicas"].get<int>(), 3);

        QVERIFY(w->scaleDeployment("default", "web", 1).ok());
        pods = podsOf(*w, "web");
        QCOMPARE(pods.size(), std::size_t(1));
        QCOMPARE(pods.front()["metadata"]["name"].get<std::string>(), oldest);
        QCOMPARE(countEvents(*w, "SuccessfulDelete"), 2);
        QCOMPARE(countEvents(*w, "ScalingReplicaSet", "Scaled down replica set"), 1);
        QCOMPARE(w->scaleDeployment("default", "nope", 1).error().httpStatus, 404);
    }

    void cpuHpaReactsToLoad()
    {
        auto w = World::demo(fixedOptions());
        QCOMPARE(specReplicas(*w, "api"), 2);
        // 600m over 2 Ready pods with a 200m request: 150 % against a 60 % target -> 5, capped
        // by the legacy scale-up limit max(2 * 2, 4) = 4.
        w->writeMetric({"default", "deployments.apps", "api", "cpu-load"}, q("600m"));
        w->advance(15s);
        QCOMPARE(specReplicas(*w, "api"), 4);
        const auto decoded = api::decodeHorizontalPodAutoscaler(hpaOf(*w, "api"));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->status.currentMetrics.front().resource->current.averageUtilization.value_or(-1), 150);
        QCOMPARE(countEvents(*w, "SuccessfulRescale", "New size: 4; reason: cpu resource utilization (percentage of request) above target"), 1);
        // The load is shared by the 2 Ready pods; the 2 new ones are still Pending.
        const auto usage = w->podCpuUsageMilli("default");
        int sharing = 0;
        for (const auto &p : podsOf(*w, "api")) {
            const auto it = usage.find("default/" + p["metadata"]["name"].get<std::string>());
            QCOMPARE(it != usage.end(), isReady(p));
            if (it != usage.end()) {
                QCOMPARE(it->second, int64_t(300));
                ++sharing;
            }
        }
        QCOMPARE(sharing, 2);
    }

    void podsMetricPerPod()
    {
        auto w = World::demo(fixedOptions());
        for (const auto &p : podsOf(*w, "worker"))
            w->writeMetric({"default", "pods", p["metadata"]["name"], "jobs_pending"}, q("20"));
        w->advance(15s);
        // average 20 against 5 -> ceil(4 * 2) = 8, capped at max(2 * 2, 4) = 4
        QCOMPARE(specReplicas(*w, "worker"), 4);
        const auto decoded = api::decodeHorizontalPodAutoscaler(hpaOf(*w, "worker"));
        QCOMPARE(decoded->status.currentMetrics.front().pods->current.averageValue->toString(), std::string("20"));
    }

    void missingObjectMetricIsReported()
    {
        WorldOptions o = fixedOptions();
        World w(o);
        w.addService("default", "svc");
        w.addDeployment({"default", "app", 2, 200, true});
        QVERIFY(w.addHpa({{"metadata", {{"name", "app"}}},
                          {"spec", {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "app"}}},
                                    {"maxReplicas", 5},
                                    {"metrics", {{{"type", "Object"},
                                                  {"object", {{"describedObject", {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "svc"}}},
                                                              {"metric", {{"name", "absent"}}},
                                                              {"target", {{"type", "Value"}, {"value", "1"}}}}}}}}}}})
                    .ok());
        w.advance(1ms); // the first sync runs at the start time
        const auto decoded = api::decodeHorizontalPodAutoscaler(*w.get("horizontalpodautoscalers", "default", "app"));
        const auto *active = decoded->condition("ScalingActive");
        QVERIFY(active);
        QCOMPARE(active->reason, std::string("FailedGetObjectMetric"));
        QVERIFY(active->message.find("the server could not find the metric absent for services svc") != std::string::npos);
        QCOMPARE(countEvents(w, "FailedGetObjectMetric"), 1);
        w.advance(15s); // the same warning again folds into a count
        QCOMPARE(countEvents(w, "FailedGetObjectMetric"), 1);
        for (const auto &e : w.list("events", "default", {}).items)
            if (e["reason"] == "FailedGetObjectMetric")
                QCOMPARE(e["count"].get<int>(), 2);
        QCOMPARE(specReplicas(w, "app"), 2);
    }

    void explicitBehaviorFollowsItsPolicies()
    {
        auto w = World::demo(fixedOptions());
        w->writeMetric({"default", "services", "batch-queue", "queue-length"}, q("100"));
        auto decoded = api::decodeHorizontalPodAutoscaler(hpaOf(*w, "batch"));
        QVERIFY(decoded.ok());
        hpa::PredictOptions po;
        po.horizon = 300s;
        po.podReadyDelay = std::chrono::duration_cast<hpa::Seconds>(w->options().podReadyDelay);
        po.currentReplicas = 1;
        const auto expected = hpa::predict(*decoded, w->controllerConfig(), *w->hpaHistory("default", "batch"),
                                           {q("100")}, w->nextSync(), po);
        QVERIFY(!expected.empty());
        std::vector<std::pair<Time, int32_t>> seen;
        for (const auto &[t, replicas] : expected) {
            w->advance(std::chrono::duration_cast<Millis>(t - w->now()));
            QCOMPARE(w->now(), t);
            seen.emplace_back(t, specReplicas(*w, "batch"));
            QCOMPARE(seen.back().second, replicas);
        }
        // scaleUp: Pods 2 per 60 s -> 3 at the first sync, never more than +2 within 60 s.
        QCOMPARE(seen.front().second, 3);
        for (std::size_t i = 0; i < seen.size(); ++i)
            for (std::size_t j = i + 1; j < seen.size() && seen[j].first - seen[i].first < 60s; ++j)
                QVERIFY(seen[j].second - seen[i].second <= 2);
        QCOMPARE(seen.back().second, 10);

        // scaleDown: window 60 s, then at most 50 % per 30 s.
        w->writeMetric({"default", "services", "batch-queue", "queue-length"}, q("5"));
        const Time dropAt = w->now();
        std::vector<std::pair<Time, int32_t>> down;
        for (int i = 0; i < 20; ++i) {
            w->advance(15s);
            down.emplace_back(w->now(), specReplicas(*w, "batch"));
        }
        for (const auto &[t, replicas] : down)
            if (t - dropAt < 60s) // a recommendation leaves the window once it is 60 s old
                QCOMPARE(replicas, 10);
        for (std::size_t i = 0; i < down.size(); ++i)
            for (std::size_t j = i + 1; j < down.size() && down[j].first - down[i].first < 30s; ++j)
                QVERIFY(down[j].second >= down[i].second / 2); // int32(start * (1 - 50 / 100))
        QCOMPARE(down.back().second, 1);
    }

    void changeLogServesWatchesAndExpires()
    {
        WorldOptions o = fixedOptions();
        o.changeLogCapacity = 8;
        World w(o);
        const uint64_t start = w.resourceVersion();
        w.addDeployment({"default", "a", 2, 100, false});
        const auto batch = w.changesSince("pods", "default", start, {});
        QVERIFY(!batch.expired);
        QCOMPARE(batch.events.size(), std::size_t(2));
        QCOMPARE(batch.events.front().type, std::string("ADDED"));
        w.advance(10s); // both pods Running, then Ready: MODIFIED
        const auto later = w.changesSince("pods", "default", batch.resourceVersion, {});
        QVERIFY(later.expired || !later.events.empty());
        QVERIFY(w.changesSince("pods", "default", 0, {}).expired);
        const auto fresh = w.changesSince("pods", "", w.resourceVersion(), {});
        QVERIFY(!fresh.expired);
        QVERIFY(fresh.events.empty());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("fields");
        QTest::addColumn<bool>("matches");
        QTest::newRow("everything") << QString() << QString() << true;
        QTest::newRow("label equal") << QStringLiteral("app=web") << QString() << true;
        QTest::newRow("label other") << QStringLiteral("app=api") << QString() << false;
        QTest::newRow("label set") << QStringLiteral("app in (api,web)") << QString() << true;
        QTest::newRow("label absent") << QStringLiteral("!tier") << QString() << true;
        QTest::newRow("field") << QString() << QStringLiteral("involvedObject.name=web") << true;
        QTest::newRow("field double") << QString() << QStringLiteral("involvedObject.kind==Deployment") << true;
        QTest::newRow("field negated") << QString() << QStringLiteral("involvedObject.name!=web") << false;
        QTest::newRow("both") << QStringLiteral("app=web") << QStringLiteral("metadata.namespace=default,involvedObject.name=web") << true;
    }

    void filters()
    {
        QFETCH(QString, labels);
        QFETCH(QString, fields);
        QFETCH(bool, matches);
        const json object{{"metadata", {{"name", "x"}, {"namespace", "default"}, {"labels", {{"app", "web"}}}}},
                          {"involvedObject", {{"kind", "Deployment"}, {"name", "web"}}}};
        auto f = Filter::parse(labels.toStdString(), fields.toStdString());
        QVERIFY(f.ok());
        QCOMPARE(f->matches(object), matches);
        QVERIFY(!Filter::parse({}, "nonsense").ok());
    }
};

QTEST_GUILESS_MAIN(TestSimWorld)
#include "test_sim_world.moc"
