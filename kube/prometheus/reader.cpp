// The two reads over a kube::http::Client: one HPA's history (query_range) and the KSM probe
// (an instant query).
#include "kube/prometheus/hpa_history.h"
#include "kube/prometheus/reasons.h"

namespace kube::prometheus {

namespace {

// Prometheus' own query timeout is 2 min (--query.timeout); a history read of one HPA over 30
// days takes well under a second on a healthy server, so waiting longer than this helps nobody.
constexpr long kQueryTimeoutMs = 60000;

constexpr std::string_view kInfo = "kube_horizontalpodautoscaler_info";
constexpr std::string_view kStatusTarget = "kube_horizontalpodautoscaler_status_target_metric";
constexpr std::string_view kNamespaceCreated = "kube_namespace_created";

// Counts per family in one request: is there KSM at all (every KSM exports namespaces), does
// it export HPAs, and is it new enough for status_target_metric (KSM v2.6.0).
const std::string kProbeQuery = "count by (__name__) ({__name__=~\"" + std::string(kInfo) + "|"
    + std::string(kStatusTarget) + "|" + std::string(kNamespaceCreated) + "\"})";

http::Request get(std::string path)
{
    http::Request req;
    req.path = std::move(path);
    req.timeoutMs = kQueryTimeoutMs;
    req.nonSuccessAsResponse = true;
    return req;
}

Error ksmMissing(std::string message)
{
    Error e = makeError(Error::Kind::Invalid, std::move(message));
    e.reason = std::string(kReasonKsmMissing);
    return e;
}

Result<KsmProbe> readProbe(const QueryAnswer &answer, const Endpoint &endpoint)
{
    std::size_t info = 0, status = 0, namespaces = 0;
    for (const Series &s : answer.series) {
        const auto name = s.labels.find("__name__");
        if (name == s.labels.end() || s.points.empty())
            continue;
        const double v = s.points.front().v;
        const std::size_t n = v >= 1 && v < 1e12 ? static_cast<std::size_t>(v) : 0;
        if (name->second == kInfo)
            info = n;
        else if (name->second == kStatusTarget)
            status = n;
        else if (name->second == kNamespaceCreated)
            namespaces = n;
    }
    const std::string where = endpoint.describe();
    if (info == 0 && namespaces == 0)
        return ksmMissing("Prometheus at " + where + " has no kube-state-metrics data: install "
                          "kube-state-metrics and let this Prometheus scrape it");
    if (info == 0)
        return ksmMissing("kube-state-metrics in Prometheus at " + where
                          + " exports no HPA: the cluster has none, or its horizontalpodautoscalers "
                            "resource is turned off (--resources)");
    KsmProbe probe;
    probe.hpaCount = info;
    probe.hasTargetMetricStatus = status > 0;
    if (!probe.hasTargetMetricStatus) {
        Error w = makeError(Error::Kind::Invalid,
                            "kube-state-metrics exports no kube_horizontalpodautoscaler_status_target_metric "
                            "(older than v2.6.0?): history shows replicas and targets but no current values");
        w.reason = std::string(kReasonKsmTooOld);
        probe.warning = std::move(w);
    }
    return probe;
}

template <typename T>
http::RequestId refuse(http::Client &client, Error e, std::function<void(Result<T>)> done)
{
    // On the network thread like every other outcome.
    return client.schedule(std::chrono::milliseconds(0), [e = std::move(e), done = std::move(done)] { done(e); });
}

} // namespace

http::RequestId readHpaHistory(http::Client &client, const Endpoint &endpoint, const std::string &ns,
                               const std::string &name, std::vector<api::MetricSpec> specMetrics,
                               std::int64_t startS, std::int64_t endS, std::int64_t minStepS,
                               HpaHistoryCallback done)
{
    if (ns.empty() || name.empty() || endS <= startS)
        return refuse<HpaHistory>(
            client, makeError(Error::Kind::Invalid, "an HPA history needs a namespace, a name and a range"),
            std::move(done));
    const std::int64_t step = stepFor(endS - startS, minStepS);
    return client.send(
        get(rangeQueryPath(endpoint, hpaHistoryQuery(ns, name), startS, endS, step)),
        [endpoint, step, specMetrics = std::move(specMetrics), done = std::move(done)](Result<http::Response> r) {
            auto answer = interpret(r, endpoint, "matrix");
            if (!answer) {
                done(answer.error());
                return;
            }
            HpaHistory h = buildHpaHistory(std::move(answer->series), specMetrics);
            h.warnings = std::move(answer->warnings);
            h.stepS = step;
            done(std::move(h));
        });
}

http::RequestId probeKsm(http::Client &client, const Endpoint &endpoint, KsmProbeCallback done)
{
    return client.send(get(instantQueryPath(endpoint, kProbeQuery, 0)),
                       [endpoint, done = std::move(done)](Result<http::Response> r) {
                           auto answer = interpret(r, endpoint, "vector");
                           if (!answer) {
                               done(answer.error());
                               return;
                           }
                           done(readProbe(*answer, endpoint));
                       });
}

} // namespace kube::prometheus
