// Time to make a 24 h report of one HPA recorded at one sample a second (86,400 samples, one
// metric, a rescale whenever the replicas move): reading it from the recorder and building the
// report's figures, then rendering PDF, HTML and PNG. Medians of 3 runs. Beside the M4 charts
// (2000 columns, what reports use) the same PDF with charts at the most columns M4 allows
// (16384), for the cost of the decimation's resolution.
//   QT_QPA_PLATFORM=offscreen <build>/tests/bench/bench_report [--runs N] [--keep DIR] [--only STEPS]
// --keep writes the reports to DIR (to look at them); --only runs some steps alone, for a
// profiler: a comma-separated subset of pdf,html,png,fine,old (the recorder's read and gather
// always run; old: the PDF and PNG made the first way, tests/bench/report_baseline.h).
// The last lines, for scripts, are the medians of gather + render (history to file): the PNG's,
// the first way's, and last `report_24h_pdf_ms <value>`.
#include "app/core/m4.h"
#include "app/core/recorder.h"
#include "app/core/report/report_data.h"
#include "app/core/report/report_render.h"
#include "tests/bench/report_baseline.h"
#include "tests/support/report_fixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>

using namespace hpascope;

namespace {

constexpr int kSeconds = 24 * 3600;

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall time, and the process's CPU time (all threads: the recorder reads on its own) beside it,
// steadier than the wall on a busy machine.
struct Time {
    double wall = 0;
    double cpu = 0;
};

template <typename F>
Time timeMs(F &&f)
{
    QElapsedTimer t;
    const double cpu = cpuMs();
    t.start();
    f();
    return {double(t.nsecsElapsed()) / 1e6, cpuMs() - cpu};
}

void record(Recorder &recorder, const QDateTime &start)
{
    const test::SwingRun day = test::swingingMetric(start, kSeconds);
    for (const HpaSample &s : day.samples)
        recorder.recordSample(s);
    recorder.recordEvents(QList<EventRecord>(day.events.begin(), day.events.end()));
    recorder.flush();
    std::printf("recorded %lld samples, %lld rescale events\n", qlonglong(day.samples.size()), qlonglong(day.events.size()));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int runs = 3;
    QString keep;
    QStringList only{QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("png"), QStringLiteral("fine"),
                     QStringLiteral("old")};
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--keep"))
            keep = args[i + 1];
        else if (args[i] == QLatin1String("--only"))
            only = args[i + 1].split(QLatin1Char(','));
    }
    QTemporaryDir tmp;
    const QDir dir(keep.isEmpty() ? tmp.path() : keep);
    Recorder recorder;
    const QString history = dir.filePath(QStringLiteral("history.sqlite"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(history + QLatin1String(suffix)); // a fresh day, not added to the last run's
    if (!recorder.open(history))
        return 1;
    recorder.setContext(QStringLiteral("bench"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime start = now.addSecs(-kSeconds);
    std::printf("recording: %.0f ms\n", timeMs([&] { record(recorder, start); }).wall);

    ReportRequest request;
    request.context = QStringLiteral("bench");
    request.namespaceName = QStringLiteral("default");
    request.name = QStringLiteral("web");
    request.from = start;
    request.to = now;
    request.now = now;
    request.version = QStringLiteral("bench");
    request.hpa = test::webHpa(3, 3, "300m", 10);

    std::map<QString, std::vector<Time>> ms; // step: one time per run
    report::RenderOptions fine;
    fine.chartColumns = m4::kMaxColumns;
    for (int run = 0; run < runs; ++run) {
        // The samples alone, for the share of gather the recorder's read is.
        ms["read"].push_back(timeMs([&] {
            recorder.loadSamples(request.namespaceName, request.name,
                                 request.from.addSecs(-ReportGatherer::kCarryInLookbackSecs), request.to);
        }));
        std::optional<ReportData> data;
        QString error;
        ms["gather"].push_back(timeMs([&] { data = ReportGatherer::gather(recorder, request, &error); }));
        if (!data) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const auto step = [&](const char *name, const char *file, const report::RenderOptions &options = {}) {
            if (!only.contains(QLatin1String(name)))
                return;
            ms[name].push_back(timeMs([&] {
                const QString why = report::ReportWriter::write(*data, dir.filePath(QLatin1String(file)), options);
                if (!why.isEmpty())
                    std::fprintf(stderr, "%s\n", qPrintable(why));
            }));
        };
        step("pdf", "r.pdf");
        step("html", "r.html");
        step("png", "r.png");
        if (only.contains(QLatin1String("png"))) // its share that is painting, not encoding
            ms["png-paint"].push_back(timeMs([&] { report::renderPng(*data, {}); }));
        step("fine", "fine.pdf", fine);
        // The first way, for comparison: Qt's rich text lays out and pages the whole report.
        if (only.contains(QLatin1String("old"))) {
            ms["old-pdf"].push_back(timeMs([&] {
                QString why;
                if (!report::baseline::renderPdf(*data, dir.filePath(QStringLiteral("old.pdf")), {}, &why))
                    std::fprintf(stderr, "%s\n", qPrintable(why));
            }));
            ms["old-png"].push_back(timeMs([&] {
                report::baseline::renderPng(*data, {}).save(dir.filePath(QStringLiteral("old.png")), "PNG");
            }));
        }
        if (run == 0)
            std::printf("report: %lld samples, %lld decisions, %lld events\n", qlonglong(data->samples.size()),
                        qlonglong(data->decisions.size()), qlonglong(data->events.size()));
    }
    const auto m = [&](const char *name, double Time::*field = &Time::wall) {
        std::vector<double> v;
        for (const Time &t : ms[name])
            v.push_back(t.*field);
        return median(v);
    };
    const auto row = [&](const char *label, const char *name, const char *note = "") {
        if (!ms[name].empty())
            std::printf("  %-34s %8.1f %8.1f%s\n", label, m(name), m(name, &Time::cpu), note);
    };
    std::printf("medians of %d runs (ms):                  wall      cpu\n", runs);
    row("gather (recorder read + figures)", "gather");
    row("  of which the samples' read", "read");
    const QByteArray coarse = QStringLiteral("pdf, charts at %1 columns").arg(report::kChartColumns).toUtf8();
    row(coarse.constData(), "pdf");
    const QByteArray fineLabel = QStringLiteral("pdf, charts at %1 columns").arg(m4::kMaxColumns).toUtf8();
    const QByteArray ratio = m("pdf") > 0 ? QStringLiteral("  (%1x the %2-column pdf)")
                                                .arg(m("fine") / m("pdf"), 0, 'f', 2)
                                                .arg(report::kChartColumns)
                                                .toUtf8()
                                          : QByteArray();
    row(fineLabel.constData(), "fine", ratio.constData());
    row("html (inline svg)", "html");
    row("png (300 dpi)", "png");
    row("  of which painting", "png-paint");
    // Its PNG is QImageWriter's, its charts today's (their long lines in pieces).
    row("the first way (QTextDocument): pdf", "old-pdf");
    row("the first way (QTextDocument): png", "old-png");
    // History to file (gather + render), for scripts (tests/bench/cluster/run); the PDF's last.
    const auto total = [&](const char *step) {
        std::vector<double> v;
        for (std::size_t i = 0; i < ms[step].size(); ++i)
            v.push_back(ms["gather"][i].wall + ms[step][i].wall);
        return median(v);
    };
    if (!ms["old-pdf"].empty()) {
        std::printf("report_24h_pdf_first_way_ms %.1f\n", total("old-pdf"));
        std::printf("report_24h_png_first_way_ms %.1f\n", total("old-png"));
    }
    if (!ms["png"].empty())
        std::printf("report_24h_png_ms %.1f\n", total("png"));
    if (!ms["pdf"].empty())
        std::printf("report_24h_pdf_ms %.1f\n", total("pdf"));
    return 0;
}
