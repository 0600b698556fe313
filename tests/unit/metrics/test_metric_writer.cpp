// MetricWriter and PodTracker (app-core) against the scripted HTTPS server: Object and Pods
// pushes with read-back, pods taken from the Scale selector and one pod watch, newest-value-wins
// coalescing, and stale results dropped after setClient().
#include "app/core/metric_writer.h"
#include "app/core/pod_tracker.h"
#include "kube/http/client.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;
namespace api = kube::api;

namespace {

const std::string kProxy
    = "/api/v1/namespaces/custom-metrics/services/custom-metrics-apiserver:http/proxy/write-metrics";

api::Quantity q(const char *text) { return api::Quantity::parse(text).value(); }

api::HorizontalPodAutoscaler hpa()
{
    api::HorizontalPodAutoscaler h;
    h.metadata.name = "web";
    h.metadata.namespace_ = "default";
    h.spec.scaleTargetRef = {"apps/v1", "Deployment", "web"};
    h.spec.maxReplicas = 10;
    api::MetricSpec object;
    object.type = api::MetricSourceType::Object;
    object.object = api::ObjectMetricSource{};
    object.object->describedObject = {"v1", "Service", "web"};
    object.object->metric.name = "requests";
    object.object->target.type = api::MetricTargetType::Value;
    object.object->target.value = q("400m");
    api::MetricSpec pods;
    pods.type = api::MetricSourceType::Pods;
    pods.pods = api::PodsMetricSource{};
    pods.pods->metric.name = "queue";
    pods.pods->target.type = api::MetricTargetType::AverageValue;
    pods.pods->target.averageValue = q("5");
    h.spec.metrics = {object, pods};
    return h;
}

json item(const std::string &kind, const std::string &name, const std::string &metric, const std::string &value)
{
    return {{"describedObject", {{"kind", kind}, {"namespace", "default"}, {"name", name}}},
            {"metric", {{"name", metric}}}, {"timestamp", "2026-11-29T15:00:00Z"}, {"value", value}};
}

json list(json items) { return {{"kind", "MetricValueList"}, {"items", items}}; }

json pod(const std::string &name, const std::string &app)
{
    return {{"metadata", {{"name", name}, {"namespace", "default"}, {"resourceVersion", "3"}, {"labels", {{"app", app}}}}},
            {"status", {{"phase", "Running"}, {"conditions", {{{"type", "Ready"}, {"status", "True"}}}}}}};
}

json ok() { return {{"status", 200}, {"body", ""}}; }

} // namespace

