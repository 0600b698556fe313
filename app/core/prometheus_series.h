#pragma once
// One HPA's history from the cluster's Prometheus as hpascope's step series: what the window's
// PrometheusHistory writes to the SeriesStore and what a report draws where hpascope was not
// watching. Only the changes are kept (a value holds until the next), with a gap (NaN) where
// Prometheus had no points. Qt Core only.
#include "app/core/series_store.h"
#include "kube/api/hpa.h"
#include "kube/http/client.h"
#include "kube/prometheus/endpoint.h"
#include "kube/prometheus/query.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace kube::prometheus { struct HpaHistory; }

namespace hpascope {

// Prometheus' points (seconds) as a step series (ms): its changes only, a gap where no point
// came for more than two steps (the series was stale: kube-state-metrics down, the HPA not there
// yet), and one a step after the last point, so the line does not run on into the time hpascope
// watched itself.
std::vector<TimedValue> prometheusStepSeries(const std::vector<kube::prometheus::HistoryPoint> &points,
                                             qint64 stepSeconds);

struct PrometheusMetricSeries {
    QString identity; // kube::api::identityOf(spec).toString(), as HpaSample's metrics
    QString name;     // kube::api::metricDisplayName(spec)
    std::vector<TimedValue> current, target;
};

struct PrometheusHpaSeries {
    std::vector<TimedValue> current, desired, min, max; // replicas
    std::vector<PrometheusMetricSeries> metrics;        // spec order, those KSM names uniquely
    // About the history: metrics Prometheus cannot tell apart, an old kube-state-metrics.
    QStringList notes;
    bool empty() const { return current.empty() && desired.empty() && min.empty() && max.empty(); }
};

// kube::prometheus::readHpaHistory's answer for `hpa`, read at stepSeconds.
PrometheusHpaSeries prometheusSeriesOf(const kube::api::HorizontalPodAutoscaler &hpa, qint64 stepSeconds,
                                       const kube::prometheus::HpaHistory &history);

// The client that reaches `endpoint`: apiClient for the service proxy (null: Kind::Invalid),
// one of its own for a URL (TLS verified with the system's CAs, the bearer token read from
// tokenFile when given, again every minute like a kubeconfig's tokenFile).
kube::Result<std::shared_ptr<kube::http::Client>> prometheusClient(const kube::prometheus::Endpoint &endpoint,
                                                                   std::shared_ptr<kube::http::Client> apiClient,
                                                                   const QString &tokenFile);

// One read of an HPA's history over a given range (a report's): the series, or why not.
struct PrometheusRange {
    QString where;          // Endpoint::describe(): "service monitoring/prometheus-k8s port web"
    qint64 stepSeconds = 0; // the query's step
    qint64 fromMs = 0, toMs = 0;
    std::optional<PrometheusHpaSeries> series; // nullopt: failed, error says why
    std::size_t points = 0; // of the current-replicas series, as Prometheus sent them
    QString error;
};
using PrometheusRangeCallback = std::function<void(PrometheusRange)>;

// One query_range of `hpa` over [fromMs, toMs] at the finest step Prometheus allows (at least
// minStepSeconds); returns that step. `done` runs on the client's network thread (the series are
// made there too).
qint64 readPrometheusRange(kube::http::Client &client, const kube::prometheus::Endpoint &endpoint,
                         const kube::api::HorizontalPodAutoscaler &hpa, qint64 fromMs, qint64 toMs,
                         qint64 minStepSeconds, PrometheusRangeCallback done);

} // namespace hpascope
