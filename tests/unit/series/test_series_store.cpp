// SeriesStore: change points, gaps, retention, and M4 views checked against a brute force that
// expands and clips the raw polyline independently of the store's code.
#include "app/core/series_store.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using hpascope::Annotation;
using hpascope::Interpolation;
using hpascope::SeriesStore;
using hpascope::SeriesView;
using hpascope::TimedValue;

namespace {

constexpr qint64 kT0 = 1'800'000'000'000; // a fixed epoch-ms origin, 2027-01-15

struct Vertex {
    qint64 t;
    double v;
};

// The polyline a chart would draw for one gap-free run of samples, written independently of m4.cpp.
QList<Vertex> expandBrute(const QList<TimedValue> &run, Interpolation mode, qint64 holdUntil)
{
    QList<Vertex> out;
    for (qsizetype i = 0; i < run.size(); ++i) {
        if (mode == Interpolation::Step && i > 0)
            out.append({run[i].t, run[i - 1].v});
        out.append({run[i].t, run[i].v});
    }
    if (mode == Interpolation::Step && !run.isEmpty() && holdUntil > run.last().t)
        out.append({holdUntil, run.last().v});
    return out;
}

QList<Vertex> clipBrute(const QList<Vertex> &v, qint64 t0, qint64 t1)
{
    const auto at = [](const Vertex &a, const Vertex &b, qint64 t) {
        return Vertex{t, a.v + (b.v - a.v) * (double(t - a.t) / double(b.t - a.t))};
    };
    QList<Vertex> out;
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (v[i].t >= t0 && v[i].t <= t1)
            out.append(v[i]);
        if (i + 1 < v.size()) {
            if (v[i].t < t0 && v[i + 1].t > t0)
                out.append(at(v[i], v[i + 1], t0));
            if (v[i].t < t1 && v[i + 1].t > t1)
                out.append(at(v[i], v[i + 1], t1));
        }
    }
    return out;
}

int columnBrute(double t, qint64 t0, qint64 t1, int w)
{
    if (t >= double(t1))
        return w - 1;
    return int(std::floor((t - double(t0)) * w / double(t1 - t0)));
}

struct Column {
    QPointF first, last;
    double min = 0, max = 0;
    int count = 0;
};

QMap<int, Column> columns(const QList<QPointF> &pts, qint64 t0, qint64 t1, int w)
{
    QMap<int, Column> out;
    for (const QPointF &p : pts) {
        Column &c = out[columnBrute(p.x(), t0, t1, w)];
        if (c.count == 0) {
            c.first = p;
            c.min = c.max = p.y();
        }
        c.last = p;
        c.min = std::min(c.min, p.y());
        c.max = std::max(c.max, p.y());
        ++c.count;
    }
    return out;
}

// Splits raw store contents on gap markers: runs plus the step hold end of each.
QList<QPair<QList<TimedValue>, qint64>> runsOf(const QList<TimedValue> &raw, qint64 openEnd)
{
    QList<QPair<QList<TimedValue>, qint64>> out;
    QList<TimedValue> run;
    for (const TimedValue &p : raw) {
        if (std::isnan(p.v)) {
            if (!run.isEmpty())
                out.append({run, p.t});
            run.clear();
        } else {
            run.append(p);
        }
    }
    if (!run.isEmpty())
        out.append({run, openEnd});
    return out;
}

} // namespace

class TestSeriesStore : public QObject {
    Q_OBJECT
private slots:
    void stepStoresChangePointsOnly()
    {
        SeriesStore s;
        for (int i = 0; i < 10; ++i)
            s.append(QStringLiteral("a"), kT0 + i * 1000, i < 5 ? 2 : 3);
        QCOMPARE(s.pointCount(QStringLiteral("a")), 2);
        const auto raw = s.raw(QStringLiteral("a"));
        QCOMPARE(raw[0].t, kT0);
        QCOMPARE(raw[1].t, kT0 + 5000);
        QCOMPARE(raw[1].v, 3.0);
    }

    void linearStoresEverySample()
    {
        SeriesStore s;
        s.setInterpolation(QStringLiteral("m"), Interpolation::Linear);
        for (int i = 0; i < 10; ++i)
            s.append(QStringLiteral("m"), kT0 + i * 1000, 7);
        QCOMPARE(s.pointCount(QStringLiteral("m")), 10);
    }

