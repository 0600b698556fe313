#include "app/core/report/report_pages.h"

#include <QPainter>
#include <QTextLayout>

#include <algorithm>

namespace hpascope::report {

namespace {

// Where a box taller than the room left must break at or before `limit` (from the box's top) so
// that no line of text is cut: the top of the first line, in any cell, that would not fit.
double breakBefore(const FlowBox &b, double from, double limit)
{
    double at = limit;
    for (const LaidCell &c : b.cells)
        for (int i = 0; i < c.text->lineCount(); ++i) {
            const QTextLine line = c.text->lineAt(i);
            const double top = b.inset + line.y();
            if (top >= from && top + line.height() > limit)
                at = std::min(at, top);
        }
    return at > from ? at : limit; // one line taller than a page: cut
}

class Paginator {
public:
    Paginator(const Flow &flow, double height) : m_boxes(flow.boxes), m_height(height) {}

    std::vector<Page> run()
    {
        m_pages.emplace_back();
        for (int i = 0; i < int(m_boxes.size()); ++i)
            place(i);
        for (Page &page : m_pages)
            for (const Placement &at : page.placements)
                page.height = std::max(page.height, at.y + at.to - at.from);
        return std::move(m_pages);
    }

private:
    const std::vector<FlowBox> &m_boxes;
    const double m_height;
    std::vector<Page> m_pages;
    double m_y = 0;
    bool m_fresh = true; // nothing on the page but a repeated header

    void put(int box, double from, double to)
    {
        m_pages.back().placements.push_back({box, m_y, from, to});
        m_y += to - from;
        m_fresh = false;
    }

    void newPage(int header)
    {
        m_pages.emplace_back();
        m_y = 0;
        if (header >= 0)
            put(header, 0, m_boxes[std::size_t(header)].height);
        m_fresh = true;
    }

    // The box and, for a heading or a table's header, what must stay on its page with it.
    double needed(int i) const
    {
        double need = m_boxes[std::size_t(i)].height;
        for (int j = i; m_boxes[std::size_t(j)].keepWithNext && j + 1 < int(m_boxes.size()); ++j)
            need += m_boxes[std::size_t(j)].spaceAfter + m_boxes[std::size_t(j) + 1].spaceBefore
                    + m_boxes[std::size_t(j) + 1].height;
        return need;
    }

    void place(int i)
    {
        const FlowBox &b = m_boxes[std::size_t(i)];
        double before = m_fresh ? 0 : b.spaceBefore;
        if (!m_fresh && m_y + before + needed(i) > m_height) {
            newPage(b.header);
            before = 0;
        }
        m_y += before;
        double from = 0;
        while (m_y + (b.height - from) > m_height) { // taller than a page: in slices between lines
            const double to = breakBefore(b, from, from + std::max(m_height - m_y, 1.0));
            put(i, from, to);
            from = to;
            newPage(b.header);
        }
        put(i, from, b.height);
        m_y += b.spaceAfter;
    }
};

// `top`: whether to rule the box's top edge (not when the box above drew it as its bottom).
void paintBox(QPainter &p, const FlowBox &b, const Placement &at, bool top)
{
    const double height = at.to - at.from;
    const double r = b.rule / 2; // backgrounds inside the rules, or the next row's hides half of one
    for (const LaidCell &c : b.cells)
        if (c.background.isValid())
            p.fillRect(QRectF(c.x, at.y, c.width, height).adjusted(r, r, -r, -r), c.background);
    p.setPen(b.ink);
    for (const LaidCell &c : b.cells) {
        const QPointF origin(c.x + b.inset, at.y + b.inset - at.from);
        for (int i = 0; i < c.text->lineCount(); ++i) {
            const QTextLine line = c.text->lineAt(i);
            const double lineTop = b.inset + line.y();
            if (lineTop >= at.from && lineTop < at.to)
                line.draw(&p, origin);
        }
    }
    if (b.rule <= 0 || b.cells.empty())
        return;
    // Each edge once: a line drawn twice is darker where it is antialiased.
    p.setPen(QPen(b.ruleColor, b.rule));
    const double left = b.cells.front().x;
    const double right = b.cells.back().x + b.cells.back().width;
    const double bottom = at.y + height;
    if (top)
        p.drawLine(QLineF(left, at.y, right, at.y));
    p.drawLine(QLineF(left, bottom, right, bottom));
    for (const LaidCell &c : b.cells)
        p.drawLine(QLineF(c.x, at.y, c.x, bottom));
    p.drawLine(QLineF(right, at.y, right, bottom));
}

} // namespace

std::vector<Page> paginate(const Flow &flow, double height)
{
    return Paginator(flow, height).run();
}

void paintPage(QPainter &p, const Flow &flow, const Page &page, const std::vector<ChartData> &charts)
{
    double ruledTo = -1; // where the last ruled box ended
    for (const Placement &at : page.placements) {
        const FlowBox &b = flow.boxes[std::size_t(at.box)];
        if (b.chart >= 0 && b.chart < int(charts.size()))
            paintChart(p, QRectF(0, at.y - at.from, flow.width, b.height), charts[std::size_t(b.chart)]);
        else
            paintBox(p, b, at, at.y != ruledTo);
        ruledTo = b.rule > 0 ? at.y + at.to - at.from : -1;
    }
}

} // namespace hpascope::report
