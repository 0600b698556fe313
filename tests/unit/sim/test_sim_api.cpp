// The demo cluster over HTTP, through hpascope's real client code: kube/http Client, kube/watch
// Reflector, kube/metrics MetricsClient (test adapter writes through the service proxy,
// custom.metrics reads) and kube/snapshot. Time is stepped by hand (manualClock) so every
// expectation is exact; one test runs the real clock at 60x.
#include "kube/api/paths.h"
#include "kube/hpa/predictor.h"
#include "kube/http/client.h"
#include "kube/metrics/metrics_client.h"
#include "kube/sim/api_server.h"
#include "sim_fixture.h"
#include "kube/snapshot/snapshot.h"
#include "kube/watch/reflector.h"

#include <QTest>

#include <mutex>

using namespace kube;
using namespace kube::sim;
using namespace kube::sim::test;
using namespace std::chrono_literals;

namespace {

const api::CrossVersionObjectReference kKubernetesService{"v1", "Service", "kubernetes"};

api::Quantity q(const char *text)
{
    return *api::Quantity::parse(text);
}


Result<json> getJson(http::Client &client, const std::string &path)
{
    http::Request req;
    req.path = path;
    auto r = client.sendSync(req);
    if (!r)
        return r.error();
    return json::parse(r->body);
}

json getHpa(http::Client &client, const std::string &name)
{
    return getJson(client, api::hpaPath("default", name)).value();
}

int replicasOf(http::Client &client, const std::string &deployment)
{
    return getJson(client, api::deploymentPath("default", deployment)).value()["spec"]["replicas"].get<int>();
}

} // namespace

class TestSimApi : public QObject {
    Q_OBJECT

private slots:
    void seedExperiment()
    {
        auto f = startCluster();
        World &world = f.cluster->world();
        metrics::MetricsClient mc(f.client);
        QCOMPARE(replicasOf(*f.client, "web"), 1);

        // 400m against a 300m target, one Ready pod: ceil(1.33 * 1) = 2 at the next sync.
        QVERIFY(mc.writeObjectMetricSync("default", kKubernetesService, "test-metric", q("400m"), {}).ok());
        world.advance(15s);
        QCOMPARE(replicasOf(*f.client, "web"), 2);
        json h = getHpa(*f.client, "web");
        QCOMPARE(h["status"]["desiredReplicas"].get<int>(), 2);
        QCOMPARE(h["status"]["lastScaleTime"].get<std::string>(), std::string("2025-01-01T00:00:15Z"));
        QCOMPARE(h["status"]["currentMetrics"][0]["object"]["current"]["value"].get<std::string>(), std::string("400m"));
        const json events = getJson(*f.client, api::coreEventsPath(std::string("default"),
                                                                    api::coreEventFieldSelector("HorizontalPodAutoscaler", "web")))
                                .value();
        bool rescaled = false;
        for (const auto &e : events["items"])
            rescaled |= e["reason"] == "SuccessfulRescale" &&
                        e["message"] == "New size: 2; reason: Service metric test-metric above target";
        QVERIFY(rescaled);

        // The new pod is Ready podReadyDelay (10 s) after its creation at 00:00:15.
        auto readyPods = [&] {
            int n = 0;
            const json list = getJson(*f.client, api::podListPath("default", "app=web")).value();
            for (const auto &p : list["items"])
                for (const auto &c : p["status"]["conditions"])
                    n += c["type"] == "Ready" && c["status"] == "True";
            return n;
        };
        world.advance(9s);
        QCOMPARE(readyPods(), 1);
        world.advance(1s);
        QCOMPARE(readyPods(), 2);

        // 100m: the legacy path keeps the highest recommendation of the last 300 s.
        QVERIFY(mc.writeObjectMetricSync("default", kKubernetesService, "test-metric", q("100m"), {}).ok());
        auto decoded = api::decodeHorizontalPodAutoscaler(getHpa(*f.client, "web"));
        QVERIFY(decoded.ok());
        hpa::PredictOptions po;
        po.horizon = 400s;
        po.currentReplicas = 2;
        const auto expected = hpa::predict(*decoded, world.controllerConfig(), *world.hpaHistory("default", "web"),
                                           {q("100m")}, world.nextSync(), po);
        std::optional<Time> expectedDown;
        for (const auto &[t, r] : expected)
            if (r == 1 && !expectedDown)
                expectedDown = t;
        QVERIFY(expectedDown);
        // The last recommendation of 2 was made at 00:00:15; it leaves the window once it is
        // more than 300 s old, so the first sync after 00:05:15 scales down: 00:05:30.
        QCOMPARE(*expectedDown, kStart + 330s);

        bool stabilizedSeen = false;
        while (world.nextSync() < *expectedDown) {
            world.advance(std::chrono::duration_cast<Millis>(world.nextSync() - world.now()));
            QCOMPARE(replicasOf(*f.client, "web"), 2);
            const auto d = api::decodeHorizontalPodAutoscaler(getHpa(*f.client, "web"));
            stabilizedSeen |= d->condition("AbleToScale")->reason == "ScaleDownStabilized";
        }
        QVERIFY(stabilizedSeen);
        world.advance(std::chrono::duration_cast<Millis>(*expectedDown - world.now()));
        QCOMPARE(world.now(), kStart + 330s);
        QCOMPARE(replicasOf(*f.client, "web"), 1);
        h = getHpa(*f.client, "web");
        QCOMPARE(h["status"]["lastScaleTime"].get<std::string>(), std::string("2025-01-01T00:05:30Z"));
    }

