#pragma once
// The measured flow (report_layout.h) broken into pages, and a page painted with QPainter: on a
// QPdfWriter the text stays text (extractable, searchable) and the charts vectors. Rows are never
// split across pages unless one is taller than a whole page (then between its lines); a table's
// header row is repeated at the top of each page it continues on; a heading is never a page's
// last line.
#include "app/core/report/report_chart.h"
#include "app/core/report/report_layout.h"

#include <limits>
#include <vector>

class QPainter;

namespace hpascope::report {

// Where a box, or a slice of one taller than a page, lands on its page.
struct Placement {
    int box = -1;
    double y = 0;    // from the top of the page's body
    double from = 0; // the part of the box shown: [from, to) of its height
    double to = 0;
};

struct Page {
    std::vector<Placement> placements;
    double height = 0; // down to the last box's end
};

// Pages `height` pixels tall; an infinite height makes one page as tall as the flow.
std::vector<Page> paginate(const Flow &flow, double height = std::numeric_limits<double>::infinity());

// The page's boxes, from (0, 0) at the top left of its body.
void paintPage(QPainter &p, const Flow &flow, const Page &page, const std::vector<ChartData> &charts);

} // namespace hpascope::report
