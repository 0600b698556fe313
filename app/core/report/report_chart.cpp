#include "app/core/report/report_chart.h"

#include "app/core/report/report_polyline.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace hpascope::report {

namespace {

// Chart units (kChartWidth × kChartHeight): room for the y labels ("1500m"), the title row
// above the plot and one row of time labels below it.
constexpr double kLeft = 50;
constexpr double kRight = 12;
constexpr double kTop = 34;
constexpr double kBottom = 24;
constexpr double kTitlePx = 13;
constexpr double kLabelPx = 10;
constexpr double kHatchStep = 7;   // between the diagonal lines of an unrecorded span
constexpr int kYTicks = 5;
constexpr int kMaxXTicks = 8;      // "HH:mm" labels with room between them in 658 units
constexpr int kMarkRows = 3;       // scale marks stacked at most this deep before they overlap
constexpr double kMinMarkGap = 4;  // average units between marks below which they become ticks
constexpr double kDenseTick = 6;   // a dense scale-up's tick (a scale-down's is half as long)
const QColor kGridColour(0xd8, 0xd8, 0xd8);
const QColor kFrameColour(0x60, 0x60, 0x60);
const QColor kBandFill(0, 0, 0, 26);
const QColor kHatch(0x90, 0x90, 0x90);
const QColor kPrometheusTint(0x1f, 0x5f, 0xb4, 16);

QFont font(double px, bool bold = false)
{
    QFont f;
    f.setPixelSize(int(px));
    f.setBold(bold);
    return f;
}

Qt::PenStyle penStyle(ChartLine::Style s)
{
    switch (s) {
    case ChartLine::Style::Solid: return Qt::SolidLine;
    case ChartLine::Style::Dashed: return Qt::DashLine;
    case ChartLine::Style::Dotted: return Qt::DotLine;
    case ChartLine::Style::DashDot: return Qt::DashDotLine;
    }
    return Qt::SolidLine;
}

QPen penOf(const ChartLine &l)
{
    QPen pen(l.color, l.width, penStyle(l.style), Qt::FlatCap, Qt::MiterJoin);
    return pen;
}

// 1, 2 or 5 × 10^n, at least `raw`.
double roundStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-12))));
    const std::array<double, 4> factors{1, 2, 5, 10};
    const auto f = std::find_if(factors.begin(), factors.end(), [&](double m) { return m * magnitude >= raw; });
    return (f == factors.end() ? 10 : *f) * magnitude;
}

// Kubernetes' way with quantities: 0.4 reads "400m", 2000 reads "2k".
QString valueText(double v)
{
    const double a = std::abs(v);
    if (a == 0)
        return QStringLiteral("0");
    if (a < 1)
        return QString::number(v * 1000, 'g', 3) + QLatin1Char('m');
    if (a >= 1e6)
        return QString::number(v / 1e6, 'g', 3) + QLatin1Char('M');
    if (a >= 1e4)
        return QString::number(v / 1e3, 'g', 3) + QLatin1Char('k');
    return QString::number(v, 'g', 4);
}

qint64 timeStep(qint64 spanMs)
{
    static const qint64 steps[] = {1'000, 5'000, 10'000, 15'000, 30'000, 60'000, 120'000, 300'000, 600'000, 900'000,
                                   1'800'000, 3'600'000, 7'200'000, 10'800'000, 21'600'000, 43'200'000, 86'400'000};
    for (qint64 s : steps)
        if (spanMs / s <= kMaxXTicks)
            return s;
    return 86'400'000 * ((spanMs / 86'400'000) / kMaxXTicks + 1);
}

struct Scale {
    QRectF plot;
    qint64 t0, t1;
    double y0, y1;
    double x(double t) const { return plot.left() + (t - double(t0)) / double(t1 - t0) * plot.width(); }
    double y(double v) const { return plot.bottom() - (v - y0) / (y1 - y0) * plot.height(); }
    QPointF at(const QPointF &p) const { return {x(p.x()), y(p.y())}; }
};

void valueRange(const ChartData &c, double *lo, double *hi)
{
    *lo = 0;
    *hi = 0;
    const auto take = [&](const ChartLine &l) {
        for (const auto &seg : l.segments)
            for (const QPointF &p : seg)
                *hi = std::max(*hi, p.y()), *lo = std::min(*lo, p.y());
    };
    for (const ChartLine &l : c.lines)
        take(l);
    if (c.band)
        take(c.band->second);
    const double step = c.integers ? std::max(1.0, roundStep((*hi - *lo) / kYTicks)) : roundStep((*hi - *lo) / kYTicks);
    *hi = (*hi <= *lo) ? *lo + 1 : std::ceil(*hi * 1.08 / step) * step;
}

