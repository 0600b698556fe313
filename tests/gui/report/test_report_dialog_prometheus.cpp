// Report… on the demo cluster with the session's Prometheus Ready (the scripted server plays the
// API server's service proxy to monitoring/prometheus-k8s:web): the dialog says it reads the
// range from Prometheus, waits for the answer and then writes a PDF that has Prometheus' part;
// when Prometheus fails, the dialog says so and the report is written without it.
#include "app/core/cluster_session.h"
#include "app/core/hpa_selection.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/prometheus_history.h"
#include "app/window/main_window.h"
#include "app/window/report_dialog.h"
#include "kube/http/client.h"
#include "prometheus_answers.h"
#include "test_credentials.h"
#include "tests/support/window_driver.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;

namespace {

constexpr int kTimeoutMs = 20000;
const std::string kProxyBase = "/api/v1/namespaces/monitoring/services/prometheus-k8s:web/proxy";

json route(const std::string &path, json answer, int status = 200)
{
    return {{"method", "GET"}, {"path", path}, {"responses", {{{"status", status}, {"json", answer}}}}};
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReportDialogPrometheus : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_api;
    std::unique_ptr<MainWindow> m_window;

    std::shared_ptr<kube::http::Client> client()
    {
        auto c = kube::http::Client::create(restConfigFor(m_api, m_certs));
        if (!c)
            qFatal("client: %s", c.error().toString().c_str());
        return c.value();
    }

    // Save in a dialog on default/web with Prometheus just made Ready (nothing in between can
    // change its state); returns the PDF's text, or empty having failed.
    // `answer` is what Prometheus says to the report's read; with `chartReadFails`, the chart's
    // read before it got a 503 (the status bar then says Prometheus failed).
    QString report(const QString &file, QString *message, const json &answer, bool chartReadFails = false)
    {
        MainWindow &w = *m_window;
        PrometheusHistory *prometheus = w.session()->prometheus();
        prometheus->connectTo(client(), PrometheusChoice::fromText(QStringLiteral("monitoring/prometheus-k8s:web")));
        if (prometheus->state() != PrometheusHistory::State::Ready)
            return {};
        if (chartReadFails) {
            if (!m_api.setRoutes(json::array({route(kProxyBase + "/api/v1/query_range", unavailable(), 503)})))
                return {};
            const qint64 now = w.session()->now().toMSecsSinceEpoch();
            prometheus->show(QStringLiteral("default/web"), *w.detailModel()->hpa(), now - 3600'000, now);
            if (!QTest::qWaitFor([&] { return prometheus->state() == PrometheusHistory::State::Failed; }, kTimeoutMs))
                return {};
        }
        if (!m_api.setRoutes(json::array({answer})))
            return {};
        ReportDialog dialog(w.session(), w.selection(), w.detailModel(), &w);
        dialog.show();
        dialog.rangePicker()->setCurrentIndex(0); // the last 15 minutes
        const QString pdf = m_tmp.filePath(file);
        dialog.pathEdit()->setText(pdf);
        QSignalSpy finished(&dialog, &ReportDialog::finished);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        if (!dialog.isWriting() || dialog.statusLabel()->text() != QStringLiteral("Reading history from Prometheus…"))
            return {};
        if (!finished.wait(kTimeoutMs) && finished.isEmpty())
            return {};
        *message = finished.first().at(1).toString();
        if (!finished.first().at(0).toBool())
            return {};
        return pdfText(pdf);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_api.startWithNewCertificates(m_certs, m_tmp.filePath(QStringLiteral("certs")), &error), qPrintable(error));
        m_window = test::demoWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state().kind, ConnectionState::Kind::Live, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->selection()->key(), QStringLiteral("default/web"), kTimeoutMs);
    }

    void cleanupTestCase() { m_window.reset(); }

    static json unavailable()
    {
        return {{"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"},
                {"message", "no endpoints available for service \"prometheus-k8s\""},
                {"reason", "ServiceUnavailable"}, {"code", 503}};
    }

    json goodAnswer() const
    {
        return route(kProxyBase + "/api/v1/query_range", ksmReplicasAnswer(m_window->session()->now().toSecsSinceEpoch(), "1", "4"));
    }

    void readsPrometheusThenWrites()
    {
        m_api.clearRequests();
        QString message;
        const QString body = report(QStringLiteral("with prometheus.pdf"), &message, goodAnswer());
        QVERIFY2(!body.isEmpty(), qPrintable(message));
        QVERIFY2(message.startsWith(QLatin1String("Wrote ")), qPrintable(message));
        // A 15 min range at 1 s steps, through the service proxy.
        QVERIFY(m_api.countRequests(kProxyBase + "/api/v1/query_range", "step=1") >= 1);
        for (const QString &want : {QStringLiteral("From Prometheus (service monitoring/prometheus-k8s port web) where"),
                                    QStringLiteral("current (Prometheus)")})
            QVERIFY2(body.contains(want), qPrintable(want + QStringLiteral(" not in the PDF:\n") + body.left(3000)));
    }

    void afterAFailedChartReadTheReportAsksAgain()
    {
        QString message;
        const QString body = report(QStringLiteral("asked again.pdf"), &message, goodAnswer(), true);
        QVERIFY2(!body.isEmpty(), qPrintable(message));
        QVERIFY2(body.contains(QLatin1String("current (Prometheus)")), qPrintable(body.left(3000)));
    }

    void aFailedReadStillWritesTheReport()
    {
        QString message;
        const QString body = report(QStringLiteral("without prometheus.pdf"), &message,
                                    route(kProxyBase + "/api/v1/query_range", unavailable(), 503));
        QVERIFY2(!body.isEmpty(), qPrintable(message));
        QVERIFY2(message.startsWith(QLatin1String("Wrote ")), qPrintable(message));
        QVERIFY2(body.contains(QLatin1String("Not read from Prometheus")), qPrintable(body.left(3000)));
        QVERIFY(!body.contains(QLatin1String("current (Prometheus)")));
    }
};

QTEST_MAIN(TestReportDialogPrometheus)
#include "test_report_dialog_prometheus.moc"
