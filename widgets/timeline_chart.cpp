#include "widgets/timeline_chart.h"
#include "widgets/palette_follow.h"
#include "app/core/segment_clip.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace hpascope {
namespace {

// Tableau 10, the matplotlib default cycle: distinguishable, and colour-blind tolerable.
const QColor kBlue(0x1f, 0x77, 0xb4);
const QColor kOrange(0xff, 0x7f, 0x0e);
const QColor kRed(0xd6, 0x27, 0x28);
const QColor kGreen(0x2c, 0xa0, 0x2c);
const QColor kGrey(0x7f, 0x7f, 0x7f);
constexpr int kLineWidth = 2;
constexpr int kXTicks = 7;       // fits "HH:mm:ss" labels in a 600 px plot
constexpr int kPxPerXTick = 90;  // one "HH:mm:ss" label (~60 px at the default font) plus a gap
constexpr int kPxPerYTick = 24;  // one label line (~15 px) plus spacing
constexpr int kMaxYTicksCap = 6;
constexpr int kLabelRows = 3;    // scale-event labels stacked at most this deep
constexpr qreal kLabelGap = 6;   // px between two labels on one row
constexpr int kChartMargin = 4;
constexpr qreal kMarkerZ = 10;   // above the series (QtCharts puts series at z 5..6)
constexpr qint64 kSecondsFormatUpToMs = 15 * 60 * 1000; // below that, minutes alone repeat
constexpr qint64 kTimeFormatUpToMs = 24 * 3600 * 1000; // above that, the times repeat across days

QColor markerColor(Annotation::Kind kind)
{
    switch (kind) {
    case Annotation::Kind::ScaleUp: return kGreen;
    case Annotation::Kind::ScaleDown: return kOrange;
    case Annotation::Kind::Warning: return kRed;
    case Annotation::Kind::Info: break;
    }
    return kGrey;
}

// 1, 2 or 5 times a power of ten, at least `raw`.
double niceStep(double raw)
{
    const double p = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-12))));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * p >= raw)
            return m * p;
    }
    return 10 * p;
}

} // namespace

TimelineChart::TimelineChart(SeriesStore *store, QWidget *parent)
    // Given the chart up front: setChart() would release (not delete) the default one.
    : QChartView(new QChart, parent),
      m_store(store),
      m_xAxis(new QDateTimeAxis),
      m_yAxis(new QValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    QChart *c = chart();
    c->setMargins(QMargins(kChartMargin, kChartMargin, kChartMargin, kChartMargin));
    c->legend()->setAlignment(Qt::AlignBottom);
    c->addAxis(m_xAxis, Qt::AlignBottom);
    c->addAxis(m_yAxis, Qt::AlignLeft);
    m_xAxis->setTickCount(kXTicks);
    m_yAxis->setRange(0, 1);
    applyPalette();
    connect(c, &QChart::plotAreaChanged, this, [this] {
        m_dirty = true; // the next tick re-renders at the new width
        updateMarkers();
    });
}

TimelineChart *TimelineChart::makeReplicaChart(SeriesStore *store, const QString &hpaKey,
                                               QWidget *parent)
{
    auto *chart = new TimelineChart(store, parent);
    chart->setTitle(tr("Replicas"));
    chart->setBand(series_keys::replicas(hpaKey, QStringLiteral("min")),
                   series_keys::replicas(hpaKey, QStringLiteral("max")), tr("min–max"), kGrey);
    const QString desired = QStringLiteral("desired"), current = QStringLiteral("current");
    chart->addTrace({desired, series_keys::replicas(hpaKey, desired), tr("desired"), kOrange});
    chart->addTrace({current, series_keys::replicas(hpaKey, current), tr("current"), kBlue});
    chart->addPrometheusTrace(chart->m_pools[0].trace);
    chart->addPrometheusTrace(chart->m_pools[1].trace);
    chart->setIntegerAxis(true);
    chart->setAnnotationScope(hpaKey);
    return chart;
}

TimelineChart *TimelineChart::makeMetricChart(SeriesStore *store, const QString &hpaKey,
                                              const QString &identity, const QString &title,
                                              QWidget *parent)
{
    auto *chart = new TimelineChart(store, parent);
    chart->setTitle(title);
    const QString target = QStringLiteral("target"), current = QStringLiteral("current");
    // Dotted, so a dashed what-if prediction is never mistaken for the target.
    chart->addTrace({target, series_keys::metric(hpaKey, identity, target), tr("target"), kRed,
                     Qt::DotLine});
    chart->addTrace({current, series_keys::metric(hpaKey, identity, current), tr("current", "a metric's current value"), kBlue});
    chart->addPrometheusTrace(chart->m_pools[0].trace);
    chart->addPrometheusTrace(chart->m_pools[1].trace);
    chart->setAnnotationScope(hpaKey);
    return chart;
}

