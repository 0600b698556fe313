// Reports from a recorded history: the seed experiment is written to a fresh recorder database
// (tests/support/report_fixture.h), gathered, and rendered as PDF, HTML and PNG. The PDF's text
// is read back with pdftotext, its pages are rasterised with pdftoppm into the build folder for
// a person to look at, the HTML is parsed, the PNG's size and ink are checked; and
// `hpascope report` runs headless on the same database, with its errors.
#include "app/cli/report_command.h"
#include "app/core/recorder.h"
#include "app/core/report/report_analysis.h"
#include "app/core/report/report_data.h"
#include "app/core/report/report_render.h"
#include "tests/support/report_fixture.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace hpascope;
using namespace hpascope::test;

namespace {

const QString kContext = QStringLiteral("test");
const QString kServer = QStringLiteral("https://10.77.0.10:6443");

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return {};
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_db;
    QDateTime m_start;
    SeedRun m_seed;
    QString m_outDir = QStringLiteral(HPASCOPE_REPORT_OUT_DIR);

    ReportRequest request(bool redact = false) const
    {
        ReportRequest r;
        r.context = kContext;
        r.server = kServer;
        r.redactServer = redact;
        r.namespaceName = QStringLiteral("default");
        r.name = QStringLiteral("web");
        r.from = m_start.addSecs(-120); // two minutes before the first sample: a gap
        r.to = m_start.addSecs(600);
        r.now = r.to;
        r.version = QStringLiteral("0.1.0-test");
        r.hpa = m_seed.now;
        r.explanation = explainNow(m_seed.now, r.controller, r.controllerSource, r.now);
        return r;
    }
    ReportData gathered(bool redact = false)
    {
        Recorder recorder;
        QString error;
        if (!recorder.open(m_db, &error))
            qFatal("%s", qPrintable(error));
        recorder.setContext(kContext);
        auto data = ReportGatherer::gather(recorder, request(redact), &error);
        if (!data)
            qFatal("%s", qPrintable(error));
        return *data;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_db = m_tmp.filePath(QStringLiteral("history.sqlite"));
        Recorder recorder;
        QVERIFY(recorder.open(m_db));
        recorder.setContext(kContext);
        m_seed = recordSeedAnHourAgo(recorder);
        m_start = m_seed.start;
        // hpascope watched from the first sample to the end of the range, and saw the scale-down
        // wait in the window, then end.
        recorder.recordWatched(QStringLiteral("default"), m_start, m_start.addSecs(600));
        for (const auto &[at, reason] : std::vector<std::pair<int, QString>>{
                 {0, QStringLiteral("ReadyForNewScale")}, {200, QStringLiteral("ScaleDownStabilized")}, {520, QStringLiteral("ReadyForNewScale")}})
            recorder.recordCondition({m_start.addSecs(at), QStringLiteral("default"), QStringLiteral("web"),
                                      QStringLiteral("AbleToScale"), QStringLiteral("True"), reason,
                                      QStringLiteral("recommended size matches current size"), m_start.addSecs(at - 1)});
        QVERIFY(recorder.flush());
    }

