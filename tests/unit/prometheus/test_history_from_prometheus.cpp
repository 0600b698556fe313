// PrometheusHistory (app/core) against the scripted server as the API server: Prometheus found
// among the Services (kube-prometheus' monitoring/prometheus-k8s:web) and confirmed by the KSM
// probe; the selected HPA's history written to the store under fromPrometheus keys, with a gap
// where Prometheus had no points and one after its last; the status line at each stage; and
// what the user reads when nothing is found, when turned off, or when Prometheus fails.
#include "app/core/prometheus_history.h"
#include "kube/prometheus/detect.h"
#include "kube/http/client.h"
#include "kube/prometheus/hpa_history.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;

namespace {

const std::string kProxyBase = "/api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy";
constexpr qint64 kT0 = 1'800'000'000'000; // ms
constexpr qint64 kT1 = kT0 + 3600'000;    // an hour: 1 s steps

json servicesWithPrometheus()
{
    return {{"kind", "ServiceList"},
            {"items",
             {{{"metadata", {{"name", "prometheus-k8s"}, {"namespace", "monitoring"}}},
               {"spec", {{"ports", {{{"name", "web"}, {"port", 9090}}}}}}},
              {{"metadata", {{"name", "kubernetes"}, {"namespace", "default"}}},
               {"spec", {{"ports", {{{"name", "https"}, {"port", 443}}}}}}}}}};
}

json probeAnswer()
{
    json result = json::array();
    for (const char *n : {"kube_horizontalpodautoscaler_info", "kube_horizontalpodautoscaler_status_target_metric"})
        result.push_back({{"metric", {{"__name__", n}}}, {"value", {1800000000, "1"}}});
    return {{"status", "success"}, {"data", {{"resultType", "vector"}, {"result", result}}}};
}

// current replicas: 2 for the first 20 min, nothing for 10 min (KSM down), then 4 to the end,
// a point every step as Prometheus answers.
json historyAnswer()
{
    json values = json::array();
    for (qint64 t = kT0 / 1000; t <= kT1 / 1000; ++t) {
        const qint64 m = (t - kT0 / 1000) / 60;
        if (m >= 20 && m < 30)
            continue;
        values.push_back({t, m < 20 ? "2" : "4"});
    }
    json series{{"metric", {{"__name__", "kube_horizontalpodautoscaler_status_current_replicas"}, {"namespace", "default"},
                            {"horizontalpodautoscaler", "web"}, {"job", "kube-state-metrics"}}},
                {"values", values}};
    return {{"status", "success"}, {"data", {{"resultType", "matrix"}, {"result", {series}}}}};
}

json route(const std::string &path, json answer, int status = 200)
{
    return {{"method", "GET"}, {"path", path}, {"responses", {{{"status", status}, {"json", answer}}}}};
}

kube::api::HorizontalPodAutoscaler webHpa()
{
    kube::api::HorizontalPodAutoscaler h;
    h.metadata.namespace_ = "default";
    h.metadata.name = "web";
    h.spec.maxReplicas = 10;
    return h;
}

} // namespace

