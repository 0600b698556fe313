// How much the M4 view saves a chart: 1 M raw points shown at 1000 px, decimated with
// SeriesStore::view() versus handed to QLineSeries::replace() whole. Each path ends with one
// render of the chart into a QImage, as a repaint would. Prints plain numbers (ms).
#include "app/core/series_store.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QImage>
#include <QLineSeries>
#include <QRandomGenerator>
#include <QValueAxis>

#include <algorithm>
#include <cstdio>

using namespace hpascope;

namespace {

constexpr int kRuns = 5; // median of five: steady enough on a shared 2-core machine

struct Timing {
    double build = 0, replace = 0, render = 0;
    double total() const { return build + replace + render; }
};

// Pixels of the series colour: both paths must draw the same line (proof that both rendered).
qsizetype ink(const QImage &image)
{
    qsizetype n = 0;
    const QColor line = QColor(0x20, 0x9f, 0xdf); // QtCharts' default light theme, first series
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y) == line;
    return n;
}

double msSince(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// One chart sized so its plot area is about `columns` px wide, drawn once into an image.
struct Chart {
    QChartView view{new QChart};
    QLineSeries *series = new QLineSeries;
    explicit Chart(int columns, double t0, double t1, double lo, double hi)
    {
        QChart *chart = view.chart();
        chart->legend()->hide();
        chart->addSeries(series);
        auto *x = new QValueAxis, *y = new QValueAxis;
        x->setRange(t0, t1);
        y->setRange(lo, hi);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        // Lay the chart out as a live one would be, then widen it so the plot area is exactly
        // `columns` px (the axis labels take the rest).
        view.resize(columns + 120, 500);
        view.grab();
        view.resize(view.width() + columns - qRound(chart->plotArea().width()), 500);
        view.grab();
    }
    // grab() sends the pending resize first, so the chart is laid out at the view's size.
    QImage render() { return view.grab().toImage(); }
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // figures, not windows
    QApplication app(argc, argv);
    const qsizetype n = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    const int columns = argc > 2 ? QByteArray(argv[2]).toInt() : 1000;

    SeriesStore store;
    store.setRetention(SeriesStore::kDefaultMaxAgeMs, n);
    const QString key = QStringLiteral("bench");
    store.setInterpolation(key, Interpolation::Linear);
    const qint64 t0 = 1'800'000'000'000, step = 50; // 1 M points at 20 Hz = 13.9 h
    QRandomGenerator rng(1);
    double v = 0;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < n; ++i) {
        v += rng.generateDouble() - 0.5;
        store.append(key, t0 + i * step, v);
    }
    const double appendMs = msSince(timer);
    const qint64 t1 = t0 + n * step;
    const SeriesView full = store.view(key, t0, t1, columns);
    const double lo = full.minY, hi = full.maxY;

    QList<double> m4Build, m4Replace, m4Render, naiveBuild, naiveReplace, naiveRender;
    qsizetype m4Points = 0, m4Ink = 0, naiveInk = 0;
    double plotWidth = 0;
    for (int run = 0; run < kRuns; ++run) {
        Chart chart(columns, double(t0), double(t1), lo, hi);
        timer.restart();
        const SeriesView view = store.view(key, t0, t1, columns);
        m4Build << msSince(timer);
        m4Points = view.pointCount();
        timer.restart();
        chart.series->replace(view.segments.value(0));
        m4Replace << msSince(timer);
        timer.restart();
        const QImage image = chart.render();
        m4Render << msSince(timer);
        plotWidth = chart.view.chart()->plotArea().width();
        m4Ink = ink(image);
    }
    for (int run = 0; run < kRuns; ++run) {
        Chart chart(columns, double(t0), double(t1), lo, hi);
        timer.restart();
        QList<QPointF> all;
        all.reserve(n);
        for (const TimedValue &p : store.raw(key))
            all.append(QPointF(double(p.t), p.v));
        naiveBuild << msSince(timer);
        timer.restart();
        chart.series->replace(all);
        naiveReplace << msSince(timer);
        timer.restart();
        const QImage image = chart.render();
        naiveRender << msSince(timer);
        naiveInk = ink(image);
    }

    const Timing m4{median(m4Build), median(m4Replace), median(m4Render)};
    const Timing naive{median(naiveBuild), median(naiveReplace), median(naiveRender)};
    std::printf("points %lld\ncolumns %d\nruns %d (medians)\n", qlonglong(n), columns, kRuns);
    std::printf("append_ns_per_point %.1f\n", appendMs * 1e6 / double(n));
    std::printf("plot_width_px %.0f\n", plotWidth);
    std::printf("m4_points %lld\n", qlonglong(m4Points));
    std::printf("line_pixels_m4 %lld\nline_pixels_naive %lld\n", qlonglong(m4Ink), qlonglong(naiveInk));
    std::printf("m4_view_ms %.3f\nm4_replace_ms %.3f\nm4_render_ms %.3f\nm4_total_ms %.3f\n",
                m4.build, m4.replace, m4.render, m4.total());
    std::printf("naive_points_ms %.3f\nnaive_replace_ms %.3f\nnaive_render_ms %.3f\n"
                "naive_total_ms %.3f\n",
                naive.build, naive.replace, naive.render, naive.total());
    std::printf("ratio_naive_over_m4 %.1f\n", naive.total() / m4.total());
    return 0;
}
