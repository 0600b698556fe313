// clipOutside: Prometheus' history drawn only where hpascope's own samples are not. Checked
// against a brute force that samples both polylines at many x and compares what is drawn.
#include "app/core/segment_clip.h"

#include <QRandomGenerator>
#include <QTest>

using hpascope::clipOutside;
using hpascope::Polyline;
using hpascope::XSpan;
using hpascope::xSpansOf;

namespace {

// The y a polyline has at x, or nullopt where it has none.
std::optional<double> yAt(const Polyline &line, double x)
{
    for (qsizetype i = 1; i < line.size(); ++i) {
        const QPointF a = line[i - 1], b = line[i];
        if (x >= a.x() && x <= b.x() && b.x() > a.x())
            return a.y() + (x - a.x()) / (b.x() - a.x()) * (b.y() - a.y());
    }
    return std::nullopt;
}

std::optional<double> yAt(const QList<Polyline> &lines, double x)
{
    for (const Polyline &l : lines) {
        if (auto y = yAt(l, x))
            return y;
    }
    return std::nullopt;
}

bool inside(const QList<XSpan> &spans, double x)
{
    for (const XSpan &s : spans) {
        if (x >= s.first && x <= s.second)
            return true;
    }
    return false;
}

} // namespace

class TestSegmentClip : public QObject {
    Q_OBJECT
private slots:
    void aStepLineGivesWayToALocalRun()
    {
        // Prometheus: 2 until 100, then 6 until 300 (step corners as the M4 view draws them).
        const Polyline prom{{0, 2}, {100, 2}, {100, 6}, {300, 6}};
        // hpascope watched from 150 to 220.
        const auto out = clipOutside({prom}, {{150, 220}});
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[0], (Polyline{{0, 2}, {100, 2}, {100, 6}, {150, 6}}));
        QCOMPARE(out[1], (Polyline{{220, 6}, {300, 6}}));
    }

    void nothingLeftWhenTheLocalRunCoversAll()
    {
        QVERIFY(clipOutside({{{10, 1}, {20, 1}}}, {{0, 30}}).isEmpty());
        // Without spans, everything is drawn.
        QCOMPARE(clipOutside({{{10, 1}, {20, 1}}}, {}).size(), 1);
    }

    void overlappingAndUnsortedSpans()
    {
        const Polyline line{{0, 0}, {100, 100}};
        const auto out = clipOutside({line}, {{60, 70}, {10, 20}, {15, 30}});
        QCOMPARE(out.size(), 3);
        QCOMPARE(out[0], (Polyline{{0, 0}, {10, 10}}));
        QCOMPARE(out[1], (Polyline{{30, 30}, {60, 60}}));
        QCOMPARE(out[2], (Polyline{{70, 70}, {100, 100}}));
    }

    void spansOfSegments()
    {
        const QList<XSpan> spans = xSpansOf({{{1, 0}, {5, 0}}, {}, {{7, 1}}});
        QCOMPARE(spans, (QList<XSpan>{{1, 5}, {7, 7}}));
    }

    void randomLinesAgreeWithSampling()
    {
        QRandomGenerator rng(7);
        for (int round = 0; round < 200; ++round) {
            QList<Polyline> lines;
            double x = 0;
            for (int l = 0; l < 3; ++l) {
                Polyline line;
                for (int i = 0; i < 6; ++i) {
                    x += rng.bounded(1, 20);
                    line.append({x, double(rng.bounded(10))});
                }
                lines.append(line);
                x += rng.bounded(1, 10);
            }
            QList<XSpan> spans;
            for (int i = 0; i < 3; ++i) {
                const double a = rng.bounded(int(x)), w = rng.bounded(30);
                spans.append({a, a + w});
            }
            const QList<Polyline> out = clipOutside(lines, spans);
            for (const Polyline &l : out) {
                QVERIFY(l.size() >= 2);
                for (qsizetype i = 1; i < l.size(); ++i)
                    QVERIFY(l[i].x() >= l[i - 1].x());
            }
            for (double at = 0.25; at < x; at += 0.5) {
                const auto before = yAt(lines, at);
                const auto after = yAt(out, at);
                if (inside(spans, at)) {
                    QVERIFY2(!after, qPrintable(QStringLiteral("round %1: drawn at %2 inside a span").arg(round).arg(at)));
                } else if (before) {
                    QVERIFY2(after, qPrintable(QStringLiteral("round %1: lost at %2").arg(round).arg(at)));
                    QVERIFY2(qAbs(*after - *before) < 1e-9,
                             qPrintable(QStringLiteral("round %1 at %2: %3 drawn, %4 before").arg(round).arg(at).arg(*after).arg(*before)));
                } else {
                    QVERIFY(!after);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSegmentClip)
#include "test_segment_clip.moc"
