#include "app/core/report/report_layout.h"

#include "app/core/report/report_chart.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPaintDevice>
#include <QRegularExpression>
#include <QTextLayout>

#include <algorithm>
#include <numeric>

namespace hpascope::report {

namespace {

// A printed report's type, in points; the title and headings as Qt's rich text made them in
// the first PDFs (h1 twice the body, h2 one and a half times).
constexpr double kBodyPt = 9;
constexpr double kTitlePt = 18;
constexpr double kHeadingPt = 13.5;
constexpr double kNotePt = 8;
// Lengths in CSS pixels (1/96 in), as the HTML report measures them.
constexpr double kCellPaddingPx = 3;
constexpr double kRulePx = 1;
constexpr double kTitleAfterPx = 8;
constexpr double kHeadingBeforePx = 14;
constexpr double kHeadingAfterPx = 6;
constexpr double kParagraphAfterPx = 8;
constexpr double kTableAfterPx = 10;
// A key/value table's keys, as the HTML report's (table.kv).
constexpr double kKeyColumnPercent = 28;
const QColor kHeaderBackground(0xe8, 0xe8, 0xe8);
const QColor kKeyBackground(0xf4, 0xf4, 0xf4);
const QColor kRuleColor(0x88, 0x88, 0x88);
const QColor kNoteInk(0x44, 0x44, 0x44);

struct Style {
    double px = 1; // device pixels per CSS pixel
    QFont body, bold, title, heading, note;
};

Style styleFor(const QPaintDevice *device)
{
    Style s;
    s.px = device->logicalDpiY() / 96.0;
    s.body.setPointSizeF(kBodyPt);
    s.bold = s.body;
    s.bold.setBold(true);
    s.title = s.bold;
    s.title.setPointSizeF(kTitlePt);
    s.heading = s.bold;
    s.heading.setPointSizeF(kHeadingPt);
    s.note = s.body;
    s.note.setPointSizeF(kNotePt);
    s.note.setItalic(true);
    return s;
}

struct Text {
    std::shared_ptr<const QTextLayout> layout;
    double height = 0;
};

// Wrapped at words, and anywhere a word is wider than the column (a long object name).
Text layText(QString text, const QFont &font, QPaintDevice *device, double width)
{
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    auto layout = std::make_shared<QTextLayout>(text, font, device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->setCacheEnabled(true); // the shaped glyphs are kept for drawing
    layout->beginLayout();
    double y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(std::max(width, 1.0));
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    return {std::move(layout), y};
}

FlowBox paragraph(const QString &text, const QFont &font, QPaintDevice *device, double width)
{
    FlowBox b;
    const Text t = layText(text, font, device, width);
    b.cells.push_back({t.layout, 0, width, QColor()});
    b.height = t.height;
    return b;
}

double widest(const QStringList &parts, const QFontMetricsF &fm)
{
    double w = 0;
    for (const QString &part : parts)
        w = std::max(w, fm.horizontalAdvance(part));
    return w;
}

std::vector<double> columnWidths(const ReportTable &t, int columns, const Style &s, QPaintDevice *device,
                                 double width, double chrome)
{
    std::vector<double> out(std::size_t(columns), 0.0);
    if (int(t.widths.size()) == columns) {
        const double total = std::accumulate(t.widths.begin(), t.widths.end(), 0.0);
        for (int i = 0; i < columns; ++i)
            out[std::size_t(i)] = width * t.widths[std::size_t(i)] / std::max(total, 1.0);
        return out;
    }
    if (t.header.isEmpty()) { // key/value
        out[0] = columns > 1 ? width * kKeyColumnPercent / 100 : width;
        for (int i = 1; i < columns; ++i)
            out[std::size_t(i)] = (width - out[0]) / (columns - 1);
        return out;
    }
    static const QRegularExpression blank(QStringLiteral("\\s+"));
    const QFontMetricsF body(s.body, device), bold(s.bold, device);
    std::vector<double> minimum(std::size_t(columns), chrome), natural(std::size_t(columns), chrome);
    const auto need = [&](int column, const QString &text, const QFontMetricsF &fm) {
        auto &lo = minimum[std::size_t(column)];
        auto &hi = natural[std::size_t(column)];
        lo = std::max(lo, widest(text.split(blank, Qt::SkipEmptyParts), fm) + chrome);
        hi = std::max(hi, widest(text.split(QLatin1Char('\n')), fm) + chrome);
    };
    for (int i = 0; i < columns; ++i)
        need(i, t.header[i], bold);
    for (const QStringList &row : t.rows)
        for (int i = 0; i < columns && i < row.size(); ++i)
            need(i, row[i], body);
    return autoColumnWidths(minimum, natural, width);
}

void table(const ReportTable &t, const Style &s, QPaintDevice *device, double width, std::vector<FlowBox> &out)
{
    int columns = int(t.header.size());
    for (const QStringList &row : t.rows)
        columns = std::max(columns, int(row.size()));
    if (columns == 0)
        return;
    const double rule = kRulePx * s.px;
    const double inset = rule / 2 + kCellPaddingPx * s.px;
    const std::vector<double> widths = columnWidths(t, columns, s, device, width, 2 * inset);
    // Identical cells of a column (an event's type, reason, object) share one layout.
    std::vector<QHash<QString, Text>> shared(static_cast<std::size_t>(columns));
    const auto row = [&](const QStringList &cells, bool header) {
        FlowBox b;
        b.rule = rule;
        b.inset = inset;
        b.ruleColor = kRuleColor;
        double x = 0, textHeight = 0;
        for (int i = 0; i < columns; ++i) {
            const double w = widths[std::size_t(i)];
            const bool key = t.header.isEmpty() && i == 0;
            const QString text = i < cells.size() ? cells[i] : QString();
            const QFont &font = header || key ? s.bold : s.body;
            Text laid;
            if (header) {
                laid = layText(text, font, device, w - 2 * inset);
            } else {
                auto it = shared[std::size_t(i)].find(text);
                if (it == shared[std::size_t(i)].end())
                    it = shared[std::size_t(i)].insert(text, layText(text, font, device, w - 2 * inset));
                laid = *it;
            }
            textHeight = std::max(textHeight, laid.height);
            b.cells.push_back({laid.layout, x, w, header ? kHeaderBackground : key ? kKeyBackground : QColor()});
            x += w;
        }
        b.height = textHeight + 2 * inset;
        return b;
    };
    int headerBox = -1;
    if (!t.header.isEmpty()) {
        out.push_back(row(t.header, true));
        out.back().keepWithNext = true;
        headerBox = int(out.size()) - 1;
    }
    for (const QStringList &r : t.rows) {
        out.push_back(row(r, false));
        out.back().header = headerBox;
    }
    if (int(out.size()) - 1 == headerBox)
        out.back().keepWithNext = false; // a header without rows
    out.back().spaceAfter = kTableAfterPx * s.px;
    if (!t.omitted.isEmpty()) {
        out.push_back(paragraph(t.omitted, s.body, device, width));
        out.back().spaceAfter = kParagraphAfterPx * s.px;
    }
}

} // namespace

std::vector<double> autoColumnWidths(const std::vector<double> &minimum, const std::vector<double> &natural,
                                     double width)
{
    const std::size_t n = natural.size();
    const double most = std::accumulate(natural.begin(), natural.end(), 0.0);
    const double least = std::accumulate(minimum.begin(), minimum.end(), 0.0);
    std::vector<double> out(n, n ? width / double(n) : 0.0);
    if (most <= 0)
        return out;
    if (most <= width) {
        for (std::size_t i = 0; i < n; ++i)
            out[i] = natural[i] + (width - most) * natural[i] / most;
    } else if (least < width && most > least) {
        for (std::size_t i = 0; i < n; ++i)
            out[i] = minimum[i] + (width - least) * (natural[i] - minimum[i]) / (most - least);
    } else if (least > 0) {
        for (std::size_t i = 0; i < n; ++i)
            out[i] = minimum[i] * width / least; // too narrow for the words: they break anywhere
    }
    return out;
}

Flow layOut(const std::vector<ReportBlock> &blocks, QPaintDevice *device, double width)
{
    const Style s = styleFor(device);
    Flow flow;
    flow.width = width;
    auto &out = flow.boxes;
    for (const ReportBlock &b : blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::Title:
            out.push_back(paragraph(b.text, s.title, device, width));
            out.back().spaceAfter = kTitleAfterPx * s.px;
            out.back().keepWithNext = true;
            break;
        case ReportBlock::Kind::Heading:
            out.push_back(paragraph(b.text, s.heading, device, width));
            out.back().spaceBefore = kHeadingBeforePx * s.px;
            out.back().spaceAfter = kHeadingAfterPx * s.px;
            out.back().keepWithNext = true;
            break;
        case ReportBlock::Kind::Note:
            if (!out.empty())
                out.back().keepWithNext = true; // a note says something of what it follows
            [[fallthrough]];
        case ReportBlock::Kind::Paragraph:
            out.push_back(paragraph(b.text, b.kind == ReportBlock::Kind::Note ? s.note : s.body, device, width));
            out.back().spaceAfter = kParagraphAfterPx * s.px;
            if (b.kind == ReportBlock::Kind::Note)
                out.back().ink = kNoteInk;
            break;
        case ReportBlock::Kind::Table:
            table(b.table, s, device, width, out);
            break;
        case ReportBlock::Kind::Chart: {
            FlowBox c;
            c.chart = b.chart;
            c.height = width * kChartHeight / kChartWidth;
            c.spaceAfter = kParagraphAfterPx * s.px;
            out.push_back(std::move(c));
            break;
        }
        }
    }
    return flow;
}

} // namespace hpascope::report
