// TimelineChart / TimelinePanel offscreen: what the series hold after a render (M4-bounded, equal
// to the store's view, split at gaps), when they re-render, and a PNG of the result to look at.
#include "app/core/series_store.h"
#include "widgets/timeline_chart.h"
#include "widgets/timeline_panel.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QDir>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace hpascope;

namespace {

const QString kHpa = QStringLiteral("default/web");
const QString kCpu = QStringLiteral("resource/cpu/utilization");
constexpr qint64 kStart = 1'800'000'000'000; // fixed epoch ms
constexpr qint64 kMinute = 60'000;

QString rep(const char *field) { return series_keys::replicas(kHpa, QString::fromLatin1(field)); }
QString cpu(const char *field)
{
    return series_keys::metric(kHpa, kCpu, QString::fromLatin1(field));
}

// 15 minutes of an HPA reacting to a load bump, with a one-minute connection loss at 9..10 min.
void fillDemo(SeriesStore &store, qint64 *clock)
{
    store.setInterpolation(cpu("current"), Interpolation::Linear);
    const int replicasAt[] = {2, 2, 3, 5, 8, 8, 8, 6, 6, 6, 4, 4, 3, 3, 3, 3};
    QRandomGenerator rng(42);
    for (qint64 s = 0; s <= 15 * 60; s += 5) {
        const qint64 t = kStart + s * 1000;
        if (s >= 9 * 60 && s < 10 * 60) {
            if (s == 9 * 60)
                store.markGapAll(t);
            continue;
        }
        const int minute = int(s / 60);
        const int desired = replicasAt[std::min(minute + 1, 15)];
        const int current = replicasAt[minute];
        store.append(rep("min"), t, 2);
        store.append(rep("max"), t, 10);
        store.append(rep("desired"), t, desired);
        store.append(rep("current"), t, current);
        const double load = 30 + 90 * std::exp(-std::pow((s - 240.0) / 150.0, 2));
        store.append(cpu("current"), t, load * 4 / current + rng.bounded(8.0));
        store.append(cpu("target"), t, 60);
        if (s % 60 == 0 && minute > 0 && replicasAt[minute] != replicasAt[minute - 1]) {
            const int from = replicasAt[minute - 1], to = replicasAt[minute];
            store.addAnnotation(kHpa, {t, QStringLiteral("%1→%2").arg(from).arg(to),
                                       to > from ? Annotation::Kind::ScaleUp : Annotation::Kind::ScaleDown});
        }
    }
    *clock = kStart + 15 * kMinute;
}

} // namespace

class TestTimelineChart : public QObject {
    Q_OBJECT
private:
    qint64 m_now = kStart;
    void useClock(SeriesStore &store)
    {
        store.setClock([this] { return m_now; });
    }
    // The demo data in a panel with the replica chart and one metric chart, shown.
    void showDemo(TimelinePanel &panel, SeriesStore &store)
    {
        useClock(store);
        fillDemo(store, &m_now);
        panel.resize(900, 760);
        panel.setHpa(kHpa, {{kCpu, QStringLiteral("cpu utilization (%)")}});
        panel.show();
    }

private slots:
    void pointsBoundedAndEqualToView()
    {
        SeriesStore store;
        useClock(store);
        store.setInterpolation(rep("current"), Interpolation::Linear);
        QRandomGenerator rng(7);
        for (int i = 0; i < 200'000; ++i) // one sample every 18 ms for an hour
            store.append(rep("current"), kStart + i * 18, rng.bounded(100));
        m_now = kStart + 60 * kMinute;
        std::unique_ptr<TimelineChart> chart(TimelineChart::makeReplicaChart(&store, kHpa));
        chart->resize(800, 400);
        chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(chart.get()));
        QVERIFY(chart->render(kStart, m_now));
        const int columns = chart->columns();
        QCOMPARE(columns, qRound(chart->chart()->plotArea().width()));
        QVERIFY(columns > 500 && columns <= 800);
        const auto segs = chart->segmentsOf(QStringLiteral("current"));
        QCOMPARE(segs.size(), 1);
        QVERIFY2(segs[0]->count() <= 4 * columns + 2, qPrintable(QString::number(segs[0]->count())));
        QVERIFY(segs[0]->count() > 2 * columns); // random data: most columns need min and max
        QCOMPARE(segs[0]->points(), store.view(rep("current"), kStart, m_now, columns).segments[0]);
    }

