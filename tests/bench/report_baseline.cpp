// The benchmark's baseline (report_baseline.h): the report as one QTextDocument whose charts
// are text objects painted by paintChart, paged by Qt's rich text layout.
#include "tests/bench/report_baseline.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>

namespace hpascope::report::baseline {

namespace {

constexpr int kChartObjectType = QTextFormat::UserObject + 1;
constexpr int kChartIndexProperty = QTextFormat::UserProperty + 1;
constexpr double kBodyPt = 9;     // a printed report's body text
// Qt rich text understands this CSS subset; the browser report has its own (report_html.cpp).
const char *const kDocumentCss = "h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14px; } "
                                 "th { background-color: #e8e8e8; font-weight: bold; } "
                                 "p.note { color: #444444; font-style: italic; font-size: 8pt; }";
// Placeholders the charts' text objects replace once the HTML is in the document.
const QString kChartPlaceholder = QStringLiteral("@@chart:%1@@");

QString esc(const QString &s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString tableHtml(const ReportTable &t)
{
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                                  "style=\"border-collapse: collapse; border-color: #888888;\">");
    if (!t.header.isEmpty()) {
        html += QStringLiteral("<thead><tr>");
        for (int i = 0; i < t.header.size(); ++i) {
            const QString width = i < int(t.widths.size()) ? QStringLiteral(" width=\"%1%\"").arg(t.widths[std::size_t(i)]) : QString();
            html += QStringLiteral("<th align=\"left\"") + width + QStringLiteral(">") + esc(t.header[i]) + QStringLiteral("</th>");
        }
        html += QStringLiteral("</tr></thead>");
    }
    for (const QStringList &row : t.rows) {
        html += QStringLiteral("<tr>");
        for (int i = 0; i < row.size(); ++i) {
            const bool key = t.header.isEmpty() && i == 0;
            html += (key ? QStringLiteral("<td width=\"28%\" bgcolor=\"#f4f4f4\"><b>") : QStringLiteral("<td>"))
                    + esc(row[i]) + (key ? QStringLiteral("</b></td>") : QStringLiteral("</td>"));
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    if (!t.omitted.isEmpty())
        html += QStringLiteral("<p>") + esc(t.omitted) + QStringLiteral("</p>");
    return html;
}

QString documentHtml(const std::vector<ReportBlock> &blocks)
{
    QString html;
    for (const ReportBlock &b : blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::Title: html += QStringLiteral("<h1>") + esc(b.text) + QStringLiteral("</h1>"); break;
        case ReportBlock::Kind::Heading: html += QStringLiteral("<h2>") + esc(b.text) + QStringLiteral("</h2>"); break;
        case ReportBlock::Kind::Paragraph: html += QStringLiteral("<p>") + esc(b.text) + QStringLiteral("</p>"); break;
        case ReportBlock::Kind::Note: html += QStringLiteral("<p class=\"note\">") + esc(b.text) + QStringLiteral("</p>"); break;
        case ReportBlock::Kind::Table: html += tableHtml(b.table); break;
        case ReportBlock::Kind::Chart: html += QStringLiteral("<p>") + kChartPlaceholder.arg(b.chart) + QStringLiteral("</p>"); break;
        }
    }
    return html;
}

} // namespace

ChartTextObject::ChartTextObject(std::vector<ChartData> charts, QObject *parent)
    : QObject(parent), m_charts(std::move(charts))
{
}

QSizeF ChartTextObject::intrinsicSize(QTextDocument *doc, int, const QTextFormat &)
{
    // The text width less the document's margins, which the layout scales from 96 dpi pixels
    // to the device as it does every length in rich text.
    const QPaintDevice *device = doc->documentLayout()->paintDevice();
    const double scale = device ? device->logicalDpiY() / 96.0 : 1.0;
    const double width = doc->pageSize().width() - 2 * doc->documentMargin() * scale - 2 * scale;
    return {width, width * kChartHeight / kChartWidth};
}

void ChartTextObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    const int index = format.property(kChartIndexProperty).toInt();
    if (index >= 0 && index < int(m_charts.size()))
        paintChart(*painter, rect, m_charts[std::size_t(index)]);
}

std::unique_ptr<ReportDocument> ReportDocument::build(const ReportData &data, const TextOptions &options,
                                                      QPaintDevice *device, int chartColumns)
{
    auto doc = std::unique_ptr<ReportDocument>(new ReportDocument);
    const auto charts = chartsOf(data, chartColumns);
    const int chartCount = int(charts.size());
    doc->m_charts = new ChartTextObject(charts, &doc->m_document);
    doc->m_document.documentLayout()->setPaintDevice(device);
    doc->m_document.documentLayout()->registerHandler(kChartObjectType, doc->m_charts);
    QFont font = doc->m_document.defaultFont();
    font.setPointSizeF(kBodyPt);
    doc->m_document.setDefaultFont(font);
    doc->m_document.setDefaultStyleSheet(QString::fromLatin1(kDocumentCss));
    doc->m_document.setHtml(documentHtml(reportBlocks(data, options)));
    for (int i = 0; i < chartCount; ++i) {
        QTextCursor found = doc->m_document.find(kChartPlaceholder.arg(i));
        if (found.isNull())
            continue;
        QTextCharFormat f;
        f.setObjectType(kChartObjectType);
        f.setProperty(kChartIndexProperty, i);
        found.insertText(QString(QChar::ObjectReplacementCharacter), f);
    }
    return doc;
}

bool renderPdf(const ReportData &data, const QString &path, const RenderOptions &options, QString *error)
{
    std::unique_ptr<ReportDocument> doc;
    QSizeF page;
    const auto layOut = [&](QPdfWriter &pdf, const QSizeF &body) {
        doc = ReportDocument::build(data, {}, &pdf, options.chartColumns);
        doc->document().setPageSize(body);
        page = body;
        return doc->document().pageCount();
    };
    const auto paint = [&](QPainter &p, int i) {
        const QRectF clip(0, i * page.height(), page.width(), page.height());
        p.translate(0, -clip.top());
        p.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = clip;
        doc->document().documentLayout()->draw(&p, ctx);
    };
    return writePdf(data, path, options, layOut, paint, error);
}

QImage renderPng(const ReportData &data, const RenderOptions &options)
{
    const PngPage page(options);
    QImage probe = page.probe();
    const auto doc = ReportDocument::build(data, {options.pngMaxRows}, &probe, options.chartColumns);
    QTextDocument &d = doc->document();
    d.setTextWidth(page.bodyWidth());
    QImage image = page.canvas(d.size().height());
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.translate(page.margin, page.margin);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.clip = QRectF(0, 0, d.textWidth(), image.height() - 2 * page.margin);
    d.documentLayout()->draw(&p, ctx);
    return image;
}

} // namespace hpascope::report::baseline
