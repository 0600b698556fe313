#pragma once
// Raw time series for the charts, independent of QtCharts: change points per key with explicit
// gaps (a gap is "no data", never interpolated across), point annotations (scale events), bounded
// retention, and screen-resolution M4 views. GUI thread only; Qt Core only.
//
// Key convention (the store does not parse keys): "<ns>/<hpa>:replicas.current", ".desired",
// ".min", ".max", "<ns>/<hpa>:metric:<identity>:current", ":target". Annotations are grouped by
// a scope, normally "<ns>/<hpa>".
#include "app/core/m4.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace hpascope {

// A screen-resolution view of one series: connected segments, each drawable as one polyline;
// a gap separates segments. Points are (ms since epoch, value), all within [t0, t1].
struct SeriesView {
    QList<QList<QPointF>> segments;
    double minY = 0; // over all points; meaningless when isEmpty()
    double maxY = 0;
    bool isEmpty() const { return segments.isEmpty(); }
    qsizetype pointCount() const;
};

// The key convention in one place, so writers (ClusterSession, Recorder) and charts agree.
namespace series_keys {
// field: "current", "desired", "min", "max"
inline QString replicas(const QString &hpaKey, const QString &field)
{
    return hpaKey + QStringLiteral(":replicas.") + field;
}
// field: "current", "target"
inline QString metric(const QString &hpaKey, const QString &identity, const QString &field)
{
    return hpaKey + QStringLiteral(":metric:") + identity + QLatin1Char(':') + field;
}
// The same series as read from Prometheus: drawn apart, and only where hpascope has no samples
// of its own.
inline QString fromPrometheus(const QString &key)
{
    return key + QStringLiteral("@prometheus");
}
} // namespace series_keys

struct Annotation {
    enum class Kind { ScaleUp, ScaleDown, Info, Warning };
    qint64 t = 0; // ms since epoch
    QString text;
    Kind kind = Kind::Info;
    bool operator==(const Annotation &) const = default;
};

class SeriesStore : public QObject {
    Q_OBJECT
public:
    // The longest window the charts offer (24 h): older data is never shown.
    static constexpr qint64 kDefaultMaxAgeMs = 24LL * 3600 * 1000;
    // 2^20 samples (16 MiB) per key: 24 h at 12 samples/s, far above the HPA sync rate (15 s,
    // kube-controller-manager --horizontal-pod-autoscaler-sync-period).
    static constexpr qsizetype kDefaultMaxPoints = qsizetype(1) << 20;

    explicit SeriesStore(QObject *parent = nullptr);

    // Defaults to Step. Set before or after the first append; affects views only.
    void setInterpolation(const QString &key, Interpolation mode);
    Interpolation interpolation(const QString &key) const;

    // Records an observation. Timestamps earlier than the key's last one are clamped to it (the
    // cluster's clock and ours may disagree; order matters more than a few ms). For Step series
    // an unchanged value only advances the "last seen" time: change points are stored, not samples.
    // A NaN value is treated as markGap(key, t).
    void append(const QString &key, qint64 t, double value);
    // From t on, no data until the next append (the connection dropped, the HPA vanished).
    void markGap(const QString &key, qint64 t);
    void markGapAll(qint64 t);
    // Replaces the key's points with `points` (time order; NaN = gap) in one change: history
    // read whole from elsewhere (Prometheus), not observed live. The source bounded its range,
    // so maxAge does not apply to it; maxPoints does.
    void setSeries(const QString &key, std::vector<TimedValue> points);

    void addAnnotation(const QString &scope, const Annotation &annotation);
    QList<Annotation> annotations(const QString &scope, qint64 t0, qint64 t1) const;

    // Retention: points older than maxAge before a key's newest point are dropped (one older point
    // is kept so a step value at the window start stays known), and at most maxPoints per key.
    void setRetention(qint64 maxAgeMs, qsizetype maxPoints);
    qint64 maxAgeMs() const { return m_maxAgeMs; }
    qsizetype maxPoints() const { return m_maxPoints; }

    // "Now" for live step series: an open series (no trailing gap) holds its last value until
    // max(last seen, now). Injectable for tests; defaults to the wall clock.
    void setClock(std::function<qint64()> clock);
    qint64 now() const { return m_clock(); }

    // The M4 view over [t0, t1] at `columns` pixel columns: at most 4 * columns + 2 points per
    // segment. Empty if the key is unknown, t1 <= t0 or columns < 1.
    SeriesView view(const QString &key, qint64 t0, qint64 t1, int columns) const;

    // Raw access (tests, Recorder). Gap markers appear as NaN values.
    QList<TimedValue> raw(const QString &key) const;
    qsizetype pointCount(const QString &key) const; // stored entries, gap markers included
    bool contains(const QString &key) const { return m_series.contains(key); }
    QStringList keys() const;
    // Forget every key and annotation scope starting with prefix (an HPA was deleted).
    void removePrefix(const QString &prefix);
    void clear();

    // Bumped on every mutation.
    quint64 revision() const { return m_revision; }
    // The revision at which `key` (or `scope`'s annotations) last changed, or the store as a whole
    // did (clock, retention, removal). Never lower than before, so a chart that remembers the
    // highest revision among its keys re-renders only when one of them changed, not when
    // another HPA's samples arrive.
    quint64 revision(const QString &key) const;
    quint64 annotationRevision(const QString &scope) const;

signals:
    // Coalesced: at most once per event-loop turn, however many appends happened.
    void changed();

private:
    struct Series {
        std::vector<TimedValue> points; // [head, end) is live; time order; NaN = gap marker
        qsizetype head = 0;
        qint64 lastSeen = 0;
        Interpolation mode = Interpolation::Step;
        quint64 revision = 0;
        qsizetype size() const { return qsizetype(points.size()) - head; }
        const TimedValue *begin() const { return points.data() + head; }
    };

    Series &series(const QString &key);
    void push(Series &s, TimedValue p);
    void enforceRetention(Series &s);
    void touch();          // something that concerns every key
    void touch(Series &s); // this key only
    quint64 bump();        // a new revision, and changed() on the next event-loop turn

    QHash<QString, Series> m_series;
    QHash<QString, QList<Annotation>> m_annotations;
    QHash<QString, quint64> m_annotationRevisions;
    qint64 m_maxAgeMs = kDefaultMaxAgeMs;
    qsizetype m_maxPoints = kDefaultMaxPoints;
    std::function<qint64()> m_clock;
    quint64 m_revision = 0;
    quint64 m_wholeRevision = 0; // the last touch() that concerned every key
    bool m_changePending = false;
};

} // namespace hpascope