    void reflectorSeesHpaUpdates()
    {
        auto f = startCluster();
        std::mutex m;
        std::vector<json> synced;
        std::vector<std::pair<watch::EventType, json>> events;
        watch::ReflectorOptions ro;
        ro.path = api::hpaListPath(std::nullopt);
        watch::Reflector reflector(f.client, ro,
                                   {[&](watch::EventType t, const json &o) {
                                        std::lock_guard lock(m);
                                        events.emplace_back(t, o);
                                    },
                                    [&](const std::vector<json> &items) {
                                        std::lock_guard lock(m);
                                        synced = items;
                                    },
                                    {}});
        reflector.start();
        auto syncedCount = [&] {
            std::lock_guard lock(m);
            return synced.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(syncedCount(), std::size_t(4), 10000);
        metrics::MetricsClient mc(f.client);
        QVERIFY(mc.writeObjectMetricSync("default", kKubernetesService, "test-metric", q("400m"), {}).ok());
        f.cluster->world().advance(15s);
        auto sawDesired2 = [&] {
            std::lock_guard lock(m);
            for (const auto &[t, o] : events)
                if (t == watch::EventType::Modified && o["metadata"]["name"] == "web" &&
                    o["status"]["desiredReplicas"] == 2)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawDesired2(), 10000);
        reflector.stop();
    }

    void watchFromTooOldResourceVersionIsExpired()
    {
        auto f = startCluster(16);
        f.cluster->world().advance(120s);
        std::mutex m;
        std::string body;
        bool done = false;
        http::Request req;
        req.path = "/apis/autoscaling/v2/horizontalpodautoscalers?watch=1&resourceVersion=1&timeoutSeconds=5";
        req.timeoutMs = 0;
        f.client->stream(
            req, [&](std::string_view chunk) { std::lock_guard lock(m); body.append(chunk); },
            [&](Status) { std::lock_guard lock(m); done = true; });
        auto isDone = [&] {
            std::lock_guard lock(m);
            return done;
        };
        QTRY_VERIFY_WITH_TIMEOUT(isDone(), 10000);
        const json frame = json::parse(body.substr(0, body.find('\n')));
        QCOMPARE(frame["type"].get<std::string>(), std::string("ERROR"));
        QCOMPARE(frame["object"]["code"].get<int>(), 410);
        QCOMPARE(frame["object"]["reason"].get<std::string>(), std::string("Expired"));
    }

    void podsByLabelSelector()
    {
        auto f = startCluster();
        const json worker = getJson(*f.client, api::podListPath("default", "app=worker")).value();
        QCOMPARE(worker["kind"].get<std::string>(), std::string("PodList"));
        QCOMPARE(worker["items"].size(), std::size_t(2));
        QCOMPARE(getJson(*f.client, api::podListPath("default", "app in (web,api)")).value()["items"].size(), std::size_t(3));
        QCOMPARE(getJson(*f.client, api::podListPath("default", "app=none")).value()["items"].size(), std::size_t(0));
        http::Request bad;
        bad.path = api::podListPath("default", "app in (");
        QCOMPARE(f.client->sendSync(bad).error().httpStatus, 400);
    }

    void scaleSubresource()
    {
        auto f = startCluster();
        const std::string path = api::scalePath("default", {"apps/v1", "Deployment", "worker"}).value();
        json scale = getJson(*f.client, path).value();
        QCOMPARE(scale["kind"].get<std::string>(), std::string("Scale"));
        QCOMPARE(scale["apiVersion"].get<std::string>(), std::string("autoscaling/v1"));
        QCOMPARE(scale["spec"]["replicas"].get<int>(), 2);
        QCOMPARE(scale["status"]["replicas"].get<int>(), 2);
        QCOMPARE(scale["status"]["selector"].get<std::string>(), std::string("app=worker"));
        http::Request put;
        put.method = "PUT";
        put.path = path;
        put.body = R"({"spec":{"replicas":3}})";
        auto r = f.client->sendSync(put);
        QVERIFY(r.ok());
        QCOMPARE(json::parse(r->body)["spec"]["replicas"].get<int>(), 3);
        QCOMPARE(replicasOf(*f.client, "worker"), 3);
        http::Request missing;
        missing.path = api::scalePath("default", {"apps/v1", "Deployment", "nope"}).value();
        const auto e = f.client->sendSync(missing);
        QCOMPARE(e.error().httpStatus, 404);
        QCOMPARE(e.error().reason, std::string("NotFound"));
    }

    void customMetricsReadBack()
    {
        auto f = startCluster();
        metrics::MetricsClient mc(f.client);
        QVERIFY(mc.writeObjectMetricSync("default", kKubernetesService, "test-metric", q("1250m"), {}).ok());
        auto v = mc.readObjectMetricSync("default", kKubernetesService, "test-metric", {});
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().toString().c_str());
        QCOMPARE(v->value.toString(), std::string("1250m"));
        QCOMPARE(v->describedObject.kind, std::string("Service"));
        // v1beta1 shape, read directly.
        const json old = getJson(*f.client, "/apis/custom.metrics.k8s.io/v1beta1/namespaces/default/services/kubernetes/test-metric").value();
        QCOMPARE(old["items"][0]["metricName"].get<std::string>(), std::string("test-metric"));
        QCOMPARE(old["items"][0]["value"].get<std::string>(), std::string("1250m"));
        // Labels stored with the value must match the metric selector.
        QVERIFY(mc.writeObjectMetricSync("default", kKubernetesService, "labelled", q("7"), {{"tier", "gold"}}).ok());
        QVERIFY(mc.readObjectMetricSync("default", kKubernetesService, "labelled", "tier=gold").ok());
        QCOMPARE(mc.readObjectMetricSync("default", kKubernetesService, "labelled", "tier=silver").error().httpStatus, 404);
        // External metrics: the test adapter's fixed values, read-only.
        auto ext = mc.readExternalMetricSync("default", "my-external-metric", "foo=bar");
        QVERIFY(ext.ok());
        QCOMPARE(ext->items.size(), std::size_t(1));
        QCOMPARE(ext->items.front().value.toString(), std::string("42"));
        // A bad body answers like the adapter: 400 with the Quantity parse error.
        http::Request bad;
        bad.method = "POST";
        bad.path = api::adapterWriteNamespacedPath({}, "default", "services", "kubernetes", "test-metric");
        bad.body = "\"lots\"";
        QCOMPARE(f.client->sendSync(bad).error().httpStatus, 400);
    }

