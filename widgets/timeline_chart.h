#pragma once
// One timeline chart (replicas, or one metric) drawn from SeriesStore M4 views. Never appends to a
// visible series: render() replaces each series' points with a view at the plot area's pixel
// width, and skips the work when neither the store, the window nor the width changed. A gap in
// the data is a break in the line, so each connected segment is its own pooled QLineSeries
// (QtCharts 6.4 drops NaN points instead of breaking the line). Non-GL, so it renders offscreen.
#include "app/core/series_store.h"

#include <QChartView>
#include <QColor>
#include <QHash>
#include <QList>
#include <QPointer>

#include <functional>

class QAbstractSeries;
class QAreaSeries;
class QDateTimeAxis;
class QGraphicsItem;
class QLineSeries;
class QValueAxis;

namespace hpascope {

class TimelineChart : public QChartView {
    Q_OBJECT
public:
    struct Trace {
        QString role;  // stable name for tests and predictions: "current", "desired", "target"
        QString key;   // SeriesStore key
        QString label; // legend text
        QColor color;
        Qt::PenStyle style = Qt::SolidLine;
        // The role of the trace this one gives way to: drawn only outside that trace's segments
        // (Prometheus' history yields to hpascope's own samples). Empty: drawn whole.
        QString yieldsTo;
        bool legendWhenEmpty = true; // false: in the legend only while it has points in view
    };

    explicit TimelineChart(SeriesStore *store, QWidget *parent = nullptr);

    // Replicas: current and desired as steps, min..max as a band, scale events as markers.
    static TimelineChart *makeReplicaChart(SeriesStore *store, const QString &hpaKey,
                                           QWidget *parent = nullptr);
    // One metric: current vs target.
    static TimelineChart *makeMetricChart(SeriesStore *store, const QString &hpaKey,
                                          const QString &identity, const QString &title,
                                          QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void addTrace(const Trace &trace);
    // The same trace as read from Prometheus (key fromPrometheus(trace.key), role
    // "<role>.prometheus"): lighter, dash-dotted, under hpascope's own samples.
    void addPrometheusTrace(const Trace &local);
    // min..max as a band; with it, the same band as read from Prometheus (keys
    // fromPrometheus(lowerKey/upperKey)): lighter, dash-dot edged, only where the own band
    // has no points, and in the legend only while it draws something.
    void setBand(const QString &lowerKey, const QString &upperKey, const QString &label,
                 const QColor &color);
    void setAnnotationScope(const QString &scope); // scale events drawn as vertical markers
    void setIntegerAxis(bool integer);             // replica counts: whole-number ticks from 0

    // A dashed "what if" continuation of the trace showing `key` (points: ms since epoch, value).
    void setPrediction(const QString &key, const QList<QPointF> &points);
    void clearPrediction(const QString &key);

    // Shows [t0, t1] (ms since epoch). Re-renders only if one of its series or its scale events,
    // the window, the plot width or a prediction changed; returns whether it did.
    bool render(qint64 t0, qint64 t1);
    // The next render() recomputes even if nothing seems to have changed.
    void invalidate() { m_dirty = true; }

    // Stacked charts line their time axes up: the panel pads each plot area's left edge to the
    // widest y-axis labels among them.
    qreal naturalPlotLeft() const;
    void setLeftPadding(int px);

    // For tests and reports.
    QList<QLineSeries *> segmentsOf(const QString &role) const; // series currently holding points
    QList<QAreaSeries *> bandSegments() const;           // hpascope's own min..max
    QList<QAreaSeries *> prometheusBandSegments() const; // Prometheus' min..max
    QLineSeries *predictionOf(const QString &key) const;
    QPair<qint64, qint64> window() const { return {m_t0, m_t1}; }
    int columns() const { return m_columns; } // pixel columns used by the last render
    int plotColumns() const;                   // pixel columns the next render would use
    int renderCount() const { return m_renderCount; }
    QList<qint64> markerTimes() const { return m_markerTimes; } // scale events in the window
    int markerItemCount() const { return int(m_markerItems.size()); } // drawn lines and labels
    QDateTimeAxis *timeAxis() const { return m_xAxis; }
    QValueAxis *valueAxis() const { return m_yAxis; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    struct Pool {
        Trace trace;
        QList<QLineSeries *> series; // series[0] always exists and carries the legend entry
    };

    QLineSeries *lineSeries(Pool &pool, qsizetype index);
    struct Band {
        QString lowerKey, upperKey, label;
        QColor color;
        Qt::PenStyle edge = Qt::SolidLine;
        int alpha = 0;
        bool fromPrometheus = false;
        QList<QAreaSeries *> areas; // areas[0] always exists and carries the legend entry
    };
    QAreaSeries *bandSeries(Band &band, qsizetype index);
    // Draws the bands (Prometheus' outside the own one's x spans); `include` widens the y range.
    void renderBands(qint64 t0, qint64 t1, int columns, const std::function<void(const SeriesView &)> &include);
    static QList<QAreaSeries *> nonEmpty(const Band &band);
    static void fitY(SeriesView &view); // minY/maxY again, after clipping
    void attach(QAbstractSeries *series, bool inLegend);
    void showInLegend(QAbstractSeries *series, bool shown);
    quint64 contentRevision() const; // the newest store revision among what this chart shows
    void showPool(Pool &pool, const QList<QList<QPointF>> &segments);
    void updateAxes(double minY, double maxY, bool haveData);
    void updateMarkers();

    QPointer<SeriesStore> m_store;
    QDateTimeAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QList<Pool> m_pools;
    QList<Band> m_bands; // none, or the own band then Prometheus'

    QHash<QString, QLineSeries *> m_predictions;
    QHash<QString, QList<QPointF>> m_predictionPoints;
    QString m_annotationScope;
    QList<Annotation> m_annotations;
    QList<QGraphicsItem *> m_markerItems;
    QList<qint64> m_markerTimes;
    bool m_integerAxis = false;
    int m_leftPadding = 0;

    qint64 m_t0 = 0, m_t1 = 0;
    int m_columns = 0;
    quint64 m_revision = 0;
    bool m_dirty = true;
    int m_renderCount = 0;
};

} // namespace hpascope
