#include "app/core/m4.h"

#include <algorithm>
#include <array>
#include <limits>

namespace hpascope::m4 {
namespace {

struct Vertex {
    qint64 t;
    double v;
};

// The vertices of the drawn polyline, computed on the fly so a step series is never copied.
// Step: p0, (t1, v0), p1, (t2, v1), p2, ..., p_{n-1}, [(holdUntil, v_{n-1})].
class Vertices {
public:
    Vertices(const TimedValue *p, qsizetype n, Interpolation mode, qint64 holdUntil)
        : m_p(p), m_n(n), m_step(mode == Interpolation::Step)
    {
        if (n == 0) {
            m_count = 0;
        } else if (!m_step) {
            m_count = n;
        } else {
            m_count = 2 * n - 1;
            m_hold = holdUntil > p[n - 1].t;
            m_holdUntil = holdUntil;
            if (m_hold)
                ++m_count;
        }
    }

    qsizetype size() const { return m_count; }

    Vertex operator[](qsizetype j) const
    {
        if (!m_step)
            return {m_p[j].t, m_p[j].v};
        if (m_hold && j == m_count - 1)
            return {m_holdUntil, m_p[m_n - 1].v};
        if (j % 2 == 0)
            return {m_p[j / 2].t, m_p[j / 2].v};
        const qsizetype k = (j + 1) / 2; // corner before change point k
        return {m_p[k].t, m_p[k - 1].v};
    }

    // First vertex index whose time is >= t (size() if none). Vertex times are non-decreasing.
    qsizetype lowerBound(qint64 t) const
    {
        qsizetype lo = 0, hi = m_count;
        while (lo < hi) {
            const qsizetype mid = lo + (hi - lo) / 2;
            if ((*this)[mid].t < t)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    // First vertex index whose time is > t (size() if none).
    qsizetype upperBound(qint64 t) const
    {
        qsizetype lo = 0, hi = m_count;
        while (lo < hi) {
            const qsizetype mid = lo + (hi - lo) / 2;
            if ((*this)[mid].t <= t)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

private:
    const TimedValue *m_p;
    qsizetype m_n;
    bool m_step;
    bool m_hold = false;
    qint64 m_holdUntil = 0;
    qsizetype m_count = 0;
};

QPointF toPoint(const Vertex &v) { return {double(v.t), v.v}; }

// The value of the straight line a-b at time t, a.t < t < b.t.
double interpolate(const Vertex &a, const Vertex &b, qint64 t)
{
    const double f = double(t - a.t) / double(b.t - a.t);
    return a.v + (b.v - a.v) * f;
}

} // namespace

void appendSegment(const TimedValue *points, qsizetype count, Interpolation mode, qint64 holdUntil,
                   qint64 t0, qint64 t1, int columns, QList<QPointF> &out)
{
    if (count <= 0 || t1 <= t0 || columns <= 0)
        return;
    columns = std::min(columns, kMaxColumns);
    const Vertices vx(points, count, mode, holdUntil);
    const qsizetype n = vx.size();
    if (vx[n - 1].t < t0 || vx[0].t > t1)
        return; // the segment does not reach into the window

    const qsizetype first = vx.lowerBound(t0); // first vertex inside
    const qsizetype last = vx.upperBound(t1) - 1; // last vertex inside (may be < first)

    if (first > 0 && (first > last || vx[first].t > t0)) {
        const Vertex a = vx[first - 1];
        const Vertex b = vx[first];
        out.append(QPointF(double(t0), interpolate(a, b, t0)));
    }

    qsizetype j = first;
    while (j <= last) {
        // One pixel column: [j, end) share a column.
        const int column = columnOf(vx[j].t, t0, t1, columns);
        // The first time of the next column: ceil((column + 1) * range / columns) after t0, the
        // inverse of columnOf(). Comparing against it avoids a division per vertex.
        const qint64 next = column + 1 >= columns
            ? std::numeric_limits<qint64>::max()
            : t0 + ((column + 1) * (t1 - t0) + columns - 1) / columns;
        qsizetype minIdx = j, maxIdx = j;
        double minV = vx[j].v, maxV = minV;
        qsizetype k = j + 1;
        for (; k <= last; ++k) {
            const Vertex v = vx[k];
            if (v.t >= next)
                break;
            if (v.v < minV) {
                minV = v.v;
                minIdx = k;
            } else if (v.v > maxV) {
                maxV = v.v;
                maxIdx = k;
            }
        }
        std::array<qsizetype, 4> picks{j, minIdx, maxIdx, k - 1};
        std::sort(picks.begin(), picks.end());
        for (int i = 0; i < 4; ++i) {
            if (i == 0 || picks[i] != picks[i - 1])
                out.append(toPoint(vx[picks[i]]));
        }
        j = k;
    }

    if (last + 1 < n && (last < first ? true : vx[last].t < t1)) {
        const Vertex a = vx[last];
        const Vertex b = vx[last + 1];
        // a.t <= t1 < b.t here, except when the window lies between two vertices (last < first).
        out.append(QPointF(double(t1), interpolate(a, b, t1)));
    }
}

QList<QPointF> expand(const TimedValue *points, qsizetype count, Interpolation mode,
                      qint64 holdUntil)
{
    const Vertices vx(points, count, mode, holdUntil);
    QList<QPointF> out;
    out.reserve(vx.size());
    for (qsizetype j = 0; j < vx.size(); ++j)
        out.append(toPoint(vx[j]));
    return out;
}

} // namespace hpascope::m4
