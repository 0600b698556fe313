#pragma once
// What the metric slider panel shows, computed here so the panel does no model work: one row per
// spec.metrics entry (paired with its status by identity, never by index), whether it can be
// written and why not, its target, and the value its field starts at; and the reading of what a
// person types into a field.
#include "kube/api/hpa.h"

#include <QList>
#include <QString>

#include <optional>

namespace hpascope {

struct SliderMetric {
    int specIndex = 0;      // spec.metrics[specIndex]
    QString key;            // MetricWriter::keyOf(spec), the key in MetricWriter's signals
    QString name;           // "requests on Service/web"
    bool writable = false;  // Object and Pods metrics
    QString readOnlyWhy;    // for the others: what feeds the metric
    std::optional<qint64> targetMilli;
    QString targetText;     // "400m", or "?" when the spec has no quantity target
    QString startText;      // the current value when the HPA reports one, else the target, else "0"
    bool operator==(const SliderMetric &) const = default;
};

QList<SliderMetric> sliderMetricsOf(const kube::api::HorizontalPodAutoscaler &hpa);

// A field's text read as a Kubernetes quantity: milli-units, or why it is not one.
struct QuantityInput {
    QString error; // empty when valid (Quantity::parse's words otherwise)
    qint64 milli = 0;
    bool valid() const { return error.isEmpty(); }
};
QuantityInput readQuantityInput(const QString &text);
// The canonical text of a milli-value ("400m", "2", "1500m" → "1500m").
QString quantityTextOfMilli(qint64 milli);

} // namespace hpascope
