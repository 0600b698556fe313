#pragma once
// `hpascope report --prometheus WHERE [--prometheus-token-file FILE]`: the report's range read
// from the cluster's Prometheus, like the window's (kube::prometheus::parseEndpoint's forms: a
// URL, or NAMESPACE/SERVICE:PORT behind the API server's service proxy). The command waits for
// the answer; a failure is said and the report is made without it.
#include "app/cli/cluster_flags.h"
#include "app/core/prometheus_series.h"
#include "app/core/time_span.h"
#include "kube/api/hpa.h"

#include <QCommandLineOption>
#include <QCoreApplication>

namespace hpascope::cli {

struct ReportPrometheusFlags {
    Q_DECLARE_TR_FUNCTIONS(ReportPrometheusFlags)
public:
    ReportPrometheusFlags();
    QCommandLineOption where, tokenFile;
};

// Reads [range.from, range.to] of `hpa` (its namespace and name; its metrics when known) from
// `where`; blocks until Prometheus answers or the request times out.
PrometheusRange readReportPrometheus(const QString &where, const QString &tokenFile, const Cluster &cluster,
                                     const kube::api::HorizontalPodAutoscaler &hpa, const TimeSpan &range);

} // namespace hpascope::cli
