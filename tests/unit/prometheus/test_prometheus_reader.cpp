// kube/prometheus reads against the scripted server, both ways of reaching Prometheus: through
// the API server's service proxy (the path the API server sees, the kubeconfig's client
// certificate, no bearer token) and Direct (a path prefix kept, the bearer token sent). Failures
// in words: the proxy's 503/404 Status, an HTML login page, the points-limit refusal, a refused
// token, a closed port; and the KSM probe.
#include "kube/http/client.h"
#include "kube/prometheus/hpa_history.h"
#include "kube/prometheus/reasons.h"
#include "scripted_server.h"
#include "test_credentials.h"
#include "waiter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using namespace kube::prometheus;
using namespace hpascope::test;
using nlohmann::json;

namespace {

const std::string kProxyBase = "/api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy";
constexpr std::int64_t kStart = 1000;
constexpr std::int64_t kEnd = kStart + 7 * 86400;

json status(int code, const std::string &reason, const std::string &message)
{
    return {{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", json::object()},
            {"status", "Failure"}, {"reason", reason}, {"message", message}, {"code", code}};
}

json ksmSeries(const std::string &family, json extra, json values)
{
    json metric{{"__name__", "kube_horizontalpodautoscaler_" + family}, {"namespace", "default"},
                {"horizontalpodautoscaler", "web"}, {"job", "kube-state-metrics"}};
    metric.update(extra);
    return {{"metric", metric}, {"values", values}};
}

json matrix(json result)
{
    return {{"status", "success"}, {"data", {{"resultType", "matrix"}, {"result", result}}}};
}

json historyRoute(const std::string &path, json response)
{
    return {{"method", "GET"}, {"path", path},
            {"query", {{"query", hpaHistoryQuery("default", "web")}, {"start", std::to_string(kStart)},
                       {"end", std::to_string(kEnd)}, {"step", "55"}}},
            {"responses", json::array({response})}};
}

std::vector<api::MetricSpec> cpuSpec()
{
    api::MetricSpec m;
    m.type = api::MetricSourceType::Resource;
    api::MetricTarget t;
    t.type = api::MetricTargetType::Utilization;
    t.averageUtilization = 60;
    m.resource = api::ResourceMetricSource{"cpu", t};
    return {m};
}

} // namespace

class TestPrometheusReader : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_apiServer; // TLS, client certificate: the cluster
    ScriptedServer m_direct;    // plain HTTP, bearer token "tok": a Prometheus of its own

