#include "app/core/series_store.h"

#include <QDateTime>
#include <QMetaObject>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace hpascope {
namespace {

// Compact the backing vector once the dropped prefix is this long and at least half of it, so
// dropping old points costs O(1) amortized.
constexpr qsizetype kCompactThreshold = 1024;
// Scale events are a few per hour; this only bounds a runaway event source.
constexpr qsizetype kMaxAnnotationsPerScope = 10000;

bool isGap(const TimedValue &p) { return std::isnan(p.v); }

} // namespace

qsizetype SeriesView::pointCount() const
{
    qsizetype n = 0;
    for (const auto &s : segments)
        n += s.size();
    return n;
}

SeriesStore::SeriesStore(QObject *parent)
    : QObject(parent), m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

SeriesStore::Series &SeriesStore::series(const QString &key)
{
    return m_series[key];
}

void SeriesStore::setInterpolation(const QString &key, Interpolation mode)
{
    Series &s = series(key);
    s.mode = mode;
    touch(s);
}

Interpolation SeriesStore::interpolation(const QString &key) const
{
    const auto it = m_series.constFind(key);
    return it == m_series.cend() ? Interpolation::Step : it->mode;
}

void SeriesStore::push(Series &s, TimedValue p)
{
    if (s.size() > 0)
        p.t = std::max(p.t, s.points.back().t);
    s.points.push_back(p);
    s.lastSeen = std::max(s.lastSeen, p.t);
    enforceRetention(s);
}

void SeriesStore::append(const QString &key, qint64 t, double value)
{
    if (std::isnan(value)) {
        markGap(key, t);
        return;
    }
    Series &s = series(key);
    if (s.mode == Interpolation::Step && s.size() > 0) {
        const TimedValue &last = s.points.back();
        if (!isGap(last) && last.v == value) {
            s.lastSeen = std::max({s.lastSeen, t, last.t});
            touch(s);
            return;
        }
    }
    push(s, {t, value});
    touch(s);
}

void SeriesStore::markGap(const QString &key, qint64 t)
{
    const auto it = m_series.find(key);
    if (it == m_series.end() || it->size() == 0 || isGap(it->points.back()))
        return; // nothing to interrupt
    push(*it, {t, std::nan("")});
    touch(*it);
}

void SeriesStore::markGapAll(qint64 t)
{
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        if (it->size() > 0 && !isGap(it->points.back())) {
            push(*it, {t, std::nan("")});
            touch(*it);
        }
    }
}

void SeriesStore::setSeries(const QString &key, std::vector<TimedValue> points)
{
    Series &s = series(key);
    std::stable_sort(points.begin(), points.end(), [](const TimedValue &a, const TimedValue &b) { return a.t < b.t; });
    s.points = std::move(points);
    s.head = 0;
    while (s.size() > m_maxPoints)
        ++s.head;
    while (s.size() > 0 && isGap(s.points[s.head]))
        ++s.head;
    s.lastSeen = s.size() > 0 ? s.points.back().t : 0;
    touch(s);
}

void SeriesStore::enforceRetention(Series &s)
{
    const qint64 cutoff = s.points.back().t - m_maxAgeMs;
    // Keep the newest point older than the cutoff: it defines the value at the window start.
    while (s.size() > 1 && s.points[s.head + 1].t <= cutoff)
        ++s.head;
    while (s.size() > m_maxPoints)
        ++s.head;
    while (s.size() > 0 && isGap(s.points[s.head]))
        ++s.head; // a leading gap separates nothing
    if (s.head >= kCompactThreshold && s.head * 2 >= qsizetype(s.points.size())) {
        s.points.erase(s.points.begin(), s.points.begin() + s.head);
        s.head = 0;
    }
}

void SeriesStore::addAnnotation(const QString &scope, const Annotation &annotation)
{
    QList<Annotation> &list = m_annotations[scope];
    const auto pos = std::upper_bound(list.begin(), list.end(), annotation.t,
                                      [](qint64 t, const Annotation &a) { return t < a.t; });
    list.insert(pos, annotation);
    const qint64 cutoff = list.last().t - m_maxAgeMs;
    qsizetype drop = 0;
    while (drop < list.size() && list[drop].t < cutoff)
        ++drop;
    drop = std::max(drop, list.size() - kMaxAnnotationsPerScope);
    if (drop > 0)
        list.remove(0, drop);
    m_annotationRevisions[scope] = bump();
}

