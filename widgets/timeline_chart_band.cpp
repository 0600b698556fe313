// TimelineChart's min..max bands: hpascope's own, and the same from Prometheus where the own one
// has no points (local samples win, as for the traces).
#include "widgets/timeline_chart.h"
#include "app/core/segment_clip.h"

#include <QAreaSeries>
#include <QLineSeries>

namespace hpascope {
namespace {

constexpr int kBandAlpha = 45;           // light enough that the step lines read on top of it
constexpr int kPrometheusBandAlpha = 28; // lighter still: history, not hpascope's own

} // namespace

void TimelineChart::setBand(const QString &lowerKey, const QString &upperKey, const QString &label,
                            const QColor &color)
{
    for (Band &band : m_bands) {
        for (QAreaSeries *area : band.areas) {
            chart()->removeSeries(area);
            delete area;
        }
    }
    m_bands.clear();
    m_bands.append(Band{lowerKey, upperKey, label, color, Qt::SolidLine, kBandAlpha, false, {}});
    m_bands.append(Band{series_keys::fromPrometheus(lowerKey), series_keys::fromPrometheus(upperKey),
                        tr("%1 (Prometheus)", "a chart trace whose history came from Prometheus").arg(label),
                        color.lighter(135), Qt::DashDotLine, kPrometheusBandAlpha, true, {}});
    for (Band &band : m_bands)
        bandSeries(band, 0);
    m_dirty = true;
}

QAreaSeries *TimelineChart::bandSeries(Band &band, qsizetype index)
{
    while (band.areas.size() <= index) {
        auto *upper = new QLineSeries(this);
        auto *lower = new QLineSeries(this);
        auto *area = new QAreaSeries(upper, lower);
        area->setParent(this);
        area->setName(band.label);
        QColor fill = band.color;
        fill.setAlpha(band.alpha);
        area->setBrush(fill);
        area->setPen(QPen(band.color, 1, band.edge));
        attach(area, band.areas.isEmpty() && !band.fromPrometheus);
        band.areas.append(area);
    }
    return band.areas[index];
}

void TimelineChart::renderBands(qint64 t0, qint64 t1, int columns, const std::function<void(const SeriesView &)> &include)
{
    QList<XSpan> own; // where the own band has points: Prometheus' gives way there
    for (Band &band : m_bands) {
        SeriesView lower = m_store->view(band.lowerKey, t0, t1, columns);
        SeriesView upper = m_store->view(band.upperKey, t0, t1, columns);
        if (band.fromPrometheus) {
            // Cut at the same x, so the pieces of min and max still pair up.
            lower.segments = clipOutside(lower.segments, own);
            upper.segments = clipOutside(upper.segments, own);
            fitY(lower);
            fitY(upper);
        } else {
            own = xSpansOf(lower.segments);
        }
        include(lower);
        include(upper);
        // min and max are written together, so their gaps (and segments) line up.
        const qsizetype pairs = std::min(lower.segments.size(), upper.segments.size());
        for (qsizetype i = 0; i < pairs; ++i) {
            QAreaSeries *area = bandSeries(band, i);
            area->upperSeries()->replace(upper.segments[i]);
            area->lowerSeries()->replace(lower.segments[i]);
        }
        for (qsizetype i = pairs; i < band.areas.size(); ++i) {
            if (band.areas[i]->upperSeries()->count() > 0) {
                band.areas[i]->upperSeries()->clear();
                band.areas[i]->lowerSeries()->clear();
            }
        }
        if (band.fromPrometheus)
            showInLegend(band.areas[0], pairs > 0);
    }
}

QList<QAreaSeries *> TimelineChart::nonEmpty(const Band &band)
{
    QList<QAreaSeries *> out;
    for (QAreaSeries *a : band.areas) {
        if (a->upperSeries()->count() > 0)
            out.append(a);
    }
    return out;
}

QList<QAreaSeries *> TimelineChart::bandSegments() const
{
    return m_bands.isEmpty() ? QList<QAreaSeries *>{} : nonEmpty(m_bands[0]);
}

QList<QAreaSeries *> TimelineChart::prometheusBandSegments() const
{
    return m_bands.size() < 2 ? QList<QAreaSeries *>{} : nonEmpty(m_bands[1]);
}

} // namespace hpascope
