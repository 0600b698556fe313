#pragma once
// The PDF's and PNG's report measured for one paint device: the shared blocks (report_text.h)
// as a flow of boxes, each a run of text, a table row or a chart, with its height in the
// device's pixels. Each cell is laid out once (QTextLayout, kept for drawing) and identical cells
// of a column share their layout, so a day's hundreds of decision and event rows cost little.
// Where the pages break is report_pages.h's business.
#include "app/core/report/report_text.h"

#include <QColor>
#include <QFont>

#include <memory>
#include <vector>

class QPaintDevice;
class QTextLayout;

namespace hpascope::report {

struct LaidCell {
    std::shared_ptr<const QTextLayout> text; // lines at y from 0, wrapped to the cell's inner width
    double x = 0;                            // the cell's box, from the flow's left edge
    double width = 0;
    QColor background; // invalid: none
};

// A box of the flow: one table row (ruled cells), one paragraph (a single unruled cell) or a chart.
struct FlowBox {
    std::vector<LaidCell> cells; // none for a chart
    int chart = -1;              // index into chartsOf(data)
    double height = 0;           // the whole box, padding and rules included
    double inset = 0;            // from a cell's edge to its text: half the rule and the padding
    double rule = 0;             // the rules' width (0: none)
    QColor ink = Qt::black;
    QColor ruleColor;
    double spaceBefore = 0; // dropped at the top of a page
    double spaceAfter = 0;
    bool keepWithNext = false; // a heading, a table's header: not the last box on a page
    int header = -1;           // a table row: its header row's box, repeated on each page it continues on
};

struct Flow {
    double width = 0;
    std::vector<FlowBox> boxes;
};

// The blocks measured for `device`, `width` pixels of it wide.
Flow layOut(const std::vector<ReportBlock> &blocks, QPaintDevice *device, double width);

// Table columns' widths (pixels, summing to `width`) from what each column's cells need: each
// column at least its longest word and, room allowing, its longest line; room left over goes in
// proportion to what the columns need. minimum/natural: per column, padding included.
std::vector<double> autoColumnWidths(const std::vector<double> &minimum, const std::vector<double> &natural,
                                     double width);

} // namespace hpascope::report
