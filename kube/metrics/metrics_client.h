#pragma once
// MetricsClient: fake metric values written to the custom-metrics test adapter (POST
// /write-metrics/... through the API server's service proxy, a JSON string quantity as body) and
// values read back from custom.metrics.k8s.io (v1beta2, falling back to v1beta1 when v1beta2 is
// not served) and external.metrics.k8s.io/v1beta1. Errors come back in words a person can act
// on (adapter_errors.h). No Qt.
//
// Callbacks run on the http::Client's network thread (also for arguments refused before
// sending), so callers marshal results the same way in every case. The *Sync variants block and
// must not be called on the network thread.
#include "kube/api/paths.h"
#include "kube/http/client.h"
#include "kube/metrics/metric_values.h"
#include "kube/metrics/selector.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kube::metrics {

struct PodWriteFailure {
    std::string pod;
    Error error;
};

// Outcome of a Pods-metric write: one POST per pod.
struct PodsWriteResult {
    std::vector<std::string> written; // pods whose value the adapter stored, in request order
    std::vector<PodWriteFailure> failed;
    bool ok() const { return failed.empty() && !written.empty(); }
    // One error for all failures: the first one's words, "(2 of 3 pods failed: a, b)" as detail.
    Error summary() const;
};

// The request body: a JSON string, e.g. the 6 bytes "400m" including the quotes.
std::string writeBody(const api::Quantity &value);

class MetricsClient {
public:
    using WriteCallback = std::function<void(Status)>;
    using PodsWriteCallback = std::function<void(PodsWriteResult)>;
    using ListCallback = std::function<void(Result<MetricValueList>)>;
    using ValueCallback = std::function<void(Result<MetricValue>)>;
    using ExternalCallback = std::function<void(Result<ExternalMetricValueList>)>;

    explicit MetricsClient(std::shared_ptr<http::Client> client, api::AdapterService adapter = {});

    const api::AdapterService &adapter() const { return m_adapter; }
    // The custom metrics version reads start with: v1beta1 once v1beta2 turned out not served.
    CustomMetricsVersion preferredVersion() const { return m_preferred->load(); }

    // Object metric: the value of metricName for describedObject (in namespace ns). labels are
    // stored with the value (the HPA's metric selector must match them; see labelsForSelector).
    void writeObjectMetric(const std::string &ns, const api::CrossVersionObjectReference &object,
                           const std::string &metricName, const api::Quantity &value,
                           const Labels &labels, WriteCallback done);
    // Pods metric: one write per pod, all in flight at once; done once all have answered.
    void writePodsMetric(const std::string &ns, const std::vector<std::string> &pods,
                         const std::string &metricName, const api::Quantity &value,
                         const Labels &labels, PodsWriteCallback done);

    // GET .../namespaces/{ns}/{resource}/{name}/{metric}: exactly one item expected.
    void readObjectMetric(const std::string &ns, const api::CrossVersionObjectReference &object,
                          const std::string &metricName, const std::string &metricSelector,
                          ValueCallback done);
    // GET .../namespaces/{ns}/pods/*/{metric}?labelSelector=...: one item per pod with a value.
    void readPodsMetric(const std::string &ns, const std::string &podSelector,
                        const std::string &metricName, const std::string &metricSelector,
                        ListCallback done);
    void readExternalMetric(const std::string &ns, const std::string &metricName,
                            const std::string &metricSelector, ExternalCallback done);

    Status writeObjectMetricSync(const std::string &ns,
                                 const api::CrossVersionObjectReference &object,
                                 const std::string &metricName, const api::Quantity &value,
                                 const Labels &labels);
    PodsWriteResult writePodsMetricSync(const std::string &ns, const std::vector<std::string> &pods,
                                        const std::string &metricName, const api::Quantity &value,
                                        const Labels &labels);
    Result<MetricValue> readObjectMetricSync(const std::string &ns,
                                             const api::CrossVersionObjectReference &object,
                                             const std::string &metricName,
                                             const std::string &metricSelector);
    Result<MetricValueList> readPodsMetricSync(const std::string &ns, const std::string &podSelector,
                                               const std::string &metricName,
                                               const std::string &metricSelector);
    Result<ExternalMetricValueList> readExternalMetricSync(const std::string &ns,
                                                           const std::string &metricName,
                                                           const std::string &metricSelector);

private:
    // GET a custom.metrics.k8s.io path given for v1beta2; retried as v1beta1 when not served.
    void readCustom(std::string v1beta2Path, std::string what, ListCallback done);
    void post(std::string path, const api::Quantity &value, std::string what, WriteCallback done);
    void deliverLater(std::function<void()> fn);

    std::shared_ptr<http::Client> m_client;
    api::AdapterService m_adapter;
    // Shared with in-flight callbacks, which may outlive this object.
    std::shared_ptr<std::atomic<CustomMetricsVersion>> m_preferred;
};

} // namespace kube::metrics