void drawAxes(QPainter &p, const Scale &s, const ChartData &c)
{
    p.setFont(font(kLabelPx));
    const QFontMetricsF fm(p.font());
    const double ystep = c.integers ? std::max(1.0, roundStep((s.y1 - s.y0) / kYTicks)) : roundStep((s.y1 - s.y0) / kYTicks);
    for (double v = s.y0; v <= s.y1 + ystep * 1e-6; v += ystep) {
        const double y = s.y(v);
        p.setPen(QPen(kGridColour, 0.5));
        p.drawLine(QPointF(s.plot.left(), y), QPointF(s.plot.right(), y));
        p.setPen(kFrameColour);
        p.drawText(QRectF(0, y - 8, kLeft - 5, 16), Qt::AlignRight | Qt::AlignVCenter, valueText(v));
    }
    const qint64 step = timeStep(s.t1 - s.t0);
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(s.t0).offsetFromUtc()) * 1000;
    const QString fmt = step < 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    for (qint64 t = ((s.t0 + offset + step - 1) / step) * step - offset; t <= s.t1; t += step) {
        const double x = s.x(double(t));
        p.setPen(QPen(kGridColour, 0.5));
        p.drawLine(QPointF(x, s.plot.top()), QPointF(x, s.plot.bottom()));
        p.setPen(kFrameColour);
        const QString label = QDateTime::fromMSecsSinceEpoch(t).toLocalTime().toString(fmt);
        const double w = fm.horizontalAdvance(label);
        p.drawText(QPointF(std::clamp(x - w / 2, s.plot.left() - kLeft / 2, kChartWidth - w), s.plot.bottom() + 14), label);
    }
    p.setPen(QPen(kFrameColour, 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(s.plot);
}

void drawGaps(QPainter &p, const Scale &s, const ChartData &c)
{
    for (const auto &[a, b] : c.gaps) {
        const QRectF r(QPointF(s.x(double(std::max(a, s.t0))), s.plot.top()),
                       QPointF(s.x(double(std::min(b, s.t1))), s.plot.bottom()));
        if (r.width() <= 0)
            continue;
        p.save();
        p.setClipRect(r);
        p.setPen(QPen(kHatch, 0.6));
        // Each line cut to the span itself: QSvgGenerator (the HTML report) drops clip paths.
        const double h = r.height();
        for (double x = r.left() - h; x < r.right(); x += kHatchStep) {
            const double t0 = std::max(0.0, (r.left() - x) / h), t1 = std::min(1.0, (r.right() - x) / h);
            if (t0 < t1)
                p.drawLine(QPointF(x + t0 * h, r.bottom() - t0 * h), QPointF(x + t1 * h, r.bottom() - t1 * h));
        }
        p.restore();
        const QString text = QCoreApplication::translate("Report", "not recorded");
        p.setFont(font(kLabelPx));
        if (QFontMetricsF(p.font()).horizontalAdvance(text) + 8 < r.width()) {
            p.setPen(kFrameColour);
            const QRectF label(r.center().x() - 40, r.center().y() - 8, 80, 16);
            p.fillRect(label, Qt::white);
            p.drawText(label, Qt::AlignCenter, text);
        }
    }
}

// hpascope's gaps that Prometheus' history fills: a light tint, its source named at the bottom.
void drawPrometheusSpans(QPainter &p, const Scale &s, const ChartData &c)
{
    const QString text = QCoreApplication::translate("Report", "from Prometheus");
    p.setFont(font(kLabelPx));
    const double w = QFontMetricsF(p.font()).horizontalAdvance(text);
    for (const auto &[a, b] : c.prometheus) {
        const QRectF r(QPointF(s.x(double(std::max(a, s.t0))), s.plot.top()),
                       QPointF(s.x(double(std::min(b, s.t1))), s.plot.bottom()));
        if (r.width() <= 0)
            continue;
        p.fillRect(r, kPrometheusTint);
        if (w + 8 < r.width()) {
            p.setPen(kFrameColour);
            p.drawText(QRectF(r.left(), r.bottom() - 14, r.width(), 12), Qt::AlignCenter, text);
        }
    }
}

QPolygonF mapped(const Scale &s, const QList<QPointF> &seg)
{
    QPolygonF poly;
    poly.reserve(seg.size());
    for (const QPointF &pt : seg)
        poly << s.at(pt);
    return poly;
}

void drawBand(QPainter &p, const Scale &s, const ChartData &c)
{
    if (!c.band)
        return;
    const auto &[lower, upper] = *c.band;
    for (qsizetype i = 0; i < std::min(lower.segments.size(), upper.segments.size()); ++i) {
        QPolygonF poly = mapped(s, upper.segments[i]);
        const QPolygonF low = mapped(s, lower.segments[i]);
        for (auto it = low.crbegin(); it != low.crend(); ++it)
            poly << *it;
        p.setPen(Qt::NoPen);
        p.setBrush(kBandFill);
        p.drawPolygon(poly);
    }
    p.setBrush(Qt::NoBrush);
    for (const ChartLine *l : {&lower, &upper}) {
        p.setPen(penOf(*l));
        for (const auto &seg : l->segments)
            drawLongPolyline(p, mapped(s, seg));
    }
}

void drawMarks(QPainter &p, const Scale &s, const ChartData &c)
{
    p.setFont(font(kLabelPx, true));
    const QFontMetricsF fm(p.font());
    std::array<double, kMarkRows> rowEnd;
    rowEnd.fill(-1e9);
    // Denser than a mark every kMinMarkGap units (a day of rescales every few minutes), full-height
    // lines would merge into a grey wall over the data: each mark is then a short tick along the
    // plot's top edge, unlabelled (the decision table has every one).
    const auto visible = std::count_if(c.marks.begin(), c.marks.end(), [&](const ChartMark &m) { return m.t >= s.t0 && m.t <= s.t1; });
    const bool dense = visible > 0 && s.plot.width() / double(visible) < kMinMarkGap;
    for (const ChartMark &m : c.marks) {
        if (m.t < s.t0 || m.t > s.t1)
            continue;
        const double x = s.x(double(m.t));
        p.setPen(QPen(kFrameColour, 0.7, m.up ? Qt::SolidLine : Qt::DashLine));
        if (dense) {
            p.setPen(QPen(kFrameColour, 0.5));
            p.drawLine(QPointF(x, s.plot.top()), QPointF(x, s.plot.top() + (m.up ? kDenseTick : kDenseTick / 2)));
            continue;
        }
        p.drawLine(QPointF(x, s.plot.top()), QPointF(x, s.plot.bottom()));
        const double w = fm.horizontalAdvance(m.text) + 4;
        const auto row = std::find_if(rowEnd.begin(), rowEnd.end(), [&](double end) { return end < x - w / 2; });
        if (row == rowEnd.end())
            continue; // too dense to label: the line stays, the decision table has the numbers
        const int r = int(row - rowEnd.begin());
        const QRectF box(x - w / 2, s.plot.top() + 2 + r * 13, w, 12);
        *row = box.right() + 2;
        p.fillRect(box, Qt::white);
        p.setPen(Qt::black);
        p.drawText(box, Qt::AlignCenter, m.text);
    }
}

void drawLegend(QPainter &p, const ChartData &c)
{
    p.setFont(font(kLabelPx));
    const QFontMetricsF fm(p.font());
    double x = kChartWidth - kRight;
    const double y = kTop - 9; // the row under the title
    const auto entry = [&](const QString &label, const std::function<void(const QRectF &)> &sample) {
        const double w = fm.horizontalAdvance(label);
        x -= w;
        p.setPen(Qt::black);
        p.drawText(QPointF(x, y + 4), label);
        x -= 26;
        sample(QRectF(x, y - 4, 22, 8));
        x -= 12;
    };
    for (const ChartLine &l : c.lines)
        if (l.inLegend)
            entry(l.label, [&](const QRectF &r) {
                p.setPen(penOf(l));
                p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
            });
    if (c.band && !c.bandLabel.isEmpty())
        entry(c.bandLabel, [&](const QRectF &r) {
            p.fillRect(r, kBandFill);
            p.setPen(penOf(c.band->first));
            p.drawLine(r.topLeft(), r.topRight());
            p.drawLine(r.bottomLeft(), r.bottomRight());
        });
}

} // namespace

