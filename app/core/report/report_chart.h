#pragma once
// The report's charts, drawn with QPainter alone (no QtCharts, no widgets, no OpenGL), so the
// same drawing is vector in PDF and SVG and crisp in a print-resolution PNG. Made for paper:
// every series differs by line style as well as by colour, so a black-and-white print reads.
#include "app/core/report/report_data.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

class QPainter;
class QRectF;

namespace hpascope::report {

struct ChartLine {
    enum class Style { Solid, Dashed, Dotted, DashDot }; // DashDot: from Prometheus
    QString label;
    bool inLegend = true; // false: the pair's other line has the entry (min–max)
    QList<QList<QPointF>> segments; // x: ms since the epoch; a gap between segments
    Style style = Style::Solid;
    QColor color;
    double width = 1.6; // in chart units (a chart is kChartWidth wide)
};

struct ChartMark {
    qint64 t = 0;
    QString text; // "3→5"
    bool up = true;
};

struct ChartData {
    QString title;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    std::vector<ChartLine> lines;
    // A shaded band between two step lines (the replicas' min–max), drawn under the lines.
    std::optional<std::pair<ChartLine, ChartLine>> band;
    QString bandLabel;
    std::vector<ChartMark> marks;
    std::vector<std::pair<qint64, qint64>> gaps; // hatched: not recorded
    std::vector<std::pair<qint64, qint64>> prometheus; // tinted: hpascope's gaps Prometheus fills
    bool integers = false; // replica counts: whole-number ticks
};

// The drawing's own coordinate system: paintChart scales it to the rectangle it is given, so
// fonts and line widths keep their proportions on a 300 dpi PNG, a PDF page and an SVG alike.
constexpr double kChartWidth = 720;
constexpr double kChartHeight = 250;
// Columns the series are decimated to (M4, app/core/m4.h): an A4 chart is ~6.5 in wide, so
// 2000 columns are finer than 300 dpi; a day of 1 s samples becomes at most 8000 vertices.
constexpr int kChartColumns = 2000;

// The replicas' chart, then one per metric track.
std::vector<ChartData> chartsOf(const ReportData &data, int columns = kChartColumns);

void paintChart(QPainter &painter, const QRectF &rect, const ChartData &chart);

} // namespace hpascope::report
