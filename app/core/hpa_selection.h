#pragma once
// The selected HPA, for every panel that shows it. HpaSelection follows the session's list model
// and hands out typed values: the HPA itself on every watch update of that HPA (and only of that
// one), the metrics the timeline charts (re-announced only when their identities change), and the
// what-if path for a value typed in a slider field. Panels connect to its signals; none of them
// pairs metrics, parses quantities or asks the list model for rows.
#include "kube/api/hpa.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>

#include <optional>

namespace hpascope {

class ClusterSession;

// One chart of the timeline: the metric's identity (as in the SeriesStore key
// "<hpa>:metric:<identity>:current") and its title ("cpu utilization (%)").
struct MetricTrack {
    QString identity;
    QString title;
    bool operator==(const MetricTrack &) const = default;
};

// spec.metrics in order, by identity (kube::api::pairMetrics), as timeline tracks.
QList<MetricTrack> metricTracksOf(const kube::api::HorizontalPodAutoscaler &hpa);

class HpaSelection : public QObject {
    Q_OBJECT
public:
    explicit HpaSelection(ClusterSession *session, QObject *parent = nullptr);

    // "namespace/name"; empty, or a key the list does not hold, clears the selection.
    void select(const QString &key);
    QString key() const { return m_key; }
    // The selected HPA as last seen, null when none.
    const kube::api::HorizontalPodAutoscaler *hpa() const;

    // What-if: spec.metrics[specIndex] held at quantityText. Emits predictionChanged, or
    // predictionCleared when nothing is selected, the text is no quantity, or no path results.
    void preview(int specIndex, const QString &quantityText);

    // The row to open on when nothing is selected yet: the demo's seed experiment ("web") on the
    // demo cluster, else the first HPA. Empty when the list is empty.
    QString suggestedKey() const;

signals:
    // The selected HPA is new or changed; now is the session's clock.
    void changed(const kube::api::HorizontalPodAutoscaler &hpa, const QDateTime &now);
    void cleared();
    // The timeline's charts: emitted on a new HPA or a changed set of metric identities, not on
    // status updates. An empty key clears.
    void tracksChanged(const QString &key, const QList<MetricTrack> &tracks);
    void predictionChanged(const QList<QPointF> &points);
    void predictionCleared();

private:
    void refresh();

    ClusterSession *m_session;
    QString m_key;
    QString m_tracksSignature; // key and metric identities last announced
};

} // namespace hpascope
