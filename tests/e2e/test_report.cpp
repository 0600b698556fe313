// The seed experiment written up headless, on the real control plane (issue #8): the real
// executable records `web` with `hpascope report --record-for 10m` while `hpascope push` (the
// real executable too, recording each push into the same history) writes 400m, the controller
// scales up, 100m, the 5 s window passes and it scales down; then Ctrl+C. The PDF (read with
// pdftotext -raw) must name every SuccessfulRescale the API server holds for web in the report's
// range, the scale-down window the sandbox publishes, and the pushes; `hpascope export --csv`
// of the same history must show the climb and the way down. r.pdf and r.csv stay in the build
// dir for a person to look at. Times are compared as the report prints them (local time; the
// test and the executables share TZ).
#include "e2e_support.h"
#include "app/core/event_store.h"
#include "app/core/recorder.h"
#include "app/core/report/report_text.h"
#include "app/core/time_span.h"
#include "kube/api/event.h"
#include "kube/api/paths.h"
#include "kube/hpa/published_flags.h"
#include "tests/support/csv_reader.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <signal.h>

#include <nlohmann/json.hpp>

using namespace hpascope;

namespace {

// Generous: the controller syncs every 1 s on the sandbox, but the machine is shared.
constexpr int kScaleTimeoutMs = 120'000;
constexpr int kCommandTimeoutMs = 60'000;
// --record-for is the upper bound; the test stops it with Ctrl+C once the experiment is over.
const QString kRecordFor = QStringLiteral("10m");
const QString kSince = QStringLiteral("10m");
constexpr qint64 kSinceSecs = 600;

QString compact(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("\\s+")));
}

