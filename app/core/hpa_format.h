#pragma once
// Text a person reads for an HPA: shared by the table, the detail view and reports.
#include "kube/api/hpa.h"

#include <QDateTime>
#include <QString>

namespace hpascope::format {

QString scaleTarget(const kube::api::HorizontalPodAutoscaler &hpa);       // "Deployment/web"
// kube::api::metricNameOf in the UI's language: "test-metric on Service/kubernetes".
QString metricName(const kube::api::MetricSpec &spec);
// "test-metric on Service/kubernetes: 250m / 300m" per metric, joined by separator.
QString metricsSummary(const kube::api::HorizontalPodAutoscaler &hpa, const QString &separator);
// kubectl's TARGETS style, without names: "250m/300m, 50%/60%".
QString metricsCompact(const kube::api::HorizontalPodAutoscaler &hpa);
// The table's status badge, from the conditions the controller set (kube/hpa limitersOf, most
// decisive first: "target missing", "metrics unavailable", "scaling disabled", "limited at
// max", "rate-limited", "scale-down disabled", ...), then desired vs current ("scaling up"),
// then a stabilization window ("stabilizing"). "stable" only when nothing is false or limited.
struct Badge {
    enum class Kind { Problem, Limited, Moving, Ok };
    Kind kind = Kind::Ok;
    QString text;
};
Badge statusBadge(const kube::api::HorizontalPodAutoscaler &hpa);
QDateTime lastScaleTime(const kube::api::HorizontalPodAutoscaler &hpa);  // invalid when never scaled
QString lastScaleText(const kube::api::HorizontalPodAutoscaler &hpa, const QDateTime &now);
QString relativeTime(const QDateTime &then, const QDateTime &now);        // "3 min ago"
// A time as the UI and reports write it, in local time and the language's format: 24 h clock,
// "2026-12-02 14:03:05" in English, "2026年12月2日 14:03:05" in Japanese.
QString dateTime(const QDateTime &t);
QDateTime toQDateTime(std::chrono::system_clock::time_point t);
kube::api::Time toKubeTime(const QDateTime &t);

} // namespace hpascope::format
