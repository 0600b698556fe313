#pragma once
// A report's words in reading order, as blocks both renderers share: the browser HTML
// (report_html.h) and the paged document for PDF and PNG (report_pages.h) differ only in
// markup, so what a report says is written once, here.
#include "app/core/report/report_data.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace hpascope::report {

struct ReportTable {
    QStringList header;             // empty: a two-column key/value table
    std::vector<QStringList> rows;
    std::vector<int> widths;        // per column, percent of the table; empty: the layout's choice
    QString omitted;                // "… 120 more rows in the PDF and HTML reports", when cut
};

struct ReportBlock {
    enum class Kind { Title, Heading, Paragraph, Note, Table, Chart };
    Kind kind = Kind::Paragraph;
    QString text;
    ReportTable table;
    int chart = -1; // index into chartsOf(data)
};

struct TextOptions {
    // Rows a table shows at most (0: all). The PNG is one image: its tables are cut.
    int maxRows = 0;
};

std::vector<ReportBlock> reportBlocks(const ReportData &data, const TextOptions &options = {});

// "2024-05-01 14:03:05" in local time (the reader's clock), with the UTC offset in the header.
QString timeText(const QDateTime &t);

} // namespace hpascope::report