void paintChart(QPainter &p, const QRectF &rect, const ChartData &c)
{
    p.save();
    p.translate(rect.topLeft());
    p.scale(rect.width() / kChartWidth, rect.height() / kChartHeight);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(QRectF(0, 0, kChartWidth, kChartHeight), Qt::white);

    Scale s{QRectF(QPointF(kLeft, kTop), QPointF(kChartWidth - kRight, kChartHeight - kBottom)), c.fromMs,
            std::max(c.toMs, c.fromMs + 1), 0, 1};
    valueRange(c, &s.y0, &s.y1);

    p.setFont(font(kTitlePx, true));
    p.setPen(Qt::black);
    p.drawText(QPointF(kLeft, kTitlePx), c.title);
    drawLegend(p, c);
    drawAxes(p, s, c);
    p.save();
    p.setClipRect(s.plot.adjusted(-1, -1, 1, 1));
    drawPrometheusSpans(p, s, c);
    drawGaps(p, s, c);
    drawBand(p, s, c);
    for (const ChartLine &l : c.lines) {
        p.setPen(penOf(l));
        for (const auto &seg : l.segments)
            drawLongPolyline(p, mapped(s, seg));
    }
    drawMarks(p, s, c);
    p.restore();
    p.restore();
}

} // namespace hpascope::report