void TimelineChart::setTitle(const QString &title)
{
    chart()->setTitle(title);
}

void TimelineChart::attach(QAbstractSeries *series, bool inLegend)
{
    chart()->addSeries(series);
    series->attachAxis(m_xAxis);
    series->attachAxis(m_yAxis);
    if (!inLegend) {
        for (QLegendMarker *marker : chart()->legend()->markers(series))
            marker->setVisible(false);
    }
}

void TimelineChart::addTrace(const Trace &trace)
{
    m_pools.append({trace, {}});
    lineSeries(m_pools.last(), 0);
    m_dirty = true;
}

void TimelineChart::addPrometheusTrace(const Trace &local)
{
    Trace t;
    t.role = local.role + QStringLiteral(".prometheus");
    t.key = series_keys::fromPrometheus(local.key);
    t.label = tr("%1 (Prometheus)", "a chart trace whose history came from Prometheus").arg(local.label);
    t.color = local.color.lighter(135);
    t.style = Qt::DashDotLine;
    t.yieldsTo = local.role;
    t.legendWhenEmpty = false;
    addTrace(t);
}

QLineSeries *TimelineChart::lineSeries(Pool &pool, qsizetype index)
{
    while (pool.series.size() <= index) {
        auto *s = new QLineSeries(this);
        s->setName(pool.trace.label);
        QPen pen(pool.trace.color, kLineWidth, pool.trace.style);
        s->setPen(pen);
        attach(s, pool.series.isEmpty());
        pool.series.append(s);
    }
    return pool.series[index];
}

void TimelineChart::setAnnotationScope(const QString &scope)
{
    m_annotationScope = scope;
    m_dirty = true;
}

void TimelineChart::setIntegerAxis(bool integer)
{
    m_integerAxis = integer;
    m_dirty = true;
}

void TimelineChart::setPrediction(const QString &key, const QList<QPointF> &points)
{
    QLineSeries *&s = m_predictions[key];
    if (!s) {
        QColor color = kGrey;
        QString label = key;
        for (const Pool &pool : std::as_const(m_pools)) {
            if (pool.trace.key == key) {
                color = pool.trace.color;
                label = pool.trace.label;
            }
        }
        s = new QLineSeries(this);
        s->setName(tr("%1 (what-if)").arg(label));
        s->setPen(QPen(color, kLineWidth, Qt::DashLine));
        attach(s, true);
    }
    m_predictionPoints[key] = points;
    m_dirty = true;
}

void TimelineChart::clearPrediction(const QString &key)
{
    if (QLineSeries *s = m_predictions.take(key)) {
        chart()->removeSeries(s);
        delete s;
    }
    m_predictionPoints.remove(key);
    m_dirty = true;
}

qreal TimelineChart::naturalPlotLeft() const
{
    return chart()->plotArea().left() - m_leftPadding;
}

void TimelineChart::setLeftPadding(int px)
{
    px = std::max(px, 0);
    if (px == m_leftPadding)
        return;
    m_leftPadding = px;
    chart()->setMargins(QMargins(kChartMargin + px, kChartMargin, kChartMargin, kChartMargin));
}

int TimelineChart::plotColumns() const
{
    int w = qRound(chart()->plotArea().width());
    if (w < 1)
        w = width(); // not laid out yet: the whole view is a safe upper bound
    return std::clamp(w, 1, m4::kMaxColumns);
}

quint64 TimelineChart::contentRevision() const
{
    quint64 r = m_annotationScope.isEmpty() ? 0 : m_store->annotationRevision(m_annotationScope);
    for (const Pool &pool : m_pools)
        r = std::max(r, m_store->revision(pool.trace.key));
    for (const Band &band : m_bands)
        r = std::max({r, m_store->revision(band.lowerKey), m_store->revision(band.upperKey)});
    return r;
}

void TimelineChart::showPool(Pool &pool, const QList<QList<QPointF>> &segments)
{
    for (qsizetype i = 0; i < segments.size(); ++i)
        lineSeries(pool, i)->replace(segments[i]);
    for (qsizetype i = segments.size(); i < pool.series.size(); ++i) {
        if (pool.series[i]->count() > 0)
            pool.series[i]->clear();
    }
    if (!pool.trace.legendWhenEmpty)
        showInLegend(pool.series[0], !segments.isEmpty());
}