class TestMetricWriter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;

    std::shared_ptr<kube::http::Client> makeClient()
    {
        auto client = kube::http::Client::create(restConfigFor(m_server, m_certs));
        if (!client)
            qFatal("Client::create failed: %s", client.error().toString().c_str());
        return client.value();
    }
    void script(const json &routes)
    {
        QVERIFY(m_server.setRoutes(routes));
        m_server.clearRequests();
    }
    json objectRoutes(json writeResponses)
    {
        return json::array({
            {{"method", "POST"}, {"path", kProxy + "/namespaces/default/services/web/requests"}, {"responses", writeResponses}},
            {{"path", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/services/web/requests"},
             {"responses", {{{"json", list({item("Service", "web", "requests", "400m")})}}}}},
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_server.startWithNewCertificates(m_certs, m_tmp.filePath(QStringLiteral("certs")), &error),
                 qPrintable(error));
    }

    void objectPushReadsBack()
    {
        script(objectRoutes({ok()}));
        MetricWriter writer;
        writer.setClient(makeClient());
        QSignalSpy pushed(&writer, &MetricWriter::pushed);
        QSignalSpy failed(&writer, &MetricWriter::failed);
        QSignalSpy recorded(&writer, &MetricWriter::pushFinished);
        const auto h = hpa();
        writer.push(h, h.spec.metrics[0], QStringLiteral("0.4"));
        QVERIFY(pushed.wait(10000));
        QCOMPARE(failed.size(), 0);
        // What the history keeps of it.
        QCOMPARE(recorded.size(), 1);
        const auto record = recorded.at(0).at(0).value<MetricPushRecord>();
        QCOMPARE(record.namespaceName, QString::fromStdString(h.metadata.namespace_));
        QCOMPARE(record.object, QString::fromStdString(h.spec.metrics[0].object->describedObject.kind + '/' +
                                                       h.spec.metrics[0].object->describedObject.name));
        QCOMPARE(record.metric, QString::fromStdString(h.spec.metrics[0].object->metric.name));
        QCOMPARE(record.value, QStringLiteral("400m"));
        QVERIFY(record.ok && record.error.isEmpty());
        QCOMPARE(pushed.at(0).at(0).toString(), MetricWriter::keyOf(h.spec.metrics[0]));
        QCOMPARE(pushed.at(0).at(1).toString(), QStringLiteral("400m"));
        QCOMPARE(pushed.at(0).at(2).toString(), QStringLiteral("400m"));
        auto reqs = m_server.requests();
        QCOMPARE(reqs.front().body, std::string("\"400m\""));
    }

    void writeFailureIsReported()
    {
        script(objectRoutes({{{"status", 503}, {"json", {{"kind", "Status"}, {"status", "Failure"}, {"reason", "ServiceUnavailable"}, {"code", 503},
                                                         {"message", "no endpoints available for service \"custom-metrics-apiserver\""}}}}}));
        MetricWriter writer;
        writer.setClient(makeClient());
        QSignalSpy failed(&writer, &MetricWriter::failed);
        QSignalSpy recorded(&writer, &MetricWriter::pushFinished);
        const auto h = hpa();
        writer.push(h, h.spec.metrics[0], QStringLiteral("1"));
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.at(0).at(1).toString().contains(QStringLiteral("has no ready pod")),
                 qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(recorded.size(), 1); // a failed write is history too, with its reason
        QVERIFY(!recorded.at(0).at(0).value<MetricPushRecord>().ok);
        QCOMPARE(recorded.at(0).at(0).value<MetricPushRecord>().error, failed.at(0).at(1).toString());
    }

    void adapterSettingsChangeThePath()
    {
        const std::string path = "/api/v1/namespaces/mon/services/adapter:8080/proxy/write-metrics/namespaces/default/services/web/requests";
        script(json::array({{{"method", "POST"}, {"path", path}, {"responses", {ok()}}},
                            {{"path", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/services/web/requests"},
                             {"responses", {{{"json", list({item("Service", "web", "requests", "2")})}}}}}}));
        MetricWriter writer;
        AdapterSettings a;
        a.namespaceName = QStringLiteral("mon");
        a.service = QStringLiteral("adapter");
        a.port = QStringLiteral("8080");
        writer.setAdapter(a);
        writer.setClient(makeClient());
        QSignalSpy pushed(&writer, &MetricWriter::pushed);
        const auto h = hpa();
        writer.push(h, h.spec.metrics[0], QStringLiteral("2"));
        QVERIFY(pushed.wait(10000));
        QCOMPARE(m_server.countRequests(path), 1);
    }

    void podsPushWritesEveryPodOfTheTarget()
    {
        json scale = {{"kind", "Scale"}, {"apiVersion", "autoscaling/v1"}, {"metadata", {{"name", "web"}}},
                      {"spec", {{"replicas", 2}}}, {"status", {{"replicas", 2}, {"selector", "app=web"}}}};
        json pods = {{"kind", "PodList"}, {"apiVersion", "v1"}, {"metadata", {{"resourceVersion", "10"}}},
                     {"items", {pod("web-1", "web"), pod("web-2", "web"), pod("db-1", "db")}}};
        script(json::array({
            {{"path", "/apis/apps/v1/namespaces/default/deployments/web/scale"}, {"responses", {{{"json", scale}}}}},
            {{"path", "/api/v1/namespaces/default/pods"}, {"query", {{"watch", nullptr}}}, {"responses", {{{"json", pods}}}}},
            {{"path", "/api/v1/namespaces/default/pods"}, {"query", {{"watch", "*"}}}, {"responses", {{{"chunks", json::array()}, {"end", "hang"}}}}},
            {{"method", "POST"}, {"path", kProxy + "/namespaces/default/pods/web-1/queue"}, {"responses", {ok()}}},
            {{"method", "POST"}, {"path", kProxy + "/namespaces/default/pods/web-2/queue"}, {"responses", {ok()}}},
            {{"path", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/*/queue"}, {"query", {{"labelSelector", "app=web"}}},
             {"responses", {{{"json", list({item("Pod", "web-1", "queue", "7"), item("Pod", "web-2", "queue", "7")})}}}}},
        }));
        auto client = makeClient();
        PodTracker tracker;
        tracker.setClient(client);
        MetricWriter writer;
        writer.setClient(client);
        writer.setPodTracker(&tracker);
        QSignalSpy pushed(&writer, &MetricWriter::pushed);
        QSignalSpy failed(&writer, &MetricWriter::failed);
        const auto h = hpa();
        writer.push(h, h.spec.metrics[1], QStringLiteral("7")); // waits for the selector and the pods
        QVERIFY(pushed.wait(10000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(pushed.at(0).at(2).toString(), QStringLiteral("7 (2 pods)"));
        QCOMPARE(m_server.countRequests(kProxy + "/namespaces/default/pods/web-"), 2);
        QCOMPARE(m_server.countRequests(kProxy + "/namespaces/default/pods/db-1"), 0);

        // One watch for the namespace, however many targets.
        QCOMPARE(tracker.selectorFor(QStringLiteral("default"), h.spec.scaleTargetRef).value_or(QString()), QStringLiteral("app=web"));
        const auto tracked = tracker.podsFor(QStringLiteral("default"), h.spec.scaleTargetRef);
        QCOMPARE(tracked.size(), std::size_t(2));
        QVERIFY(tracked[0].ready);
        QCOMPARE(m_server.countRequests("/api/v1/namespaces/default/pods", "watch="), 1);
    }

    void unknownScaleTargetFails()
    {
        script(json::array());
        PodTracker tracker;
        auto client = makeClient();
        tracker.setClient(client);
        MetricWriter writer;
        writer.setClient(client);
        writer.setPodTracker(&tracker);
        QSignalSpy failed(&writer, &MetricWriter::failed);
        auto h = hpa();
        h.spec.scaleTargetRef = {"example.com/v1", "Widget", "w"};
        writer.push(h, h.spec.metrics[1], QStringLiteral("7"));
        QVERIFY(failed.size() == 1 || failed.wait(10000));
        QVERIFY2(failed.at(0).at(1).toString().contains(QStringLiteral("cannot find the pods of Widget/w")),
                 qPrintable(failed.at(0).at(1).toString()));
    }

    void newestValueWins()
    {
        // Each write takes 300 ms: values pushed meanwhile wait, and only the newest is sent.
        script(objectRoutes({{{"status", 200}, {"body", ""}, {"delayMs", 300}}}));
        MetricWriter writer;
        writer.setClient(makeClient());
        QSignalSpy pushed(&writer, &MetricWriter::pushed);
        const auto h = hpa();
        writer.push(h, h.spec.metrics[0], QStringLiteral("1"));
        writer.push(h, h.spec.metrics[0], QStringLiteral("2"));
        writer.push(h, h.spec.metrics[0], QStringLiteral("3"));
        QTRY_COMPARE_WITH_TIMEOUT(pushed.size(), 2, 10000);
        QCOMPARE(pushed.at(0).at(1).toString(), QStringLiteral("1"));
        QCOMPARE(pushed.at(1).at(1).toString(), QStringLiteral("3"));
        const auto reqs = m_server.requests();
        int posts = 0;
        for (const auto &r : reqs)
            posts += r.method == "POST";
        QCOMPARE(posts, 2);
    }

    void setClientDropsStaleResults()
    {
        script(objectRoutes({{{"status", 200}, {"body", ""}, {"delayMs", 300}}}));
        MetricWriter writer;
        writer.setClient(makeClient());
        QSignalSpy pushed(&writer, &MetricWriter::pushed);
        QSignalSpy failed(&writer, &MetricWriter::failed);
        const auto h = hpa();
        writer.push(h, h.spec.metrics[0], QStringLiteral("1"));
        QVERIFY(waitUntil([&] { return m_server.requests().size() >= 1; }));
        writer.setClient(nullptr); // e.g. the user switched context
        // The answer arrives ~300 ms later and is dropped: no signal within twice that.
        QVERIFY(!pushed.wait(1000));
        QCOMPARE(failed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMetricWriter)
#include "test_metric_writer.moc"
