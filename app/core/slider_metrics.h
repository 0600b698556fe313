#pragma once
// What the metric slider panel shows, computed here so the panel does no model work: one row per
// spec.metrics entry (paired with its status by identity, never by index), whether it can be
// written and why not, its target, and the value its field starts at; and the reading of what a
// person types into a field.
#include "app/core/cpu_usage_writer.h"
#include "kube/api/hpa.h"

#include <QList>
#include <QString>

#include <optional>

namespace hpascope {

struct SliderMetric {
    int specIndex = 0;      // spec.metrics[specIndex]
    QString key;            // MetricWriter::keyOf(spec), the key in MetricWriter's signals
    QString name;           // "requests on Service/web"
    bool writable = false;  // Object and Pods metrics; Resource cpu as "CPU per pod" where kwok runs the pods
    bool cpuPerPod = false; // the value is each pod's CPU usage (kwok's usage annotation)
    std::optional<qint64> utilizationOfMilli; // cpuPerPod with a Utilization target: the pods' request
    QString readOnlyWhy;    // for the others: what feeds the metric
    QString readOnlyTip;    // and, for a Resource cpu metric, why hpascope cannot set it here
    std::optional<qint64> targetMilli;
    QString targetText;     // "400m", or "?" when the spec has no quantity target
    QString startText;      // the current value when the HPA reports one, else the target, else "0"
    bool operator==(const SliderMetric &) const = default;
};

// cpu: whether a Resource cpu metric can be set as "CPU per pod" (MetricWriter::cpuControl);
// without it, Resource metrics are read-only.
QList<SliderMetric> sliderMetricsOf(const kube::api::HorizontalPodAutoscaler &hpa, const CpuControl *cpu = nullptr);

// A field's text read as a Kubernetes quantity: milli-units, or why it is not one.
struct QuantityInput {
    QString error; // empty when valid (Quantity::parse's words otherwise)
    qint64 milli = 0;
    bool valid() const { return error.isEmpty(); }
};
QuantityInput readQuantityInput(const QString &text);
// The metric's raw value for the what-if prediction when the field holds valueText: the field
// itself, except "CPU per pod" against a Utilization target, which the HPA reads as a percentage.
QString previewTextOf(const SliderMetric &row, const QString &valueText);
// The canonical text of a milli-value ("400m", "2", "1500m" → "1500m").
QString quantityTextOfMilli(qint64 milli);

} // namespace hpascope
