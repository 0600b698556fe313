#include "kube/metrics/metrics_client.h"

#include "kube/metrics/adapter_errors.h"

#include <future>
#include <mutex>

namespace kube::metrics {

namespace {

constexpr std::string_view kCustomV1beta2 = "/apis/custom.metrics.k8s.io/v1beta2/";
constexpr std::string_view kCustomV1beta1 = "/apis/custom.metrics.k8s.io/v1beta1/";
// A write is one tiny POST through the service proxy; 10 s leaves room for a slow proxy dial
// while keeping a live slider responsive (kube/http's default is 30 s).
constexpr long kWriteTimeoutMs = 10000;

std::string asVersion(const std::string &v1beta2Path, CustomMetricsVersion v)
{
    if (v == CustomMetricsVersion::V1beta2 || v1beta2Path.rfind(kCustomV1beta2, 0) != 0)
        return v1beta2Path;
    return std::string(kCustomV1beta1) + v1beta2Path.substr(kCustomV1beta2.size());
}

std::string apiVersionOf(CustomMetricsVersion v)
{
    return "custom.metrics.k8s.io/" + std::string(nameOf(v));
}

std::string objectWords(const std::string &ns, const api::CrossVersionObjectReference &o,
                        const std::string &metric)
{
    return "metric " + metric + " of " + api::qualifiedResource(o) + "/" + o.name
        + " in namespace " + ns;
}

Result<nlohmann::json> parseBody(const http::Response &r, const std::string &what)
{
    auto j = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
        return makeError(Error::Kind::Decode, "the answer for " + what + " is not JSON");
    return j;
}

Error onNetworkThreadError()
{
    return makeError(Error::Kind::Invalid,
                     "a blocking metrics call was made on the network thread (it would deadlock)");
}

template <typename T>
T waitFor(const std::function<void(std::function<void(T)>)> &start)
{
    std::promise<T> promise;
    auto future = promise.get_future();
    start([&promise](T value) { promise.set_value(std::move(value)); });
    return future.get();
}

} // namespace

Error PodsWriteResult::summary() const
{
    if (failed.empty()) {
        if (written.empty())
            return makeError(Error::Kind::Invalid, "no pods to write to");
        return makeError(Error::Kind::Invalid, "no failure");
    }
    Error e = failed.front().error;
    std::string names;
    for (const auto &f : failed)
        names += (names.empty() ? "" : ", ") + f.pod;
    const std::size_t total = failed.size() + written.size();
    e.detail = std::to_string(failed.size()) + " of " + std::to_string(total)
        + " pods failed: " + names + (e.detail.empty() ? "" : "; " + e.detail);
    return e;
}

std::string writeBody(const api::Quantity &value)
{
    // Quantity::toString() only yields [0-9.+-eEinumkKMGTP] characters: no JSON escaping needed.
    return "\"" + value.toString() + "\"";
}

MetricsClient::MetricsClient(std::shared_ptr<http::Client> client, api::AdapterService adapter)
    : m_client(std::move(client)), m_adapter(std::move(adapter)),
      m_preferred(std::make_shared<std::atomic<CustomMetricsVersion>>(CustomMetricsVersion::V1beta2))
{
}

void MetricsClient::deliverLater(std::function<void()> fn)
{
    m_client->schedule(std::chrono::milliseconds(0), std::move(fn));
}

void MetricsClient::post(std::string path, const api::Quantity &value, std::string what,
                         WriteCallback done)
{
    http::Request req;
    req.method = "POST";
    req.path = std::move(path);
    req.body = writeBody(value);
    req.contentType = "application/json"; // go-restful rejects an untyped body with 400
    // The write routes declare no Produces, so go-restful (jsr311.go detectRoute) accepts only a
    // request whose Accept includes */*; "application/json" alone gets 406 Not Acceptable.
    req.accept = "*/*";
    req.timeoutMs = kWriteTimeoutMs;
    m_client->send(std::move(req), [adapter = m_adapter, what = std::move(what),
                                    done = std::move(done)](Result<http::Response> r) {
        if (!r)
            done(adapterWriteError(r.error(), adapter, what));
        else
            done(success());
    });
}

void MetricsClient::writeObjectMetric(const std::string &ns,
                                      const api::CrossVersionObjectReference &object,
                                      const std::string &metricName, const api::Quantity &value,
                                      const Labels &labels, WriteCallback done)
{
    auto path = api::adapterWriteObjectPath(m_adapter, ns, object, metricName, formatLabels(labels));
    if (!path) {
        deliverLater([done = std::move(done), e = path.error()] { done(e); });
        return;
    }
    post(std::move(path.value()), value, objectWords(ns, object, metricName), std::move(done));
}

void MetricsClient::writePodsMetric(const std::string &ns, const std::vector<std::string> &pods,
                                    const std::string &metricName, const api::Quantity &value,
                                    const Labels &labels, PodsWriteCallback done)
{
    if (pods.empty()) {
        deliverLater([done = std::move(done)] { done(PodsWriteResult{}); });
        return;
    }
    struct Pending {
        std::mutex mutex;
        std::size_t remaining = 0;
        std::vector<Status> results;
        PodsWriteCallback done;
    };
    auto pending = std::make_shared<Pending>();
    pending->remaining = pods.size();
    pending->results.assign(pods.size(), success());
    pending->done = std::move(done);
    const std::string labelText = formatLabels(labels);
    for (std::size_t i = 0; i < pods.size(); ++i) {
        const std::string what = "metric " + metricName + " of pod " + pods[i] + " in namespace " + ns;
        post(api::adapterWritePodPath(m_adapter, ns, pods[i], metricName, labelText), value, what,
             [pending, i, pods](Status s) {
                 std::unique_lock lock(pending->mutex);
                 pending->results[i] = std::move(s);
                 if (--pending->remaining != 0)
                     return;
                 PodsWriteResult out;
                 for (std::size_t k = 0; k < pods.size(); ++k) {
                     if (pending->results[k])
                         out.written.push_back(pods[k]);
                     else
                         out.failed.push_back({pods[k], pending->results[k].error()});
                 }
                 auto done = std::move(pending->done);
                 lock.unlock();
                 done(std::move(out));
             });
    }
}

void MetricsClient::readCustom(std::string v1beta2Path, std::string what, ListCallback done)
{
    const CustomMetricsVersion first = m_preferred->load();
    auto preferred = m_preferred;
    auto client = std::weak_ptr<http::Client>(m_client);
    auto finish = [what, done](CustomMetricsVersion v, Result<http::Response> r) {
        if (!r) {
            done(metricsReadError(r.error(), apiVersionOf(v), what));
            return;
        }
        auto j = parseBody(r.value(), what);
        if (!j) {
            done(j.error());
            return;
        }
        done(decodeMetricValueList(j.value(), v));
    };
    http::Request req;
    req.path = asVersion(v1beta2Path, first);
    m_client->send(req, [=](Result<http::Response> r) {
        if (r || first != CustomMetricsVersion::V1beta2 || !isApiNotServed(r.error())) {
            finish(first, std::move(r));
            return;
        }
        auto c = client.lock();
        if (!c) {
            finish(first, std::move(r));
            return;
        }
        http::Request older;
        older.path = asVersion(v1beta2Path, CustomMetricsVersion::V1beta1);
        c->send(older, [=](Result<http::Response> r1) {
            // Remember only a version that answered; a 404 on both says nothing about which.
            if (r1 || !isApiNotServed(r1.error()))
                preferred->store(CustomMetricsVersion::V1beta1);
            finish(CustomMetricsVersion::V1beta1, std::move(r1));
        });
    });
}

void MetricsClient::readObjectMetric(const std::string &ns,
                                     const api::CrossVersionObjectReference &object,
                                     const std::string &metricName,
                                     const std::string &metricSelector, ValueCallback done)
{
    auto path = api::customMetricObjectPath(ns, object, metricName, metricSelector);
    if (!path) {
        deliverLater([done = std::move(done), e = path.error()] { done(e); });
        return;
    }
    const std::string what = objectWords(ns, object, metricName);
    readCustom(std::move(path.value()), what,
               [what, done = std::move(done)](Result<MetricValueList> list) {
                   if (!list) {
                       done(list.error());
                       return;
                   }
                   // As client-go's custom metrics client: an object read yields exactly one.
                   if (list->items.size() != 1) {
                       done(makeError(Error::Kind::Decode,
                                      "the custom metrics API returned "
                                          + std::to_string(list->items.size())
                                          + " values for " + what + " (expected exactly one)"));
                       return;
                   }
                   done(std::move(list->items.front()));
               });
}

void MetricsClient::readPodsMetric(const std::string &ns, const std::string &podSelector,
                                   const std::string &metricName, const std::string &metricSelector,
                                   ListCallback done)
{
    readCustom(api::customMetricPodsPath(ns, metricName, podSelector, metricSelector),
               "metric " + metricName + " of pods " + (podSelector.empty() ? "(all)" : podSelector)
                   + " in namespace " + ns,
               std::move(done));
}

void MetricsClient::readExternalMetric(const std::string &ns, const std::string &metricName,
                                       const std::string &metricSelector, ExternalCallback done)
{
    const std::string what = "external metric " + metricName + " in namespace " + ns;
    http::Request req;
    req.path = api::externalMetricPath(ns, metricName, metricSelector);
    m_client->send(req, [what, done = std::move(done)](Result<http::Response> r) {
        if (!r) {
            done(metricsReadError(r.error(), "external.metrics.k8s.io/v1beta1", what));
            return;
        }
        auto j = parseBody(r.value(), what);
        if (!j) {
            done(j.error());
            return;
        }
        done(decodeExternalMetricValueList(j.value()));
    });
}

Status MetricsClient::writeObjectMetricSync(const std::string &ns,
                                            const api::CrossVersionObjectReference &object,
                                            const std::string &metricName,
                                            const api::Quantity &value, const Labels &labels)
{
    if (m_client->onNetworkThread())
        return onNetworkThreadError();
    return waitFor<Status>([&](WriteCallback cb) {
        writeObjectMetric(ns, object, metricName, value, labels, std::move(cb));
    });
}

PodsWriteResult MetricsClient::writePodsMetricSync(const std::string &ns,
                                                   const std::vector<std::string> &pods,
                                                   const std::string &metricName,
                                                   const api::Quantity &value, const Labels &labels)
{
    if (m_client->onNetworkThread()) {
        PodsWriteResult out;
        for (const auto &pod : pods)
            out.failed.push_back({pod, onNetworkThreadError()});
        return out;
    }
    return waitFor<PodsWriteResult>([&](PodsWriteCallback cb) {
        writePodsMetric(ns, pods, metricName, value, labels, std::move(cb));
    });
}

Result<MetricValue> MetricsClient::readObjectMetricSync(const std::string &ns,
                                                        const api::CrossVersionObjectReference &object,
                                                        const std::string &metricName,
                                                        const std::string &metricSelector)
{
    if (m_client->onNetworkThread())
        return onNetworkThreadError();
    return waitFor<Result<MetricValue>>([&](ValueCallback cb) {
        readObjectMetric(ns, object, metricName, metricSelector, std::move(cb));
    });
}

Result<MetricValueList> MetricsClient::readPodsMetricSync(const std::string &ns,
                                                          const std::string &podSelector,
                                                          const std::string &metricName,
                                                          const std::string &metricSelector)
{
    if (m_client->onNetworkThread())
        return onNetworkThreadError();
    return waitFor<Result<MetricValueList>>([&](ListCallback cb) {
        readPodsMetric(ns, podSelector, metricName, metricSelector, std::move(cb));
    });
}

Result<ExternalMetricValueList> MetricsClient::readExternalMetricSync(const std::string &ns,
                                                                      const std::string &metricName,
                                                                      const std::string &metricSelector)
{
    if (m_client->onNetworkThread())
        return onNetworkThreadError();
    return waitFor<Result<ExternalMetricValueList>>([&](ExternalCallback cb) {
        readExternalMetric(ns, metricName, metricSelector, std::move(cb));
    });
}

} // namespace kube::metrics
