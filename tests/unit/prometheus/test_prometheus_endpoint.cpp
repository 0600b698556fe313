// kube/prometheus endpoints: a person's text read as a URL or a service, what is refused and
// why, the request paths of both kinds (proxy base, encoding), the Direct client's RestConfig,
// and detection of common installs among a cluster's services.
#include "kube/prometheus/detect.h"
#include "kube/prometheus/endpoint.h"
#include "kube/prometheus/reasons.h"

#include <QTest>

using namespace kube;
using namespace kube::prometheus;
using nlohmann::json;

namespace {

json service(const std::string &ns, const std::string &name, json ports, json labels = json::object())
{
    return {{"metadata", {{"namespace", ns}, {"name", name}, {"labels", labels}}}, {"spec", {{"ports", ports}}}};
}

json port(const std::string &name, int number)
{
    return {{"name", name}, {"port", number}, {"protocol", "TCP"}};
}

} // namespace

class TestPrometheusEndpoint : public QObject {
    Q_OBJECT

private slots:
    void urlsAreDirect()
    {
        auto e = parseEndpoint("  https://host.example/prometheus/  ", "tok");
        QVERIFY2(e.ok(), e.ok() ? "" : e.error().toString().c_str());
        QCOMPARE(e->kind, Endpoint::Kind::Direct);
        QCOMPARE(e->url, std::string("https://host.example/prometheus"));
        QCOMPARE(e->bearerToken, std::string("tok"));
        QCOMPARE(e->describe(), std::string("https://host.example/prometheus"));
        QCOMPARE(apiBase(*e), std::string());
        auto plain = parseEndpoint("http://prometheus.example:9090");
        QVERIFY(plain.ok());
        QCOMPARE(plain->url, std::string("http://prometheus.example:9090"));
        QCOMPARE(plain->toText(), std::string("http://prometheus.example:9090"));
    }

    void servicesAreProxied()
    {
        auto e = parseEndpoint("monitoring/prometheus-k8s:web");
        QVERIFY(e.ok());
        QCOMPARE(e->kind, Endpoint::Kind::ServiceProxy);
        QCOMPARE(e->namespace_, std::string("monitoring"));
        QCOMPARE(e->service, std::string("prometheus-k8s"));
        QCOMPARE(e->port, std::string("web"));
        QVERIFY(!e->https);
        QCOMPARE(e->describe(), std::string("service monitoring/prometheus-k8s port web"));
        QCOMPARE(apiBase(*e), std::string("/api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy"));
        QVERIFY(*e == Endpoint{}); // kube-prometheus is the default

        auto tls = parseEndpoint("obs/https:prom:9091");
        QVERIFY(tls.ok());
        QVERIFY(tls->https);
        QCOMPARE(apiBase(*tls), std::string("/api/v1/namespaces/obs/services/https:prom:9091/proxy"));
        QCOMPARE(tls->toText(), std::string("obs/https:prom:9091"));

        auto noPort = parseEndpoint("obs/prom");
        QVERIFY(noPort.ok());
        QCOMPARE(noPort->port, std::string());
        QCOMPARE(apiBase(*noPort), std::string("/api/v1/namespaces/obs/services/prom/proxy"));
        QCOMPARE(noPort->describe(), std::string("service obs/prom"));
    }

