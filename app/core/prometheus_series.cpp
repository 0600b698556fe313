#include "app/core/prometheus_series.h"

#include "app/core/error_text.h"
#include "app/core/qs.h"
#include "kube/api/hpa_metrics.h"
#include "kube/config/credentials.h"
#include "kube/prometheus/hpa_history.h"

#include <QCoreApplication>

#include <cmath>

namespace hpascope {

std::vector<TimedValue> prometheusStepSeries(const std::vector<kube::prometheus::HistoryPoint> &points,
                                             qint64 stepSeconds)
{
    std::vector<TimedValue> out;
    const qint64 stepMs = stepSeconds * 1000;
    qint64 seen = 0; // the last point's time: the last change may be long before it
    for (std::size_t i = 0; i < points.size(); ++i) {
        const qint64 t = qint64(std::llround(points[i].t * 1000));
        const bool open = !out.empty() && !std::isnan(out.back().v);
        if (open && t - seen > 2 * stepMs)
            out.push_back({seen + stepMs, std::nan("")});
        seen = t;
        const double v = points[i].v;
        if (!std::isfinite(v)) {
            if (!out.empty() && !std::isnan(out.back().v))
                out.push_back({t, std::nan("")});
        } else if (out.empty() || std::isnan(out.back().v) || out.back().v != v) {
            out.push_back({t, v});
        }
    }
    if (!out.empty() && !std::isnan(out.back().v))
        out.push_back({seen + stepMs, std::nan("")});
    return out;
}

PrometheusHpaSeries prometheusSeriesOf(const kube::api::HorizontalPodAutoscaler &hpa, qint64 stepSeconds,
                                       const kube::prometheus::HpaHistory &h)
{
    PrometheusHpaSeries s;
    s.current = prometheusStepSeries(h.currentReplicas, stepSeconds);
    s.desired = prometheusStepSeries(h.desiredReplicas, stepSeconds);
    s.min = prometheusStepSeries(h.minReplicas, stepSeconds);
    s.max = prometheusStepSeries(h.maxReplicas, stepSeconds);
    for (const kube::prometheus::MetricHistory &m : h.metrics) {
        if (m.specIndex >= hpa.spec.metrics.size())
            continue;
        const kube::api::MetricSpec &spec = hpa.spec.metrics[m.specIndex];
        s.metrics.push_back({qs(kube::api::identityOf(spec).toString()), qs(kube::api::metricDisplayName(spec)),
                             prometheusStepSeries(m.current, stepSeconds), prometheusStepSeries(m.target, stepSeconds)});
    }
    if (!h.ambiguous.empty()) {
        QStringList names;
        for (std::size_t i : h.ambiguous) {
            if (i < hpa.spec.metrics.size())
                names << qs(kube::api::metricDisplayName(hpa.spec.metrics[i]));
        }
        // PrometheusHistory's words (its translations), said in its context.
        s.notes << QCoreApplication::translate("hpascope::PrometheusHistory",
                                               "Prometheus cannot tell these metrics apart (kube-state-metrics names "
                                               "them alike), so it shows no history for them: %1")
                       .arg(names.join(QStringLiteral(", ")));
    }
    if (!h.hasTargetMetricStatus && !hpa.spec.metrics.empty())
        s.notes << QCoreApplication::translate("hpascope::PrometheusHistory", "kube-state-metrics is older than v2.6.0: "
                                                                              "Prometheus has replica counts but no metric values");
    return s;
}

kube::Result<std::shared_ptr<kube::http::Client>> prometheusClient(const kube::prometheus::Endpoint &endpoint,
                                                                   std::shared_ptr<kube::http::Client> apiClient,
                                                                   const QString &tokenFile)
{
    if (endpoint.kind == kube::prometheus::Endpoint::Kind::ServiceProxy) {
        if (!apiClient)
            return kube::makeError(kube::Error::Kind::Invalid, "Prometheus behind the service proxy needs a connection to the API server");
        return apiClient;
    }
    auto cfg = kube::prometheus::directRestConfig(endpoint);
    if (!cfg)
        return cfg.error();
    if (!tokenFile.isEmpty())
        cfg->credentials = std::make_shared<kube::config::TokenFileCredentialProvider>(
            tokenFile.toStdString(), kube::config::Credentials{}, "prometheus token file");
    return kube::http::Client::create(cfg.value());
}

qint64 readPrometheusRange(kube::http::Client &client, const kube::prometheus::Endpoint &endpoint,
                         const kube::api::HorizontalPodAutoscaler &hpa, qint64 fromMs, qint64 toMs,
                         qint64 minStepSeconds, PrometheusRangeCallback done)
{
    const qint64 startS = fromMs / 1000, endS = (toMs + 999) / 1000;
    PrometheusRange range;
    range.where = qs(endpoint.describe());
    range.stepSeconds = kube::prometheus::stepFor(endS - startS, minStepSeconds); // as readHpaHistory reads it
    range.fromMs = fromMs;
    range.toMs = toMs;
    kube::prometheus::readHpaHistory(
        client, endpoint, hpa.metadata.namespace_, hpa.metadata.name, hpa.spec.metrics, startS, endS, minStepSeconds,
        [range, hpa, done = std::move(done)](kube::Result<kube::prometheus::HpaHistory> r) mutable {
            if (r) {
                range.series = prometheusSeriesOf(hpa, r->stepS > 0 ? r->stepS : range.stepSeconds, *r);
                range.points = r->currentReplicas.size();
            } else {
                range.error = errorText(r.error());
            }
            done(std::move(range));
        });
    return range.stepSeconds;
}

} // namespace hpascope
