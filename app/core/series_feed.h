#pragma once
// Turns HPA status samples into time series for the charts: replicas (current, desired, min,
// max) and each metric's current and target, all as steps (a status value holds until the
// controller writes another one), and a scale-event annotation
// whenever status.lastScaleTime moves. Kept apart from ClusterSession so it can be tested alone.
#include "app/core/hpa_sample.h"
#include "app/core/series_store.h"
#include "kube/api/hpa.h"

#include <QHash>

namespace hpascope {

// The HPA's status as a sample: spec metrics paired with their status entries by identity
// (kube::api::pairMetrics), never by index.
HpaSample sampleOf(const kube::api::HorizontalPodAutoscaler &hpa, const QDateTime &time);

class SeriesFeed {
public:
    explicit SeriesFeed(SeriesStore *store) : m_store(store) {}
    // lastScaleTime is the HPA's status.lastScaleTime (invalid when it never scaled).
    void add(const HpaSample &sample, const QDateTime &lastScaleTime);
    // The connection dropped: no data from now on until the next sample.
    void gap(const QDateTime &t);
    // No data for this HPA from t on (e.g. where its recorded history ends).
    void gap(const QString &hpaKey, const QDateTime &t);
    void forget(const QString &hpaKey);

private:
    struct Last {
        bool seen = false;
        QDateTime lastScaleTime;
        int currentReplicas = -1;
        int desiredReplicas = -1;
        // The metrics written for this HPA: a per-HPA gap marks their series instead of
        // scanning (and sorting) every key in the store, which cost O(HPAs²) at connect.
        QStringList identities;
    };

    SeriesStore *m_store;
    QHash<QString, Last> m_last;
};

} // namespace hpascope
