// Time to make a 24 h report of one HPA recorded at one sample a second (86,400 samples, one
// metric, a rescale whenever the replicas move): reading it from the recorder and building the
// report's figures, then rendering PDF, HTML and PNG. Medians of 3 runs. Beside the M4 charts
// (2000 columns, what reports use) the same PDF with charts at the most columns M4 allows
// (16384), for the cost of the decimation's resolution.
//   QT_QPA_PLATFORM=offscreen <build>/tests/bench/bench_report
// The last line, `report_24h_pdf_ms <value>`, is gather + PDF (history to file), for scripts.
#include "app/core/m4.h"
#include "app/core/recorder.h"
#include "app/core/report/report_data.h"
#include "app/core/report/report_render.h"
#include "tests/support/report_fixture.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace hpascope;

namespace {

constexpr int kRuns = 3;
constexpr int kSeconds = 24 * 3600;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <typename F>
double timeMs(F &&f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

// A day of a metric swinging 100m..500m every 30 min around its 300m target; replicas follow.
void record(Recorder &recorder, const QDateTime &start)
{
    HpaSample base = sampleOf(test::webHpa(1, 1, "100m", 10), start);
    int replicas = 1;
    QList<EventRecord> events;
    for (int s = 0; s < kSeconds; ++s) {
        const double value = 0.3 + 0.2 * std::sin(2 * M_PI * s / 1800.0);
        const int desired = std::clamp(int(std::ceil(value / 0.3 * 3)), 1, 10);
        HpaSample x = base;
        x.time = start.addSecs(s);
        x.metrics[0].current = value;
        x.metrics[0].currentText = QStringLiteral("%1m").arg(int(value * 1000));
        x.currentReplicas = replicas;
        x.desiredReplicas = desired;
        if (desired != replicas)
            events << test::rescaleEvent(QStringLiteral("e%1").arg(s), x.time, desired,
                                         desired > replicas ? QStringLiteral("test-metric above target")
                                                            : QStringLiteral("All metrics below target"));
        recorder.recordSample(x);
        replicas = desired;
    }
    recorder.recordEvents(events);
    recorder.flush();
    std::printf("recorded %d samples, %lld rescale events\n", kSeconds, qlonglong(events.size()));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    Recorder recorder;
    if (!recorder.open(dir.filePath(QStringLiteral("history.sqlite"))))
        return 1;
    recorder.setContext(QStringLiteral("bench"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime start = now.addSecs(-kSeconds);
    std::printf("recording: %.0f ms\n", timeMs([&] { record(recorder, start); }));

    ReportRequest request;
    request.context = QStringLiteral("bench");
    request.namespaceName = QStringLiteral("default");
    request.name = QStringLiteral("web");
    request.from = start;
    request.to = now;
    request.now = now;
    request.version = QStringLiteral("bench");
    request.hpa = test::webHpa(3, 3, "300m", 10);

    std::vector<double> gather, pdf, html, png, pdfFine;
    report::RenderOptions fine;
    fine.chartColumns = m4::kMaxColumns;
    for (int run = 0; run < kRuns; ++run) {
        std::optional<ReportData> data;
        QString error;
        gather.push_back(timeMs([&] { data = ReportGatherer::gather(recorder, request, &error); }));
        if (!data) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const auto write = [&](const char *name, const report::RenderOptions &options = {}) {
            const QString why = report::ReportWriter::write(*data, dir.filePath(QString::fromLatin1(name)), options);
            if (!why.isEmpty())
                std::fprintf(stderr, "%s\n", qPrintable(why));
        };
        pdf.push_back(timeMs([&] { write("r.pdf"); }));
        html.push_back(timeMs([&] { write("r.html"); }));
        png.push_back(timeMs([&] { write("r.png"); }));
        pdfFine.push_back(timeMs([&] { write("fine.pdf", fine); }));
        if (run == 0)
            std::printf("report: %lld samples, %lld decisions, %lld events\n", qlonglong(data->samples.size()),
                        qlonglong(data->decisions.size()), qlonglong(data->events.size()));
    }
    std::vector<double> total;
    for (int i = 0; i < kRuns; ++i)
        total.push_back(gather[std::size_t(i)] + pdf[std::size_t(i)]);
    std::printf("medians of %d runs (ms):\n", kRuns);
    std::printf("  gather (recorder read + figures)  %8.1f\n", median(gather));
    std::printf("  pdf, charts at %5d columns       %8.1f\n", report::kChartColumns, median(pdf));
    std::printf("  pdf, charts at %5d columns       %8.1f  (%.2fx the %d-column pdf)\n", m4::kMaxColumns,
                median(pdfFine), median(pdfFine) / median(pdf), report::kChartColumns);
    std::printf("  html (inline svg)                 %8.1f\n", median(html));
    std::printf("  png (300 dpi)                     %8.1f\n", median(png));
    std::printf("report_24h_pdf_ms %.1f\n", median(total));
    return 0;
}