// The last "N <what>" in the progress lines ("… 0:12, 12 samples, 3 rescales").
int lastCount(const QString &progress, const QString &what)
{
    const QRegularExpression re(QStringLiteral("(\\d+) %1s?\\b").arg(what));
    int n = -1;
    for (auto it = re.globalMatch(progress); it.hasNext();)
        n = it.next().captured(1).toInt();
    return n;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<kube::http::Client> m_client;
    QString m_history;
    const QString m_pdf = QStringLiteral(QT_TESTCASE_BUILDDIR "/r.pdf");
    QDateTime m_pushed;                 // just before the 400m push
    QDateTime m_stopped;                // Ctrl+C
    std::vector<EventRecord> m_caused;  // the SuccessfulRescale events since m_pushed

    // The executable with the user's settings and data out of the way.
    void prepare(QProcess &p) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            env.insert(QString::fromLatin1(var), m_dir.filePath(QStringLiteral("xdg")));
        p.setProcessEnvironment(env);
    }
    int hpascope(const QStringList &args, QString *out = nullptr)
    {
        QProcess p;
        prepare(p);
        p.start(QStringLiteral(HPASCOPE_BIN), args);
        if (!p.waitForFinished(kCommandTimeoutMs))
            return -1;
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (!err.trimmed().isEmpty())
            qInfo("hpascope %s: %s", qPrintable(args.first()), qPrintable(err.trimmed()));
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    bool push(const QString &value)
    {
        return hpascope({QStringLiteral("push"), QStringLiteral("--kubeconfig"), e2e::kubeconfigPath(), QStringLiteral("--history"),
                         m_history, QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("service/kubernetes"),
                         QStringLiteral("test-metric"), value})
            == 0;
    }
    // "current/desired" of web as the API server has it.
    QString replicas() const
    {
        kube::http::Request get;
        get.path = kube::api::hpaPath("default", "web");
        auto r = m_client->sendSync(get);
        if (!r || r->status != 200)
            return QStringLiteral("?");
        const auto j = nlohmann::json::parse(r->body);
        return QStringLiteral("%1/%2").arg(j["status"].value("currentReplicas", 0)).arg(j["status"].value("desiredReplicas", 0));
    }
    int desired() const { return replicas().section(QLatin1Char('/'), 1).toInt(); }
    int current() const { return replicas().section(QLatin1Char('/'), 0, 0).toInt(); }
    // The SuccessfulRescale events of web the API server holds, as the recorder keeps them.
    std::vector<EventRecord> rescales() const
    {
        kube::http::Request list;
        list.path = kube::api::coreEventsPath(kube::api::Namespace{"default"});
        auto r = m_client->sendSync(list);
        std::vector<EventRecord> out;
        if (!r)
            return out;
        auto events = kube::api::decodeEventList(nlohmann::json::parse(r->body, nullptr, false));
        if (!events)
            return out;
        for (const auto &e : events->items) {
            EventRecord rec = toEventRecord(e);
            if (rec.reason == QLatin1String("SuccessfulRescale") && rec.involvedKind == QLatin1String("HorizontalPodAutoscaler")
                && rec.involvedName == QLatin1String("web"))
                out.push_back(rec);
        }
        return out;
    }
    std::chrono::seconds publishedDownscaleWindow() const
    {
        kube::http::Request get;
        get.path = kube::hpa::publishedFlagsPath();
        auto r = m_client->sendSync(get);
        if (!r)
            qFatal("the sandbox publishes no controller flags: %s", r.error().toString().c_str());
        auto flags = kube::hpa::readPublishedFlags(nlohmann::json::parse(r->body));
        if (!flags)
            qFatal("published flags: %s", flags.error().toString().c_str());
        return std::chrono::duration_cast<std::chrono::seconds>(flags->downscaleStabilization);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_client = e2e::connect();
        m_history = m_dir.filePath(QStringLiteral("history.sqlite"));
    }

    // Each step is its own test function (QtTest gives each 5 minutes), in order.
    void startFromTheFloor()
    {
        // 100m, web at 1 replica (an earlier run may have left it higher).
        QVERIFY(push(QStringLiteral("100m")));
        QTRY_VERIFY2_WITH_TIMEOUT(replicas() == QStringLiteral("1/1"), qPrintable(replicas()), kScaleTimeoutMs);
    }

    void recordTheExperiment()
    {
        QFile::remove(m_pdf);
        QProcess report;
        prepare(report);
        report.start(QStringLiteral(HPASCOPE_BIN),
                     {QStringLiteral("report"), QStringLiteral("--kubeconfig"), e2e::kubeconfigPath(), QStringLiteral("-n"),
                      QStringLiteral("default"), QStringLiteral("web"), QStringLiteral("--record-for"), kRecordFor,
                      QStringLiteral("--since"), kSince, QStringLiteral("--history"), m_history, QStringLiteral("--out"), m_pdf});
        QVERIFY(report.waitForStarted());
        QString progress;
        const auto readProgress = [&] {
            progress += QString::fromUtf8(report.readAllStandardError());
            return progress;
        };
        // Recording: the first status of web is in.
        QTRY_VERIFY2_WITH_TIMEOUT(lastCount(readProgress(), QStringLiteral("sample")) >= 1, qPrintable(progress), kCommandTimeoutMs);

        // The experiment: 400m against the 300m target, then 100m.
        m_pushed = QDateTime::currentDateTimeUtc();
        QVERIFY(push(QStringLiteral("400m")));
        QTRY_VERIFY2_WITH_TIMEOUT(desired() >= 2 && current() >= 2, qPrintable(replicas()), kScaleTimeoutMs);
        QVERIFY(push(QStringLiteral("100m")));
        QTRY_VERIFY2_WITH_TIMEOUT(replicas() == QStringLiteral("1/1"), qPrintable(replicas()), kScaleTimeoutMs);

        // What the API server says happened since the push (whole seconds: the push's own counts).
        m_caused.clear();
        for (const EventRecord &e : rescales())
            if (e.when().toSecsSinceEpoch() >= m_pushed.toSecsSinceEpoch())
                m_caused.push_back(e);
        // Not one event per rescale: after 10 similar events in 10 minutes (earlier e2e tests
        // rescale web too) client-go's aggregator folds them into one "(combined from similar
        // events): New size: …" that it updates. The last one is the scale-down.
        QVERIFY2(std::any_of(m_caused.begin(), m_caused.end(),
                             [](const EventRecord &e) { return e.message.contains(QStringLiteral("New size: 1;")); }),
                 "no scale-down to 1 since the 400m push");
        // The recording has seen them all (it counts SuccessfulRescale events of web since it started).
        QTRY_VERIFY2_WITH_TIMEOUT(lastCount(readProgress(), QStringLiteral("rescale")) >= int(m_caused.size()),
                                  qPrintable(progress), kCommandTimeoutMs);

        // Ctrl+C: the recording stops, the report is written.
        m_stopped = QDateTime::currentDateTimeUtc();
        QCOMPARE(::kill(pid_t(report.processId()), SIGINT), 0);
        QVERIFY(report.waitForFinished(kCommandTimeoutMs));
        readProgress();
        qInfo("%s", qPrintable(progress.trimmed()));
        QCOMPARE(report.exitStatus(), QProcess::NormalExit);
        QVERIFY2(report.exitCode() == 0, qPrintable(progress));
        QVERIFY2(progress.contains(QStringLiteral("stopped by Ctrl+C")), qPrintable(progress));
    }

    void pdfNamesWhatHappened()
    {
        QVERIFY2(QFile::exists(m_pdf), "no report: see recordTheExperiment");
        // -raw: in the order the report painted it, so a table cell's lines stay together.
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), m_pdf, QStringLiteral("-")});
        QVERIFY2(text.waitForFinished(kCommandTimeoutMs) && text.exitCode() == 0, "pdftotext (poppler-utils) failed");
        const QString raw = QString::fromUtf8(text.readAllStandardOutput());
        const QString all = compact(raw);
        // The range: --since before the stop (the report's own "now" is a moment later; 5 s of
        // slack at its start).
        const TimeSpan range{m_stopped.addSecs(-kSinceSecs + 5), m_stopped};
        // Every SuccessfulRescale of web the API server holds in the range: the event table's row
        // (last seen, type, reason, object, message).
        int named = 0;
        for (const EventRecord &e : rescales()) {
            if (!range.contains(e.when()))
                continue;
            const QString row = report::timeText(e.when()) + e.type + e.reason + e.objectText() + e.message;
            QVERIFY2(all.contains(compact(row)), qPrintable(row + QStringLiteral(" is not in the PDF:\n") + raw));
            ++named;
        }
        QVERIFY(named >= int(m_caused.size()));
        qInfo("the PDF names %d SuccessfulRescale events", named);
        // The window the sandbox publishes (5 s), as the report's effective configuration says it.
        const QString window = QString::number(publishedDownscaleWindow().count()) + QStringLiteral("s");
        QVERIFY2(all.contains(QStringLiteral("--horizontal-pod-autoscaler-downscale-stabilization") + window), qPrintable(raw));
        QVERIFY2(all.contains(compact(QStringLiteral("published by the cluster"))), qPrintable(raw));
        // The pushes, as `hpascope push` recorded them: each push table row, and among them the
        // experiment's 400m and 100m.
        QStringList experiment;
        Recorder history;
        QVERIFY(history.open(m_history));
        history.setContext(QString::fromStdString(e2e::restConfig().contextName));
        for (const MetricPushRecord &p : history.loadPushes(QStringLiteral("default"), range.from, range.to)) {
            const QString row = report::timeText(p.time) + p.object + p.metric + p.value + QStringLiteral("written");
            QVERIFY2(p.ok && all.contains(compact(row)), qPrintable(row + QStringLiteral(" is not in the PDF:\n") + raw));
            if (p.time >= m_pushed)
                experiment << p.value;
        }
        QCOMPARE(experiment, (QStringList{QStringLiteral("400m"), QStringLiteral("100m")}));
    }

    void csvShowsTheClimbAndTheWayDown()
    {
        const QString csv = QStringLiteral(QT_TESTCASE_BUILDDIR "/r.csv");
        QString out;
        QCOMPARE(hpascope({QStringLiteral("export"), QStringLiteral("--csv"), QStringLiteral("--kubeconfig"), e2e::kubeconfigPath(),
                           QStringLiteral("--offline"), QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("web"),
                           QStringLiteral("--since"), QStringLiteral("1h"), QStringLiteral("--history"), m_history,
                           QStringLiteral("--out"), csv},
                          &out),
                 0);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        const auto rows = hpascope::test::readCsv(QString::fromUtf8(f.readAll()), &error);
        QVERIFY2(rows, qPrintable(error));
        QVERIFY(rows->size() > 3);
        const QStringList &header = rows->front();
        const qsizetype desiredAt = header.indexOf(QStringLiteral("desiredReplicas"));
        const qsizetype currentAt = header.indexOf(QStringLiteral("currentReplicas"));
        const qsizetype metricAt = header.indexOf(QStringLiteral("test-metric on Service/kubernetes current"));
        QVERIFY2(desiredAt > 0 && currentAt > 0 && metricAt > 0, qPrintable(header.join(QLatin1Char(','))));
        // Up: a row desiring 2 or more after one at 1, with 400m; down: a later row back at 1 after
        // one above it, with 100m.
        std::size_t up = 0, down = 0;
        for (std::size_t i = 2; i < rows->size(); ++i) {
            const int before = (*rows)[i - 1][desiredAt].toInt(), now = (*rows)[i][desiredAt].toInt();
            if (!up && before == 1 && now >= 2 && (*rows)[i][metricAt] == QStringLiteral("400m"))
                up = i;
            if (up && !down && i > up && before >= 2 && now == 1 && (*rows)[i][metricAt] == QStringLiteral("100m"))
                down = i;
        }
        QStringList lines;
        for (const QStringList &r : *rows)
            lines << r.join(QLatin1Char(','));
        QVERIFY2(up && down, qPrintable(lines.join(QLatin1Char('\n'))));
        QCOMPARE(rows->back()[currentAt], QStringLiteral("1"));
        qInfo("%s: %d samples; scale-up at row %d, scale-down at row %d", qPrintable(out.trimmed()), int(rows->size() - 1),
              int(up), int(down));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "test_report.moc"