void TimelineChart::showInLegend(QAbstractSeries *series, bool shown)
{
    bool changed = false;
    for (QLegendMarker *marker : chart()->legend()->markers(series)) {
        changed = changed || marker->isVisible() != shown;
        marker->setVisible(shown);
    }
    // QtCharts 6.4 does not lay the legend out again for a marker shown or hidden: the entry
    // would be drawn squeezed over its neighbours.
    if (changed && chart()->legend()->layout())
        chart()->legend()->layout()->invalidate();
}

void TimelineChart::fitY(SeriesView &v)
{
    bool first = true;
    for (const QList<QPointF> &segment : std::as_const(v.segments)) {
        for (const QPointF &p : segment) {
            v.minY = first ? p.y() : std::min(v.minY, p.y());
            v.maxY = first ? p.y() : std::max(v.maxY, p.y());
            first = false;
        }
    }
}

bool TimelineChart::render(qint64 t0, qint64 t1)
{
    if (!m_store || t1 <= t0)
        return false;
    const int columns = plotColumns();
    const quint64 revision = contentRevision();
    if (!m_dirty && revision == m_revision && t0 == m_t0 && t1 == m_t1 && columns == m_columns)
        return false;
    m_dirty = false;
    m_revision = revision;
    m_t0 = t0;
    m_t1 = t1;
    m_columns = columns;
    ++m_renderCount;

    double minY = 0, maxY = 0;
    bool haveData = false;
    const auto include = [&](const SeriesView &v) {
        if (v.isEmpty())
            return;
        minY = haveData ? std::min(minY, v.minY) : v.minY;
        maxY = haveData ? std::max(maxY, v.maxY) : v.maxY;
        haveData = true;
    };

    QHash<QString, QList<XSpan>> drawn; // each role's segments, for the traces that yield to it
    for (Pool &pool : m_pools) {
        SeriesView v = m_store->view(pool.trace.key, t0, t1, columns);
        if (!pool.trace.yieldsTo.isEmpty() && !v.isEmpty()) {
            v.segments = clipOutside(v.segments, drawn.value(pool.trace.yieldsTo));
            fitY(v);
        }
        drawn.insert(pool.trace.role, xSpansOf(v.segments));
        include(v);
        showPool(pool, v.segments);
    }

    renderBands(t0, t1, columns, include);

    for (auto it = m_predictions.begin(); it != m_predictions.end(); ++it) {
        const QList<QPointF> &pts = m_predictionPoints.value(it.key());
        it.value()->replace(pts);
        for (const QPointF &p : pts) {
            minY = haveData ? std::min(minY, p.y()) : p.y();
            maxY = haveData ? std::max(maxY, p.y()) : p.y();
            haveData = true;
        }
    }

    // Days need the date: "12-03 14:00" (digits only, the same in every language).
    m_xAxis->setFormat(t1 - t0 <= kSecondsFormatUpToMs ? QStringLiteral("HH:mm:ss")
                       : t1 - t0 <= kTimeFormatUpToMs  ? QStringLiteral("HH:mm")
                                                       : QStringLiteral("MM-dd HH:mm"));
    m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(t0), QDateTime::fromMSecsSinceEpoch(t1));
    // As many labelled ticks as fit the plot width, so narrow charts do not elide the times.
    m_xAxis->setTickCount(std::clamp(columns / kPxPerXTick + 1, 2, kXTicks));
    updateAxes(minY, maxY, haveData);
    m_annotations = m_annotationScope.isEmpty()
        ? QList<Annotation>{}
        : m_store->annotations(m_annotationScope, t0, t1);
    m_markerTimes.clear();
    for (const Annotation &a : std::as_const(m_annotations))
        m_markerTimes.append(a.t);
    updateMarkers(); // positions them once the plot area is known
    return true;
}

