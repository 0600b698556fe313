// The seed experiment on a real control plane, with hpascope's own kube/ client doing every
// write, list and watch: push "400m" to the test adapter through the API server's service proxy,
// read it back through custom.metrics.k8s.io, watch the real HPA controller scale the Deployment
// up, push a low value and watch it come back down after the stabilization window.
#include "e2e_support.h"
#include "kube/api/deployment.h"
#include "kube/api/hpa.h"
#include "kube/api/paths.h"
#include "kube/metrics/metrics_client.h"
#include "kube/snapshot/snapshot.h"
#include "kube/watch/reflector.h"

#include <atomic>
#include <mutex>

using namespace kube;

namespace {

const api::CrossVersionObjectReference kService{"v1", "Service", "kubernetes"};

Status pushMetric(const std::shared_ptr<http::Client> &client, const std::string &quantity)
{
    auto q = api::Quantity::parse(quantity);
    if (!q)
        return q.error();
    metrics::MetricsClient metrics(client);
    return metrics.writeObjectMetricSync("default", kService, "test-metric", q.value(), {});
}

Result<std::string> readMetric(const std::shared_ptr<http::Client> &client)
{
    metrics::MetricsClient metrics(client);
    auto v = metrics.readObjectMetricSync("default", kService, "test-metric", {});
    if (!v)
        return v.error();
    return v->value.toString();
}

// Follows the web Deployment and HPA through watches, as the dashboard does.
struct Observed {
    std::mutex mutex;
    int hpaDesired = -1;
    int hpaCurrent = -1;
    int deploymentReady = -1;
    int maxDesiredSeen = 0;
};

} // namespace

class TestControlPlane : public QObject {
    Q_OBJECT
private slots:
    void seedExperiment()
    {
        auto client = e2e::connect();
        Observed seen;
        watch::ReflectorOptions hpaOpts;
        hpaOpts.path = api::hpaListPath(std::string("default"));
        watch::Reflector::Handler hpaHandler;
        auto onHpa = [&seen](const nlohmann::json &obj) {
            auto hpa = api::decodeHorizontalPodAutoscaler(obj);
            if (!hpa || hpa->metadata.name != "web")
                return;
            std::lock_guard lock(seen.mutex);
            seen.hpaDesired = hpa->status.desiredReplicas;
            seen.hpaCurrent = hpa->status.currentReplicas;
            seen.maxDesiredSeen = std::max(seen.maxDesiredSeen, seen.hpaDesired);
        };
        hpaHandler.onSynced = [onHpa](const std::vector<nlohmann::json> &items) { for (const auto &i : items) onHpa(i); };
        hpaHandler.onEvent = [onHpa](watch::EventType, const nlohmann::json &obj) { onHpa(obj); };
        watch::Reflector hpas(client, hpaOpts, hpaHandler);

        watch::ReflectorOptions depOpts;
        depOpts.path = "/apis/apps/v1/namespaces/default/deployments";
        watch::Reflector::Handler depHandler;
        auto onDep = [&seen](const nlohmann::json &obj) {
            auto d = api::decodeDeployment(obj);
            if (!d || d->metadata.name != "web")
                return;
            std::lock_guard lock(seen.mutex);
            seen.deploymentReady = d->status.readyReplicas;
        };
        depHandler.onSynced = [onDep](const std::vector<nlohmann::json> &items) { for (const auto &i : items) onDep(i); };
        depHandler.onEvent = [onDep](watch::EventType, const nlohmann::json &obj) { onDep(obj); };
        watch::Reflector deps(client, depOpts, depHandler);
        hpas.start();
        deps.start();

        auto snapshotOf = [&seen] {
            std::lock_guard lock(seen.mutex);
            return QStringLiteral("hpa current=%1 desired=%2, deployment ready=%3")
                .arg(seen.hpaCurrent).arg(seen.hpaDesired).arg(seen.deploymentReady);
        };
        auto desired = [&seen] { std::lock_guard lock(seen.mutex); return seen.hpaDesired; };
        auto ready = [&seen] { std::lock_guard lock(seen.mutex); return seen.deploymentReady; };

        // Start from the floor: the HPA at 1 replica with a low metric.
        QVERIFY(pushMetric(client, "100m").ok());
        QTRY_VERIFY2_WITH_TIMEOUT(desired() == 1 && ready() == 1, qPrintable(snapshotOf()), 120000);

        auto pushed = pushMetric(client, "400m");
        QVERIFY2(pushed.ok(), pushed.ok() ? "" : pushed.error().toString().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(readMetric(client).ok() && readMetric(client).value() == "400m", 30000);

        // 400m / 300m = 1.33 > 1.1: ceil(1.33 × 1) = 2 replicas.
        QTRY_VERIFY2_WITH_TIMEOUT(desired() >= 2, qPrintable(snapshotOf()), 60000);
        QTRY_VERIFY2_WITH_TIMEOUT(ready() >= 2, qPrintable(snapshotOf()), 60000);

        // snapshot --json's document agrees with what the watch saw.
        kube::snapshot::Options sopts;
        sopts.namespaceName = "default";
        auto doc = kube::snapshot::take(*client, sopts);
        QVERIFY2(doc.ok(), doc.ok() ? "" : doc.error().toString().c_str());
        bool found = false;
        for (const auto &h : doc.value()["hpas"]) {
            if (h["name"] != "web")
                continue;
            found = true;
            QVERIFY(h["desiredReplicas"].get<int>() >= 2);
            QCOMPARE(QString::fromStdString(h["metrics"][0]["target"]["text"].get<std::string>()), QStringLiteral("300m"));
            bool rescale = false;
            for (const auto &e : h["events"])
                rescale = rescale || e["reason"] == "SuccessfulRescale";
            QVERIFY2(rescale, h.dump().c_str());
        }
        QVERIFY(found);

        // Back down once the (test cluster's short) stabilization window has passed.
        QVERIFY(pushMetric(client, "100m").ok());
        QTRY_VERIFY2_WITH_TIMEOUT(desired() == 1 && ready() == 1, qPrintable(snapshotOf()), 120000);
        hpas.stop();
        deps.stop();
    }

    void speaksHttp2WithTheApiServer()
    {
        // kube-apiserver offers h2 over TLS (ALPN); the client takes it, like client-go.
        auto client = e2e::connect();
        http::Request req;
        req.path = "/version";
        auto resp = client->sendSync(req);
        QVERIFY2(resp.ok(), resp.ok() ? "" : resp.error().toString().c_str());
        QCOMPARE(QString::fromStdString(resp->httpVersion), QStringLiteral("2"));
        auto version = nlohmann::json::parse(resp->body, nullptr, false);
        QVERIFY(!version.is_discarded());
        QVERIFY2(version.value("gitVersion", std::string()).rfind("v1.36", 0) == 0, resp->body.c_str());
    }

    void adapterErrorsAreReadable()
    {
        // A write to a service that does not exist must come back as an actionable error.
        auto client = e2e::connect();
        api::AdapterService missing;
        missing.namespace_ = "custom-metrics";
        missing.name = "no-such-adapter";
        auto path = api::adapterWriteObjectPath(missing, "default", kService, "test-metric");
        QVERIFY(path.ok());
        http::Request req;
        req.method = "POST";
        req.path = path.value();
        req.body = "\"1\"";
        auto resp = client->sendSync(req);
        QVERIFY(!resp.ok());
        QCOMPARE(resp.error().httpStatus, 404);
        QVERIFY2(!resp.error().message.empty(), resp.error().toString().c_str());
    }
};

QTEST_GUILESS_MAIN(TestControlPlane)
#include "test_control_plane.moc"
