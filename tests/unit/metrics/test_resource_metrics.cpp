// kube/metrics' metrics.k8s.io reader and kwok usage patch against the scripted HTTPS server:
// the exact requests, PodMetricsList decoding (quantities summed per pod, the window as a Go
// duration), and each failure in words with its reason (404 not served, 503 unavailable, 403,
// undecodable; a patch refused or of a pod that is gone).
#include "kube/http/client.h"
#include "kube/metrics/kwok_usage.h"
#include "kube/metrics/resource_metrics.h"
#include "scripted_server.h"
#include "test_credentials.h"
#include "waiter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using namespace kube::metrics;
using namespace hpascope::test;
using nlohmann::json;

namespace {

const std::string kPath = "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods";

json status(int code, const std::string &reason, const std::string &message)
{
    return {{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", json::object()},
            {"status", "Failure"}, {"reason", reason}, {"message", message}, {"code", code}};
}

json podMetrics(const std::string &name, json containers)
{
    return {{"metadata", {{"name", name}, {"namespace", "default"}, {"labels", {{"app", "api"}}}}},
            {"timestamp", "2026-12-03T10:00:00Z"}, {"window", "20.022s"}, {"containers", std::move(containers)}};
}

} // namespace

class TestResourceMetrics : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;

    std::shared_ptr<http::Client> client()
    {
        auto c = http::Client::create(restConfigFor(m_server, m_certs));
        if (!c)
            qFatal("client: %s", c.error().toString().c_str());
        return c.value();
    }
    void script(const json &routes)
    {
        QVERIFY(m_server.setRoutes(routes));
        m_server.clearRequests();
    }
    Result<PodMetricsList> read(const std::string &selector = "app=api")
    {
        auto c = client();
        return await<Result<PodMetricsList>>([&](auto cb) { readPodUsage(*c, "default", selector, cb); });
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startWithNewCertificates(m_certs, m_tmp.filePath(QStringLiteral("certs")), &error),
                 qPrintable(error));
    }

    void pathCarriesTheSelector()
    {
        QCOMPARE(podMetricsPath("default", "app=api,tier in (a,b)"),
                 kPath + "?labelSelector=app%3Dapi%2Ctier%20in%20%28a%2Cb%29");
        QCOMPARE(podMetricsPath("default", ""), kPath);
    }

    void goDurations()
    {
        QCOMPARE(parseGoDuration("15s"), std::optional(std::chrono::milliseconds(15000)));
        QCOMPARE(parseGoDuration("20.022s"), std::optional(std::chrono::milliseconds(20022)));
        QCOMPARE(parseGoDuration("1m0.5s"), std::optional(std::chrono::milliseconds(60500)));
        QCOMPARE(parseGoDuration("250ms"), std::optional(std::chrono::milliseconds(250)));
        QCOMPARE(parseGoDuration("0"), std::optional(std::chrono::milliseconds(0)));
        QVERIFY(!parseGoDuration("15"));
        QVERIFY(!parseGoDuration("s"));
        QVERIFY(!parseGoDuration(""));
        QCOMPARE(parseGoDuration(".5s"), std::optional(std::chrono::milliseconds(500)));
        QVERIFY(!parseGoDuration("1.2.3s")); // not 1.2 s: the whole number or nothing
        QVERIFY(!parseGoDuration("1..s"));
    }

    void readsAndSumsContainers()
    {
        const json list{{"kind", "PodMetricsList"}, {"apiVersion", "metrics.k8s.io/v1beta1"},
                        {"metadata", json::object()},
                        {"items", {podMetrics("api-a", {{{"name", "api"}, {"usage", {{"cpu", "250m"}, {"memory", "65536Ki"}}}},
                                                        {{"name", "side"}, {"usage", {{"cpu", "1234567n"}, {"memory", "1Mi"}}}}}),
                                   podMetrics("api-b", json::array())}}};
        script(json::array({{{"method", "GET"}, {"path", kPath}, {"query", {{"labelSelector", "app=api"}}},
                             {"responses", {{{"status", 200}, {"json", list}}}}}}));
        auto r = read();
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->items.size(), std::size_t(2));
        const PodUsage &a = r->items[0];
        QCOMPARE(a.name, std::string("api-a"));
        QCOMPARE(a.window, std::chrono::milliseconds(20022));
        QVERIFY(a.timestamp.has_value());
        QCOMPARE(a.cpuMilli(), std::optional<int64_t>(252)); // 250m + 1.234567m, rounded up as MilliValue does
        QCOMPARE(a.memoryMilli(), std::optional<int64_t>((64LL + 1) * 1024 * 1024 * 1000));
        QVERIFY(!r->items[1].cpuMilli()); // no container: no usage, not 0
        const auto reqs = m_server.requests();
        QCOMPARE(reqs.size(), std::size_t(1));
        QCOMPARE(reqs[0].clientCN, std::string("test-user"));
    }

    void errorsInWords_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no APIService (404)") << 404 << QString::fromLatin1(kReasonResourceMetricsNotServed.data())
                                             << "metrics.k8s.io is not served (metrics-server not installed)";
        QTest::newRow("backend down (503)") << 503 << QString::fromLatin1(kReasonResourceMetricsUnavailable.data())
                                            << "metrics API unavailable";
        QTest::newRow("RBAC (403)") << 403 << QString::fromLatin1(kReasonResourceMetricsForbidden.data())
                                    << "you are not allowed to list pods.metrics.k8s.io in namespace default";
    }
    void errorsInWords()
    {
        QFETCH(int, code);
        QFETCH(QString, reason);
        QFETCH(QString, messagePart);
        script(json::array({{{"method", "GET"}, {"path", kPath},
                             {"responses", {{{"status", code}, {"json", status(code, "X", "server words")}}}}}}));
        auto r = read();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus, code);
        QCOMPARE(QString::fromStdString(r.error().reason), reason);
        QVERIFY2(QString::fromStdString(r.error().message).contains(messagePart), r.error().message.c_str());
        QCOMPARE(isLastingResourceMetricsError(r.error()), code != 503);
    }

    void undecodableAnswers_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("not JSON") << "<html>" << "not JSON";
        QTest::newRow("bad quantity") << R"({"items":[{"metadata":{"name":"a"},"containers":[{"name":"c","usage":{"cpu":"lots"}}]}]})"
                                      << "items[0].containers[0].usage.cpu";
        QTest::newRow("bad window") << R"({"items":[{"metadata":{"name":"a"},"window":"soon","containers":[]}]})"
                                    << "items[0].window";
    }
    void undecodableAnswers()
    {
        QFETCH(QString, body);
        QFETCH(QString, messagePart);
        script(json::array({{{"method", "GET"}, {"path", kPath}, {"responses", {{{"status", 200}, {"body", body.toStdString()}}}}}}));
        auto r = read();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Decode);
        QCOMPARE(r.error().reason, std::string(kReasonResourceMetricsUndecodable));
        QVERIFY2(QString::fromStdString(r.error().toString()).contains(messagePart), r.error().toString().c_str());
    }

    void usagePerContainer()
    {
        QCOMPARE(perContainerUsage(500, 1).toString(), std::string("500m"));
        QCOMPARE(perContainerUsage(500, 2).toString(), std::string("250m"));
        QCOMPARE(perContainerUsage(1000, 3).toString(), std::string("333m"));
        QCOMPARE(perContainerUsage(-5, 1).toString(), std::string("0"));
        QVERIFY(json::parse(usagePatchBody(perContainerUsage(1500, 1)))
                == json({{"metadata", {{"annotations", {{"kwok.x-k8s.io/usage-cpu", "1500m"}}}}}}));
        QVERIFY(isKwokNode({{"kwok.x-k8s.io/node", "fake"}}));
        QVERIFY(!isKwokNode({{"kwok.x-k8s.io/node", "real"}}));
        QVERIFY(!isKwokNode({}));
    }

    void patchSendsAMergePatchAndReadsBack()
    {
        const std::string path = "/api/v1/namespaces/default/pods/api-a";
        const json patched{{"metadata", {{"name", "api-a"}, {"annotations", {{"kwok.x-k8s.io/usage-cpu", "250m"}}}}}};
        script(json::array({{{"method", "PATCH"}, {"path", path}, {"responses", {{{"status", 200}, {"json", patched}}}}}}));
        auto c = client();
        auto r = await<Result<std::string>>([&](auto cb) { patchPodCpuUsage(*c, "default", "api-a", perContainerUsage(250, 1), cb); });
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r.value(), std::string("250m"));
        const auto reqs = m_server.requests();
        QCOMPARE(reqs.size(), std::size_t(1));
        QCOMPARE(reqs[0].method, std::string("PATCH"));
        QCOMPARE(reqs[0].contentType, std::string("application/merge-patch+json"));
        QVERIFY(json::parse(reqs[0].body) == json::parse(usagePatchBody(perContainerUsage(250, 1))));
    }

    void patchFailuresInWords_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("body"); // empty: a Status
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("forbidden") << 403 << QString() << QString::fromLatin1(kReasonPodPatchForbidden.data())
                                   << "you are not allowed to patch pods in namespace default";
        QTest::newRow("gone") << 404 << QString() << QString::fromLatin1(kReasonPodGone.data()) << "pod api-a is gone";
        QTest::newRow("not stored") << 200 << R"({"metadata":{"name":"api-a"}})"
                                    << QString::fromLatin1(kReasonUsageNotStored.data()) << "does not carry";
    }
    void patchFailuresInWords()
    {
        QFETCH(int, code);
        QFETCH(QString, body);
        QFETCH(QString, reason);
        QFETCH(QString, messagePart);
        json response{{"status", code}};
        if (body.isEmpty())
            response["json"] = status(code, code == 403 ? "Forbidden" : "NotFound", "pods \"api-a\" is refused");
        else
            response["body"] = body.toStdString();
        script(json::array({{{"method", "PATCH"}, {"path", "/api/v1/namespaces/default/pods/api-a"}, {"responses", {response}}}}));
        auto c = client();
        auto r = await<Result<std::string>>([&](auto cb) { patchPodCpuUsage(*c, "default", "api-a", perContainerUsage(250, 1), cb); });
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().reason), reason);
        QVERIFY2(QString::fromStdString(r.error().message).contains(messagePart), r.error().message.c_str());
    }

    void nodeLookup()
    {
        script(json::array({{{"method", "GET"}, {"path", "/api/v1/nodes/kwok-1"},
                             {"responses", {{{"status", 200}, {"json", {{"metadata", {{"name", "kwok-1"}, {"annotations", {{"kwok.x-k8s.io/node", "fake"}}}}}}}}}}},
                            {{"method", "GET"}, {"path", "/api/v1/nodes/real-1"},
                             {"responses", {{{"status", 200}, {"json", {{"metadata", {{"name", "real-1"}}}}}}}}},
                            {{"method", "GET"}, {"path", "/api/v1/nodes/secret"},
                             {"responses", {{{"status", 403}, {"json", status(403, "Forbidden", "nodes is forbidden")}}}}}}));
        auto c = client();
        auto kwok = await<Result<bool>>([&](auto cb) { fetchNodeIsKwok(*c, "kwok-1", cb); });
        QVERIFY(kwok.ok() && kwok.value());
        auto real = await<Result<bool>>([&](auto cb) { fetchNodeIsKwok(*c, "real-1", cb); });
        QVERIFY(real.ok() && !real.value());
        auto secret = await<Result<bool>>([&](auto cb) { fetchNodeIsKwok(*c, "secret", cb); });
        QVERIFY(!secret.ok());
        QCOMPARE(secret.error().httpStatus, 403);
    }
};

QTEST_GUILESS_MAIN(TestResourceMetrics)
#include "test_resource_metrics.moc"