    void podsMetricWritesPerPod()
    {
        auto f = startCluster();
        metrics::MetricsClient mc(f.client);
        std::vector<std::string> pods;
        const json workerPods = getJson(*f.client, api::podListPath("default", "app=worker")).value();
        for (const auto &p : workerPods["items"])
            pods.push_back(p["metadata"]["name"]);
        const auto written = mc.writePodsMetricSync("default", pods, "jobs_pending", q("20"), {});
        QVERIFY(written.ok());
        QCOMPARE(written.written.size(), std::size_t(2));
        auto list = mc.readPodsMetricSync("default", "app=worker", "jobs_pending", {});
        QVERIFY(list.ok());
        QCOMPARE(list->items.size(), std::size_t(2));
        for (const auto &item : list->items)
            QCOMPARE(item.value.toString(), std::string("20"));
        f.cluster->world().advance(15s);
        QCOMPARE(replicasOf(*f.client, "worker"), 4); // ceil(20 / 5 * 2) = 8, legacy cap max(2 * 2, 4)
    }

    void snapshotWorks()
    {
        auto f = startCluster();
        auto snap = snapshot::take(*f.client, {});
        QVERIFY2(snap.ok(), snap.ok() ? "" : snap.error().toString().c_str());
        QCOMPARE((*snap)["hpas"].size(), std::size_t(4));
        QCOMPARE((*snap)["context"].get<std::string>(), std::string("hpascope-demo"));
        for (const auto &h : (*snap)["hpas"])
            QVERIFY(!h["metrics"].empty());
    }

