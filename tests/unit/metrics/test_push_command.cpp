// `hpascope push` end to end against the scripted HTTPS server: kubeconfig loading, the exact
// write, the read-back, and the exit codes and messages of each failure.
#include "app/cli/push_command.h"
#include "app/core/recorder.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope::cli;
using namespace hpascope::test;
using nlohmann::json;

namespace {

const std::string kProxy
    = "/api/v1/namespaces/custom-metrics/services/custom-metrics-apiserver:http/proxy/write-metrics";

json status(int code, const std::string &reason, const std::string &message)
{
    return {{"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"},
            {"reason", reason}, {"message", message}, {"code", code}};
}

json metricList(const std::vector<std::pair<std::string, std::string>> &values)
{
    json items = json::array();
    for (const auto &[name, value] : values)
        items.push_back({{"describedObject", {{"kind", name.rfind("web-", 0) == 0 ? "Pod" : "Service"}, {"namespace", "shop"}, {"name", name}}},
                         {"metric", {{"name", "requests"}}}, {"timestamp", "2026-11-29T15:00:00Z"}, {"value", value}});
    return {{"kind", "MetricValueList"}, {"apiVersion", "custom.metrics.k8s.io/v1beta2"}, {"items", items}};
}

json pod(const std::string &name, const std::string &phase)
{
    return {{"metadata", {{"name", name}, {"namespace", "shop"}, {"labels", {{"app", "web"}}}}},
            {"status", {{"phase", phase}}}};
}

struct Run {
    int code = -1;
    QString out, err;
};

} // namespace

class TestPushCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;
    QString m_kubeconfig;

    Run run(QStringList args, bool withKubeconfig = true)
    {
        if (withKubeconfig)
            args = QStringList{QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--history"), history()} + args;
        args.prepend(QStringLiteral("hpascope")); // as cli::run passes them: the program name first
        Run r;
        QTextStream out(&r.out), err(&r.err);
        r.code = runPush(args, out, err);
        return r;
    }
    QString history() const { return m_tmp.filePath(QStringLiteral("history.sqlite")); }
    // What the pushes left in the history, oldest first.
    std::vector<hpascope::MetricPushRecord> recordedPushes() const
    {
        hpascope::Recorder recorder;
        if (!recorder.open(history()))
            return {};
        recorder.setContext(QStringLiteral("test"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return recorder.loadPushes(QStringLiteral("shop"), now.addSecs(-3600), now.addSecs(60));
    }
    void script(const json &routes)
    {
        QVERIFY(m_server.setRoutes(routes));
        m_server.clearRequests();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // nothing reaches the user's own history
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_server.startWithNewCertificates(m_certs, m_tmp.filePath(QStringLiteral("certs")), &error),
                 qPrintable(error));
        m_kubeconfig = m_tmp.filePath(QStringLiteral("kubeconfig"));
        QFile f(m_kubeconfig);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kubeconfigFor(m_server.url(), m_certs, "shop"));
    }

    void objectArgument_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("svc") << "svc/web" << "v1" << "Service" << "web";
        QTest::newRow("Service") << "Service/web" << "v1" << "Service" << "web";
        QTest::newRow("deployment.apps") << "deployment.apps/web" << "apps/v1" << "Deployment" << "web";
        QTest::newRow("namespace") << "ns/shop" << "v1" << "Namespace" << "shop";
        QTest::newRow("custom kind with group") << "Widget.example.com/w1" << "example.com/v1" << "Widget" << "w1";
        QTest::newRow("no slash") << "web" << "" << "" << "";
        QTest::newRow("empty name") << "svc/" << "" << "" << "";
    }
    void objectArgument()
    {
        QFETCH(QString, text);
        QFETCH(QString, apiVersion);
        QFETCH(QString, kind);
        QFETCH(QString, name);
        auto r = parseObjectArgument(text);
        QCOMPARE(r.ok(), !kind.isEmpty());
        if (!r)
            return;
        QCOMPARE(QString::fromStdString(r->apiVersion), apiVersion);
        QCOMPARE(QString::fromStdString(r->kind), kind);
        QCOMPARE(QString::fromStdString(r->name), name);
    }

    void objectPushWritesAndReadsBack()
    {
        const std::string write = kProxy + "/namespaces/shop/services/web/requests";
        script(json::array({
            {{"method", "POST"}, {"path", write}, {"responses", {{{"status", 200}, {"body", ""}}}}},
            {{"path", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/services/web/requests"},
             {"responses", {{{"json", metricList({{"web", "400m"}})}}}}},
        }));
        // No -n: the context's namespace "shop".
        Run r = run({QStringLiteral("service/web"), QStringLiteral("requests"), QStringLiteral("0.4")});
        QVERIFY2(r.code == PushOk, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("wrote 400m to metric requests of services/web in namespace shop")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("read back 400m from custom.metrics.k8s.io/v1beta2")), qPrintable(r.out));
        auto reqs = m_server.requests();
        QVERIFY(!reqs.empty());
        QCOMPARE(reqs.front().path, write);
        QCOMPARE(reqs.front().body, std::string("\"400m\""));
        QCOMPARE(reqs.front().clientCN, std::string("test-user"));
        // The push is history, as the window's are: a report of the HPA lists it.
        const auto pushes = recordedPushes();
        QVERIFY(!pushes.empty());
        const hpascope::MetricPushRecord &p = pushes.back();
        QCOMPARE(p.object, QStringLiteral("Service/web"));
        QCOMPARE(p.metric, QStringLiteral("requests"));
        QCOMPARE(p.value, QStringLiteral("400m"));
        QVERIFY(p.ok);
        QVERIFY(qAbs(p.time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }

    void podsPushWritesEveryCountedPod()
    {
        json pods = {{"kind", "PodList"}, {"apiVersion", "v1"}, {"metadata", {{"resourceVersion", "5"}}},
                     {"items", {pod("web-1", "Running"), pod("web-2", "Pending"), pod("web-old", "Failed")}}};
        script(json::array({
            {{"path", "/api/v1/namespaces/shop/pods"}, {"query", {{"labelSelector", "app=web"}}}, {"responses", {{{"json", pods}}}}},
            {{"method", "POST"}, {"path", kProxy + "/namespaces/shop/pods/web-1/requests"}, {"responses", {{{"status", 200}, {"body", ""}}}}},
            {{"method", "POST"}, {"path", kProxy + "/namespaces/shop/pods/web-2/requests"}, {"responses", {{{"status", 200}, {"body", ""}}}}},
            {{"path", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/requests"},
             {"responses", {{{"json", metricList({{"web-1", "7"}, {"web-2", "7"}})}}}}},
        }));
        Run r = run({QStringLiteral("-n"), QStringLiteral("shop"), QStringLiteral("--pods"), QStringLiteral("app=web"),
                     QStringLiteral("requests"), QStringLiteral("7")});
        QVERIFY2(r.code == PushOk, qPrintable(r.err + r.out));
        QVERIFY(r.out.contains(QStringLiteral("wrote 7 to metric requests of pod web-1")));
        QVERIFY(r.out.contains(QStringLiteral("wrote 7 to metric requests of pod web-2")));
        QVERIFY(!r.out.contains(QStringLiteral("web-old"))); // failed pods are not counted by the HPA
        QVERIFY(r.out.contains(QStringLiteral("read back 7 for pod web-2")));
        QCOMPARE(m_server.countRequests(kProxy), 2);
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("writeStatus"); // 0: no write route
        QTest::addColumn<QString>("writeMessage");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("errPart");
        const QStringList object{QStringLiteral("svc/web"), QStringLiteral("requests"), QStringLiteral("1")};
        QTest::newRow("bad quantity")
            << QStringList{QStringLiteral("svc/web"), QStringLiteral("requests"), QStringLiteral("4OOm")}
            << 0 << "" << int(PushUsage) << "\"4OOm\" is not a Kubernetes quantity";
        QTest::newRow("missing argument")
            << QStringList{QStringLiteral("svc/web"), QStringLiteral("1")} << 0 << "" << int(PushUsage)
            << "give <kind>/<name> <metric> <quantity>";
        QTest::newRow("adapter missing") << object << 404 << "endpoints \"custom-metrics-apiserver\" not found"
                                         << int(PushFailed) << "(is it installed?)";
        QTest::newRow("forbidden")
            << object << 403
            << "services \"custom-metrics-apiserver:http\" is forbidden: User \"bob\" cannot create resource "
               "\"services/proxy\" in API group \"\" in the namespace \"custom-metrics\""
            << int(PushFailed) << "you are not allowed to create services/proxy in namespace custom-metrics";
        QTest::newRow("written, nothing to read")
            << object << 200 << "" << int(PushReadBackFailed) << "written, but reading it back failed";
    }
    void failures()
    {
        QFETCH(QStringList, args);
        QFETCH(int, writeStatus);
        QFETCH(QString, writeMessage);
        QFETCH(int, exitCode);
        QFETCH(QString, errPart);
        json routes = json::array();
        if (writeStatus == 200)
            routes.push_back({{"method", "POST"}, {"path", kProxy + "/namespaces/shop/services/web/requests"},
                              {"responses", {{{"status", 200}, {"body", ""}}}}});
        else if (writeStatus)
            routes.push_back({{"method", "POST"}, {"path", kProxy + "/namespaces/shop/services/web/requests"},
                              {"responses", {{{"status", writeStatus}, {"json", status(writeStatus, writeStatus == 403 ? "Forbidden" : "NotFound", writeMessage.toStdString())}}}}});
        script(routes);
        const std::size_t before = recordedPushes().size();
        Run r = run(args);
        QCOMPARE(r.code, exitCode);
        QVERIFY2(r.err.contains(errPart), qPrintable(r.err));
        const auto pushes = recordedPushes();
        if (exitCode == PushUsage) {
            QCOMPARE(m_server.requests().size(), std::size_t(0)); // refused before sending
            QCOMPARE(pushes.size(), before);                      // and nothing to record
            return;
        }
        // A push that was sent is history whatever became of it.
        QCOMPARE(pushes.size(), before + 1);
        QVERIFY(!pushes.back().ok);
        QVERIFY2(!pushes.back().error.isEmpty(), "a failed push is recorded with its error");
    }

    void noKubeconfig()
    {
        Run r = run({QStringLiteral("--kubeconfig"), m_tmp.filePath(QStringLiteral("missing")),
                     QStringLiteral("svc/web"), QStringLiteral("requests"), QStringLiteral("1")}, false);
        QCOMPARE(r.code, int(PushNoConfig));
        QVERIFY2(r.err.contains(QStringLiteral("missing")), qPrintable(r.err));
    }

    void help()
    {
        Run r = run({QStringLiteral("--help")}, false);
        QCOMPARE(r.code, int(PushOk));
        QVERIFY(r.out.contains(QStringLiteral("--adapter-namespace")));
        QVERIFY(r.out.contains(QStringLiteral("--pods")));
    }
};

QTEST_GUILESS_MAIN(TestPushCommand)
#include "test_push_command.moc"
