// The PDF and the PNG: the report's blocks measured for the device (report_layout.h), broken
// into pages (report_pages.h) and painted. The PDF has real, searchable text and vector charts;
// the PNG is the same flow on one long page, its tables cut (RenderOptions::pngMaxRows).
#include "app/core/report/report_layout.h"
#include "app/core/report/report_pages.h"
#include "app/core/report/report_render.h"

#include <QPainter>
#include <QPdfWriter>

namespace hpascope::report {

bool renderPdf(const ReportData &data, const QString &path, const RenderOptions &options, QString *error)
{
    Flow flow;
    std::vector<Page> pages;
    const auto charts = chartsOf(data, options.chartColumns);
    const auto layOut = [&](QPdfWriter &pdf, const QSizeF &body) {
        flow = report::layOut(reportBlocks(data), &pdf, body.width());
        pages = paginate(flow, body.height());
        return int(pages.size());
    };
    const auto paint = [&](QPainter &p, int page) { paintPage(p, flow, pages[std::size_t(page)], charts); };
    return writePdf(data, path, options, layOut, paint, error);
}

QImage renderPng(const ReportData &data, const RenderOptions &options)
{
    const PngPage page(options);
    QImage probe = page.probe();
    const Flow flow = layOut(reportBlocks(data, {options.pngMaxRows}), &probe, page.bodyWidth());
    const std::vector<Page> pages = paginate(flow);
    QImage image = page.canvas(pages.front().height);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.translate(page.margin, page.margin);
    paintPage(p, flow, pages.front(), chartsOf(data, options.chartColumns));
    return image;
}

} // namespace hpascope::report