class TestHistoryFromPrometheus : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_api;

    std::shared_ptr<kube::http::Client> client()
    {
        auto c = kube::http::Client::create(restConfigFor(m_api, m_certs));
        if (!c)
            qFatal("client: %s", c.error().toString().c_str());
        return c.value();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_api.startWithNewCertificates(m_certs, m_tmp.filePath(QStringLiteral("certs")), &error), qPrintable(error));
    }

    void foundReadAndWrittenToTheStore()
    {
        QVERIFY(m_api.setRoutes(json::array({route("/api/v1/services", servicesWithPrometheus()),
                                             route(kProxyBase + "/api/v1/query", probeAnswer()),
                                             route(kProxyBase + "/api/v1/query_range", historyAnswer())})));
        SeriesStore store;
        PrometheusHistory prom(&store);
        QSignalSpy loaded(&prom, &PrometheusHistory::historyLoaded);
        prom.connectTo(client(), {});
        QCOMPARE(prom.state(), PrometheusHistory::State::Looking);
        prom.show(QStringLiteral("default/web"), webHpa(), kT0, kT1); // before it is found: kept
        QTRY_COMPARE(prom.state(), PrometheusHistory::State::Ready);
        QVERIFY2(prom.status().contains(QLatin1String("service monitoring/prometheus-k8s port web")), qPrintable(prom.status()));
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(prom.lastStepSeconds(), qint64(1));
        // Through the service proxy, with the step for an hour: every second.
        QCOMPARE(m_api.countRequests(kProxyBase + "/api/v1/query_range", "step=1"), 1);

        const QList<TimedValue> raw = store.raw(series_keys::fromPrometheus(QStringLiteral("default/web:replicas.current")));
        QVERIFY(!raw.isEmpty());
        QCOMPARE(raw.first().t, kT0);
        QCOMPARE(raw.first().v, 2.0);
        int gaps = 0;
        qint64 gapAt = 0;
        for (const TimedValue &p : raw) {
            if (std::isnan(p.v)) {
                ++gaps;
                if (gapAt == 0)
                    gapAt = p.t;
            }
        }
        // One where KSM was down (a step after its last point at 19:59), one after the end; in
        // between only the changes: 3,000 points in, 4 out.
        QCOMPARE(gaps, 2);
        QCOMPARE(gapAt, kT0 + 1200'000);
        QVERIFY(std::isnan(raw.last().v));
        QCOMPARE(raw.last().t, kT1 + 1000);
        QCOMPARE(raw.size(), 4);
        // The HPA's own keys are untouched: this is Prometheus' history, not hpascope's.
        QVERIFY(!store.contains(QStringLiteral("default/web:replicas.current")));

        // The same range again, soon after: not read again (show() sends at once or not at all).
        const int sent = prom.queriesSent();
        prom.show(QStringLiteral("default/web"), webHpa(), kT0 + 1000, kT1 + 1000);
        QCOMPARE(prom.queriesSent(), sent);
        // A wider one: read.
        prom.show(QStringLiteral("default/web"), webHpa(), kT0 - 3600'000, kT1);
        QTRY_COMPARE(m_api.countRequests(kProxyBase + "/api/v1/query_range"), 2);
        m_api.clearRequests();
    }

    void aUserWhoMayNotListEveryNamespacesServicesIsServedFromTheUsualOnes()
    {
        // RBAC allows Services in a namespace or two, not cluster-wide (the API server's 403).
        const json forbidden{{"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"}, {"reason", "Forbidden"},
                             {"message", "services is forbidden: User \"dev\" cannot list resource \"services\" in API group \"\" at the cluster scope"},
                             {"code", 403}};
        json inMonitoring = servicesWithPrometheus();
        inMonitoring["items"].erase(1); // only monitoring's own
        QVERIFY(m_api.setRoutes(json::array({route("/api/v1/services", forbidden, 403),
                                             route("/api/v1/namespaces/monitoring/services", inMonitoring),
                                             route("/api/v1/namespaces/prometheus/services", forbidden, 403),
                                             route(kProxyBase + "/api/v1/query", probeAnswer())})));
        SeriesStore store;
        PrometheusHistory prom(&store);
        prom.connectTo(client(), {});
        QTRY_COMPARE(prom.state(), PrometheusHistory::State::Ready);
        QVERIFY2(prom.status().contains(QLatin1String("service monitoring/prometheus-k8s port web")), qPrintable(prom.status()));
        QCOMPARE(m_api.countRequests("/api/v1/namespaces/default/services"), 1); // all five asked before trying
        m_api.clearRequests();

        // Nothing in any of them: said, naming where it looked. The scripted server answers 404
        // for the namespaces it has no route for.
        QVERIFY(m_api.setRoutes(json::array({route("/api/v1/services", forbidden, 403),
                                             route("/api/v1/namespaces/monitoring/services", {{"kind", "ServiceList"}, {"items", json::array()}})})));
        prom.connectTo(client(), {});
        QTRY_COMPARE(prom.state(), PrometheusHistory::State::NotFound);
        QVERIFY2(prom.status().contains(QLatin1String("no Prometheus found in the namespaces monitoring, prometheus")),
                 qPrintable(prom.status()));
        for (std::string_view ns : kube::prometheus::kUsualMonitoringNamespaces)
            QCOMPARE(m_api.countRequests("/api/v1/namespaces/" + std::string(ns) + "/services"), 1);
        // Not even one listed: the other words.
        QVERIFY(m_api.setRoutes(json::array({route("/api/v1/services", forbidden, 403)})));
        prom.connectTo(client(), {});
        QTRY_COMPARE(prom.state(), PrometheusHistory::State::NotFound);
        QVERIFY2(prom.status().contains(QLatin1String("could not be listed")), qPrintable(prom.status()));
        m_api.clearRequests();
    }

    void failuresAreSaid()
    {
        // No Prometheus among the Services.
        QVERIFY(m_api.setRoutes(json::array({route("/api/v1/services", {{"kind", "ServiceList"}, {"items", json::array()}})})));
        SeriesStore store;
        PrometheusHistory prom(&store);
        prom.connectTo(client(), {});
        QTRY_COMPARE(prom.state(), PrometheusHistory::State::NotFound);
        QVERIFY2(prom.status().contains(QLatin1String("no Prometheus found")), qPrintable(prom.status()));

        // Turned off: nothing is asked.
        m_api.clearRequests();
        prom.connectTo(client(), PrometheusChoice::fromText(QStringLiteral("off")));
        QCOMPARE(prom.state(), PrometheusHistory::State::Off);
        QVERIFY(prom.status().contains(QLatin1String("turned off")));
        const int sent = prom.queriesSent();
        prom.show(QStringLiteral("default/web"), webHpa(), kT0, kT1);
        QCOMPARE(prom.queriesSent(), sent);

        // Given, but the proxy finds no endpoint behind the service: said, with where.
        const json noEndpoints{{"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"}, {"reason", "ServiceUnavailable"},
                               {"message", "no endpoints available for service \"prometheus-k8s\""}, {"code", 503}};
        QVERIFY(m_api.setRoutes(json::array({route(kProxyBase + "/api/v1/query_range", noEndpoints, 503)})));
        prom.connectTo(client(), PrometheusChoice::fromText(QStringLiteral("monitoring/prometheus-k8s:web")));
        QCOMPARE(prom.state(), PrometheusHistory::State::Ready);
        prom.show(QStringLiteral("default/web"), webHpa(), kT0, kT1);
        QTRY_COMPARE(prom.state(), PrometheusHistory::State::Failed);
        QVERIFY2(prom.status().contains(QLatin1String("not reachable")) && prom.status().contains(QLatin1String("no endpoints available")),
                 qPrintable(prom.status()));

        // A place that is no place: refused before anything is sent.
        prom.connectTo(client(), PrometheusChoice::fromText(QStringLiteral("not a place")));
        QCOMPARE(prom.state(), PrometheusHistory::State::Failed);
        QVERIFY(prom.status().startsWith(QLatin1String("Prometheus: ")));
    }
};

QTEST_GUILESS_MAIN(TestHistoryFromPrometheus)
#include "test_history_from_prometheus.moc"
