// Reports with history from the cluster's Prometheus (ReportRequest::prometheus): hpascope
// recorded only the last hour of a three-hour range, Prometheus has all of it, with a 2→6→2
// episode in the part hpascope missed. The charts draw Prometheus' lines only outside the local
// samples, its part is tinted and named in the legends and the text; a range hpascope recorded
// nothing of still makes a report; a failed read is said and the report is written all the same.
// The PDF (its first page as PNG) and the PNG go to the build folder for a person to look at.
#include "app/core/recorder.h"
#include "app/core/report/report_chart.h"
#include "app/core/report/report_data.h"
#include "app/core/report/report_render.h"
#include "app/core/report/report_text.h"
#include "app/core/series_feed.h"
#include "tests/support/report_fixture.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace hpascope;
using namespace hpascope::test;

namespace {

const QDateTime kFrom = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
const QDateTime kTo = kFrom.addSecs(3 * 3600);
const QDateTime kLocalFrom = kFrom.addSecs(2 * 3600); // hpascope watched the last hour only
const QDateTime kUp = kFrom.addSecs(40 * 60);         // SuccessfulRescale 2 → 6
const QDateTime kDown = kFrom.addSecs(70 * 60);       // and back to 2
const QString kWhere = QStringLiteral("service monitoring/prometheus-k8s port web");
const QString kOut = QStringLiteral(HPASCOPE_REPORT_OUT_DIR);

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

// A step series as prometheusStepSeries makes them: changes, then a gap a step after the end.
std::vector<TimedValue> steps(std::initializer_list<std::pair<QDateTime, double>> changes)
{
    std::vector<TimedValue> out;
    for (const auto &[t, v] : changes)
        out.push_back({ms(t), v});
    out.push_back({ms(kTo) + 15'000, std::numeric_limits<double>::quiet_NaN()});
    return out;
}

// Prometheus scrapes kube-state-metrics late: desired 15 s after the event, current 45 s.
// Over hpascope's own hour it says 3, which must never be drawn (local samples win).
PrometheusRange prometheusHistory(const QString &identity)
{
    PrometheusRange r;
    r.where = kWhere;
    r.stepSeconds = 1;
    r.fromMs = ms(kFrom);
    r.toMs = ms(kTo);
    PrometheusHpaSeries s;
    s.desired = steps({{kFrom, 2}, {kUp.addSecs(15), 6}, {kDown.addSecs(15), 2}, {kLocalFrom, 3}});
    s.current = steps({{kFrom, 2}, {kUp.addSecs(45), 6}, {kDown.addSecs(45), 2}, {kLocalFrom, 3}});
    s.min = steps({{kFrom, 1}});
    s.max = steps({{kFrom, 6}});
    s.metrics.push_back({identity, QStringLiteral("test-metric on Service/kubernetes"),
                         steps({{kFrom, 0.1}, {kUp.addSecs(-30), 0.8}, {kDown.addSecs(-30), 0.1}}),
                         steps({{kFrom, 0.3}})});
    r.series = std::move(s);
    return r;
}

ReportRequest requestFor(std::optional<PrometheusRange> prometheus)
{
    ReportRequest r{.context = QStringLiteral("test"),
                    .server = QStringLiteral("https://10.77.0.10:6443"),
                    .namespaceName = QStringLiteral("default"),
                    .name = QStringLiteral("web"),
                    .from = kFrom,
                    .to = kTo,
                    .now = kTo,
                    .version = QStringLiteral("0.1.0-test")};
    r.prometheus = std::move(prometheus);
    return r;
}

// A sample every 5 min over hpascope's hour: 2 replicas, 100m against 300m, max 6.
std::vector<HpaSample> localSamples()
{
    std::vector<HpaSample> out;
    for (QDateTime t = kLocalFrom; t <= kTo; t = t.addSecs(300))
        out.push_back(sampleOf(webHpa(2, 2, "100m", 6), t));
    return out;
}

std::vector<EventRecord> episodeEvents()
{
    return {rescaleEvent(QStringLiteral("up"), kUp, 6, QStringLiteral("test-metric above target")),
            rescaleEvent(QStringLiteral("down"), kDown, 2, QStringLiteral("All metrics below target"))};
}

QString identityOfTheMetric()
{
    return sampleOf(webHpa(2, 2, "100m", 6), kFrom).metrics.at(0).identity;
}

ReportData episode()
{
    return ReportGatherer::build(requestFor(prometheusHistory(identityOfTheMetric())), localSamples(), episodeEvents(), {});
}

const report::ChartLine *lineOf(const report::ChartData &c, const QString &label)
{
    for (const report::ChartLine &l : c.lines)
        if (l.label == label)
            return &l;
    return nullptr;
}

QString allText(const ReportData &d)
{
    QStringList out;
    for (const report::ReportBlock &b : report::reportBlocks(d)) {
        out << b.text;
        for (const QStringList &row : b.table.rows)
            out << row.join(QLatin1Char(' '));
    }
    return out.join(QLatin1Char('\n'));
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput()).simplified(); // the layout wraps table cells
}

} // namespace

class TestReportPrometheus : public QObject {
    Q_OBJECT

private slots:
    void prometheusFillsOnlyWhereHpascopeWasNotWatching()
    {
        const ReportData d = episode();
        QCOMPARE(d.gaps.size(), std::size_t(1));
        QCOMPARE(d.fromPrometheus.size(), std::size_t(1));
        QCOMPARE(d.fromPrometheus[0].from, kFrom);
        QCOMPARE(d.fromPrometheus[0].to, kLocalFrom);

        const auto charts = report::chartsOf(d);
        QCOMPARE(charts.size(), std::size_t(2)); // replicas, test-metric
        const report::ChartData &replicas = charts[0];
        const report::ChartLine *local = lineOf(replicas, QStringLiteral("current"));
        const report::ChartLine *prom = lineOf(replicas, QStringLiteral("current (Prometheus)"));
        QVERIFY(local && prom);
        QVERIFY(lineOf(replicas, QStringLiteral("desired (Prometheus)")));
        QVERIFY(lineOf(replicas, QStringLiteral("min–max (Prometheus)")));
        QCOMPARE(prom->style, report::ChartLine::Style::DashDot);
        QVERIFY(local->inLegend && prom->inLegend && !replicas.bandLabel.isEmpty());
        QVERIFY(prom->color != local->color);
        double highest = 0, lastX = 0;
        for (const auto &seg : prom->segments)
            for (const QPointF &p : seg) {
                QVERIFY2(p.x() <= double(ms(kLocalFrom)) + 1, "Prometheus drawn where hpascope has samples");
                QVERIFY2(p.y() != 3, "Prometheus' value over hpascope's own hour drawn");
                highest = std::max(highest, p.y());
                lastX = std::max(lastX, p.x());
            }
        QCOMPARE(highest, 6.0); // the episode
        QCOMPARE(lastX, double(ms(kLocalFrom)));
        for (const auto &seg : local->segments)
            for (const QPointF &p : seg)
                QVERIFY(p.x() >= double(ms(kLocalFrom)));
        // Tinted where Prometheus fills in; nothing left hatched.
        QCOMPARE(replicas.prometheus.size(), std::size_t(1));
        QVERIFY(replicas.gaps.empty());
        QVERIFY(lineOf(charts[1], QStringLiteral("current (Prometheus)")));
        QVERIFY(lineOf(charts[1], QStringLiteral("target (Prometheus)")));

        // Decisions from the events, their size before from Prometheus' desired replicas.
        QCOMPARE(d.decisions.size(), std::size_t(2));
        QCOMPARE(d.decisions[0].from, std::optional<int>(2));
        QCOMPARE(d.decisions[1].from, std::optional<int>(6));
        QCOMPARE(d.summary.scaleUps, 1);
        QCOMPARE(d.summary.scaleDowns, 1);
        // At maxReplicas while current was 6 (45 s after each event): 30 min, all Prometheus'.
        QCOMPARE(d.summary.prometheusMs, qint64(2 * 3600'000));
        QCOMPARE(d.summary.atMaxMs, qint64(30 * 60'000));
        QCOMPARE(d.summary.prometheusRises, 1);
        QCOMPARE(d.summary.prometheusFalls, 1);

        const QString text = allText(d);
        for (const QString &want : {QStringLiteral("From Prometheus (%1) where hpascope was not watching: 2 h 00 min").arg(kWhere),
                                    QStringLiteral("include Prometheus' part"),
                                    QStringLiteral("Tinted: from Prometheus (%1)").arg(kWhere),
                                    QStringLiteral("of the time recorded by hpascope or Prometheus")})
            QVERIFY2(text.contains(want), qPrintable(want + QStringLiteral(" not in:\n") + text.left(4000)));
    }

    void withoutPrometheusNothingChanges()
    {
        const ReportData d = ReportGatherer::build(requestFor(std::nullopt), localSamples(), episodeEvents(), {});
        QVERIFY(d.fromPrometheus.empty());
        const auto charts = report::chartsOf(d);
        for (const report::ChartLine &l : charts[0].lines)
            QVERIFY2(!l.label.contains(QLatin1String("Prometheus")), qPrintable(l.label));
        QCOMPARE(charts[0].gaps.size(), std::size_t(1));
        QVERIFY(!allText(d).contains(QLatin1String("Prometheus")));
        QCOMPARE(d.decisions[0].from, std::nullopt); // nothing tells the size before
    }

    void aRangeHpascopeNeverRecordedStillMakesAReport()
    {
        QTemporaryDir tmp;
        Recorder recorder;
        QString error;
        QVERIFY2(recorder.open(tmp.filePath(QStringLiteral("history.db")), &error), qPrintable(error));
        recorder.setContext(QStringLiteral("test"));
        QVERIFY(!ReportGatherer::gather(recorder, requestFor(std::nullopt), &error));
        QVERIFY2(error.contains(QLatin1String("has not recorded")), qPrintable(error));

        error.clear();
        const auto d = ReportGatherer::gather(recorder, requestFor(prometheusHistory(identityOfTheMetric())), &error);
        QVERIFY2(d, qPrintable(error));
        QVERIFY(d->samples.empty());
        QCOMPARE(d->fromPrometheus.size(), std::size_t(1));
        QCOMPARE(d->fromPrometheus[0].to, kTo);
        QCOMPARE(d->tracks.size(), std::size_t(1)); // the metric, from Prometheus alone
        QCOMPARE(d->summary.currentReplicas, 3);    // as Prometheus last had it
        QCOMPARE(d->summary.maxReplicas, 6);
        const auto charts = report::chartsOf(*d);
        QVERIFY(lineOf(charts[0], QStringLiteral("current (Prometheus)")));
        QVERIFY(charts[0].gaps.empty());
        // hpascope's own lines are empty: the legends name Prometheus' only.
        QVERIFY(!lineOf(charts[0], QStringLiteral("current"))->inLegend);
        QVERIFY(charts[0].bandLabel.isEmpty());
        QVERIFY(!lineOf(charts[1], QStringLiteral("target"))->inLegend);

        const QString pdf = kOut + QStringLiteral("/report_prometheus_only.pdf");
        QCOMPARE(report::ReportWriter::write(*d, pdf), QString());
        QVERIFY2(pdfText(pdf).contains(QLatin1String("where hpascope was not watching: 3 h 00 min")), qPrintable(pdfText(pdf).left(3000)));
    }

    void aFailedReadIsSaidAndTheReportWritten()
    {
        PrometheusRange failed;
        failed.where = kWhere;
        failed.error = QStringLiteral("Prometheus is unreachable: no ready endpoint");
        const ReportData d = ReportGatherer::build(requestFor(failed), localSamples(), episodeEvents(), {});
        QVERIFY(d.fromPrometheus.empty());
        const QString text = allText(d);
        QVERIFY2(text.contains(QStringLiteral("Not read from Prometheus (%1): Prometheus is unreachable").arg(kWhere)), qPrintable(text.left(3000)));
        QTemporaryDir tmp;
        const QString pdf = tmp.filePath(QStringLiteral("failed.pdf"));
        QCOMPARE(report::ReportWriter::write(d, pdf), QString());
        QVERIFY(pdfText(pdf).contains(QLatin1String("Not read from Prometheus")));
    }

    void pdfAndPngForAPersonToLookAt()
    {
        const ReportData d = episode();
        const QString pdf = kOut + QStringLiteral("/report_prometheus.pdf");
        const QString png = kOut + QStringLiteral("/report_prometheus.png");
        QCOMPARE(report::ReportWriter::write(d, pdf), QString());
        QCOMPARE(report::ReportWriter::write(d, png), QString());
        QCOMPARE(report::ReportWriter::write(d, kOut + QStringLiteral("/report_prometheus.html")), QString());
        const QString body = pdfText(pdf);
        for (const QString &want : {QStringLiteral("From Prometheus"), QStringLiteral("current (Prometheus)"),
                                    QStringLiteral("from Prometheus")})
            QVERIFY2(body.contains(want), qPrintable(want + QStringLiteral(" not in the PDF:\n") + body.left(3000)));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(QProcess::execute(QStringLiteral("pdftoppm"),
                                   {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-f"),
                                    QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("2"), pdf,
                                    kOut + QStringLiteral("/report_prometheus_pdf")}),
                 0);
        QVERIFY(QFile::exists(kOut + QStringLiteral("/report_prometheus_pdf-1.png")));
    }
};

QTEST_MAIN(TestReportPrometheus)
#include "test_report_prometheus.moc"