void TimelineChart::updateAxes(double minY, double maxY, bool haveData)
{
    // As many ticks as fit the plot height: Qt elides labels that overlap ("…").
    const int plotHeight = int(chart()->plotArea().height());
    const int kMaxYTicks = plotHeight > 0 ? std::clamp(plotHeight / kPxPerYTick, 2, kMaxYTicksCap) : kMaxYTicksCap;
    if (m_integerAxis) {
        // Replica counts: from 0, headroom of one replica, whole-number ticks.
        const double top = haveData ? std::max(1.0, std::ceil(maxY)) + 1 : 2;
        const double step = std::max(1.0, niceStep(top / kMaxYTicks));
        m_yAxis->setLabelFormat(QStringLiteral("%d"));
        m_yAxis->setTickType(QValueAxis::TicksDynamic);
        m_yAxis->setTickAnchor(0);
        m_yAxis->setTickInterval(step);
        m_yAxis->setRange(0, std::ceil(top / step) * step);
        return;
    }
    double lo = haveData ? std::min(0.0, minY) : 0; // metrics read best against zero
    double hi = haveData ? maxY : 1;
    if (hi <= lo)
        hi = lo + 1;
    const double step = niceStep((hi - lo) / kMaxYTicks);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi * 1.05 / step) * step; // a little headroom above the highest line
    m_yAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_yAxis->setTickType(QValueAxis::TicksDynamic);
    m_yAxis->setTickAnchor(0);
    m_yAxis->setTickInterval(step);
    m_yAxis->setRange(lo, hi);
}

void TimelineChart::updateMarkers()
{
    qDeleteAll(m_markerItems);
    m_markerItems.clear();
    const QRectF plot = chart()->plotArea();
    if (plot.width() < 1 || m_t1 <= m_t0)
        return;
    qreal rowEnd[kLabelRows];
    std::fill(std::begin(rowEnd), std::end(rowEnd), plot.left() - 1e9);
    for (const Annotation &a : std::as_const(m_annotations)) {
        const qreal x = plot.left() + double(a.t - m_t0) * plot.width() / double(m_t1 - m_t0);
        const QColor color = markerColor(a.kind);
        auto *line = new QGraphicsLineItem(x, plot.top(), x, plot.bottom(), chart());
        line->setPen(QPen(color, 1, Qt::DashLine));
        line->setZValue(kMarkerZ);
        const QString tip = QDateTime::fromMSecsSinceEpoch(a.t).toString(QStringLiteral("HH:mm:ss"))
            + QStringLiteral("  ") + a.text;
        line->setToolTip(tip);
        m_markerItems << line;
        // Labels of events closer than a label's width would overprint each other: stack them
        // in a few rows, and beyond that keep the line only (its tooltip still says it).
        const qreal width = QFontMetricsF(chart()->font()).horizontalAdvance(a.text) + kLabelGap;
        int row = 0;
        while (row < kLabelRows && x < rowEnd[row])
            ++row;
        if (row == kLabelRows)
            continue;
        auto *label = new QGraphicsSimpleTextItem(a.text, chart());
        label->setBrush(color.darker(130));
        label->setPos(x + 3, plot.top() + 2 + row * QFontMetricsF(chart()->font()).height());
        label->setZValue(kMarkerZ);
        label->setToolTip(tip);
        rowEnd[row] = x + 3 + width;
        m_markerItems << label;
    }
}

QList<QLineSeries *> TimelineChart::segmentsOf(const QString &role) const
{
    QList<QLineSeries *> out;
    for (const Pool &pool : m_pools) {
        if (pool.trace.role != role)
            continue;
        for (QLineSeries *s : pool.series) {
            if (s->count() > 0)
                out.append(s);
        }
    }
    return out;
}

QLineSeries *TimelineChart::predictionOf(const QString &key) const
{
    return m_predictions.value(key);
}

void TimelineChart::applyPalette()
{
    // QChart's themes would also recolour the series (their colours and line styles carry
    // meaning here): only the chart's own surfaces and text follow the palette.
    const QPalette p = palette();
    QChart *c = chart();
    c->setBackgroundBrush(p.base());
    c->setTitleBrush(p.text());
    c->legend()->setLabelColor(p.color(QPalette::Text));
    const QColor grid = palette::isDark(p) ? p.color(QPalette::Text).darker(250) : p.color(QPalette::Mid).lighter(130);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_xAxis), static_cast<QAbstractAxis *>(m_yAxis)}) {
        axis->setLabelsBrush(p.text());
        axis->setTitleBrush(p.text());
        axis->setGridLineColor(grid);
        axis->setLinePenColor(p.color(QPalette::Mid));
    }
    setBackgroundBrush(p.window());
}

void TimelineChart::changeEvent(QEvent *event)
{
    if (palette::isPaletteChange(event)) {
        applyPalette();
        m_dirty = true;
    }
    QChartView::changeEvent(event);
}

} // namespace hpascope
