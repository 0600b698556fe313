#pragma once
// A report as a file: PDF (paged, real text, page numbers, A4 or Letter from the locale),
// self-contained HTML (one file: CSS inline, charts as inline SVG) or PNG (one image at print
// resolution). Needs a QGuiApplication (fonts); QT_QPA_PLATFORM=offscreen is enough.
#include "app/core/report/report_chart.h"
#include "app/core/report/report_data.h"

#include <QByteArray>
#include <QImage>
#include <QLocale>
#include <QPageSize>
#include <QString>

#include <functional>
#include <optional>

class QPainter;
class QPdfWriter;

namespace hpascope::report {

enum class Format { Pdf, Html, Png };

// A PNG taller than this is cut (16384 px: the most many image viewers and browsers open).
constexpr int kMaxPngHeight = 16384;

// By the file name's suffix (.pdf, .html/.htm, .png), nullopt for anything else.
std::optional<Format> formatOf(const QString &path);

// Letter where the locale uses it (the US system of measurement, and Canada), else A4.
QPageSize pageSizeFor(const QLocale &locale);

struct RenderOptions {
    QPageSize pageSize = pageSizeFor(QLocale());
    int pngDpi = 300; // print resolution
    // The PNG is one image: its tables show at most this many rows (the PDF and HTML have all).
    int pngMaxRows = 25;
    int chartColumns = kChartColumns; // the charts' M4 resolution
};

QByteArray renderHtml(const ReportData &data, int chartColumns = kChartColumns);
// Writes the PDF to `path` (through a QSaveFile); false and *error when it cannot.
bool renderPdf(const ReportData &data, const QString &path, const RenderOptions &options, QString *error);
QImage renderPng(const ReportData &data, const RenderOptions &options);

// The frame of a PDF, whatever lays its pages out (report_paged.cpp; the benchmark's baseline):
// the writer (page size, 15 mm margins, 300 dpi, title) on a QSaveFile at `path`. layOut(pdf,
// body) measures the report for that writer and page body and returns how many pages it takes;
// paint(painter, page) draws a page's body from (0, 0); each page gets its footer
// ("default/web · page 2 of 5").
using PdfLayOut = std::function<int(QPdfWriter &pdf, const QSizeF &body)>;
using PdfPaint = std::function<void(QPainter &painter, int page)>;
bool writePdf(const ReportData &data, const QString &path, const RenderOptions &options, const PdfLayOut &layOut,
              const PdfPaint &paint, QString *error);

// The PNG's one page: the paper's width at options.pngDpi, with the PDF's margins.
struct PngPage {
    explicit PngPage(const RenderOptions &options);
    int width = 0; // pixels
    double margin = 0;
    int dotsPerMeter = 0;
    double bodyWidth() const { return width - 2 * margin; }
    // An image of that resolution to measure on (fonts in points measure alike on it).
    QImage probe() const;
    // The white image for a body that tall (cut at kMaxPngHeight).
    QImage canvas(double bodyHeight) const;
};
class ReportWriter {
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)
public:
    // The format from the suffix; an empty string on success, else why not ("unknown format",
    // "cannot write …: Permission denied").
    static QString write(const ReportData &data, const QString &path, const RenderOptions &options = {});
    // Whether `path` could be written, checked before any work is done (an empty string if so).
    static QString checkWritable(const QString &path);
    // The same, whatever the file's format (a CSV export): the folder exists and may be written.
    static QString checkPath(const QString &path);
};

} // namespace hpascope::report
