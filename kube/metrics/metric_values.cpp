#include "kube/metrics/metric_values.h"

namespace kube::metrics {

using api::detail::Decoder;
using nlohmann::json;

namespace {

void readDescribed(Decoder &d, const json &item, const std::string &path, DescribedObject &out)
{
    const json *m = d.member(item, "describedObject", path);
    const std::string p = api::detail::joinPath(path, "describedObject");
    if (!m || !d.expectObject(*m, p))
        return;
    d.read(*m, "apiVersion", p, out.apiVersion);
    d.read(*m, "kind", p, out.kind);
    d.read(*m, "namespace", p, out.namespace_);
    d.read(*m, "name", p, out.name);
}

// The value is required: resource.Quantity has no "absent" form in these types.
void readValue(Decoder &d, const json &item, const std::string &path, api::Quantity &out)
{
    std::optional<api::Quantity> q;
    d.read(item, "value", path, q);
    if (!d.ok())
        return;
    if (!q) {
        d.fail(api::detail::joinPath(path, "value"), "missing");
        return;
    }
    out = *q;
}

void decodeItem(Decoder &d, const json &item, const std::string &path, CustomMetricsVersion version,
                MetricValue &out)
{
    if (!d.expectObject(item, path))
        return;
    readDescribed(d, item, path, out.describedObject);
    if (version == CustomMetricsVersion::V1beta2) {
        if (const json *metric = d.member(item, "metric", path)) {
            const std::string p = api::detail::joinPath(path, "metric");
            if (d.expectObject(*metric, p)) {
                d.read(*metric, "name", p, out.metricName);
                api::readObject(d, *metric, "selector", p, out.selector);
            }
        }
        d.read(item, "windowSeconds", path, out.windowSeconds);
    } else {
        d.read(item, "metricName", path, out.metricName);
        api::readObject(d, item, "selector", path, out.selector);
        d.read(item, "window", path, out.windowSeconds);
    }
    d.read(item, "timestamp", path, out.timestamp);
    readValue(d, item, path, out.value);
}

} // namespace

std::string_view nameOf(CustomMetricsVersion v)
{
    return v == CustomMetricsVersion::V1beta2 ? "v1beta2" : "v1beta1";
}

Result<MetricValueList> decodeMetricValueList(const json &j, CustomMetricsVersion version)
{
    Decoder d;
    MetricValueList out;
    out.version = version;
    if (!d.expectObject(j, "(MetricValueList)"))
        return d.error();
    d.readArray(j, "items", std::string(), out.items,
                [version](Decoder &dd, const json &item, const std::string &p, MetricValue &v) {
                    decodeItem(dd, item, p, version, v);
                });
    if (!d.ok())
        return d.error();
    return out;
}

Result<ExternalMetricValueList> decodeExternalMetricValueList(const json &j)
{
    Decoder d;
    ExternalMetricValueList out;
    if (!d.expectObject(j, "(ExternalMetricValueList)"))
        return d.error();
    d.readArray(j, "items", std::string(), out.items,
                [](Decoder &dd, const json &item, const std::string &p, ExternalMetricValue &v) {
                    if (!dd.expectObject(item, p))
                        return;
                    dd.read(item, "metricName", p, v.metricName);
                    dd.read(item, "metricLabels", p, v.metricLabels);
                    dd.read(item, "timestamp", p, v.timestamp);
                    dd.read(item, "window", p, v.windowSeconds);
                    readValue(dd, item, p, v.value);
                });
    if (!d.ok())
        return d.error();
    return out;
}

} // namespace kube::metrics
