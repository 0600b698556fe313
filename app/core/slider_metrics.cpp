#include "app/core/slider_metrics.h"
#include "app/core/hpa_format.h"

#include "app/core/metric_writer.h"
#include "app/core/qs.h"
#include "kube/api/hpa_metrics.h"

namespace hpascope {

namespace {

std::optional<kube::api::Quantity> targetOfSpec(const kube::api::MetricSpec &spec)
{
    const kube::api::MetricTarget *t = kube::api::targetOf(spec);
    if (!t)
        return std::nullopt;
    if (t->type == kube::api::MetricTargetType::AverageValue && t->averageValue)
        return t->averageValue;
    return t->value ? t->value : t->averageValue;
}

} // namespace

namespace {

// "CPU per pod": a Utilization target is that share of the pods' request; the value the field
// starts at is the average usage the HPA reports (status current.averageValue).
void makeCpuPerPod(SliderMetric &row, const kube::api::MetricSpec &spec,
                   const std::optional<kube::api::Quantity> &currentAverage, const CpuControl &cpu)
{
    row.writable = true;
    row.cpuPerPod = true;
    row.readOnlyWhy.clear();
    row.name = QObject::tr("CPU per pod (%1)").arg(row.name);
    const kube::api::MetricTarget &t = spec.resource->target;
    row.targetMilli.reset();
    if (t.type == kube::api::MetricTargetType::Utilization && t.averageUtilization && cpu.requestMilli) {
        row.targetMilli = *cpu.requestMilli * *t.averageUtilization / 100;
        row.utilizationOfMilli = cpu.requestMilli;
    }
    else if (t.averageValue)
        row.targetMilli = t.averageValue->milliValue();
    row.targetText = row.targetMilli ? quantityTextOfMilli(*row.targetMilli) : QStringLiteral("?");
    row.startText = currentAverage ? qs(currentAverage->toString()) : (row.targetMilli ? row.targetText : QStringLiteral("0"));
}

} // namespace

QList<SliderMetric> sliderMetricsOf(const kube::api::HorizontalPodAutoscaler &hpa, const CpuControl *cpu)
{
    QList<SliderMetric> rows;
    const auto pairs = kube::api::pairMetrics(hpa);
    for (std::size_t i = 0; i < hpa.spec.metrics.size(); ++i) {
        const kube::api::MetricSpec &spec = hpa.spec.metrics[i];
        SliderMetric row;
        row.specIndex = int(i);
        row.key = MetricWriter::keyOf(spec);
        row.name = format::metricName(spec);
        row.writable = MetricWriter::isWritable(spec, &row.readOnlyWhy);
        const auto target = targetOfSpec(spec);
        if (target)
            row.targetMilli = target->milliValue();
        row.targetText = target ? qs(target->toString()) : QStringLiteral("?");
        // Start at the current value when the HPA reports one, else at the target.
        std::optional<kube::api::Quantity> start = target;
        for (const auto &pair : pairs) {
            if (MetricWriter::keyOf(pair.spec) != row.key || !pair.status)
                continue;
            if (const auto *current = kube::api::currentOf(*pair.status))
                start = current->averageValue ? current->averageValue : (current->value ? current->value : start);
        }
        row.startText = start ? qs(start->toString()) : QStringLiteral("0");
        if (MetricWriter::isCpuResource(spec)) {
            std::optional<kube::api::Quantity> average;
            for (const auto &pair : pairs)
                if (MetricWriter::keyOf(pair.spec) == row.key && pair.status)
                    if (const auto *current = kube::api::currentOf(*pair.status))
                        average = current->averageValue;
            if (cpu && cpu->available)
                makeCpuPerPod(row, spec, average, *cpu);
            else if (cpu && !cpu->why.isEmpty())
                row.readOnlyTip = QObject::tr("CPU per pod can be set only where kwok simulates the pods' usage. %1")
                                      .arg(cpu->why);
        }
        rows.append(row);
    }
    return rows;
}

QuantityInput readQuantityInput(const QString &text)
{
    QuantityInput input;
    input.error = MetricWriter::quantityError(text.trimmed());
    if (input.valid())
        input.milli = kube::api::Quantity::parse(text.trimmed().toStdString())->milliValue();
    return input;
}

QString previewTextOf(const SliderMetric &row, const QString &valueText)
{
    const QuantityInput input = readQuantityInput(valueText);
    if (!row.utilizationOfMilli || *row.utilizationOfMilli <= 0 || !input.valid())
        return valueText;
    return QString::number(input.milli * 100 / *row.utilizationOfMilli); // GetResourceUtilizationRatio
}

QString quantityTextOfMilli(qint64 milli) { return qs(kube::api::Quantity::fromMilli(milli).toString()); }

} // namespace hpascope
