// `hpascope report --prometheus URL --prometheus-token-file FILE` on a history that has nothing
// of the range: the scripted server plays Prometheus (plain HTTP, a bearer token required), and
// the report is made from what it holds; without --prometheus the command says hpascope has not
// recorded the range; when Prometheus fails, the command says so and goes on without it.
#include "app/cli/report_command.h"
#include "app/core/recorder.h"
#include "prometheus_answers.h"
#include "tests/support/report_fixture.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;

class TestReportCommandPrometheus : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_prometheus;
    QString m_kubeconfig, m_db, m_token;

    int report(QStringList extra, QString *errText)
    {
        QString outText;
        QTextStream out(&outText), err(errText);
        QStringList args{QStringLiteral("hpascope"), QStringLiteral("--kubeconfig"), m_kubeconfig,
                         QStringLiteral("--history"), m_db, QStringLiteral("--offline"), QStringLiteral("web"),
                         QStringLiteral("--since"), QStringLiteral("15m")};
        return cli::runReport(args + extra, out, err);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_certs.generate(m_tmp.filePath(QStringLiteral("certs")), &error), qPrintable(error));
        QVERIFY2(startPlainServer(m_prometheus, m_tmp.filePath(QStringLiteral("certs")), QStringLiteral("prom-token"), &error),
                 qPrintable(error));
        m_kubeconfig = m_tmp.filePath(QStringLiteral("kubeconfig"));
        m_token = m_tmp.filePath(QStringLiteral("token"));
        for (const auto &[path, bytes] : {std::pair{m_kubeconfig, kFixtureKubeconfig}, std::pair{m_token, QByteArray("prom-token\n")}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        }
        m_db = m_tmp.filePath(QStringLiteral("history.db"));
        Recorder recorder; // an empty history: hpascope has recorded nothing of the range
        QVERIFY2(recorder.open(m_db, &error), qPrintable(error));
    }

    void fromPrometheusAlone()
    {
        QVERIFY(m_prometheus.setRoutes(json::array(
            {{{"method", "GET"}, {"path", "/api/v1/query_range"}, {"responses", {{{"status", 200}, {"json", ksmReplicasAnswer(QDateTime::currentSecsSinceEpoch(), "2", "5", 60)}}}}}})));
        QString err;
        const QString pdf = m_tmp.filePath(QStringLiteral("r.pdf"));
        QCOMPARE(report({QStringLiteral("--out"), pdf}, &err), 1);
        QVERIFY2(err.contains(QLatin1String("has not recorded default/web")), qPrintable(err));

        err.clear();
        const QString url = QString::fromStdString(m_prometheus.url());
        QCOMPARE(report({QStringLiteral("--out"), pdf, QStringLiteral("--prometheus"), url,
                         QStringLiteral("--prometheus-token-file"), m_token}, &err), 0);
        QVERIFY2(!err.contains(QLatin1String("Prometheus")), qPrintable(err));
        QVERIFY(m_prometheus.countRequests("/api/v1/query_range", "step=1") >= 1);
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished());
        const QString body = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        QVERIFY2(body.contains(QStringLiteral("From Prometheus (%1) where hpascope was not watching").arg(url)), qPrintable(body.left(3000)));
        QVERIFY2(body.contains(QLatin1String("current (Prometheus)")), qPrintable(body.left(3000)));
    }

    void aFailedReadIsSaid()
    {
        QString err;
        // No token: Prometheus refuses (401).
        QCOMPARE(report({QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("f.pdf")), QStringLiteral("--prometheus"),
                         QString::fromStdString(m_prometheus.url())}, &err), 1);
        QVERIFY2(err.contains(QLatin1String("cannot read the history from Prometheus")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("has not recorded default/web")), qPrintable(err)); // nothing else to report
        err.clear();
        QCOMPARE(report({QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("f.pdf")), QStringLiteral("--prometheus"),
                         QStringLiteral("not a place")}, &err), 1);
        QVERIFY2(err.contains(QLatin1String("cannot read the history from Prometheus")), qPrintable(err));
    }
};

QTEST_MAIN(TestReportCommandPrometheus)
#include "test_report_command_prometheus.moc"
