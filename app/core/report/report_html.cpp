// The browser report: one HTML file, CSS in its head, each chart an inline SVG drawn by the same
// paintChart as the PDF, so it opens anywhere without a network.
#include "app/core/report/report_chart.h"
#include "app/core/report/report_render.h"
#include "app/core/report/report_text.h"

#include <QBuffer>
#include <QPainter>
#include <QSvgGenerator>

namespace hpascope::report {

namespace {

// Print-like: black on white, thin rules, monospace-free; the charts scale to the page width.
const char *const kCss = R"(
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans CJK JP", Arial, sans-serif; font-size: 14px;
       color: #111; background: #fff; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.4em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #888; padding-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
table.kv td:first-child { width: 14em; font-weight: bold; background: #f6f6f6; }
p.note { color: #444; font-size: 0.9em; font-style: italic; }
p.omitted { color: #444; font-size: 0.9em; }
figure { margin: 0.8em 0; }
figure svg { width: 100%; height: auto; display: block; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } figure { break-inside: avoid; } }
)";

QString esc(const QString &s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

QByteArray svgOf(const ChartData &chart)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator gen;
    gen.setOutputDevice(&buffer);
    gen.setSize(QSize(int(kChartWidth), int(kChartHeight)));
    gen.setViewBox(QRectF(0, 0, kChartWidth, kChartHeight));
    gen.setTitle(chart.title);
    {
        QPainter p(&gen);
        paintChart(p, QRectF(0, 0, kChartWidth, kChartHeight), chart);
    }
    QByteArray svg = buffer.data();
    const qsizetype start = svg.indexOf("<svg");
    return start < 0 ? svg : svg.mid(start); // inline: no XML declaration
}

void table(const ReportTable &t, QString &html)
{
    html += t.header.isEmpty() ? QStringLiteral("<table class=\"kv\">") : QStringLiteral("<table class=\"grid\">");
    if (!t.header.isEmpty()) {
        html += QStringLiteral("<thead><tr>");
        for (int i = 0; i < t.header.size(); ++i) {
            const QString width = i < int(t.widths.size()) ? QStringLiteral(" style=\"width: %1%\"").arg(t.widths[std::size_t(i)]) : QString();
            html += QStringLiteral("<th") + width + QStringLiteral(">") + esc(t.header[i]) + QStringLiteral("</th>");
        }
        html += QStringLiteral("</tr></thead>");
    }
    html += QStringLiteral("<tbody>");
    for (const QStringList &row : t.rows) {
        html += QStringLiteral("<tr>");
        for (const QString &cell : row)
            html += QStringLiteral("<td>") + esc(cell) + QStringLiteral("</td>");
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</tbody></table>\n");
    if (!t.omitted.isEmpty())
        html += QStringLiteral("<p class=\"omitted\">") + esc(t.omitted) + QStringLiteral("</p>\n");
}

} // namespace

QByteArray renderHtml(const ReportData &data, int chartColumns)
{
    const auto blocks = reportBlocks(data);
    const auto charts = chartsOf(data, chartColumns);
    QString title;
    QString body;
    for (const ReportBlock &b : blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::Title:
            title = b.text;
            body += QStringLiteral("<h1>") + esc(b.text) + QStringLiteral("</h1>\n");
            break;
        case ReportBlock::Kind::Heading:
            body += QStringLiteral("<h2>") + esc(b.text) + QStringLiteral("</h2>\n");
            break;
        case ReportBlock::Kind::Paragraph:
            body += QStringLiteral("<p>") + esc(b.text) + QStringLiteral("</p>\n");
            break;
        case ReportBlock::Kind::Note:
            body += QStringLiteral("<p class=\"note\">") + esc(b.text) + QStringLiteral("</p>\n");
            break;
        case ReportBlock::Kind::Table:
            table(b.table, body);
            break;
        case ReportBlock::Kind::Chart:
            if (b.chart >= 0 && b.chart < int(charts.size()))
                body += QStringLiteral("<figure>") + QString::fromUtf8(svgOf(charts[std::size_t(b.chart)]))
                        + QStringLiteral("</figure>\n");
            break;
        }
    }
    const QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                                        "<meta name=\"generator\" content=\"hpascope %2\"/>\n<title>%3</title>\n"
                                        "<style>%4</style>\n</head>\n<body>\n%5</body>\n</html>\n")
                             .arg(QLocale().bcp47Name(), esc(data.request.version), esc(title),
                                  QString::fromLatin1(kCss), body);
    return html.toUtf8();
}

} // namespace hpascope::report
