#pragma once
// M4 decimation (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation",
// VLDB 2014): per pixel column keep the first, minimum, maximum and last vertex, in time order.
// A line drawn through those vertices rasterises to the same pixels as one drawn through all raw
// points, so a chart never receives more than ~4 points per pixel column. Qt Core only.
#include <QList>
#include <QPointF>
#include <QtGlobal>

#include <cmath>

namespace hpascope {

// One raw sample. A NaN value is a gap marker: "no data from t until the next sample".
struct TimedValue {
    qint64 t = 0; // ms since the Unix epoch
    double v = 0;
};

enum class Interpolation {
    Step,   // the value holds until the next change point (replica counts)
    Linear, // straight lines between samples (periodically sampled signals, not HPA status)
};

namespace m4 {

// Wider than any screen (8K is 7680 px); also keeps (t - t0) * columns inside qint64 for any
// window shorter than ~17,000 years.
constexpr int kMaxColumns = 16384;

// The pixel column of time t for `columns` columns over [t0, t1]: floor((t - t0) * columns /
// (t1 - t0)); t1 itself belongs to the last column. Exact integer arithmetic, so points lying on
// a column boundary land deterministically in the later column.
inline int columnOf(qint64 t, qint64 t0, qint64 t1, int columns)
{
    if (t >= t1)
        return columns - 1;
    return int((t - t0) * columns / (t1 - t0));
}

// Appends the M4 view of one connected segment (no gap markers inside) to `out` as chart points
// (x = ms since epoch, y = value), restricted to [t0, t1]:
//  - vertices inside [t0, t1]: at most 4 per column (first, min, max, last of that column);
//  - where the segment crosses t0 or t1, one extra point at exactly t0 / t1, interpolated along
//    the drawn line (exact for steps, whose drawn lines are horizontal or vertical).
// So one segment yields at most 4 * columns + 2 points.
// For Step, the drawn polyline has a corner (t_k, v_{k-1}) before every change point p_k, and
// `holdUntil` (if > the last sample's time) extends the last value to that time (a gap marker's
// time, or "now" for a live series). Linear ignores holdUntil.
void appendSegment(const TimedValue *points, qsizetype count, Interpolation mode, qint64 holdUntil,
                   qint64 t0, qint64 t1, int columns, QList<QPointF> &out);

// The polyline that appendSegment decimates, fully expanded (step corners and hold end added),
// unclipped. For tests and for the naive path in the benchmark.
QList<QPointF> expand(const TimedValue *points, qsizetype count, Interpolation mode,
                      qint64 holdUntil);

} // namespace m4
} // namespace hpascope