    void figures()
    {
        const ReportData d = gathered();
        QCOMPARE(int(d.samples.size()), int(m_seed.samples.size()));
        QCOMPARE(int(d.gaps.size()), 1);
        QCOMPARE(d.gaps.front(), (TimeSpan{m_start.addSecs(-120), m_start}));
        QCOMPARE(int(d.decisions.size()), 5);
        QCOMPARE(d.decisions.front().from, std::optional<int>(1));
        QCOMPARE(d.decisions.front().to, 2);
        QCOMPARE(d.decisions.back().from, std::optional<int>(5));
        QCOMPARE(d.decisions.back().to, 2);
        QVERIFY2(d.decisions[3].account.contains(QStringLiteral("maxReplicas")), qPrintable(d.decisions[3].account));
        QVERIFY2(d.decisions.front().account.contains(QStringLiteral("ratio 1.33")), qPrintable(d.decisions.front().account));
        QCOMPARE(d.summary.scaleUps, 4);
        QCOMPARE(d.summary.scaleDowns, 1);
        QCOMPARE(d.summary.directionChanges, 1);
        QCOMPARE(d.summary.coveredMs, 600'000);
        QCOMPARE(d.summary.metricsUnavailableMs, 30'000);
        // At 5 (maxReplicas) from the status at 135.3 s until the one at 515.2 s.
        QCOMPARE(d.summary.atMaxMs, qint64(515'200 - 135'300));
        QCOMPARE(int(d.pushes.size()), 2);
        QCOMPARE(int(d.events.size()), int(m_seed.events.size()));
        QVERIFY(d.config.behavior);
        QVERIFY(d.config.behavior->scaleDown.window.contains(QStringLiteral("300 s")));
    }

    void noHistoryInRange()
    {
        Recorder recorder;
        QVERIFY(recorder.open(m_db));
        recorder.setContext(kContext);
        ReportRequest r = request();
        r.hpa.reset();
        r.from = m_start.addDays(-3);
        r.to = m_start.addDays(-2);
        QString error;
        QVERIFY(!ReportGatherer::gather(recorder, r, &error));
        QVERIFY2(error.startsWith(QStringLiteral("hpascope has not recorded default/web between")), qPrintable(error));
    }

    void pdf()
    {
        const QString path = m_outDir + QStringLiteral("/report.pdf");
        QCOMPARE(report::ReportWriter::write(gathered(), path, {QPageSize(QPageSize::A4)}), QString());
        int code = -1;
        const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}, &code);
        QCOMPARE(code, 0);
        for (const QString &needle : {QStringLiteral("HPA report: default/web"), kServer, QStringLiteral("Data gaps"),
                                      QStringLiteral("recorded nothing"), QStringLiteral("1 → 2"),
                                      QStringLiteral("5 → 2"), QStringLiteral("All metrics below target"),
                                      QStringLiteral("test-metric above target"), QStringLiteral("300 s"),
                                      QStringLiteral("Capped at maxReplicas"), QStringLiteral("Scaled up replica set"),
                                      QStringLiteral("400m"), QStringLiteral("page 1 of"), QStringLiteral("Replicas"),
                                      QStringLiteral("not recorded"), QStringLiteral("Condition changes"),
                                      QStringLiteral("ScaleDownStabilized"),
                                      QStringLiteral("Data gaps are the times hpascope was not watching")})
        {
            // Table cells wrap and pdftotext spaces glyphs as it likes: compare without blanks.
            const QString compact = QString(text).remove(QRegularExpression(QStringLiteral("\\s+")));
            QVERIFY2(compact.contains(QString(needle).remove(QLatin1Char(' '))),
                     qPrintable(needle + QStringLiteral(" is not in the PDF:\n") + text));
        }
        const QString info = run(QStringLiteral("pdfinfo"), {path});
        QVERIFY2(info.contains(QStringLiteral("A4")), qPrintable(info));
        // The pages as images, for a person to look at.
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"), path,
                                         m_outDir + QStringLiteral("/report-page")}, &code);
        QCOMPARE(code, 0);
        QVERIFY(QFile::exists(m_outDir + QStringLiteral("/report-page-1.png")));
    }

    void redacted()
    {
        const QString path = m_outDir + QStringLiteral("/report-redacted.pdf");
        QCOMPARE(report::ReportWriter::write(gathered(true), path), QString());
        const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(text.contains(QStringLiteral("(redacted)")));
        QVERIFY(!text.contains(QStringLiteral("10.77.0.10")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("10.77.0.10"));
    }

    void html()
    {
        const QString path = m_outDir + QStringLiteral("/report.html");
        QCOMPARE(report::ReportWriter::write(gathered(), path), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        // One file: nothing fetched from anywhere.
        QVERIFY(!bytes.contains("<script"));
        QVERIFY(!bytes.contains("src=\"http"));
        QVERIFY(!bytes.contains("<link"));
        QXmlStreamReader xml(bytes);
        int tables = 0, svgs = 0, rows = 0, texts = 0;
        QStringList cells;
        bool inCell = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                const auto n = xml.name();
                tables += n == QLatin1String("table");
                svgs += n == QLatin1String("svg");
                rows += n == QLatin1String("tr");
                texts += n == QLatin1String("text");
                inCell = n == QLatin1String("td");
            } else if (xml.isCharacters() && inCell) {
                cells << xml.text().toString();
            } else if (xml.isEndElement()) {
                inCell = false;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(svgs, 2); // replicas, test-metric
        QVERIFY(tables >= 7);
        QVERIFY(rows >= 5 + 6 + 2);
        QVERIFY(texts > 10); // the charts' labels are text, not pixels
        QVERIFY(cells.contains(QStringLiteral("1 → 2")));
        QVERIFY(cells.contains(QStringLiteral("Service/kubernetes")));
    }

    void png()
    {
        const QString path = m_outDir + QStringLiteral("/report.png");
        QCOMPARE(report::ReportWriter::write(gathered(), path, {QPageSize(QPageSize::A4), 300}), QString());
        QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 2480); // A4 at 300 dpi
        QVERIFY(image.height() > 3508);
        qint64 ink = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                ink += qGray(image.pixel(x, y)) < 160;
        QVERIFY2(ink > 20'000, qPrintable(QString::number(ink)));
    }

    void letterForTheUs()
    {
        QCOMPARE(report::pageSizeFor(QLocale(QLocale::English, QLocale::UnitedStates)).id(), QPageSize::Letter);
        QCOMPARE(report::pageSizeFor(QLocale(QLocale::German, QLocale::Germany)).id(), QPageSize::A4);
        QCOMPARE(report::pageSizeFor(QLocale(QLocale::Japanese, QLocale::Japan)).id(), QPageSize::A4);
    }

    void writeErrors()
    {
        const ReportData d = gathered();
        QVERIFY(report::ReportWriter::write(d, m_outDir + QStringLiteral("/r.docx")).contains(QStringLiteral("unknown format")));
        QVERIFY(report::ReportWriter::write(d, QStringLiteral("/nonexistent-folder/r.pdf")).contains(QStringLiteral("does not exist")));
        QVERIFY(report::ReportWriter::write(d, m_outDir).contains(QStringLiteral("unknown format")));
    }

    void command()
    {
        const QString kubeconfig = m_tmp.filePath(QStringLiteral("kubeconfig"));
        QFile k(kubeconfig);
        QVERIFY(k.open(QIODevice::WriteOnly) && k.write(kFixtureKubeconfig) == kFixtureKubeconfig.size());
        k.close();
        const QString from = m_start.addSecs(-120).toString(Qt::ISODate);
        const QString to = m_start.addSecs(600).toString(Qt::ISODate);
        const auto report = [&](QStringList extra, QString *errText) {
            QString outText;
            QTextStream out(&outText), err(errText);
            QStringList args{QStringLiteral("hpascope"), QStringLiteral("--kubeconfig"), kubeconfig,
                             QStringLiteral("--history"), m_db, QStringLiteral("--offline"), QStringLiteral("web")};
            args += extra;
            return cli::runReport(args, out, err);
        };
        QString err;
        const QString out = m_outDir + QStringLiteral("/command.html");
        QCOMPARE(report({QStringLiteral("--from"), from, QStringLiteral("--to"), to, QStringLiteral("--out"), out,
                         QStringLiteral("--redact-server")}, &err), 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray html = f.readAll();
        QVERIFY(html.contains("5 → 2"));
        QVERIFY(!html.contains("10.77.0.10"));
        QVERIFY(!html.contains("sekret-token-value"));

        err.clear();
        QCOMPARE(report({QStringLiteral("--since"), QStringLiteral("30m"), QStringLiteral("--out"), out}, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("hpascope has not recorded default/web between")), qPrintable(err));
        err.clear();
        QCOMPARE(report({QStringLiteral("--since"), QStringLiteral("30m"), QStringLiteral("--out"), QStringLiteral("r.txt")}, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("unknown format")), qPrintable(err));
        err.clear();
        QCOMPARE(report({QStringLiteral("--since"), QStringLiteral("30m"), QStringLiteral("--out"), QStringLiteral("/nonexistent-folder/r.pdf")}, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("does not exist")), qPrintable(err));
        err.clear();
        QCOMPARE(report({QStringLiteral("--since"), QStringLiteral("soon"), QStringLiteral("--out"), out}, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("not a duration")), qPrintable(err));
    }

    void rescaleMessages()
    {
        const auto m = report::parseRescaleMessage(QStringLiteral("New size: 5; reason: cpu resource utilization (percentage of request) above target"));
        QVERIFY(m);
        QCOMPARE(m->newSize, 5);
        QCOMPARE(m->reason, QStringLiteral("cpu resource utilization (percentage of request) above target"));
        QVERIFY(!report::parseRescaleMessage(QStringLiteral("Scaled up replica set web to 2")));
    }
};

QTEST_MAIN(TestReport)
#include "test_report.moc"