    void outOfOrderTimestampsAreClamped()
    {
        SeriesStore s;
        s.append(QStringLiteral("a"), kT0 + 5000, 1);
        s.append(QStringLiteral("a"), kT0 + 1000, 2);
        const auto raw = s.raw(QStringLiteral("a"));
        QCOMPARE(raw.size(), 2);
        QCOMPARE(raw[1].t, kT0 + 5000);
    }

    void retentionByAgeKeepsOneOlderPoint()
    {
        SeriesStore s;
        s.setRetention(10'000, 1000);
        s.setInterpolation(QStringLiteral("m"), Interpolation::Linear);
        for (int i = 0; i <= 30; ++i)
            s.append(QStringLiteral("m"), kT0 + i * 1000, i);
        const auto raw = s.raw(QStringLiteral("m"));
        // newest is t=30 s, cutoff 20 s: keep 20..30 (20 is not older than the cutoff).
        QCOMPARE(raw.first().t, kT0 + 20'000);
        QCOMPARE(raw.size(), 11);
        // A step value set long ago is still known at the start of the retained window.
        s.append(QStringLiteral("r"), kT0, 4);
        s.append(QStringLiteral("r"), kT0 + 100'000, 5);
        const SeriesView v = s.view(QStringLiteral("r"), kT0 + 95'000, kT0 + 100'000, 10);
        QCOMPARE(v.segments.size(), 1);
        QCOMPARE(v.segments[0].first(), QPointF(double(kT0 + 95'000), 4));
    }

    void retentionByCountAndCompaction()
    {
        SeriesStore s;
        s.setRetention(SeriesStore::kDefaultMaxAgeMs, 100);
        s.setInterpolation(QStringLiteral("m"), Interpolation::Linear);
        for (int i = 0; i < 50'000; ++i)
            s.append(QStringLiteral("m"), kT0 + i, i);
        const auto raw = s.raw(QStringLiteral("m"));
        QCOMPARE(raw.size(), 100);
        QCOMPARE(raw.first().v, 49'900.0);
        QCOMPARE(raw.last().v, 49'999.0);
        for (qsizetype i = 1; i < raw.size(); ++i)
            QCOMPARE(raw[i].v, raw[i - 1].v + 1);
    }

    void gapsSplitViews_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<double>("firstEnd"); // x of the first segment's last point, s after kT0
        QTest::newRow("step holds until the gap") << int(Interpolation::Step) << 25.0;
        QTest::newRow("linear stops at its last sample") << int(Interpolation::Linear) << 20.0;
    }
    void gapsSplitViews()
    {
        QFETCH(int, mode);
        QFETCH(double, firstEnd);
        SeriesStore s;
        s.setClock([] { return kT0 + 60'000; });
        const QString key = QStringLiteral("k");
        s.setInterpolation(key, Interpolation(mode));
        s.append(key, kT0 + 10'000, 1);
        s.append(key, kT0 + 20'000, 2);
        s.markGap(key, kT0 + 25'000);
        s.markGap(key, kT0 + 26'000); // a second gap adds nothing
        s.append(key, kT0 + 40'000, 3);
        QCOMPARE(s.pointCount(key), 4);
        const SeriesView v = s.view(key, kT0, kT0 + 60'000, 600);
        QCOMPARE(v.segments.size(), 2);
        QCOMPARE(v.segments[0].last().x(), double(kT0) + firstEnd * 1000);
        QCOMPARE(v.segments[0].last().y(), 2.0);
        QCOMPARE(v.segments[1].first(), QPointF(double(kT0 + 40'000), 3));
        // Nothing is drawn inside the gap.
        for (const auto &seg : v.segments)
            for (const QPointF &p : seg)
                QVERIFY(p.x() <= double(kT0 + 25'000) || p.x() >= double(kT0 + 40'000));
    }

    void markGapAllInterruptsEverySeries()
    {
        SeriesStore s;
        s.setClock([] { return kT0 + 10'000; });
        s.append(QStringLiteral("a"), kT0, 1);
        s.append(QStringLiteral("b"), kT0, 2);
        s.markGapAll(kT0 + 5000);
        s.append(QStringLiteral("a"), kT0 + 8000, 1); // same value, but after a gap: stored
        QCOMPARE(s.pointCount(QStringLiteral("a")), 3);
        QCOMPARE(s.view(QStringLiteral("a"), kT0, kT0 + 10'000, 100).segments.size(), 2);
        const SeriesView b = s.view(QStringLiteral("b"), kT0, kT0 + 10'000, 100);
        QCOMPARE(b.segments.size(), 1);
        QCOMPARE(b.segments[0].last().x(), double(kT0 + 5000));
    }

    void stepViewHasCorners()
    {
        SeriesStore s;
        s.setClock([] { return kT0 + 30'000; });
        const QString key = QStringLiteral("r");
        s.append(key, kT0, 2);
        s.append(key, kT0 + 10'000, 5);
        // 30 columns of 1 s: every vertex in its own column.
        const SeriesView v = s.view(key, kT0, kT0 + 30'000, 30);
        QCOMPARE(v.segments.size(), 1);
        const QList<QPointF> expected{{double(kT0), 2},
                                      {double(kT0 + 10'000), 2},
                                      {double(kT0 + 10'000), 5},
                                      {double(kT0 + 30'000), 5}};
        QCOMPARE(v.segments[0], expected);
        QCOMPARE(v.minY, 2.0);
        QCOMPARE(v.maxY, 5.0);
    }

    void emptyRanges_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("t0");
        QTest::addColumn<qint64>("t1");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("segments");
        QTest::newRow("unknown key") << QStringLiteral("nope") << kT0 << kT0 + 1000 << 10 << 0;
        QTest::newRow("t1 == t0") << QStringLiteral("m") << kT0 + 5000 << kT0 + 5000 << 10 << 0;
        QTest::newRow("t1 < t0") << QStringLiteral("m") << kT0 + 5000 << kT0 << 10 << 0;
        QTest::newRow("no columns") << QStringLiteral("m") << kT0 << kT0 + 9000 << 0 << 0;
        QTest::newRow("before data") << QStringLiteral("m") << kT0 - 9000 << kT0 - 1 << 10 << 0;
        QTest::newRow("linear after data") << QStringLiteral("m") << kT0 + 20'000 << kT0 + 30'000 << 10 << 0;
        QTest::newRow("step held after data") << QStringLiteral("r") << kT0 + 20'000 << kT0 + 30'000 << 10 << 1;
        QTest::newRow("inside a gap") << QStringLiteral("g") << kT0 + 3000 << kT0 + 4000 << 10 << 0;
    }
    void emptyRanges()
    {
        QFETCH(QString, key);
        QFETCH(qint64, t0);
        QFETCH(qint64, t1);
        QFETCH(int, cols);
        QFETCH(int, segments);
        SeriesStore s;
        s.setClock([] { return kT0 + 60'000; });
        s.setInterpolation(QStringLiteral("m"), Interpolation::Linear);
        for (int i = 0; i < 10; ++i) {
            s.append(QStringLiteral("m"), kT0 + i * 1000, i);
            s.append(QStringLiteral("r"), kT0 + i * 1000, i);
        }
        s.append(QStringLiteral("g"), kT0, 1);
        s.markGap(QStringLiteral("g"), kT0 + 2000);
        s.append(QStringLiteral("g"), kT0 + 5000, 1);
        const SeriesView v = s.view(key, t0, t1, cols);
        QCOMPARE(v.segments.size(), segments);
        if (segments == 1) // a held step across the whole window: two points at the edges
            QCOMPARE(v.segments[0], (QList<QPointF>{{double(t0), 9}, {double(t1), 9}}));
    }

    void pointsOnColumnBoundaries()
    {
        // 10 columns of exactly 1000 ms; a sample at each boundary opens the next column.
        SeriesStore s;
        s.setInterpolation(QStringLiteral("m"), Interpolation::Linear);
        for (int i = 0; i <= 10; ++i) {
            s.append(QStringLiteral("m"), kT0 + i * 1000 - 1, 100 + i); // last ms of column i-1
            s.append(QStringLiteral("m"), kT0 + i * 1000, i);           // first ms of column i
        }
        const SeriesView v = s.view(QStringLiteral("m"), kT0, kT0 + 10'000, 10);
        QCOMPARE(v.segments.size(), 1);
        const auto cols = columns(v.segments[0], kT0, kT0 + 10'000, 10);
        QCOMPARE(cols.size(), 10);
        for (int c = 0; c < 9; ++c) {
            QCOMPARE(cols[c].first, QPointF(double(kT0 + c * 1000), c));
            QCOMPARE(cols[c].last, QPointF(double(kT0 + (c + 1) * 1000 - 1), 101 + c));
        }
        // t1 itself belongs to the last column.
        QCOMPARE(cols[9].last, QPointF(double(kT0 + 10'000), 10));
    }

    void m4MatchesBruteForce_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("width");
        QTest::addColumn<quint32>("seed");
        for (int mode : {int(Interpolation::Step), int(Interpolation::Linear)}) {
            for (int width : {1, 2, 7, 100, 997}) {
                for (quint32 seed : {1u, 2u, 3u}) {
                    const QByteArray name = (mode == int(Interpolation::Step) ? "step" : "linear")
                        + QByteArray(" w=") + QByteArray::number(width) + " seed=" + QByteArray::number(seed);
                    QTest::newRow(name.constData()) << mode << width << seed;
                }
            }
        }
    }
    void m4MatchesBruteForce()
    {
        QFETCH(int, mode);
        QFETCH(int, width);
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        SeriesStore s;
        const qint64 openEnd = kT0 + 2'000'000;
        s.setClock([=] { return openEnd; });
        const QString key = QStringLiteral("k");
        s.setInterpolation(key, Interpolation(mode));
        qint64 t = kT0;
        for (int i = 0; i < 20'000; ++i) {
            t += rng.bounded(200); // 0 = same timestamp twice
            if (rng.bounded(2000) == 0)
                s.markGap(key, t);
            else
                s.append(key, t, double(rng.bounded(50)) - 10);
        }
        const auto runs = runsOf(s.raw(key), std::max(openEnd, t));
        // Windows: everything, an inner slice, one starting before the data, a thin one.
        const QList<QPair<qint64, qint64>> windows{
            {kT0 - 5000, openEnd + 5000}, {kT0 + 300'000, kT0 + 700'000},
            {kT0 - 100'000, kT0 + 50'000}, {kT0 + 500'000, kT0 + 500'137}};
        for (const auto &[t0, t1] : windows) {
            const SeriesView v = s.view(key, t0, t1, width);
            QList<QList<QPointF>> expected;
            for (const auto &[run, hold] : runs) {
                QList<QPointF> clipped;
                for (const Vertex &x : clipBrute(expandBrute(run, Interpolation(mode), hold), t0, t1))
                    clipped.append(QPointF(double(x.t), x.v));
                if (!clipped.isEmpty())
                    expected.append(clipped);
            }
            QCOMPARE(v.segments.size(), expected.size());
            for (qsizetype k = 0; k < expected.size(); ++k) {
                const QList<QPointF> &got = v.segments[k];
                QVERIFY2(got.size() <= 4 * width + 2, qPrintable(QString::number(got.size())));
                for (qsizetype i = 1; i < got.size(); ++i)
                    QVERIFY(got[i].x() >= got[i - 1].x());
                const auto gc = columns(got, t0, t1, width);
                const auto ec = columns(expected[k], t0, t1, width);
                QCOMPARE(gc.keys(), ec.keys());
                for (auto it = ec.cbegin(); it != ec.cend(); ++it) {
                    const Column &g = gc[it.key()];
                    QCOMPARE(g.first, it->first);
                    QCOMPARE(g.last, it->last);
                    QCOMPARE(g.min, it->min);
                    QCOMPARE(g.max, it->max);
                }
                // Every point shown is a point of the real polyline.
                for (const QPointF &p : got)
                    QVERIFY(expected[k].contains(p));
            }
        }
    }

    void oneColumn()
    {
        SeriesStore s;
        s.setInterpolation(QStringLiteral("m"), Interpolation::Linear);
        for (int i = 0; i < 1000; ++i)
            s.append(QStringLiteral("m"), kT0 + i, (i * 37) % 101);
        const SeriesView v = s.view(QStringLiteral("m"), kT0 + 10, kT0 + 900, 1);
        QCOMPARE(v.segments.size(), 1);
        QVERIFY(v.segments[0].size() <= 6);
        QCOMPARE(v.minY, 0.0);
        QCOMPARE(v.maxY, 100.0);
    }

    void changedIsCoalesced()
    {
        SeriesStore s;
        QSignalSpy spy(&s, &SeriesStore::changed);
        const quint64 before = s.revision();
        for (int i = 0; i < 100; ++i)
            s.append(QStringLiteral("a"), kT0 + i, i);
        QCOMPARE(spy.count(), 0); // not synchronous
        QVERIFY(spy.wait(5000));
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 1);
        QVERIFY(s.revision() > before);
    }

    // A chart re-renders when a revision of what it shows moved: another key's samples must not
    // move it, removing keys must.
    void revisionPerKey()
    {
        SeriesStore s;
        const QString a = QStringLiteral("default/web:replicas.current"), b = QStringLiteral("default/api:replicas.current");
        const QString scope = QStringLiteral("default/web");
        s.append(a, kT0, 1);
        const quint64 ra = s.revision(a), rs = s.annotationRevision(scope);
        s.append(b, kT0, 2);
        s.addAnnotation(QStringLiteral("default/api"), {kT0, QStringLiteral("1 → 2"), Annotation::Kind::ScaleUp});
        QCOMPARE(s.revision(a), ra);
        QCOMPARE(s.annotationRevision(scope), rs);
        s.append(a, kT0 + 1, 3);
        QVERIFY(s.revision(a) > ra);
        s.addAnnotation(scope, {kT0, QStringLiteral("1 → 3"), Annotation::Kind::ScaleUp});
        QVERIFY(s.annotationRevision(scope) > rs);

        const quint64 before = s.revision(a);
        s.removePrefix(QStringLiteral("default/api"));
        QVERIFY(s.revision(a) > before); // the store as a whole changed
        QVERIFY(s.revision(b) >= s.revision(a)); // a removed key is never below what it was
        const quint64 cleared = s.revision(a);
        s.clear();
        QVERIFY(s.revision(a) > cleared);
    }

    void annotationsSortedAndWindowed()
    {
        SeriesStore s;
        const QString scope = QStringLiteral("default/web");
        s.addAnnotation(scope, {kT0 + 3000, QStringLiteral("3 → 5"), Annotation::Kind::ScaleUp});
        s.addAnnotation(scope, {kT0 + 1000, QStringLiteral("2 → 3"), Annotation::Kind::ScaleUp});
        s.addAnnotation(scope, {kT0 + 9000, QStringLiteral("5 → 1"), Annotation::Kind::ScaleDown});
        const auto in = s.annotations(scope, kT0, kT0 + 5000);
        QCOMPARE(in.size(), 2);
        QCOMPARE(in[0].text, QStringLiteral("2 → 3"));
        QCOMPARE(in[1].t, kT0 + 3000);
        QVERIFY(s.annotations(QStringLiteral("other"), kT0, kT0 + 9000).isEmpty());
        s.setRetention(5000, 100);
        s.addAnnotation(scope, {kT0 + 12'000, QStringLiteral("x"), Annotation::Kind::Info});
        QCOMPARE(s.annotations(scope, 0, kT0 + 20'000).size(), 2); // 9 s and 12 s remain
    }

    void removePrefixForgetsAnHpa()
    {
        SeriesStore s;
        s.append(QStringLiteral("default/web:replicas.current"), kT0, 1);
        s.append(QStringLiteral("default/api:replicas.current"), kT0, 1);
        s.addAnnotation(QStringLiteral("default/web"), {kT0, QStringLiteral("x"), Annotation::Kind::Info});
        s.removePrefix(QStringLiteral("default/web"));
        QCOMPARE(s.keys(), QStringList{QStringLiteral("default/api:replicas.current")});
        QVERIFY(s.annotations(QStringLiteral("default/web"), 0, kT0 + 1).isEmpty());
    }

    void setSeriesReplacesAWeekAtOnceBeyondTheLiveRetention()
    {
        SeriesStore s;
        s.setClock([] { return kT0 + 8 * 86'400'000LL; });
        const QString key = QStringLiteral("default/web:replicas.current@prometheus");
        s.append(key, kT0, 99); // replaced, not kept
        std::vector<TimedValue> week;
        for (int h = 0; h < 7 * 24; ++h)
            week.push_back({kT0 + h * 3'600'000LL, double(h % 24 < 8 ? 2 : 6)});
        week.push_back({kT0 + 7 * 86'400'000LL, std::nan("")}); // the history ends here
        QSignalSpy changed(&s, &SeriesStore::changed);
        const quint64 before = s.revision(key);
        s.setSeries(key, week);
        QVERIFY(s.revision(key) > before);
        QVERIFY(changed.wait(1000));
        // All of it, although it spans seven times the 24 h the live series keep.
        QCOMPARE(s.pointCount(key), qsizetype(week.size()));
        const SeriesView v = s.view(key, kT0, kT0 + 8 * 86'400'000LL, 500);
        QCOMPARE(v.segments.size(), 1); // one run, ending at the gap, not held on to "now"
        QCOMPARE(qint64(v.segments.first().last().x()), kT0 + 7 * 86'400'000LL);
        QCOMPARE(v.minY, 2.0);
        QCOMPARE(v.maxY, 6.0);
        // An empty history empties the series.
        s.setSeries(key, {});
        QCOMPARE(s.pointCount(key), 0);
    }
};

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "test_series_store.moc"