    void badTextIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << "   " << "no Prometheus endpoint was given";
        QTest::newRow("no slash") << "prometheus-k8s" << "is not a Prometheus endpoint";
        QTest::newRow("upper-case namespace") << "Monitoring/prom:web" << "is not a namespace name";
        QTest::newRow("bad service") << "monitoring/prom_k8s:web" << "is not a service name";
        QTest::newRow("empty port") << "monitoring/prom:" << "is not a service port";
        QTest::newRow("port 0") << "monitoring/prom:0" << "is not a service port";
        QTest::newRow("port too big") << "monitoring/prom:70000" << "is not a service port";
        QTest::newRow("port name too long") << "monitoring/prom:a-very-long-port-name" << "is not a service port";
        QTest::newRow("ftp") << "ftp://host" << "the Prometheus URL";
        QTest::newRow("no host") << "https:///prometheus" << "has no host name";
        QTest::newRow("password") << "https://user:secret@host" << "no user name or password";
        QTest::newRow("query") << "https://host/?x=1" << "must not carry a query";
    }
    void badTextIsRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, messagePart);
        auto e = parseEndpoint(text.toStdString());
        QVERIFY(!e.ok());
        QCOMPARE(e.error().kind, Error::Kind::Invalid);
        QCOMPARE(e.error().reason, std::string(kReasonPrometheusEndpointInvalid));
        QVERIFY2(QString::fromStdString(e.error().message).contains(messagePart), e.error().message.c_str());
        QVERIFY(!QString::fromStdString(e.error().toString()).contains(QLatin1String("secret")));
    }

    void queryPathsAreEncoded()
    {
        Endpoint proxy;
        QCOMPARE(instantQueryPath(proxy, "up{job=\"a b\"}", 1700000000),
                 std::string("/api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy/api/v1/query"
                             "?query=up%7Bjob%3D%22a%20b%22%7D&time=1700000000"));
        QCOMPARE(instantQueryPath(proxy, "up", 0),
                 std::string("/api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy/api/v1/query?query=up"));
        auto direct = parseEndpoint("https://host/prom");
        QVERIFY(direct.ok());
        QCOMPARE(rangeQueryPath(*direct, "rate(x[5m])+1", 100, 700, 55),
                 std::string("/api/v1/query_range?query=rate%28x%5B5m%5D%29%2B1&start=100&end=700&step=55"));
    }

    void directClientConfig()
    {
        auto e = parseEndpoint("https://host/prom", "s3cr3t");
        QVERIFY(e.ok());
        auto cfg = directRestConfig(*e);
        QVERIFY(cfg.ok());
        QCOMPARE(cfg->server, std::string("https://host/prom"));
        QVERIFY(cfg->caPem.empty()); // system CAs
        QVERIFY(!cfg->insecureSkipTlsVerify);
        auto creds = cfg->credentials->credentials(false);
        QVERIFY(creds.ok());
        QCOMPARE(creds->bearerToken, std::string("s3cr3t"));
        QVERIFY(cfg->credentials->describe().find("s3cr3t") == std::string::npos);
        QVERIFY(!directRestConfig(Endpoint{}).ok());
    }

    void detectsCommonInstallsInOrder()
    {
        const json list{{"kind", "ServiceList"}, {"items", {
            service("default", "prometheus", {port("", 9090)}),
            service("obs", "prometheus-server", {port("http", 80)}),
            service("monitoring", "monitoring-kube-prometheus-prometheus", {port("http-web", 9090), port("reloader-web", 8080)},
                    {{"app", "kube-prometheus-stack-monitoring"}}),
            service("tools", "prometheus-operated", {port("web", 9090)}),
            service("monitoring", "prometheus-k8s", {port("web", 9090), port("reloader-web", 8080)}),
            service("stack", "old-stack", {port("web", 9090)}, {{"app", "kube-prometheus-stack-prometheus"}}),
            service("default", "grafana", {port("http", 3000)}),
            service("x", "prometheus", {port("metrics", 8080)}), // no 9090: not Prometheus' port
            "not an object", json{{"metadata", 5}}, json{{"metadata", {{"name", "a"}}}, {"spec", {{"ports", "no"}}}},
        }}};
        const auto c = detectCandidates(list);
        QCOMPARE(c.size(), std::size_t(6));
        QCOMPARE(c[0].describe(), std::string("service monitoring/prometheus-k8s port web, kube-prometheus"));
        QCOMPARE(c[1].describe(), std::string("service tools/prometheus-operated port web, prometheus-operator"));
        QCOMPARE(c[2].describe(),
                 std::string("service monitoring/monitoring-kube-prometheus-prometheus port http-web, kube-prometheus-stack"));
        QCOMPARE(c[3].describe(), std::string("service stack/old-stack port web, kube-prometheus-stack"));
        QCOMPARE(c[4].describe(), std::string("service obs/prometheus-server port http, prometheus chart"));
        QCOMPARE(c[5].describe(), std::string("service default/prometheus port 9090"));
        QCOMPARE(c[5].endpoint.kind, Endpoint::Kind::ServiceProxy);
        QVERIFY(detectCandidates(json::array()).empty());
        QVERIFY(detectCandidates(json{{"items", 3}}).empty());
        QCOMPARE(servicesListPath(std::nullopt), std::string("/api/v1/services"));
        QCOMPARE(servicesListPath(std::string("monitoring")), std::string("/api/v1/namespaces/monitoring/services"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusEndpoint)
#include "test_prometheus_endpoint.moc"
