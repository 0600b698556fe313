// The demo cluster as a kwok cluster with usage-from-annotation, through hpascope's client code:
// its pods run on a node annotated kwok.x-k8s.io/node: fake, metrics.k8s.io reports each pod's
// kwok.x-k8s.io/usage-cpu annotation as its CPU usage once hpascope's merge patch set it, and the
// CPU HPA (api: 60 % of 200m) scales on it. Time is stepped by hand (manualClock).
#include "kube/api/paths.h"
#include "kube/http/client.h"
#include "kube/metrics/kwok_usage.h"
#include "kube/metrics/resource_metrics.h"
#include "kube/sim/api_server.h"
#include "sim_fixture.h"
#include "waiter.h"

#include <QTest>

using namespace kube;
using hpascope::test::await;
using namespace kube::sim;
using namespace kube::sim::test;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> podsOf(http::Client &client, const std::string &app)
{
    http::Request req;
    req.path = api::podListPath("default", "app=" + app);
    auto r = client.sendSync(req);
    std::vector<std::string> names;
    const auto list = nlohmann::json::parse(r.value().body);
    for (const auto &item : list["items"])
        names.push_back(item["metadata"]["name"].get<std::string>());
    return names;
}

std::map<std::string, int64_t> cpuOf(http::Client &client, const std::string &app)
{
    auto list = await<Result<metrics::PodMetricsList>>(
        [&](auto cb) { metrics::readPodUsage(client, "default", "app=" + app, cb); });
    std::map<std::string, int64_t> out;
    for (const auto &pod : list.value().items)
        out[pod.name] = pod.cpuMilli().value_or(-1);
    return out;
}

Result<std::string> patch(http::Client &client, const std::string &pod, int64_t milli)
{
    return await<Result<std::string>>([&](auto cb) {
        metrics::patchPodCpuUsage(client, "default", pod, metrics::perContainerUsage(milli, 1), cb);
    });
}

int replicasOf(World &world, const std::string &deployment)
{
    return world.get("deployments", "default", deployment).value()["spec"]["replicas"].get<int>();
}

} // namespace

class TestSimUsage : public QObject {
    Q_OBJECT

private slots:
    void podsRunOnAKwokNode()
    {
        auto f = startCluster();
        auto node = await<Result<bool>>([&](auto cb) { metrics::fetchNodeIsKwok(*f.client, kDemoNodeName, cb); });
        QVERIFY2(node.ok(), node.ok() ? "" : node.error().toString().c_str());
        QVERIFY(node.value());
        const auto pod = f.cluster->world().get("pods", "default", podsOf(*f.client, "api").front()).value();
        QCOMPARE(pod["spec"]["nodeName"].get<std::string>(), std::string(kDemoNodeName));
    }

    void usageFollowsTheAnnotation()
    {
        auto f = startCluster();
        const auto pods = podsOf(*f.client, "api");
        QCOMPARE(pods.size(), std::size_t(2));
        // Before: the demo's CPU load model, 200m over 2 Ready pods.
        QCOMPARE(cpuOf(*f.client, "api"), (std::map<std::string, int64_t>{{pods[0], 100}, {pods[1], 100}}));
        auto r = patch(*f.client, pods[0], 350);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r.value(), std::string("350m"));
        const auto stored = f.cluster->world().get("pods", "default", pods[0]).value();
        QCOMPARE(stored["metadata"]["annotations"]["kwok.x-k8s.io/usage-cpu"].get<std::string>(), std::string("350m"));
        QCOMPARE(cpuOf(*f.client, "api").at(pods[0]), int64_t(350));
    }

    void patchOfAGonePodIsRefusedInWords()
    {
        auto f = startCluster();
        auto r = patch(*f.client, "api-nosuchpod", 100);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().reason, std::string(metrics::kReasonPodGone));
        // Only annotations may be patched in the demo.
        http::Request req;
        req.method = "PATCH";
        req.path = "/api/v1/namespaces/default/pods/" + podsOf(*f.client, "api").front();
        req.contentType = "application/merge-patch+json";
        req.body = R"({"spec":{"nodeName":"elsewhere"}})";
        auto refused = f.client->sendSync(req);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().httpStatus, 422);
        req.contentType = "application/json-patch+json";
        auto wrongType = f.client->sendSync(req);
        QVERIFY(!wrongType.ok());
        QCOMPARE(wrongType.error().httpStatus, 415);
    }

    void theCpuHpaScalesOnTheAnnotation()
    {
        auto f = startCluster();
        World &world = f.cluster->world();
        QCOMPARE(replicasOf(world, "api"), 2);
        // 300m of a 200m request is 150 % against a 60 % target: 2 × 2.5 = 5 asked, and without
        // spec.behavior a sync may at most double (max(2 × 2, 4)).
        for (const auto &pod : podsOf(*f.client, "api"))
            QVERIFY(patch(*f.client, pod, 300).ok());
        world.advance(std::chrono::duration_cast<Millis>(world.nextSync() - world.now()));
        QCOMPARE(replicasOf(world, "api"), 4);
        // The new pods carry no annotation (kwok would give them its 1m default): hpascope patches
        // them as they appear (app/core). 60m is 30 % of the request, half the target.
        for (const auto &pod : podsOf(*f.client, "api"))
            QVERIFY(patch(*f.client, pod, 60).ok());
        world.advance(60s);
        QVERIFY(replicasOf(world, "api") >= 4); // the 300 s scale-down window holds the earlier 5
        world.advance(900s);
        QCOMPARE(replicasOf(world, "api"), 1); // halved, sync after sync, down to minReplicas
    }
};

QTEST_GUILESS_MAIN(TestSimUsage)
#include "test_sim_usage.moc"
