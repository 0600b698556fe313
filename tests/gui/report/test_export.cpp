// `hpascope export --csv` from a recorded history: the seed experiment is written to a fresh
// recorder database (tests/support/report_fixture.h), exported, and the CSV is read back with a
// strict RFC 4180 reader (tests/support/csv_reader.h) and compared, row by row, with the
// samples recorded; then the errors, worded as `hpascope report` words them.
#include "app/cli/export_command.h"
#include "app/core/recorder.h"
#include "app/core/report/samples_csv.h"
#include "tests/support/csv_reader.h"
#include "tests/support/report_fixture.h"

#include <QFile>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope;
using namespace hpascope::test;

namespace {

const QString kContext = QStringLiteral("test");
const QString kMetric = QStringLiteral("test-metric on Service/kubernetes");

struct Run {
    int code = -1;
    QString out, err;
};

double plain(const QString &text)
{
    bool ok = false;
    const double v = QLocale::c().toDouble(text, &ok);
    return ok ? v : qQNaN();
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_db, m_kubeconfig;
    QDateTime m_start;
    SeedRun m_seed;

    Run exportCsv(const QStringList &extra)
    {
        Run r;
        QTextStream out(&r.out), err(&r.err);
        r.code = cli::runExport(QStringList{QStringLiteral("hpascope"), QStringLiteral("--kubeconfig"), m_kubeconfig,
                                            QStringLiteral("--history"), m_db, QStringLiteral("--offline")}
                                    + extra,
                                out, err);
        return r;
    }
    QStringList wholeRange() const
    {
        return {QStringLiteral("--from"), m_start.addSecs(-120).toString(Qt::ISODate), QStringLiteral("--to"),
                m_start.addSecs(600).toString(Qt::ISODate)};
    }
    // The CSV's rows against the samples: every field, in order.
    void compare(const std::vector<QStringList> &rows, const std::vector<HpaSample> &samples)
    {
        QCOMPARE(rows.size(), samples.size() + 1);
        QCOMPARE(rows.front(), (QStringList{QStringLiteral("time"), QStringLiteral("currentReplicas"),
                                            QStringLiteral("desiredReplicas"), QStringLiteral("minReplicas"),
                                            QStringLiteral("maxReplicas"), kMetric + QStringLiteral(" current"),
                                            kMetric + QStringLiteral(" current value"), kMetric + QStringLiteral(" target"),
                                            kMetric + QStringLiteral(" target value")}));
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const QStringList &row = rows[i + 1];
            const HpaSample &s = samples[i];
            QCOMPARE(row.size(), 9);
            // ISO 8601, UTC, milliseconds: the recorder keeps ms, so the time comes back exactly.
            QVERIFY2(row[0].endsWith(QLatin1Char('Z')) && row[0].contains(QLatin1Char('.')), qPrintable(row[0]));
            QCOMPARE(QDateTime::fromString(row[0], Qt::ISODateWithMs), s.time);
            QCOMPARE(row[1].toInt(), s.currentReplicas);
            QCOMPARE(row[2].toInt(), s.desiredReplicas);
            QCOMPARE(row[3].toInt(), s.minReplicas);
            QCOMPARE(row[4].toInt(), s.maxReplicas);
            const MetricSampleValue &m = s.metrics.front();
            QCOMPARE(row[5], m.currentText);
            if (m.current)
                QCOMPARE(plain(row[6]), *m.current);
            else
                QVERIFY(row[6].isEmpty());
            QCOMPARE(row[7], QStringLiteral("300m"));
            QCOMPARE(plain(row[8]), 0.3);
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_db = m_tmp.filePath(QStringLiteral("history.sqlite"));
        m_kubeconfig = m_tmp.filePath(QStringLiteral("kubeconfig"));
        QFile k(m_kubeconfig);
        QVERIFY(k.open(QIODevice::WriteOnly) && k.write(kFixtureKubeconfig) == kFixtureKubeconfig.size());
        k.close();
        Recorder recorder;
        QVERIFY(recorder.open(m_db));
        recorder.setContext(kContext);
        m_seed = recordSeedAnHourAgo(recorder); // with the milliseconds the fixture adds (t + 0.4 s)
        m_start = m_seed.start;
        // Another HPA of the namespace, and web in another context: neither is exported.
        HpaSample other = m_seed.samples.front();
        other.name = QStringLiteral("worker");
        recorder.recordSample(other);
        QVERIFY(recorder.flush());
        recorder.setContext(QStringLiteral("elsewhere"));
        recorder.recordSample(m_seed.samples.back());
        QVERIFY(recorder.flush());
    }

    void rowsAreTheRecordedSamples()
    {
        const QString path = m_tmp.filePath(QStringLiteral("web.csv"));
        const Run r = exportCsv(QStringList{QStringLiteral("--csv"), QStringLiteral("web"), QStringLiteral("--out"), path}
                                + wholeRange());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("wrote %1 (%2 samples)").arg(path).arg(m_seed.samples.size())), qPrintable(r.out));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        const auto rows = readCsv(QString::fromUtf8(f.readAll()), &error);
        QVERIFY2(rows, qPrintable(error));
        compare(*rows, m_seed.samples);
        // The seed experiment as a spreadsheet sees it: 400m, the climb to 5, 100m, a lost value, 2.
        QCOMPARE((*rows)[2][5], QStringLiteral("400m"));
        QCOMPARE(plain((*rows)[2][6]), 0.4);
        QCOMPARE((*rows)[7][2], QStringLiteral("5"));
        QVERIFY((*rows)[9][5].isEmpty() && (*rows)[9][6].isEmpty()); // metrics unavailable at 230 s
        QCOMPARE(rows->back()[1], QStringLiteral("2"));
    }

    void standardOutputAndAPartOfTheRange()
    {
        // --out - (the default): the CSV alone on standard output; the range cuts the rows.
        const Run r = exportCsv({QStringLiteral("--csv"), QStringLiteral("web"), QStringLiteral("--from"),
                                 m_start.addSecs(100).toString(Qt::ISODate), QStringLiteral("--to"),
                                 m_start.addSecs(300).toString(Qt::ISODate)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString error;
        const auto rows = readCsv(r.out, &error);
        QVERIFY2(rows, qPrintable(error));
        std::vector<HpaSample> inRange;
        for (const HpaSample &s : m_seed.samples)
            if (s.time >= m_start.addSecs(100) && s.time <= m_start.addSecs(300))
                inRange.push_back(s);
        QCOMPARE(int(inRange.size()), 6);
        compare(*rows, inRange);
    }

    void quoting()
    {
        QCOMPARE(report::csvField(QStringLiteral("400m")), QStringLiteral("400m"));
        QCOMPARE(report::csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(report::csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(report::csvField(QStringLiteral("two\r\nlines")), QStringLiteral("\"two\r\nlines\""));
        // Two metrics with one display name (selectors differ) and one with commas in its name:
        // the header tells them apart and reads back whole.
        HpaSample s = m_seed.samples.front();
        MetricSampleValue a = s.metrics.front(), b = a, c = a;
        a.identity = QStringLiteral("Object|test-metric|app=a");
        b.identity = QStringLiteral("Object|test-metric|app=b");
        c.identity = QStringLiteral("External|queue|x,y");
        c.name = QStringLiteral("queue{x,y} \"jobs\"");
        c.currentText = QStringLiteral("avg 2k");
        s.metrics = {a, b, c};
        const auto rows = readCsv(QString::fromUtf8(report::samplesCsv({s})));
        QVERIFY(rows);
        QCOMPARE(rows->size(), std::size_t(2));
        const QStringList header = rows->front();
        QCOMPARE(header.size(), 5 + 3 * 4);
        QCOMPARE(header[5], kMetric + QStringLiteral(" [Object|test-metric|app=a] current"));
        QCOMPARE(header[9], kMetric + QStringLiteral(" [Object|test-metric|app=b] current"));
        QCOMPARE(header[13], QStringLiteral("queue{x,y} \"jobs\" current"));
        QCOMPARE((*rows)[1][13], QStringLiteral("avg 2k"));
        QCOMPARE(header, report::samplesCsvHeader({s}));
    }

    void errorsReadLikeTheReports()
    {
        // No history in the range, with the way out.
        Run r = exportCsv({QStringLiteral("--csv"), QStringLiteral("web"), QStringLiteral("--since"), QStringLiteral("30m")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("hpascope export: hpascope has not recorded default/web between")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("run with --record-for")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // An unwritable path, before anything is read.
        r = exportCsv(QStringList{QStringLiteral("--csv"), QStringLiteral("web"), QStringLiteral("--out"),
                                  QStringLiteral("/nonexistent-folder/web.csv")} + wholeRange());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot write /nonexistent-folder/web.csv: the folder")), qPrintable(r.err));
        r = exportCsv(QStringList{QStringLiteral("--csv"), QStringLiteral("web"), QStringLiteral("--out"), m_tmp.path()} + wholeRange());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("it is a folder")), qPrintable(r.err));
        // Usage.
        r = exportCsv(QStringList{QStringLiteral("web")} + wholeRange());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("give --csv")), qPrintable(r.err));
        r = exportCsv({QStringLiteral("--csv"), QStringLiteral("web")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("give either --since DURATION or --from TIME")), qPrintable(r.err));
        r = exportCsv({QStringLiteral("--csv"), QStringLiteral("web"), QStringLiteral("--record-for"), QStringLiteral("5m")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("cannot go with --offline")), qPrintable(r.err));
        r = exportCsv({QStringLiteral("--csv"), QStringLiteral("--since"), QStringLiteral("5m")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("name one HPA")), qPrintable(r.err));
        // No history at all.
        Run none;
        QTextStream out(&none.out), err(&none.err);
        none.code = cli::runExport({QStringLiteral("hpascope"), QStringLiteral("--kubeconfig"), m_kubeconfig,
                                    QStringLiteral("--history"), m_tmp.filePath(QStringLiteral("none.sqlite")),
                                    QStringLiteral("--csv"), QStringLiteral("web"), QStringLiteral("--since"), QStringLiteral("1h")},
                                   out, err);
        QCOMPARE(none.code, 1);
        QVERIFY2(none.err.contains(QStringLiteral("hpascope has recorded nothing yet")), qPrintable(none.err));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("none.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