    void gapYieldsSeparateSegments()
    {
        SeriesStore store;
        useClock(store);
        fillDemo(store, &m_now);
        std::unique_ptr<TimelineChart> chart(TimelineChart::makeReplicaChart(&store, kHpa));
        chart->resize(700, 350);
        QVERIFY(chart->render(kStart, m_now));
        for (const char *role : {"current", "desired"}) {
            const auto segs = chart->segmentsOf(QString::fromLatin1(role));
            QCOMPARE(segs.size(), 2);
            // The first segment holds its value up to the gap, the second starts after it.
            QCOMPARE(segs[0]->points().last().x(), double(kStart + 9 * kMinute));
            QCOMPARE(segs[1]->points().first().x(), double(kStart + 10 * kMinute));
        }
        QCOMPARE(chart->bandSegments().size(), 2);
        // Reconnected for good: the pooled second series empties, the first holds everything.
        store.clear();
        store.append(rep("current"), kStart, 3);
        QVERIFY(chart->render(kStart, m_now));
        QCOMPARE(chart->segmentsOf(QStringLiteral("current")).size(), 1);
        QCOMPARE(chart->bandSegments().size(), 0);
    }

    void rendersOnlyWhenSomethingChanged()
    {
        SeriesStore store;
        useClock(store);
        fillDemo(store, &m_now);
        std::unique_ptr<TimelineChart> chart(TimelineChart::makeReplicaChart(&store, kHpa));
        chart->resize(700, 350);
        QVERIFY(chart->render(kStart, m_now));
        QVERIFY(!chart->render(kStart, m_now));
        store.append(rep("current"), m_now, 9);
        QVERIFY(chart->render(kStart, m_now));
        QVERIFY(chart->render(kStart + 1000, m_now + 1000)); // window moved
        QCOMPARE(chart->renderCount(), 3);
    }

    void panelWindowAndPause()
    {
        SeriesStore store;
        useClock(store);
        fillDemo(store, &m_now);
        TimelinePanel panel(&store);
        panel.resize(900, 700);
        panel.setHpa(kHpa, {{kCpu, QStringLiteral("cpu utilization (%)")}});
        QCOMPARE(panel.metricCharts().size(), 1);
        TimelineChart *replicas = panel.replicaChart();
        QCOMPARE(replicas->window().second - replicas->window().first, 15 * kMinute);
        QVERIFY(replicas->window().second >= m_now);

        const int before = replicas->renderCount();
        panel.setWindowMs(5 * kMinute);
        QCOMPARE(replicas->window().second - replicas->window().first, 5 * kMinute);
        QCOMPARE(replicas->renderCount(), before + 1);
        QCOMPARE(replicas->timeAxis()->format(), QStringLiteral("HH:mm:ss"));
        panel.setWindowMs(6 * 60 * kMinute);
        QCOMPARE(replicas->timeAxis()->format(), QStringLiteral("HH:mm"));

        panel.setFollowing(false);
        const auto paused = panel.window();
        m_now += 10 * kMinute;
        store.append(rep("current"), m_now, 7);
        panel.tick();
        QCOMPARE(panel.window(), paused);
        panel.setFollowing(true);
        QVERIFY(panel.window().second >= m_now);
    }

    void timerRepaintsAfterStoreChange()
    {
        SeriesStore store;
        useClock(store);
        fillDemo(store, &m_now);
        TimelinePanel panel(&store);
        panel.resize(900, 700);
        panel.setHpa(kHpa, {});
        const int before = panel.replicaChart()->renderCount();
        store.append(rep("current"), m_now, 9);
        // No tick() call: the panel's own timer must pick the change up.
        QTRY_VERIFY_WITH_TIMEOUT(panel.replicaChart()->renderCount() > before,
                                 10 * TimelinePanel::kRepaintIntervalMs);
    }

    // Idle, the panel's 250 ms tick re-renders nothing: not for another HPA's samples, not for
    // time that moved the window less than a pixel; a sample of its own, or a pixel of time, does.
    void idleTickRendersOnlyWhatChanged()
    {
        SeriesStore store;
        TimelinePanel panel(&store);
        showDemo(panel, store);
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE_WITH_TIMEOUT(panel.tick(), 0, 5000); // laid out and settled
        QCOMPARE(panel.tick(), 0);

        const QString other = QStringLiteral("default/api");
        store.append(series_keys::replicas(other, QStringLiteral("current")), m_now, 4);
        store.addAnnotation(other, {m_now, QStringLiteral("3→4"), Annotation::Kind::ScaleUp});
        QCOMPARE(panel.tick(), 0);

        store.append(rep("current"), m_now, 9);
        QCOMPARE(panel.tick(), 1); // the replica chart, not the metric chart
        store.append(cpu("current"), m_now, 70);
        QCOMPARE(panel.tick(), 1);
        QCOMPARE(panel.tick(), 0);

        // The clock advancing a quarter pixel per tick: about one render per pixel, not per tick.
        const int columns = panel.replicaChart()->columns();
        QVERIFY(columns > 100);
        const qint64 pixelMs = panel.windowMs() / columns;
        constexpr int kTicks = 40, kPixels = kTicks / 4;
        TimelineChart *metric = panel.metricCharts().first();
        const int replicasBefore = panel.replicaChart()->renderCount(), metricBefore = metric->renderCount();
        int ticksRendering = 0;
        for (int i = 0; i < kTicks; ++i) {
            m_now += pixelMs / 4;
            ticksRendering += panel.tick() > 0;
        }
        const int renders = panel.replicaChart()->renderCount() - replicasBefore;
        QVERIFY2(renders >= kPixels - 1 && renders <= kPixels + 1,
                 qPrintable(QStringLiteral("%1 renders in %2 ticks over %3 px").arg(renders).arg(kTicks).arg(kPixels)));
        QCOMPARE(metric->renderCount() - metricBefore, renders); // one time axis for both
        QCOMPARE(ticksRendering, renders);
    }