    std::shared_ptr<http::Client> apiClient()
    {
        auto c = http::Client::create(restConfigFor(m_apiServer, m_certs));
        if (!c)
            qFatal("client: %s", c.error().toString().c_str());
        return c.value();
    }
    Endpoint directEndpoint(const std::string &token) const
    {
        auto e = parseEndpoint(m_direct.url() + "/prom", token);
        if (!e)
            qFatal("endpoint: %s", e.error().toString().c_str());
        return e.value();
    }
    std::shared_ptr<http::Client> directClient(const Endpoint &e)
    {
        auto cfg = directRestConfig(e);
        if (!cfg)
            qFatal("config: %s", cfg.error().toString().c_str());
        auto c = http::Client::create(cfg.value());
        if (!c)
            qFatal("client: %s", c.error().toString().c_str());
        return c.value();
    }
    Result<HpaHistory> readVia(http::Client &client, const Endpoint &endpoint)
    {
        return await<Result<HpaHistory>>([&](auto cb) {
            readHpaHistory(client, endpoint, "default", "web", cpuSpec(), kStart, kEnd, 15, cb);
        });
    }
    Result<HpaHistory> readProxied(const json &response)
    {
        [&] { QVERIFY(m_apiServer.setRoutes(json::array({historyRoute(kProxyBase + "/api/v1/query_range", response)}))); }();
        m_apiServer.clearRequests();
        auto c = apiClient();
        return readVia(*c, Endpoint{});
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_apiServer.startWithNewCertificates(m_certs, m_tmp.filePath(QStringLiteral("certs")), &error),
                 qPrintable(error));
        ScriptedServer::Options o;
        o.certDir = m_tmp.filePath(QStringLiteral("certs"));
        o.clientAuth = QStringLiteral("none");
        o.tokens = {QStringLiteral("tok")};
        o.tls = false;
        QVERIFY2(m_direct.start(o, &error), qPrintable(error));
    }

    void historyThroughTheServiceProxy()
    {
        const json answer = matrix({
            ksmSeries("status_current_replicas", json::object(), {{kStart, "2"}, {kStart + 55, "3"}}),
            ksmSeries("spec_target_metric", {{"metric_name", "cpu"}, {"metric_target_type", "utilization"}},
                      {{kStart, "60"}}),
            ksmSeries("status_target_metric", {{"metric_name", "cpu"}, {"metric_target_type", "utilization"}},
                      {{kStart, "71"}, {kStart + 55, "NaN"}}),
        });
        auto r = readProxied({{"status", 200}, {"json", answer}});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->currentReplicas.size(), std::size_t(2));
        QCOMPARE(r->currentReplicas[1].v, 3.0);
        QCOMPARE(r->metrics.size(), std::size_t(1));
        QCOMPARE(r->metrics[0].target.front().v, 60.0);
        QCOMPARE(r->metrics[0].current.front().v, 71.0);
        QVERIFY(r->hasTargetMetricStatus);
        QCOMPARE(r->stepS, std::int64_t(55)); // 7 days: ceil(604800 / 11000), above the 15 s minimum
        const auto reqs = m_apiServer.requests();
        QCOMPARE(reqs.size(), std::size_t(1));
        QVERIFY2(reqs[0].path.rfind(kProxyBase + "/api/v1/query_range?query=%7B__name__%3D~", 0) == 0, reqs[0].path.c_str());
        QCOMPARE(reqs[0].clientCN, std::string("test-user")); // the kubeconfig's credentials
        QCOMPARE(reqs[0].authorization, std::string());      // and no Prometheus token
    }

    void historyDirectWithToken()
    {
        QVERIFY(m_direct.setRoutes(json::array({historyRoute(
            "/prom/api/v1/query_range",
            {{"status", 200}, {"json", matrix({ksmSeries("spec_max_replicas", json::object(), {{kStart, "10"}})})}})})));
        m_direct.clearRequests();
        const Endpoint e = directEndpoint("tok");
        auto c = directClient(e);
        auto r = readVia(*c, e);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->maxReplicas.front().v, 10.0);
        QVERIFY(!r->hasTargetMetricStatus);
        const auto reqs = m_direct.requests();
        QCOMPARE(reqs.size(), std::size_t(1));
        QCOMPARE(reqs[0].authorization, std::string("Bearer tok"));
    }

    void refusedTokenInWords()
    {
        const Endpoint e = directEndpoint("not-the-token");
        auto c = directClient(e);
        auto r = readVia(*c, e);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().reason, std::string(kReasonPrometheusForbidden));
        QCOMPARE(r.error().httpStatus, 401);
        QVERIFY2(r.error().message.find("check the bearer token") != std::string::npos, r.error().message.c_str());
        QVERIFY(r.error().toString().find("not-the-token") == std::string::npos);
    }

    void closedPortIsUnreachable()
    {
        auto e = parseEndpoint("http://127.0.0.1:1");
        QVERIFY(e.ok());
        auto c = directClient(*e);
        auto r = readVia(*c, *e);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().reason, std::string(kReasonPrometheusUnreachable));
        QCOMPARE(r.error().message, std::string("Prometheus not reachable at http://127.0.0.1:1"));
        QVERIFY(!r.error().detail.empty());
    }

    void proxyFailuresInWords_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("body"); // JSON
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<QString>("detailPart");
        const QString unreachable = QString::fromLatin1(kReasonPrometheusUnreachable.data());
        QTest::newRow("no ready endpoint (503)")
            << 503 << QString::fromStdString(status(503, "ServiceUnavailable", "no endpoints available for service \"prometheus-k8s\"").dump())
            << unreachable << "Prometheus not reachable at service monitoring/prometheus-k8s port web"
            << "no endpoints available for service";
        QTest::newRow("no such service (404)")
            << 404 << QString::fromStdString(status(404, "NotFound", "services \"prometheus-k8s\" not found").dump())
            << unreachable << "Prometheus not reachable at service monitoring/prometheus-k8s port web"
            << "services \"prometheus-k8s\" not found";
        QTest::newRow("RBAC (403)")
            << 403 << QString::fromStdString(status(403, "Forbidden", "services \"prometheus-k8s:web\" is forbidden").dump())
            << QString::fromLatin1(kReasonPrometheusForbidden.data()) << "services/proxy in namespace monitoring"
            << "is forbidden";
        QTest::newRow("points limit (400)")
            << 400
            << R"x({"status":"error","errorType":"bad_data","error":"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"})x"
            << QString::fromLatin1(kReasonPrometheusQueryRefused.data())
            << "the range holds too many points for Prometheus (at most 11,000 per series)" << "exceeded maximum resolution";
    }
    void proxyFailuresInWords()
    {
        QFETCH(int, code);
        QFETCH(QString, body);
        QFETCH(QString, reason);
        QFETCH(QString, messagePart);
        QFETCH(QString, detailPart);
        auto r = readProxied({{"status", code}, {"json", json::parse(body.toStdString())}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus, code);
        QCOMPARE(QString::fromStdString(r.error().reason), reason);
        QVERIFY2(QString::fromStdString(r.error().message).contains(messagePart), r.error().message.c_str());
        QVERIFY2(QString::fromStdString(r.error().detail).contains(detailPart), r.error().detail.c_str());
    }

    void loginPageIsNotPrometheus()
    {
        auto r = readProxied({{"status", 200}, {"headers", {{"Content-Type", "text/html"}}},
                              {"body", "<!DOCTYPE html><html><title>Sign in</title></html>"}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Decode);
        QCOMPARE(r.error().reason, std::string(kReasonPrometheusNotPrometheus));
        QVERIFY2(r.error().detail.find("Sign in") != std::string::npos, r.error().detail.c_str());
    }

    void emptyRangeIsRefusedOnTheNetworkThread()
    {
        auto c = apiClient();
        bool onNetworkThread = false;
        auto r = await<Result<HpaHistory>>([&](auto cb) {
            readHpaHistory(*c, Endpoint{}, "default", "web", {}, kEnd, kStart, 15, [&, cb](Result<HpaHistory> h) {
                onNetworkThread = c->onNetworkThread();
                cb(std::move(h));
            });
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QVERIFY(onNetworkThread);
    }

    void probeFindsKsm_data()
    {
        QTest::addColumn<QStringList>("names"); // families present now
        QTest::addColumn<QString>("reason");    // empty: success
        QTest::addColumn<bool>("tooOld");
        QTest::newRow("KSM >= 2.6") << QStringList{"kube_horizontalpodautoscaler_info", "kube_horizontalpodautoscaler_status_target_metric", "kube_namespace_created"}
                                    << QString() << false;
        QTest::newRow("KSM < 2.6") << QStringList{"kube_horizontalpodautoscaler_info", "kube_namespace_created"} << QString() << true;
        QTest::newRow("KSM without HPAs") << QStringList{"kube_namespace_created"} << QString::fromLatin1(kReasonKsmMissing.data()) << false;
        QTest::newRow("no KSM") << QStringList{} << QString::fromLatin1(kReasonKsmMissing.data()) << false;
    }
    void probeFindsKsm()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, reason);
        QFETCH(bool, tooOld);
        json result = json::array();
        for (const QString &n : names)
            result.push_back({{"metric", {{"__name__", n.toStdString()}}}, {"value", {1700000000, "3"}}});
        const json answer{{"status", "success"}, {"data", {{"resultType", "vector"}, {"result", result}}}};
        QVERIFY(m_apiServer.setRoutes(json::array({{{"method", "GET"}, {"path", kProxyBase + "/api/v1/query"},
                                                    {"query", {{"query", "*"}, {"time", nullptr}}},
                                                    {"responses", {{{"status", 200}, {"json", answer}}}}}})));
        auto c = apiClient();
        auto r = await<Result<KsmProbe>>([&](auto cb) { probeKsm(*c, Endpoint{}, cb); });
        if (!reason.isEmpty()) {
            QVERIFY(!r.ok());
            QCOMPARE(QString::fromStdString(r.error().reason), reason);
            return;
        }
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->hpaCount, std::size_t(3));
        QCOMPARE(r->hasTargetMetricStatus, !tooOld);
        QCOMPARE(r->warning.has_value(), tooOld);
        if (tooOld)
            QCOMPARE(r->warning->reason, std::string(kReasonKsmTooOld));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusReader)
#include "test_prometheus_reader.moc"