    void discoveryAndErrors()
    {
        auto f = startCluster();
        QCOMPARE(getJson(*f.client, "/version").value()["major"].get<std::string>(), std::string("1"));
        const json groups = getJson(*f.client, "/apis").value();
        QCOMPARE(groups["kind"].get<std::string>(), std::string("APIGroupList"));
        const json autoscaling = getJson(*f.client, "/apis/autoscaling/v2").value();
        QCOMPARE(autoscaling["resources"][0]["shortNames"][0].get<std::string>(), std::string("hpa"));
        http::Request health;
        health.path = "/readyz";
        QCOMPARE(f.client->sendSync(health).value().body, std::string("ok"));
        http::Request unknown;
        unknown.path = "/apis/example.com/v1/widgets";
        const auto e = f.client->sendSync(unknown);
        QCOMPARE(e.error().httpStatus, 404);
        QCOMPARE(e.error().reason, std::string("NotFound"));
        http::Request missing;
        missing.path = api::hpaPath("default", "nope");
        QVERIFY(f.client->sendSync(missing).error().message.find("not found") != std::string::npos);
    }

    void kubectlTables()
    {
        auto f = startCluster();
        http::Request req;
        req.path = api::hpaListPath(std::nullopt);
        req.accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        const json table = json::parse(f.client->sendSync(req).value().body);
        QCOMPARE(table["kind"].get<std::string>(), std::string("Table"));
        QCOMPARE(table["rows"].size(), std::size_t(4));
        for (const auto &row : table["rows"])
            if (row["cells"][0] == "web") {
                QCOMPARE(row["cells"][1].get<std::string>(), std::string("Deployment/web"));
                QCOMPARE(row["cells"][2].get<std::string>(), std::string("250m/300m"));
                QCOMPARE(row["object"]["metadata"]["namespace"].get<std::string>(), std::string("default"));
            } else if (row["cells"][0] == "api") {
                QCOMPARE(row["cells"][2].get<std::string>(), std::string("cpu: 50%/60%"));
            }
    }

    void realClockRunsAtSpeed()
    {
        DemoCluster::Options o;
        o.speed = 60;
        auto c = DemoCluster::start(o);
        QVERIFY(c.ok());
        DemoCluster &cluster = **c;
        QVERIFY(cluster.server().rfind("http://127.0.0.1:", 0) == 0);
        const Time t0 = cluster.now();
        QTRY_VERIFY_WITH_TIMEOUT(cluster.now() - t0 >= 15s, 5000); // 15 s simulated in ~0.25 s real
        cluster.setSpeed(1);
        QCOMPARE(cluster.speed(), 1.0);
        const Time t1 = cluster.now();
        QTRY_VERIFY_WITH_TIMEOUT(cluster.now() > t1, 5000);
        QVERIFY(cluster.now() - t1 < 15s); // continuous: no jump when the speed changes
        cluster.stop();
    }
};

QTEST_GUILESS_MAIN(TestSimApi)
#include "test_sim_api.moc"
