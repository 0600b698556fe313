// The PDF's and PNG's own pages (app/core/report/report_pages.h) on a day of rescales every few
// minutes (tests/support/report_fixture.h, the benchmark's history): every row once and whole,
// a continued table under its header, no heading last on a page, a row taller than a page cut
// between lines; the PDF's text has every decision and event once. And the pieces the charts'
// long lines are drawn in, and the PNG encoder, against Qt's own.
#include "app/core/report/report_data.h"
#include "app/core/report/report_layout.h"
#include "app/core/report/report_pages.h"
#include "app/core/report/report_png.h"
#include "app/core/report/report_polyline.h"
#include "app/core/report/report_render.h"
#include "tests/support/report_fixture.h"

#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>

#include <cmath>
#include <map>
#include <set>

using namespace hpascope;
using namespace hpascope::report;

namespace {

constexpr int kDpi = 300;

QImage device()
{
    QImage probe(1, 1, QImage::Format_RGB32);
    probe.setDotsPerMeterX(int(kDpi / 0.0254 + 0.5));
    probe.setDotsPerMeterY(int(kDpi / 0.0254 + 0.5));
    return probe;
}

ReportData day(int hours)
{
    const QDateTime start = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);
    auto run = test::swingingMetric(start, hours * 3600);
    ReportRequest r;
    r.context = QStringLiteral("test");
    r.namespaceName = QStringLiteral("default");
    r.name = QStringLiteral("web");
    r.from = start;
    r.to = start.addSecs(hours * 3600);
    r.now = r.to;
    r.version = QStringLiteral("test");
    r.hpa = test::webHpa(3, 3, "300m", 10);
    return ReportGatherer::build(r, std::move(run.samples), std::move(run.events), {});
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(60000) ? QString::fromUtf8(p.readAllStandardOutput()) : QString();
}

} // namespace

class TestReportPages : public QObject {
    Q_OBJECT

private slots:
    void everyRowOnceAndWhole()
    {
        QImage probe = device();
        const Flow flow = layOut(reportBlocks(day(8)), &probe, 2126); // A4 less 15 mm margins
        constexpr double kPage = 3000;
        const std::vector<Page> pages = paginate(flow, kPage);
        QVERIFY(pages.size() > 5);
        std::map<int, int> seen;
        int last = -1;
        for (std::size_t p = 0; p < pages.size(); ++p) {
            const auto &at = pages[p].placements;
            QVERIFY(!at.empty());
            for (std::size_t i = 0; i < at.size(); ++i) {
                const FlowBox &b = flow.boxes[std::size_t(at[i].box)];
                QCOMPARE(at[i].from, 0.0); // no row here is taller than a page: none is cut
                QCOMPARE(at[i].to, b.height);
                QVERIFY(at[i].y >= 0 && at[i].y + b.height <= kPage);
                ++seen[at[i].box];
                const bool repeated = i == 0 && at.size() > 1 && flow.boxes[std::size_t(at[1].box)].header == at[0].box
                                      && at[0].box < last;
                if (!repeated) {
                    QVERIFY2(at[i].box > last, "in order");
                    last = at[i].box;
                }
                // A table that goes on from the last page starts under its header.
                QVERIFY2(i > 0 || b.header < 0, "a continued table without its header");
            }
            if (p + 1 < pages.size())
                QVERIFY2(!flow.boxes[std::size_t(at.back().box)].keepWithNext, "a heading last on a page");
        }
        std::set<int> headers;
        for (const FlowBox &b : flow.boxes)
            headers.insert(b.header);
        for (int i = 0; i < int(flow.boxes.size()); ++i)
            QVERIFY2(headers.count(i) ? seen[i] >= 1 : seen[i] == 1,
                     qPrintable(QStringLiteral("box %1 placed %2 times").arg(i).arg(seen[i])));
        QVERIFY(headers.size() > 2);
    }

    void rowTallerThanAPageIsCutBetweenLines()
    {
        ReportBlock b;
        b.kind = ReportBlock::Kind::Table;
        b.table.header = QStringList{QStringLiteral("Message"), QStringLiteral("Count")};
        QStringList lines;
        for (int i = 0; i < 300; ++i)
            lines << QStringLiteral("line %1 of a message longer than a page").arg(i);
        b.table.rows = {{lines.join(QLatin1Char('\n')), QStringLiteral("1")}, {QStringLiteral("short"), QStringLiteral("2")}};
        QImage probe = device();
        const Flow flow = layOut({b}, &probe, 2126);
        QCOMPARE(int(flow.boxes.size()), 3); // header, the long row, the short one
        const FlowBox &tall = flow.boxes[1];
        constexpr double kPage = 3000;
        QVERIFY(tall.height > 3 * kPage);
        const auto pages = paginate(flow, kPage);
        double covered = 0;
        int slices = 0;
        for (const Page &page : pages)
            for (const Placement &at : page.placements) {
                if (at.box != 1)
                    continue;
                QCOMPARE(at.from, covered); // the slices follow each other
                QVERIFY(at.y + at.to - at.from <= kPage);
                for (int i = 0; i < tall.cells[0].text->lineCount(); ++i) { // no line cut in two
                    const QTextLine line = tall.cells[0].text->lineAt(i);
                    const double top = tall.inset + line.y();
                    QVERIFY(!(top < at.to && top + line.height() > at.to));
                }
                covered = at.to;
                ++slices;
            }
        QCOMPARE(covered, tall.height);
        QVERIFY(slices >= 4);
        QCOMPARE(pages[1].placements.front().box, 0); // each slice under the header
    }

