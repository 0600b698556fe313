// `--record-for` of `hpascope report` and `hpascope export` against the scripted HTTPS server
// (tests/support/scripted_https_server.py) standing in for an API server: the HPA's GET, list
// and watch, the namespace's events. This proves the plumbing (the window's ClusterSession run
// headless records what the server sends, the range is what was recorded, the refusals come
// out at once, Ctrl+C stops the real executable and it still writes), not a real controller:
// tests/e2e/test_report.cpp does that on the sandbox control plane.
#include "app/cli/export_command.h"
#include "app/cli/report_command.h"
#include "app/core/recorder.h"
#include "scripted_server.h"
#include "test_credentials.h"
#include "tests/support/csv_reader.h"
#include "tests/support/report_fixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;

namespace {

const std::string kHpas = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";
const std::string kEvents = "/api/v1/namespaces/default/events";
// A refusal must come out long before the 10 minutes asked for.
constexpr qint64 kFastMs = 30'000;

json status(int code, const char *reason, const std::string &message)
{
    return {{"status", code},
            {"json", {{"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"}, {"reason", reason}, {"code", code}, {"message", message}}}};
}

json withVersion(json object, const std::string &rv)
{
    object["metadata"]["resourceVersion"] = rv;
    return object;
}

json rescaleEventJson(const QDateTime &t)
{
    const std::string when = t.toUTC().toString(Qt::ISODate).toStdString();
    return {{"metadata", {{"name", "web.1"}, {"namespace", "default"}, {"uid", "ev-web-1"}, {"resourceVersion", "12"}}},
            {"involvedObject", {{"kind", "HorizontalPodAutoscaler"}, {"name", "web"}, {"namespace", "default"}}},
            {"reason", "SuccessfulRescale"}, {"message", "New size: 2; reason: test-metric above target"},
            {"type", "Normal"}, {"count", 1}, {"firstTimestamp", when}, {"lastTimestamp", when},
            {"source", {{"component", "horizontal-pod-autoscaler"}}}};
}

// web at 1 replica with 100m, then (one watch frame) 400m with 2 desired; worker beside it; a
// SuccessfulRescale of web. Events carry whole seconds: 2 s ahead, the event's second is one
// the recording that starts right after this covers, whatever the fraction of now.
json cluster()
{
    json worker = webHpaJson(1, 1, "100m");
    worker["metadata"]["name"] = "worker";
    worker["metadata"]["uid"] = "hpa-worker-uid";
    const json list = {{"kind", "HorizontalPodAutoscalerList"}, {"apiVersion", "autoscaling/v2"},
                       {"metadata", {{"resourceVersion", "10"}}},
                       {"items", {withVersion(webHpaJson(1, 1, "100m"), "9"), withVersion(worker, "8")}}};
    const std::string frame = json{{"type", "MODIFIED"}, {"object", withVersion(webHpaJson(1, 2, "400m"), "11")}}.dump() + "\n";
    const json events = {{"kind", "EventList"}, {"apiVersion", "v1"}, {"metadata", {{"resourceVersion", "12"}}},
                         {"items", {rescaleEventJson(QDateTime::currentDateTimeUtc().addSecs(2))}}};
    const json hang = {{"chunks", json::array()}, {"end", "hang"}};
    return json::array({
        {{"path", kHpas + "/web"}, {"responses", {{{"json", webHpaJson(1, 1, "100m")}}}}},
        {{"path", kHpas}, {"query", {{"watch", nullptr}}}, {"responses", {{{"json", list}}}}},
        {{"path", kHpas}, {"query", {{"watch", "*"}}}, {"responses", {{{"chunks", {frame}}, {"end", "hang"}}}}},
        {{"path", kEvents}, {"query", {{"watch", nullptr}}}, {"responses", {{{"json", events}}}}},
        {{"path", kEvents}, {"query", {{"watch", "*"}}}, {"responses", {hang}}},
    });
}

struct Run {
    int code = -1;
    QString out, err;
    qint64 ms = 0;
};

} // namespace

