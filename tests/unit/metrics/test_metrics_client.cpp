// kube/metrics against the scripted HTTPS server: the exact write requests sent to the test
// adapter through the service proxy, the error words for each failure the proxy and adapter
// produce, pods fan-out, reads with the v1beta2 -> v1beta1 fallback, and the Scale selector
// lookup of per-pod pushes.
#include "kube/metrics/adapter_errors.h"
#include "kube/metrics/metrics_client.h"
#include "kube/metrics/target_pods.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <mutex>
#include <optional>

using namespace kube;
using namespace kube::metrics;
using namespace hpascope::test;
using nlohmann::json;

namespace {

const std::string kProxy
    = "/api/v1/namespaces/custom-metrics/services/custom-metrics-apiserver:http/proxy";
const std::string kWriteWeb = kProxy + "/write-metrics/namespaces/default/services/web/requests";
const std::string kReadWebV2 = "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/services/web/requests";
const std::string kReadWebV1 = "/apis/custom.metrics.k8s.io/v1beta1/namespaces/default/services/web/requests";

// Collects one asynchronous result from the network thread.
template <typename T>
struct Waiter {
    std::mutex mutex;
    std::condition_variable cv;
    std::optional<T> value;
    bool onNetworkThread = false;
    std::function<void(T)> callback(const std::shared_ptr<http::Client> &client)
    {
        return [this, client](T v) {
            std::lock_guard lock(mutex);
            onNetworkThread = client->onNetworkThread();
            value.emplace(std::move(v));
            cv.notify_all();
        };
    }
    bool wait(int ms = 10000)
    {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return value.has_value(); });
    }
};

json status(int code, const std::string &reason, const std::string &message)
{
    return {{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", json::object()},
            {"status", "Failure"}, {"reason", reason}, {"message", message}, {"code", code}};
}

api::CrossVersionObjectReference service(const std::string &name)
{
    return {"v1", "Service", name};
}

api::Quantity q(const char *text)
{
    return api::Quantity::parse(text).value();
}

json v2Item(const std::string &kind, const std::string &name, const std::string &value)
{
    return {{"describedObject", {{"kind", kind}, {"namespace", "default"}, {"name", name}, {"apiVersion", "/v1"}}},
            {"metric", {{"name", "requests"}, {"selector", nullptr}}},
            {"timestamp", "2026-11-29T15:00:00Z"},
            {"windowSeconds", 60},
            {"value", value}};
}

} // namespace

class TestMetricsClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;

    std::shared_ptr<http::Client> makeClient()
    {
        auto client = http::Client::create(restConfigFor(m_server, m_certs));
        if (!client)
            qFatal("Client::create failed: %s", client.error().toString().c_str());
        return client.value();
    }
    void script(const json &routes)
    {
        QVERIFY(m_server.setRoutes(routes));
        m_server.clearRequests();
    }
    std::vector<RecordedRequest> waitForRequests(std::size_t n)
    {
        waitUntil([&] { return m_server.requests().size() >= n; });
        return m_server.requests();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_server.startWithNewCertificates(m_certs, m_tmp.filePath(QStringLiteral("certs")), &error),
                 qPrintable(error));
    }

    void bodyIsAJsonStringQuantity()
    {
        QCOMPARE(writeBody(q("400m")), std::string("\"400m\""));
        QCOMPARE(writeBody(q("400m")).size(), std::size_t(6));
        QCOMPARE(writeBody(q("0.4")), std::string("\"400m\"")); // canonical form, as Go prints it
        QCOMPARE(writeBody(q("2k")), std::string("\"2k\""));
    }

    void writeObjectMetricSendsExactRequest()
    {
        script(json::array({{{"method", "POST"}, {"path", kWriteWeb}, {"responses", {{{"status", 200}, {"body", ""}}}}}}));
        auto client = makeClient();
        MetricsClient metrics(client);
        Waiter<Status> w;
        metrics.writeObjectMetric("default", service("web"), "requests", q("400m"), {}, w.callback(client));
        QVERIFY(w.wait());
        QVERIFY2(w.value->ok(), w.value->ok() ? "" : w.value->error().toString().c_str());
        QVERIFY(w.onNetworkThread);
        auto reqs = waitForRequests(1);
        QCOMPARE(reqs.size(), std::size_t(1));
        QCOMPARE(reqs[0].method, std::string("POST"));
        QCOMPARE(reqs[0].path, kWriteWeb);
        QCOMPARE(reqs[0].body, std::string("\"400m\""));
        QCOMPARE(reqs[0].contentType, std::string("application/json"));
        // go-restful answers 406 to "Accept: application/json" on routes without Produces.
        QCOMPARE(reqs[0].accept, std::string("*/*"));
        QCOMPARE(reqs[0].clientCN, std::string("test-user")); // the kubeconfig's credentials
    }

    void writeCarriesLabelsAndCustomAdapter()
    {
        const std::string path = "/api/v1/namespaces/monitoring/services/my-adapter:8080/proxy"
                                 "/write-metrics/namespaces/shop/deployments.apps/cart/hits";
        script(json::array({{{"method", "POST"}, {"path", path}, {"query", {{"labels", "code=200,path=/api"}}},
                             {"responses", {{{"status", 200}, {"body", ""}}}}}}));
        auto client = makeClient();
        MetricsClient metrics(client, {"monitoring", "my-adapter", "8080"});
        auto s = metrics.writeObjectMetricSync("shop", {"apps/v1", "Deployment", "cart"}, "hits", q("2k"),
                                               {{"path", "/api"}, {"code", "200"}});
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().toString().c_str());
        auto reqs = waitForRequests(1);
        QCOMPARE(reqs.back().path, path + "?labels=code%3D200%2Cpath%3D%2Fapi");
        QCOMPARE(reqs.back().body, std::string("\"2k\""));
    }

    void writeErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("statusReason"); // empty: plain-text body
        QTest::addColumn<QString>("serverMessage");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("service missing (404)")
            << 404 << "NotFound" << "endpoints \"custom-metrics-apiserver\" not found"
            << "AdapterNotReachable"
            << "the custom-metrics test adapter is not reachable through the API server: service "
               "custom-metrics/custom-metrics-apiserver port http (is it installed?)";
        QTest::newRow("namespace missing (404)")
            << 404 << "NotFound" << "namespaces \"custom-metrics\" not found" << "AdapterNotReachable"
            << "(is it installed?)";
        QTest::newRow("no endpoints (503)")
            << 503 << "ServiceUnavailable" << "no endpoints available for service \"custom-metrics-apiserver\""
            << "AdapterNotReady" << "has no ready pod";
        QTest::newRow("pod not listening (503)")
            << 503 << "ServiceUnavailable"
            << "error trying to reach service: dial tcp 10.77.0.11:8080: connect: connection refused"
            << "AdapterNotReady" << "cannot connect to the custom-metrics test adapter pod";
        QTest::newRow("other 503")
            << 503 << "ServiceUnavailable" << "the server is currently unable to handle the request"
            << "AdapterNotReachable" << "is not reachable through the API server";
        QTest::newRow("RBAC (403)")
            << 403 << "Forbidden"
            << "services \"custom-metrics-apiserver:http\" is forbidden: User \"bob\" cannot create "
               "resource \"services/proxy\" in API group \"\" in the namespace \"custom-metrics\""
            << "Forbidden" << "you are not allowed to create services/proxy in namespace custom-metrics";
        QTest::newRow("RBAC (403) unparsed")
            << 403 << "" << "forbidden" << "Forbidden"
            << "you are not allowed to create services/proxy in namespace custom-metrics";
        QTest::newRow("adapter refuses the body (400)")
            << 400 << ""
            << "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
            << "BadRequest" << "the test adapter refused the value for metric requests of services/web";
        QTest::newRow("media types refused (go-restful 406)")
            << 406 << "" << "406: Not Acceptable\n\nAvailable representations: " << "NotTheTestAdapter"
            << "refused the request's media types";
        QTest::newRow("another service (go-restful 404)")
            << 404 << "" << "404: Page Not Found" << "NotTheTestAdapter" << "has no /write-metrics route";
    }
    void writeErrors()
    {
        QFETCH(int, code);
        QFETCH(QString, statusReason);
        QFETCH(QString, serverMessage);
        QFETCH(QString, reason);
        QFETCH(QString, messagePart);
        json response = {{"status", code}};
        if (statusReason.isEmpty())
            response["body"] = serverMessage.toStdString();
        else
            response["json"] = status(code, statusReason.toStdString(), serverMessage.toStdString());
        script(json::array({{{"method", "POST"}, {"path", kWriteWeb}, {"responses", {response}}}}));
        auto client = makeClient();
        MetricsClient metrics(client);
        auto s = metrics.writeObjectMetricSync("default", service("web"), "requests", q("400m"), {});
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, Error::Kind::Http);
        QCOMPARE(s.error().httpStatus, code);
        QCOMPARE(QString::fromStdString(s.error().reason), reason);
        QVERIFY2(QString::fromStdString(s.error().message).contains(messagePart), s.error().message.c_str());
        // The server's own words stay available for the details line.
        QVERIFY2(QString::fromStdString(s.error().detail).contains(serverMessage.simplified().left(20)), s.error().detail.c_str());
    }

    void objectWithoutDescribedObjectIsRefused()
    {
        script(json::array());
        auto client = makeClient();
        MetricsClient metrics(client);
        Waiter<Status> w;
        metrics.writeObjectMetric("default", {"v1", "", ""}, "requests", q("1"), {}, w.callback(client));
        QVERIFY(w.wait());
        QVERIFY(!w.value->ok());
        QCOMPARE(w.value->error().kind, Error::Kind::Invalid);
        QVERIFY(w.onNetworkThread); // same thread as every other callback
        QCOMPARE(m_server.requests().size(), std::size_t(0));
    }

    void podsFanOutAggregatesFailures()
    {
        const std::string base = kProxy + "/write-metrics/namespaces/default/pods/";
        script(json::array({
            {{"method", "POST"}, {"path", base + "web-a/queue"}, {"responses", {{{"status", 200}, {"body", ""}}}}},
            {{"method", "POST"}, {"path", base + "web-b/queue"},
             {"responses", {{{"status", 503}, {"json", status(503, "ServiceUnavailable", "no endpoints available for service \"custom-metrics-apiserver\"")}}}}},
            {{"method", "POST"}, {"path", base + "web-c/queue"}, {"responses", {{{"status", 200}, {"body", ""}}}}},
        }));
        auto client = makeClient();
        MetricsClient metrics(client);
        Waiter<PodsWriteResult> w;
        metrics.writePodsMetric("default", {"web-a", "web-b", "web-c"}, "queue", q("7"), {}, w.callback(client));
        QVERIFY(w.wait());
        const PodsWriteResult &r = *w.value;
        QVERIFY(!r.ok());
        QCOMPARE(r.written, (std::vector<std::string>{"web-a", "web-c"}));
        QCOMPARE(r.failed.size(), std::size_t(1));
        QCOMPARE(r.failed[0].pod, std::string("web-b"));
        QCOMPARE(r.failed[0].error.reason, std::string(kReasonAdapterNotReady));
        const Error summary = r.summary();
        QVERIFY2(summary.detail.find("1 of 3 pods failed: web-b") != std::string::npos, summary.detail.c_str());
        auto reqs = waitForRequests(3);
        QCOMPARE(reqs.size(), std::size_t(3));
        for (const auto &req : reqs) {
            QCOMPARE(req.method, std::string("POST"));
            QCOMPARE(req.body, std::string("\"7\""));
            QVERIFY(req.path.rfind(base, 0) == 0);
        }
    }

    void podsWriteWithoutPods()
    {
        script(json::array());
        auto client = makeClient();
        MetricsClient metrics(client);
        auto r = metrics.writePodsMetricSync("default", {}, "queue", q("1"), {});
        QVERIFY(!r.ok());
        QVERIFY(r.written.empty());
        QCOMPARE(r.summary().message, std::string("no pods to write to"));
        QCOMPARE(m_server.requests().size(), std::size_t(0));
    }

    void readObjectMetricV1beta2()
    {
        json list = {{"kind", "MetricValueList"}, {"apiVersion", "custom.metrics.k8s.io/v1beta2"},
                     {"metadata", json::object()}, {"items", {v2Item("Service", "web", "400m")}}};
        script(json::array({{{"path", kReadWebV2}, {"responses", {{{"json", list}}}}}}));
        auto client = makeClient();
        MetricsClient metrics(client);
        auto v = metrics.readObjectMetricSync("default", service("web"), "requests", {});
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().toString().c_str());
        QCOMPARE(v->value.toString(), std::string("400m"));
        QCOMPARE(v->metricName, std::string("requests"));
        QCOMPARE(v->describedObject.kind, std::string("Service"));
        QCOMPARE(v->describedObject.name, std::string("web"));
        QCOMPARE(v->windowSeconds.value_or(0), int64_t(60));
        QVERIFY(v->timestamp.has_value());
        QCOMPARE(metrics.preferredVersion(), CustomMetricsVersion::V1beta2);
        QCOMPARE(m_server.countRequests("/apis/custom.metrics.k8s.io/v1beta1"), 0);
    }

    void readFallsBackToV1beta1()
    {
        json v1 = {{"kind", "MetricValueList"}, {"apiVersion", "custom.metrics.k8s.io/v1beta1"},
                   {"metadata", json::object()},
                   {"items", {{{"describedObject", {{"kind", "Service"}, {"namespace", "default"}, {"name", "web"}}},
                               {"metricName", "requests"}, {"timestamp", "2026-11-29T15:00:00Z"},
                               {"window", 30}, {"value", "1500m"},
                               {"selector", {{"matchLabels", {{"code", "200"}}}}}}}}};
        script(json::array({
            {{"path", kReadWebV2}, {"responses", {{{"status", 404}, {"json", status(404, "NotFound", "the server could not find the requested resource")}}}}},
            {{"path", kReadWebV1}, {"responses", {{{"json", v1}}}}},
        }));
        auto client = makeClient();
        MetricsClient metrics(client);
        auto v = metrics.readObjectMetricSync("default", service("web"), "requests", {});
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().toString().c_str());
        QCOMPARE(v->value.toString(), std::string("1500m"));
        QCOMPARE(v->metricName, std::string("requests"));
        QCOMPARE(v->windowSeconds.value_or(0), int64_t(30));
        QVERIFY(v->selector.has_value());
        QCOMPARE(v->selector->toString(), std::string("code=200"));
        QCOMPARE(metrics.preferredVersion(), CustomMetricsVersion::V1beta1);
        QCOMPARE(m_server.countRequests(kReadWebV2), 1);
        QCOMPARE(m_server.countRequests(kReadWebV1), 1);

        // Remembered: the next read goes straight to v1beta1.
        auto again = metrics.readObjectMetricSync("default", service("web"), "requests", {});
        QVERIFY(again.ok());
        QCOMPARE(m_server.countRequests(kReadWebV2), 1);
        QCOMPARE(m_server.countRequests(kReadWebV1), 2);
    }

    void missingMetricDoesNotFallBack()
    {
        script(json::array({{{"path", kReadWebV2},
                             {"responses", {{{"status", 404}, {"json", status(404, "NotFound", "the server could not find the metric requests for services web")}}}}}}));
        auto client = makeClient();
        MetricsClient metrics(client);
        auto v = metrics.readObjectMetricSync("default", service("web"), "requests", {});
        QVERIFY(!v.ok());
        QCOMPARE(v.error().reason, std::string(kReasonMetricNotFound));
        QVERIFY2(v.error().message.find("there is no value for metric requests of services/web") != std::string::npos,
                 v.error().message.c_str());
        QCOMPARE(m_server.countRequests(kReadWebV1), 0);
        QCOMPARE(metrics.preferredVersion(), CustomMetricsVersion::V1beta2);
    }

    void neitherVersionServed()
    {
        script(json::array()); // the scripted server answers 404 Status for everything
        auto client = makeClient();
        MetricsClient metrics(client);
        auto v = metrics.readObjectMetricSync("default", service("web"), "requests", {});
        QVERIFY(!v.ok());
        QCOMPARE(v.error().reason, std::string(kReasonApiNotServed));
        QVERIFY2(v.error().message.find("custom.metrics.k8s.io/v1beta1 is not served") != std::string::npos,
                 v.error().message.c_str());
        QCOMPARE(m_server.countRequests(kReadWebV2), 1);
        QCOMPARE(m_server.countRequests(kReadWebV1), 1);
        QCOMPARE(metrics.preferredVersion(), CustomMetricsVersion::V1beta2); // nothing learned
    }

    void objectReadExpectsOneItem()
    {
        json list = {{"kind", "MetricValueList"}, {"items", json::array()}};
        script(json::array({{{"path", kReadWebV2}, {"responses", {{{"json", list}}}}}}));
        auto client = makeClient();
        MetricsClient metrics(client);
        auto v = metrics.readObjectMetricSync("default", service("web"), "requests", {});
        QVERIFY(!v.ok());
        QCOMPARE(v.error().kind, Error::Kind::Decode);
        QVERIFY(v.error().message.find("expected exactly one") != std::string::npos);
    }

    void readPodsMetricWithSelectors()
    {
        const std::string path = "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/*/queue";
        json list = {{"kind", "MetricValueList"},
                     {"items", {v2Item("Pod", "web-a", "7"), v2Item("Pod", "web-b", "9")}}};
        script(json::array({{{"path", path}, {"query", {{"labelSelector", "app=web"}, {"metricLabelSelector", "code=200"}}},
                             {"responses", {{{"json", list}}}}}}));
        auto client = makeClient();
        MetricsClient metrics(client);
        auto l = metrics.readPodsMetricSync("default", "app=web", "queue", "code=200");
        QVERIFY2(l.ok(), l.ok() ? "" : l.error().toString().c_str());
        QCOMPARE(l->items.size(), std::size_t(2));
        QCOMPARE(l->items[1].describedObject.name, std::string("web-b"));
        QCOMPARE(l->items[1].value.toString(), std::string("9"));
        auto reqs = waitForRequests(1);
        QCOMPARE(reqs.back().path, path + "?labelSelector=app%3Dweb&metricLabelSelector=code%3D200");
    }

    void readExternalMetric()
    {
        const std::string path = "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/my-external-metric";
        json list = {{"kind", "ExternalMetricValueList"}, {"apiVersion", "external.metrics.k8s.io/v1beta1"},
                     {"metadata", json::object()},
                     {"items", {{{"metricName", "my-external-metric"}, {"metricLabels", {{"foo", "bar"}}},
                                 {"timestamp", "2026-11-29T15:00:00Z"}, {"value", "42"}}}}};
        script(json::array({{{"path", path}, {"query", {{"labelSelector", "foo=bar"}}}, {"responses", {{{"json", list}}}}}}));
        auto client = makeClient();
        MetricsClient metrics(client);
        auto l = metrics.readExternalMetricSync("default", "my-external-metric", "foo=bar");
        QVERIFY2(l.ok(), l.ok() ? "" : l.error().toString().c_str());
        QCOMPARE(l->items.size(), std::size_t(1));
        QCOMPARE(l->items[0].value.toString(), std::string("42"));
        QCOMPARE(l->items[0].metricLabels.at("foo"), std::string("bar"));
    }

    void readErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("serverMessage");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("RBAC")
            << 403
            << "services.custom.metrics.k8s.io \"web\" is forbidden: User \"bob\" cannot get resource "
               "\"services/requests\" in API group \"custom.metrics.k8s.io\" in the namespace \"default\""
            << "you are not allowed to get services/requests.custom.metrics.k8s.io in namespace default";
        QTest::newRow("APIService down")
            << 503 << "the server is currently unable to handle the request"
            << "custom.metrics.k8s.io/v1beta2 is unavailable";
    }
    void readErrors()
    {
        QFETCH(int, code);
        QFETCH(QString, serverMessage);
        QFETCH(QString, messagePart);
        script(json::array({{{"path", kReadWebV2},
                             {"responses", {{{"status", code}, {"json", status(code, code == 403 ? "Forbidden" : "ServiceUnavailable", serverMessage.toStdString())}}}}}}));
        auto client = makeClient();
        MetricsClient metrics(client);
        auto v = metrics.readObjectMetricSync("default", service("web"), "requests", {});
        QVERIFY(!v.ok());
        QCOMPARE(v.error().httpStatus, code);
        QVERIFY2(QString::fromStdString(v.error().message).contains(messagePart), v.error().message.c_str());
        QCOMPARE(m_server.countRequests(kReadWebV1), 0);
    }

    void undecodableValue()
    {
        json list = {{"kind", "MetricValueList"}, {"items", {v2Item("Service", "web", "4OOm")}}};
        script(json::array({{{"path", kReadWebV2}, {"responses", {{{"json", list}}}}}}));
        auto client = makeClient();
        MetricsClient metrics(client);
        auto v = metrics.readObjectMetricSync("default", service("web"), "requests", {});
        QVERIFY(!v.ok());
        QCOMPARE(v.error().kind, Error::Kind::Decode);
        QVERIFY2(v.error().toString().find("items[0].value") != std::string::npos, v.error().toString().c_str());
    }

    void scaleSelectorLookup_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("selector"); // expected; empty with an error
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("selector") << 200
                                  << QByteArray(R"j({"kind": "Scale", "apiVersion": "autoscaling/v1", "spec": {"replicas": 2},
                                      "status": {"replicas": 2, "selector": "app=web,tier in (fe)"}})j")
                                  << "app=web,tier in (fe)" << "";
        QTest::newRow("not JSON") << 200 << QByteArray("<html>") << "" << "the Scale answer is not JSON";
        QTest::newRow("not a Scale") << 200 << QByteArray(R"({"spec": {"replicas": "2"}})") << ""
                                     << "spec.replicas: expected an integer";
        QTest::newRow("not found") << 404 << QByteArray() << "" << "not found";
    }
    void scaleSelectorLookup()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, body);
        QFETCH(QString, selector);
        QFETCH(QString, errorPart);
        const std::string path = "/apis/apps/v1/namespaces/shop/deployments/web/scale";
        json response = code == 200 ? json{{"status", 200}, {"body", body.toStdString()}}
                                    : json{{"status", code}, {"json", status(code, "NotFound", "deployments.apps \"web\" not found")}};
        script(json::array({{{"path", path}, {"responses", {response}}}}));
        auto client = makeClient();
        Waiter<Result<std::string>> w;
        const Status sent = fetchScaleSelector(*client, "shop", {"apps/v1", "Deployment", "web"}, w.callback(client));
        QVERIFY(sent.ok());
        QVERIFY(w.wait());
        QVERIFY(w.onNetworkThread);
        QCOMPARE(waitForRequests(1).front().path, path);
        if (errorPart.isEmpty()) {
            QVERIFY2(w.value->ok(), w.value->ok() ? "" : w.value->error().toString().c_str());
            QCOMPARE(QString::fromStdString(w.value->value()), selector);
        } else {
            QVERIFY(!w.value->ok());
            QVERIFY2(QString::fromStdString(w.value->error().toString()).contains(errorPart),
                     w.value->error().toString().c_str());
        }
    }

    void scaleSelectorLookupRefusesUnknownKinds()
    {
        script(json::array());
        auto client = makeClient();
        bool called = false;
        const Status sent = fetchScaleSelector(*client, "shop", {"example.com/v1", "Widget", "w"},
                                               [&](Result<std::string>) { called = true; });
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.find("cannot address the scale subresource of Widget") != std::string::npos,
                 sent.error().message.c_str());
        QVERIFY(!called); // nothing sent, no callback
        QCOMPARE(m_server.requests().size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestMetricsClient)
#include "test_metrics_client.moc"