    void predictionIsDashed()
    {
        SeriesStore store;
        useClock(store);
        fillDemo(store, &m_now);
        std::unique_ptr<TimelineChart> chart(TimelineChart::makeReplicaChart(&store, kHpa));
        const QList<QPointF> what{{double(m_now), 3}, {double(m_now + kMinute), 5}};
        chart->setPrediction(rep("current"), what);
        QVERIFY(chart->render(kStart, m_now + 2 * kMinute));
        QLineSeries *p = chart->predictionOf(rep("current"));
        QVERIFY(p);
        QCOMPARE(p->points(), what);
        QCOMPARE(p->pen().style(), Qt::DashLine);
        chart->clearPrediction(rep("current"));
        QVERIFY(!chart->predictionOf(rep("current")));
    }

    void scaleEventMarkersInWindow()
    {
        SeriesStore store;
        useClock(store);
        fillDemo(store, &m_now);
        std::unique_ptr<TimelineChart> chart(TimelineChart::makeReplicaChart(&store, kHpa));
        chart->resize(700, 350);
        QVERIFY(chart->render(kStart, m_now));
        const auto all = store.annotations(kHpa, kStart, m_now);
        QVERIFY(all.size() >= 4);
        QCOMPARE(chart->markerTimes().size(), all.size());
        chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(chart.get()));
        QTRY_COMPARE(chart->markerItemCount(), 2 * int(all.size())); // a line and a label each
        QVERIFY(chart->render(kStart + 5 * kMinute, m_now));
        QCOMPARE(chart->markerTimes().size(), store.annotations(kHpa, kStart + 5 * kMinute, m_now).size());
        QVERIFY(chart->markerTimes().size() < all.size());
    }

    void prometheusHistoryGivesWayToOwnSamples()
    {
        SeriesStore store;
        useClock(store);
        m_now = kStart + 60 * kMinute;
        // Prometheus: 2 replicas for the first 30 minutes, 5 after, up to now.
        std::vector<TimedValue> prom;
        for (qint64 t = kStart; t <= m_now; t += 15'000)
            prom.push_back({t, t < kStart + 30 * kMinute ? 2.0 : 5.0});
        prom.push_back({m_now + 15'000, std::nan("")});
        store.setSeries(series_keys::fromPrometheus(rep("current")), prom);
        // hpascope watched from minute 40 on.
        store.append(rep("current"), kStart + 40 * kMinute, 5);
        // min..max: 1..6 from Prometheus throughout, 1..8 in hpascope's own samples.
        std::vector<TimedValue> promMin, promMax;
        for (const TimedValue &p : prom) {
            promMin.push_back({p.t, std::isnan(p.v) ? p.v : 1.0});
            promMax.push_back({p.t, std::isnan(p.v) ? p.v : 6.0});
        }
        store.setSeries(series_keys::fromPrometheus(rep("min")), promMin);
        store.setSeries(series_keys::fromPrometheus(rep("max")), promMax);
        store.append(rep("min"), kStart + 40 * kMinute, 1);
        store.append(rep("max"), kStart + 40 * kMinute, 8);
        std::unique_ptr<TimelineChart> chart(TimelineChart::makeReplicaChart(&store, kHpa));
        chart->resize(800, 400);
        chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(chart.get()));
        QVERIFY(chart->render(kStart, m_now));
        const auto own = chart->segmentsOf(QStringLiteral("current"));
        const auto fromProm = chart->segmentsOf(QStringLiteral("current.prometheus"));
        QCOMPARE(own.size(), 1);
        QCOMPARE(own[0]->points().first().x(), double(kStart + 40 * kMinute));
        QCOMPARE(fromProm.size(), 1);
        // Prometheus' line stops where hpascope's own begins, with the step from 2 to 5 in it.
        QCOMPARE(fromProm[0]->points().first().x(), double(kStart));
        QCOMPARE(fromProm[0]->points().last().x(), double(kStart + 40 * kMinute));
        bool two = false, five = false;
        for (const QPointF &p : fromProm[0]->points()) {
            two = two || p.y() == 2;
            five = five || p.y() == 5;
        }
        QVERIFY(two && five);
        // Lighter and dash-dotted, and in the legend only while it draws something.
        QCOMPARE(fromProm[0]->pen().style(), Qt::DashDotLine);
        const auto markers = chart->chart()->legend()->markers(fromProm[0]);
        QCOMPARE(markers.size(), 1);
        QVERIFY(markers[0]->isVisible());
        QCOMPARE(fromProm[0]->name(), QStringLiteral("current (Prometheus)"));
        // The band too: Prometheus' 1..6 up to minute 40, the own 1..8 from there.
        const auto band = chart->bandSegments();
        const auto promBand = chart->prometheusBandSegments();
        QCOMPARE(band.size(), 1);
        QCOMPARE(promBand.size(), 1);
        QCOMPARE(band[0]->upperSeries()->points().first().x(), double(kStart + 40 * kMinute));
        QCOMPARE(band[0]->upperSeries()->points().first().y(), 8.0);
        QCOMPARE(promBand[0]->upperSeries()->points().first().x(), double(kStart));
        QCOMPARE(promBand[0]->upperSeries()->points().last().x(), double(kStart + 40 * kMinute));
        QCOMPARE(promBand[0]->lowerSeries()->points().last().x(), double(kStart + 40 * kMinute));
        QCOMPARE(promBand[0]->upperSeries()->points().first().y(), 6.0);
        QCOMPARE(promBand[0]->pen().style(), Qt::DashDotLine);
        QCOMPARE(promBand[0]->name(), QStringLiteral("min–max (Prometheus)"));
        QVERIFY(chart->chart()->legend()->markers(promBand[0])[0]->isVisible());
        const QString path = QDir(QStringLiteral(HPASCOPE_CHART_PNG_DIR)).filePath(QStringLiteral("timeline_prometheus.png"));
        QTRY_VERIFY(chart->grab().save(path)); // the legend names both; to look at
        qInfo("chart image: %s", qPrintable(path));
        // hpascope watched all of it: nothing of Prometheus' is drawn, nor named.
        store.clear();
        store.setSeries(series_keys::fromPrometheus(rep("current")), prom);
        store.append(rep("current"), kStart - kMinute, 5);
        store.setSeries(series_keys::fromPrometheus(rep("min")), promMin);
        store.setSeries(series_keys::fromPrometheus(rep("max")), promMax);
        store.append(rep("min"), kStart - kMinute, 1);
        store.append(rep("max"), kStart - kMinute, 8);
        QVERIFY(chart->render(kStart, m_now));
        QVERIFY(chart->segmentsOf(QStringLiteral("current.prometheus")).isEmpty());
        QVERIFY(!chart->chart()->legend()->markers(fromProm[0])[0]->isVisible());
        QVERIFY(chart->prometheusBandSegments().isEmpty());
        QVERIFY(!chart->chart()->legend()->markers(promBand[0])[0]->isVisible());
    }

    void grabToPng()
    {
        SeriesStore store;
        TimelinePanel panel(&store);
        showDemo(panel, store);
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // Layout settles the plot width; render until it stops changing (bounded).
        QTRY_COMPARE_WITH_TIMEOUT(panel.tick(), 0, 5000);
        // Stacked charts share one time axis position, so a scale event lines up across them.
        QVERIFY(std::abs(panel.replicaChart()->chart()->plotArea().left()
                         - panel.metricCharts()[0]->chart()->plotArea().left()) < 1);
        const QImage image = panel.grab().toImage();
        const QString path = QDir(QStringLiteral(HPASCOPE_CHART_PNG_DIR)).filePath(QStringLiteral("timeline_panel.png"));
        QVERIFY(image.save(path));
        // Something was drawn: the current line's blue appears somewhere.
        bool blue = false;
        for (int y = 0; y < image.height() && !blue; y += 2)
            for (int x = 0; x < image.width() && !blue; ++x)
                blue = image.pixelColor(x, y) == QColor(0x1f, 0x77, 0xb4);
        QVERIFY(blue);
        qInfo("chart image: %s", qPrintable(path));
    }
};

QTEST_MAIN(TestTimelineChart)
#include "test_timeline_chart.moc"