class TestRecordFor : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;
    QString m_kubeconfig, m_closedKubeconfig;
    int m_dbs = 0;

    QString newHistory() { return m_tmp.filePath(QStringLiteral("history-%1.sqlite").arg(++m_dbs)); }
    template <typename Command>
    Run run(Command command, const QString &kubeconfig, const QStringList &args)
    {
        Run r;
        QTextStream out(&r.out), err(&r.err);
        QElapsedTimer t;
        t.start();
        r.code = command(QStringList{QStringLiteral("hpascope"), QStringLiteral("--kubeconfig"), kubeconfig} + args, out, err);
        r.ms = t.elapsed();
        return r;
    }
    void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    }
    std::vector<QStringList> csvAt(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QString error;
        const auto rows = readCsv(QString::fromUtf8(f.readAll()), &error);
        if (!rows)
            qWarning("%s", qPrintable(error));
        return rows.value_or(std::vector<QStringList>{});
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        ScriptedServer::Options o;
        QString error;
        QVERIFY2(m_certs.generate(m_tmp.filePath(QStringLiteral("certs")), &error), qPrintable(error));
        o.certDir = m_certs.dir;
        QVERIFY2(m_server.start(o, &error), qPrintable(error));
        m_kubeconfig = m_tmp.filePath(QStringLiteral("kubeconfig"));
        writeFile(m_kubeconfig, kubeconfigFor(m_server.url(), m_certs, "default"));
        m_closedKubeconfig = m_tmp.filePath(QStringLiteral("closed-kubeconfig"));
        writeFile(m_closedKubeconfig, kubeconfigFor("https://127.0.0.1:1", m_certs, "default"));
    }

    void exportRecordsWhatTheServerSent()
    {
        QVERIFY(m_server.setRoutes(cluster()));
        const QString db = newHistory();
        const QString csv = m_tmp.filePath(QStringLiteral("recorded.csv"));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        // No --since or --from: the range is what was recorded. The database does not exist yet.
        const Run r = run(cli::runExport, m_kubeconfig, {QStringLiteral("--csv"), QStringLiteral("web"), QStringLiteral("--record-for"),
                                                         QStringLiteral("2s"), QStringLiteral("--history"), db,
                                                         QStringLiteral("--out"), csv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.ms >= 2000, qPrintable(QString::number(r.ms)));
        QVERIFY2(r.err.contains(QStringLiteral("hpascope export: recording default/web for 2s…")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("2 samples, 1 rescale")), qPrintable(r.err));
        const auto rows = csvAt(csv);
        // The list's status of web, then the watch's; worker's status is not web's.
        QCOMPARE(int(rows.size()), 3);
        QCOMPARE(rows[1].mid(1, 4), (QStringList{QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("5")}));
        QCOMPARE(rows[1][5], QStringLiteral("100m"));
        QCOMPARE(rows[2].mid(1, 2), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(rows[2][5], QStringLiteral("400m"));
        QVERIFY(QDateTime::fromString(rows[1][0], Qt::ISODateWithMs) >= before);
        // The history knows it was watching all along: no gap in the recorded range.
        Recorder recorder;
        QVERIFY(recorder.open(db));
        recorder.setContext(QStringLiteral("test"));
        const auto watched = recorder.loadWatched(QStringLiteral("default"), before, QDateTime::currentDateTimeUtc());
        QCOMPARE(int(watched.size()), 1);
        QVERIFY(watched[0].from <= QDateTime::fromString(rows[1][0], Qt::ISODateWithMs));
        QVERIFY(watched[0].to >= before.addSecs(2)); // the 2 s count from the start
        QCOMPARE(int(recorder.loadEvents(QStringLiteral("default"), before.addSecs(-2), QDateTime::currentDateTimeUtc()).size()), 1);
    }

    void reportRecordsFirst()
    {
        QVERIFY(m_server.setRoutes(cluster()));
        const QString html = m_tmp.filePath(QStringLiteral("recorded.html"));
        // 3 s: longer than the event is ahead of now.
        const Run r = run(cli::runReport, m_kubeconfig, {QStringLiteral("web"), QStringLiteral("--record-for"), QStringLiteral("3s"),
                                                         QStringLiteral("--since"), QStringLiteral("10m"), QStringLiteral("--history"),
                                                         newHistory(), QStringLiteral("--out"), html});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("wrote ") + html), qPrintable(r.out));
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray page = f.readAll();
        QVERIFY(page.contains("New size: 2; reason: test-metric above target"));
        QVERIFY(page.contains("400m"));
        // --since counts back from the end of the recording: the one data gap is before it.
        QCOMPARE(page.count("hpascope recorded nothing"), 1);
    }

    void aRecordingAloneHasNoGap()
    {
        // No --since or --from: the range is the recording, which the watch covers whole.
        QVERIFY(m_server.setRoutes(cluster()));
        const QString html = m_tmp.filePath(QStringLiteral("alone.html"));
        const Run r = run(cli::runReport, m_kubeconfig, {QStringLiteral("web"), QStringLiteral("--record-for"), QStringLiteral("1s"),
                                                         QStringLiteral("--history"), newHistory(), QStringLiteral("--out"), html});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray page = f.readAll();
        QVERIFY(!page.contains("hpascope recorded nothing"));
        QVERIFY(page.contains("none recorded"));
    }

    void refusalsComeOutAtOnce_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("closedPort");
        QTest::addColumn<QByteArray>("routes");
        QTest::addColumn<QStringList>("expected");
        const json forbidden = json::array({{{"path", kHpas + "/web"},
                                             {"responses", {status(403, "Forbidden", "horizontalpodautoscalers.autoscaling \"web\" is forbidden")}}}});
        json listForbidden = cluster(); // the GET is allowed, the list is not
        listForbidden[1] = {{"path", kHpas}, {"query", {{"watch", nullptr}}},
                            {"responses", {status(403, "Forbidden", "User \"dev\" cannot list resource \"horizontalpodautoscalers\"")}}};
        const auto text = [](const json &j) { return QByteArray::fromStdString(j.dump()); };
        QTest::newRow("unknown HPA") << "nope" << false << text(cluster())
                                     << QStringList{QStringLiteral("hpascope export: there is no HPA default/nope in context test")};
        QTest::newRow("403 on the HPA") << "web" << false << text(forbidden)
                                        << QStringList{QStringLiteral("hpascope export: cannot record default/web: "), QStringLiteral("is forbidden")};
        QTest::newRow("403 on the list") << "web" << false << text(listForbidden)
                                         << QStringList{QStringLiteral("hpascope export: cannot record default/web: "), QStringLiteral("cannot list")};
        QTest::newRow("unreachable") << "web" << true << QByteArray("[]")
                                     << QStringList{QStringLiteral("hpascope export: cannot record default/web: "), QStringLiteral("127.0.0.1")};
    }
    void refusalsComeOutAtOnce()
    {
        QFETCH(QString, name);
        QFETCH(bool, closedPort);
        QFETCH(QByteArray, routes);
        QFETCH(QStringList, expected);
        QVERIFY(m_server.setRoutes(json::parse(routes.toStdString())));
        const QString csv = m_tmp.filePath(QStringLiteral("refused.csv"));
        const Run r = run(cli::runExport, closedPort ? m_closedKubeconfig : m_kubeconfig,
                          {QStringLiteral("--csv"), name, QStringLiteral("--record-for"), QStringLiteral("10m"),
                           QStringLiteral("--history"), newHistory(), QStringLiteral("--out"), csv});
        QCOMPARE(r.code, 1);
        for (const QString &part : expected)
            QVERIFY2(r.err.contains(part), qPrintable(r.err));
        QVERIFY2(r.ms < kFastMs, qPrintable(QString::number(r.ms)));
        QVERIFY(!QFile::exists(csv));
    }

    void unknownHpaWithoutRecording()
    {
        // The history exists but holds nothing of "nope", and the server says 404: as `report` says it.
        QVERIFY(m_server.setRoutes(cluster()));
        const QString db = newHistory();
        {
            Recorder recorder;
            QVERIFY(recorder.open(db));
        }
        const Run r = run(cli::runExport, m_kubeconfig, {QStringLiteral("--csv"), QStringLiteral("nope"), QStringLiteral("--since"),
                                                         QStringLiteral("1h"), QStringLiteral("--history"), db});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("hpascope export: there is no HPA default/nope in context test, and hpascope has recorded none")),
                 qPrintable(r.err));
    }

    void ctrlCStopsTheRecordingAndStillWrites()
    {
        // The real executable, as a person runs it: SIGINT is the process's own signal.
        QVERIFY(m_server.setRoutes(cluster()));
        const QString csv = m_tmp.filePath(QStringLiteral("interrupted.csv"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) // the user's settings stay out
            env.insert(QString::fromLatin1(var), m_tmp.filePath(QStringLiteral("xdg")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(HPASCOPE_BIN), {QStringLiteral("export"), QStringLiteral("--csv"), QStringLiteral("--kubeconfig"), m_kubeconfig,
                                               QStringLiteral("web"), QStringLiteral("--record-for"), QStringLiteral("10m"),
                                               QStringLiteral("--history"), newHistory(), QStringLiteral("--out"), csv});
        QVERIFY(p.waitForStarted());
        QString err;
        QTRY_VERIFY2_WITH_TIMEOUT((err += QString::fromUtf8(p.readAllStandardError())).contains(QStringLiteral("2 samples")),
                                  qPrintable(err), kFastMs);
        QElapsedTimer t;
        t.start();
        QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
        QVERIFY(p.waitForFinished(kFastMs));
        err += QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("hpascope export: stopped by Ctrl+C after")), qPrintable(err));
        QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("wrote %1 (2 samples)").arg(csv)), qPrintable(err));
        QCOMPARE(int(csvAt(csv).size()), 3);
        qInfo("stopped %lld ms after SIGINT", t.elapsed());
    }
};

QTEST_MAIN(TestRecordFor)
#include "test_record_for.moc"
