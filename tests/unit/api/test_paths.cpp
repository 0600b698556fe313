// API path and query building, including the test adapter's write-metrics routes
// (sigs.k8s.io/custom-metrics-apiserver test-adapter/provider/provider.go webService).
#include "kube/api/paths.h"

#include <QObject>
#include <QTest>

using namespace kube::api;

namespace {
QByteArray q(const std::string &s) { return QByteArray::fromStdString(s); }
CrossVersionObjectReference ref(const char *apiVersion, const char *kind, const char *name)
{
    return {apiVersion, kind, name};
}
} // namespace

class TestPaths : public QObject {
    Q_OBJECT

private slots:
    void paths_data();
    void paths();
    void escaping_data();
    void escaping();
    void resources_data();
    void resources();
    void unknownScaleKindIsAnError();
    void objectWithoutNameIsAnError();
};

void TestPaths::paths_data()
{
    QTest::addColumn<QByteArray>("actual");
    QTest::addColumn<QByteArray>("expected");
    const AdapterService adapter; // defaults: custom-metrics / custom-metrics-apiserver / http
    const std::string proxy = "/api/v1/namespaces/custom-metrics/services/custom-metrics-apiserver:http/proxy";
    const auto row = [](const char *name, const std::string &actual, const std::string &expected) {
        QTest::newRow(name) << q(actual) << q(expected);
    };

    row("hpa list all", hpaListPath(std::nullopt), "/apis/autoscaling/v2/horizontalpodautoscalers");
    row("hpa list ns", hpaListPath("shop"), "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers");
    row("hpa list empty ns", hpaListPath(std::string()), "/apis/autoscaling/v2/horizontalpodautoscalers");
    row("hpa", hpaPath("shop", "web"), "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web");
    row("deployment", deploymentPath("shop", "web"), "/apis/apps/v1/namespaces/shop/deployments/web");
    row("pods", podListPath("shop", "app=web"), "/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb");
    row("pods no selector", podListPath("shop"), "/api/v1/namespaces/shop/pods");
    row("core events", coreEventsPath("default", coreEventFieldSelector("HorizontalPodAutoscaler", "web")),
        "/api/v1/namespaces/default/events?fieldSelector=involvedObject.kind%3DHorizontalPodAutoscaler%2CinvolvedObject.name%3Dweb");
    row("core events all", coreEventsPath(std::nullopt), "/api/v1/events");
    row("events v1", eventsV1Path("default", eventsV1FieldSelector("HorizontalPodAutoscaler", "web")),
        "/apis/events.k8s.io/v1/namespaces/default/events?fieldSelector=regarding.kind%3DHorizontalPodAutoscaler%2Cregarding.name%3Dweb");
    row("scale deployment", scalePath("shop", ref("apps/v1", "Deployment", "web")).value(),
        "/apis/apps/v1/namespaces/shop/deployments/web/scale");
    row("scale statefulset", scalePath("jobs", ref("apps/v1", "StatefulSet", "worker")).value(),
        "/apis/apps/v1/namespaces/jobs/statefulsets/worker/scale");
    row("scale replicaset", scalePath("a", ref("apps/v1", "ReplicaSet", "rs")).value(),
        "/apis/apps/v1/namespaces/a/replicasets/rs/scale");
    row("scale rc", scalePath("a", ref("v1", "ReplicationController", "rc")).value(),
        "/api/v1/namespaces/a/replicationcontrollers/rc/scale");
    row("custom object service",
        customMetricObjectPath("default", ref("v1", "Service", "kubernetes"), "test-metric").value(),
        "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/services/kubernetes/test-metric");
    row("custom object deployment with selector",
        customMetricObjectPath("shop", ref("apps/v1", "Deployment", "web"), "rps", "path=/api").value(),
        "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/deployments.apps/web/rps?metricLabelSelector=path%3D%2Fapi");
    row("custom object namespace",
        customMetricObjectPath("shop", ref("v1", "Namespace", "shop"), "queue").value(),
        "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/metrics/queue");
    row("custom pods", customMetricPodsPath("shop", "packets-per-second", "app=web,tier in (a,b)"),
        "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/packets-per-second?labelSelector=app%3Dweb%2Ctier%20in%20%28a%2Cb%29");
    row("external", externalMetricPath("shop", "queue_messages_ready", "queue=worker_tasks"),
        "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_messages_ready?labelSelector=queue%3Dworker_tasks");
    row("external no selector", externalMetricPath("shop", "q"),
        "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/q");
    row("proxy base", adapterProxyBase(adapter), proxy);
    row("proxy base numeric port", adapterProxyBase({"monitoring", "adapter", "8080"}),
        "/api/v1/namespaces/monitoring/services/adapter:8080/proxy");
    row("proxy base default port", adapterProxyBase({"monitoring", "adapter", ""}),
        "/api/v1/namespaces/monitoring/services/adapter/proxy");
    row("write service",
        adapterWriteObjectPath(adapter, "default", ref("v1", "Service", "kubernetes"), "test-metric").value(),
        proxy + "/write-metrics/namespaces/default/services/kubernetes/test-metric");
    row("write deployment",
        adapterWriteObjectPath(adapter, "shop", ref("apps/v1", "Deployment", "web"), "rps").value(),
        proxy + "/write-metrics/namespaces/shop/deployments.apps/web/rps");
    row("write namespace object",
        adapterWriteObjectPath(adapter, "shop", ref("v1", "Namespace", "shop"), "queue").value(),
        proxy + "/write-metrics/namespaces/shop/metrics/queue");
    row("write pod", adapterWritePodPath(adapter, "shop", "web-7d9f-abcde", "packets-per-second"),
        proxy + "/write-metrics/namespaces/shop/pods/web-7d9f-abcde/packets-per-second");
    row("write pod with labels",
        adapterWritePodPath(adapter, "shop", "web-1", "rps", "path=/api,verb=GET"),
        proxy + "/write-metrics/namespaces/shop/pods/web-1/rps?labels=path%3D%2Fapi%2Cverb%3DGET");
    row("write root", adapterWriteRootPath(adapter, "nodes", "node-1", "temperature"),
        proxy + "/write-metrics/nodes/node-1/temperature");
    row("write namespace metric", adapterWriteNamespaceMetricPath(adapter, "shop", "queue"),
        proxy + "/write-metrics/namespaces/shop/metrics/queue");
    row("write namespaced explicit",
        adapterWriteNamespacedPath(adapter, "shop", "ingresses.networking.k8s.io", "main", "rps"),
        proxy + "/write-metrics/namespaces/shop/ingresses.networking.k8s.io/main/rps");
    row("with query skips empty", withQuery("/x", {{"a", ""}, {"b", "1 2"}, {"c", "&"}}),
        "/x?b=1%202&c=%26");
}

