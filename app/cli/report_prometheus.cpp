#include "app/cli/report_prometheus.h"

#include "app/core/error_text.h"
#include "app/core/prometheus_history.h"
#include "app/core/qs.h"
#include "kube/prometheus/endpoint.h"

#include <future>

namespace hpascope::cli {

ReportPrometheusFlags::ReportPrometheusFlags()
    : where(QStringLiteral("prometheus"),
            tr("Also read the range from the cluster's Prometheus, for the time hpascope was not watching: a URL, "
               "or NAMESPACE/SERVICE:PORT behind the API server's service proxy."),
            QStringLiteral("where")),
      tokenFile(QStringLiteral("prometheus-token-file"), tr("A file holding the bearer token for a Prometheus URL."),
                QStringLiteral("file"))
{
}

PrometheusRange readReportPrometheus(const QString &where, const QString &tokenFile, const Cluster &cluster,
                                     const kube::api::HorizontalPodAutoscaler &hpa, const TimeSpan &range)
{
    PrometheusRange failed;
    failed.where = where;
    failed.fromMs = range.from.toMSecsSinceEpoch();
    failed.toMs = range.to.toMSecsSinceEpoch();
    auto endpoint = kube::prometheus::parseEndpoint(where.trimmed().toStdString());
    if (!endpoint) {
        failed.error = errorText(endpoint.error());
        return failed;
    }
    failed.where = qs(endpoint->describe());
    auto client = prometheusClient(*endpoint, cluster.client, tokenFile);
    if (!client) {
        failed.error = errorText(client.error());
        return failed;
    }
    std::promise<PrometheusRange> answer;
    auto future = answer.get_future();
    readPrometheusRange(*client.value(), *endpoint, hpa, failed.fromMs, failed.toMs,
                        PrometheusHistory::kMinStepSeconds,
                        [&answer](PrometheusRange r) { answer.set_value(std::move(r)); });
    return future.get();
}

} // namespace hpascope::cli