    void pdfHasEveryDecisionAndEventOnce()
    {
        const ReportData d = day(6);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("day.pdf"));
        QCOMPARE(ReportWriter::write(d, path, {QPageSize(QPageSize::A4)}), QString());
        const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(!text.isEmpty());
        // Each decision's and event's time once (a row on two pages would show twice), and the
        // range's two and the report's own in the header table.
        const int times = int(text.count(QRegularExpression(QStringLiteral("\\b\\d\\d:\\d\\d:\\d\\d\\b"))));
        QCOMPARE(times, int(d.decisions.size() + d.events.size()) + 3);
        // The decisions' header on each of their pages.
        QVERIFY(text.count(QStringLiteral("Account (recorded metrics)")) > 2);
    }

    void pngEncodesTheImage()
    {
        QImage image(301, 1500, QImage::Format_RGB32); // tall enough to be deflated in parts
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, qRgb((x * 7) & 255, (y * 13) & 255, (x ^ y) & 255));
        image.setDotsPerMeterX(11811);
        image.setDotsPerMeterY(11811);
        const QImage back = QImage::fromData(encodePng(image), "PNG");
        QCOMPARE(back.size(), image.size());
        QCOMPARE(back.dotsPerMeterX(), 11811);
        QCOMPARE(back.convertToFormat(QImage::Format_RGB32), image);
    }

    void longLinesInPiecesLookWhole_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("solid") << int(Qt::SolidLine);
        QTest::newRow("dashed") << int(Qt::DashLine);
        QTest::newRow("dotted") << int(Qt::DotLine);
    }

    void longLinesInPiecesLookWhole()
    {
        QFETCH(int, style);
        QPolygonF line; // a metric's day in M4 columns: a wave, each column's four points
        for (int i = 0; i < 4000; ++i)
            line << QPointF(50 + i * 0.165, 125 + 90 * std::sin(i / 40.0) + (i % 4 ? 3 : -3));
        QImage whole(2126, 738, QImage::Format_RGB32);
        whole.fill(Qt::white);
        QImage pieces = whole;
        long ink = 0, differ = 0;
        for (QImage *image : {&whole, &pieces}) {
            QPainter p(image);
            p.setRenderHint(QPainter::Antialiasing);
            p.scale(2126 / 720.0, 738 / 250.0);
            p.setPen(QPen(Qt::black, 1.8, Qt::PenStyle(style), Qt::FlatCap, Qt::MiterJoin));
            if (image == &whole)
                p.drawPolyline(line);
            else
                drawLongPolyline(p, line);
        }
        for (int y = 0; y < whole.height(); ++y)
            for (int x = 0; x < whole.width(); ++x) {
                const int a = qGray(whole.pixel(x, y)), b = qGray(pieces.pixel(x, y));
                ink += a < 128;
                QVERIFY2(std::abs(a - b) < 96, qPrintable(QStringLiteral("(%1, %2): %3 and %4").arg(x).arg(y).arg(a).arg(b)));
                differ += a != b;
            }
        // Only the antialiased edges where two pieces overlap, not the dashes moved.
        QVERIFY2(differ * 50 < ink, qPrintable(QStringLiteral("%1 of %2").arg(differ).arg(ink)));
    }

    void columnsShareTheWidthByNeed()
    {
        // All fit: each its natural width and the rest in proportion.
        auto w = autoColumnWidths({10, 10}, {100, 300}, 800);
        QCOMPARE(w[0], 200.0);
        QCOMPARE(w[1], 600.0);
        // Not all: each its longest word, then the room by what each lacks.
        w = autoColumnWidths({50, 50}, {100, 500}, 300);
        QCOMPARE(w[0] + w[1], 300.0);
        QVERIFY(w[0] >= 50 && w[1] > w[0]);
        // Not even the words: they break anywhere, in proportion.
        w = autoColumnWidths({100, 300}, {200, 600}, 200);
        QCOMPARE(w[0], 50.0);
        QCOMPARE(w[1], 150.0);
    }
};

QTEST_MAIN(TestReportPages)
#include "test_report_pages.moc"