void TestPaths::paths()
{
    QFETCH(QByteArray, actual);
    QFETCH(QByteArray, expected);
    QCOMPARE(actual, expected);
}

void TestPaths::escaping_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("segment");
    QTest::newRow("plain") << QByteArray("web-1.a_b~c") << QByteArray("web-1.a_b~c")
                           << QByteArray("web-1.a_b~c");
    QTest::newRow("selector") << QByteArray("app=web,env!=qa") << QByteArray("app%3Dweb%2Cenv%21%3Dqa")
                              << QByteArray("app=web,env!=qa");
    QTest::newRow("space and slash") << QByteArray("a b/c") << QByteArray("a%20b%2Fc")
                                     << QByteArray("a%20b%2Fc");
    QTest::newRow("query chars") << QByteArray("x?y#z&w") << QByteArray("x%3Fy%23z%26w")
                                 << QByteArray("x%3Fy%23z&w");
    QTest::newRow("colon and at") << QByteArray("svc:http@1") << QByteArray("svc%3Ahttp%401")
                                  << QByteArray("svc:http@1");
    QTest::newRow("percent and plus") << QByteArray("100%+1") << QByteArray("100%25%2B1")
                                      << QByteArray("100%25+1");
    QTest::newRow("utf-8") << QByteArray("\xc3\xa9") << QByteArray("%C3%A9") << QByteArray("%C3%A9");
    QTest::newRow("empty") << QByteArray() << QByteArray() << QByteArray();
}

void TestPaths::escaping()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, segment);
    QCOMPARE(q(escapeQueryComponent(input.toStdString())), query);
    QCOMPARE(q(escapePathSegment(input.toStdString())), segment);
}

void TestPaths::resources_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("resource");
    const char *rows[][2] = {
        {"Service", "services"},      {"Deployment", "deployments"},
        {"StatefulSet", "statefulsets"}, {"Ingress", "ingresses"},
        {"Endpoints", "endpoints"},   {"NetworkPolicy", "networkpolicies"},
        {"Widget", "widgets"},        {"Gateway", "gateways"},
        {"Policy", "policies"},       {"Status", "statuses"},
        {"", ""},
    };
    for (const auto &r : rows)
        QTest::newRow(r[0][0] ? r[0] : "empty") << QByteArray(r[0]) << QByteArray(r[1]);
}

void TestPaths::resources()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, resource);
    QCOMPARE(q(resourceForKind(kind.toStdString())), resource);
}

void TestPaths::unknownScaleKindIsAnError()
{
    const auto p = scalePath("shop", ref("argoproj.io/v1alpha1", "Rollout", "web"));
    QVERIFY(!p.ok());
    QCOMPARE(p.error().kind, kube::Error::Kind::Invalid);
    QVERIFY(p.error().message.find("Rollout") != std::string::npos);
    // Right kind, wrong group: still unknown.
    QVERIFY(!scalePath("shop", ref("extensions/v1beta1", "Deployment", "web")).ok());
    QCOMPARE(q(groupOf("apps/v1")), QByteArray("apps"));
    QCOMPARE(q(groupOf("v1")), QByteArray(""));
    QCOMPARE(q(qualifiedResource(ref("networking.k8s.io/v1", "Ingress", "x"))),
             QByteArray("ingresses.networking.k8s.io"));
}

void TestPaths::objectWithoutNameIsAnError()
{
    const AdapterService adapter;
    QVERIFY(!customMetricObjectPath("ns", ref("v1", "Service", ""), "m").ok());
    QVERIFY(!adapterWriteObjectPath(adapter, "ns", ref("v1", "", "x"), "m").ok());
}

QTEST_GUILESS_MAIN(TestPaths)
#include "test_paths.moc"