QList<Annotation> SeriesStore::annotations(const QString &scope, qint64 t0, qint64 t1) const
{
    QList<Annotation> out;
    const auto it = m_annotations.constFind(scope);
    if (it == m_annotations.cend())
        return out;
    for (const Annotation &a : *it) {
        if (a.t >= t0 && a.t <= t1)
            out.append(a);
    }
    return out;
}

void SeriesStore::setRetention(qint64 maxAgeMs, qsizetype maxPoints)
{
    m_maxAgeMs = std::max<qint64>(maxAgeMs, 1);
    m_maxPoints = std::max<qsizetype>(maxPoints, 1);
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        if (it->size() > 0)
            enforceRetention(*it);
    }
    touch();
}

void SeriesStore::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    touch();
}

SeriesView SeriesStore::view(const QString &key, qint64 t0, qint64 t1, int columns) const
{
    SeriesView out;
    const auto it = m_series.constFind(key);
    if (it == m_series.cend() || it->size() == 0 || t1 <= t0 || columns < 1)
        return out;
    const Series &s = *it;
    const TimedValue *p = s.begin();
    const qsizetype n = s.size();
    const auto byTime = [](const TimedValue &a, qint64 t) { return a.t < t; };
    // From the last entry before t0 (it carries the value into the window) to the first entry
    // after t1 (it carries the line out of it); the rest cannot affect the view.
    qsizetype lo = std::lower_bound(p, p + n, t0, byTime) - p;
    lo = std::max<qsizetype>(lo - 1, 0);
    qsizetype hi = std::upper_bound(p + lo, p + n, t1,
                                    [](qint64 t, const TimedValue &a) { return t < a.t; })
        - p;
    hi = std::min(hi, n - 1);
    const qint64 openEnd = std::max(s.lastSeen, m_clock());

    qsizetype i = lo;
    while (i <= hi) {
        if (isGap(p[i])) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end <= hi && !isGap(p[end]))
            ++end;
        // A step value holds until the gap marker, or until now if nothing follows.
        qint64 holdUntil = p[end - 1].t;
        if (end <= hi)
            holdUntil = p[end].t;
        else if (end == n)
            holdUntil = openEnd;
        QList<QPointF> segment;
        m4::appendSegment(p + i, end - i, s.mode, holdUntil, t0, t1, columns, segment);
        if (!segment.isEmpty())
            out.segments.append(std::move(segment));
        i = end;
    }

    bool first = true;
    for (const auto &segment : out.segments) {
        for (const QPointF &pt : segment) {
            out.minY = first ? pt.y() : std::min(out.minY, pt.y());
            out.maxY = first ? pt.y() : std::max(out.maxY, pt.y());
            first = false;
        }
    }
    return out;
}

QList<TimedValue> SeriesStore::raw(const QString &key) const
{
    const auto it = m_series.constFind(key);
    if (it == m_series.cend())
        return {};
    return QList<TimedValue>(it->begin(), it->begin() + it->size());
}

qsizetype SeriesStore::pointCount(const QString &key) const
{
    const auto it = m_series.constFind(key);
    return it == m_series.cend() ? 0 : it->size();
}

QStringList SeriesStore::keys() const
{
    QStringList out = m_series.keys();
    out.sort();
    return out;
}

void SeriesStore::removePrefix(const QString &prefix)
{
    m_series.removeIf([&](const auto &it) { return it.key().startsWith(prefix); });
    m_annotations.removeIf([&](const auto &it) { return it.key().startsWith(prefix); });
    m_annotationRevisions.removeIf([&](const auto &it) { return it.key().startsWith(prefix); });
    touch();
}

void SeriesStore::clear()
{
    m_series.clear();
    m_annotations.clear();
    m_annotationRevisions.clear();
    touch();
}

quint64 SeriesStore::revision(const QString &key) const
{
    const auto it = m_series.constFind(key);
    return std::max(m_wholeRevision, it == m_series.cend() ? 0 : it->revision);
}

quint64 SeriesStore::annotationRevision(const QString &scope) const
{
    return std::max(m_wholeRevision, m_annotationRevisions.value(scope));
}

void SeriesStore::touch()
{
    m_wholeRevision = bump();
}

void SeriesStore::touch(Series &s)
{
    s.revision = bump();
}

quint64 SeriesStore::bump()
{
    ++m_revision;
    if (m_changePending)
        return m_revision;
    m_changePending = true;
    // Same thread, later: a burst of appends is one change for the charts (no thread crossing,
    // so no GuiThreadGuard).
    QTimer::singleShot(0, this, [this] {
        m_changePending = false;
        emit changed();
    });
    return m_revision;
}

} // namespace hpascope
