#include "app/core/prometheus_history.h"

#include "app/core/error_text.h"
#include "app/core/gui_thread.h"
#include "app/core/qs.h"
#include "kube/api/hpa_metrics.h"
#include "kube/config/credentials.h"
#include "kube/http/client.h"
#include "kube/prometheus/detect.h"
#include "kube/prometheus/hpa_history.h"
#include "kube/prometheus/query.h"

#include <cmath>

namespace hpascope {

namespace {

// Prometheus' points (seconds) as a step series (ms): its changes only (a value holds until the
// next), a gap where no point came for more than two steps (the series was stale:
// kube-state-metrics down, the HPA not there yet), and one a step after the last point, so the
// line does not run on into the time hpascope watched itself.
std::vector<TimedValue> toSeries(const std::vector<kube::prometheus::HistoryPoint> &points, qint64 stepSeconds)
{
    std::vector<TimedValue> out;
    const qint64 stepMs = stepSeconds * 1000;
    qint64 seen = 0; // the last point's time: the last change may be long before it
    for (std::size_t i = 0; i < points.size(); ++i) {
        const qint64 t = qint64(std::llround(points[i].t * 1000));
        const bool open = !out.empty() && !std::isnan(out.back().v);
        if (open && t - seen > 2 * stepMs)
            out.push_back({seen + stepMs, std::nan("")});
        seen = t;
        const double v = points[i].v;
        if (!std::isfinite(v)) {
            if (!out.empty() && !std::isnan(out.back().v))
                out.push_back({t, std::nan("")});
        } else if (out.empty() || std::isnan(out.back().v) || out.back().v != v) {
            out.push_back({t, v});
        }
    }
    if (!out.empty() && !std::isnan(out.back().v))
        out.push_back({seen + stepMs, std::nan("")});
    return out;
}

} // namespace

PrometheusHistory::PrometheusHistory(SeriesStore *store, QObject *parent) : QObject(parent), m_store(store) {}

PrometheusHistory::~PrometheusHistory() = default;

qint64 PrometheusHistory::stepFor(qint64 rangeSeconds)
{
    return kube::prometheus::stepFor(rangeSeconds, kMinStepSeconds);
}

void PrometheusHistory::setState(State state, const QString &status)
{
    if (state == m_state && status == m_status)
        return;
    m_state = state;
    m_status = status;
    emit statusChanged();
}

void PrometheusHistory::disconnect()
{
    ++m_generation;
    m_apiClient.reset();
    m_client.reset();
    m_endpoint.reset();
    m_pending.reset();
    m_shown.clear();
    m_where.clear();
    m_note.clear();
    setState(State::Off, QString());
}

void PrometheusHistory::connectTo(std::shared_ptr<kube::http::Client> apiClient, const PrometheusChoice &choice)
{
    disconnect();
    m_apiClient = std::move(apiClient);
    if (!m_apiClient || choice.mode == PrometheusChoice::Mode::Off) {
        setState(State::Off, choice.mode == PrometheusChoice::Mode::Off
                                 ? tr("History: recorded by hpascope (Prometheus turned off)")
                                 : QString());
        return;
    }
    if (choice.mode == PrometheusChoice::Mode::Auto) {
        look();
        return;
    }
    auto endpoint = kube::prometheus::parseEndpoint(choice.where.trimmed().toStdString());
    if (!endpoint) {
        setState(State::Failed, tr("Prometheus: %1").arg(errorText(endpoint.error())));
        return;
    }
    if (endpoint->kind == kube::prometheus::Endpoint::Kind::ServiceProxy) {
        use(m_apiClient, *endpoint, qs(endpoint->describe()));
        return;
    }
    // A URL: a client of its own, TLS verified with the system's CAs, the token read from its
    // file (again every minute, like a kubeconfig's tokenFile).
    auto cfg = kube::prometheus::directRestConfig(*endpoint);
    if (!cfg) {
        setState(State::Failed, tr("Prometheus: %1").arg(errorText(cfg.error())));
        return;
    }
    if (!choice.tokenFile.isEmpty())
        cfg->credentials = std::make_shared<kube::config::TokenFileCredentialProvider>(
            choice.tokenFile.toStdString(), kube::config::Credentials{}, "prometheus token file");
    auto client = kube::http::Client::create(cfg.value());
    if (!client) {
        setState(State::Failed, tr("Prometheus: %1").arg(errorText(client.error())));
        return;
    }
    use(client.value(), *endpoint, qs(endpoint->describe()));
}

void PrometheusHistory::look()
{
    setState(State::Looking, tr("History: looking for Prometheus in the cluster…"));
    kube::http::Request req;
    req.path = kube::prometheus::servicesListPath(std::nullopt);
    ++m_sent;
    m_apiClient->send(req, [gui = GuiThreadGuard(this, &m_generation), this](kube::Result<kube::http::Response> r) {
        nlohmann::json services = r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
        gui.post([this, services = std::move(services), ok = bool(r)]() mutable {
            if (ok)
                lookedAt(services, tr("History: recorded by hpascope; no Prometheus found in the cluster (set one in Settings)"));
            else // a user who may not list every namespace's Services
                lookIn(0, nlohmann::json::object({{"items", nlohmann::json::array()}}), false);
        });
    });
}

void PrometheusHistory::lookIn(std::size_t index, nlohmann::json found, bool listedAny)
{
    const auto &namespaces = kube::prometheus::kUsualMonitoringNamespaces;
    if (index == namespaces.size()) {
        QStringList names;
        for (std::string_view n : namespaces)
            names << QString::fromUtf8(n.data(), qsizetype(n.size()));
        lookedAt(found, listedAny ? tr("History: recorded by hpascope; no Prometheus found in the namespaces %1 (the "
                                       "cluster's services cannot be listed in all namespaces; set one in Settings)")
                                        .arg(names.join(QStringLiteral(", ")))
                                  : tr("History: recorded by hpascope; the cluster's services could not be listed to "
                                       "find Prometheus (set one in Settings)"));
        return;
    }
    kube::http::Request req;
    req.path = kube::prometheus::servicesListPath(std::string(namespaces[index]));
    ++m_sent;
    m_apiClient->send(req, [gui = GuiThreadGuard(this, &m_generation), this, index, listedAny,
                            found = std::move(found)](kube::Result<kube::http::Response> r) mutable {
        const bool listed = bool(r);
        if (r) {
            const auto list = nlohmann::json::parse(r->body, nullptr, false);
            if (list.is_object() && list.contains("items") && list["items"].is_array())
                for (const auto &item : list["items"])
                    found["items"].push_back(item);
        }
        gui.post([this, index, listed = listedAny || listed, found = std::move(found)]() mutable {
            lookIn(index + 1, std::move(found), listed);
        });
    });
}

void PrometheusHistory::lookedAt(const nlohmann::json &services, const QString &notFound)
{
    std::vector<kube::prometheus::Candidate> candidates = kube::prometheus::detectCandidates(services);
    if (candidates.empty()) {
        setState(State::NotFound, notFound);
        return;
    }
    tryCandidate(std::move(candidates), 0);
}

void PrometheusHistory::tryCandidate(std::vector<kube::prometheus::Candidate> candidates, std::size_t index)
{
    const kube::prometheus::Endpoint endpoint = candidates[index].endpoint;
    ++m_sent;
    kube::prometheus::probeKsm(
        *m_apiClient, endpoint,
        [gui = GuiThreadGuard(this, &m_generation), this, candidates = std::move(candidates),
         index](kube::Result<kube::prometheus::KsmProbe> r) mutable {
            gui.post([this, candidates = std::move(candidates), index, r = std::move(r)]() mutable {
                const QString where = qs(candidates[index].describe());
                if (r) {
                    use(m_apiClient, candidates[index].endpoint, where);
                    if (!r->hasTargetMetricStatus)
                        m_note = tr("kube-state-metrics is older than v2.6.0: Prometheus has replica counts but no metric values");
                    return;
                }
                if (index + 1 < candidates.size()) {
                    tryCandidate(std::move(candidates), index + 1);
                    return;
                }
                setState(State::Failed, tr("History: recorded by hpascope; %1: %2").arg(where, errorText(r.error())));
            });
        });
}

void PrometheusHistory::use(std::shared_ptr<kube::http::Client> client, const kube::prometheus::Endpoint &endpoint,
                            const QString &where)
{
    m_client = std::move(client);
    m_endpoint = endpoint;
    m_where = where;
    setState(State::Ready, tr("History: recorded by hpascope, and from Prometheus (%1) before that").arg(where));
    if (m_pending) {
        const Pending p = *m_pending;
        m_pending.reset();
        read(p.key, p.hpa, p.t0Ms, p.t1Ms);
    }
}

void PrometheusHistory::show(const QString &hpaKey, const kube::api::HorizontalPodAutoscaler &hpa, qint64 t0Ms,
                             qint64 t1Ms)
{
    if (m_state == State::Looking) {
        m_pending = Pending{hpaKey, hpa, t0Ms, t1Ms};
        return;
    }
    if (m_state != State::Ready || hpaKey.isEmpty() || t1Ms <= t0Ms)
        return;
    const auto it = m_shown.constFind(hpaKey);
    const qint64 now = m_store->now();
    if (it != m_shown.cend() && it->t0Ms <= t0Ms && now - it->readAtMs < kRefreshMs)
        return;
    read(hpaKey, hpa, t0Ms, t1Ms);
}

void PrometheusHistory::read(const QString &hpaKey, const kube::api::HorizontalPodAutoscaler &hpa, qint64 t0Ms,
                             qint64 t1Ms)
{
    if (!m_client || !m_endpoint)
        return;
    m_shown.insert(hpaKey, Shown{t0Ms, t1Ms, m_store->now()});
    const qint64 step = stepFor((t1Ms + 999) / 1000 - t0Ms / 1000); // as readHpaHistory reads it
    m_lastStep = step;
    ++m_sent;
    kube::prometheus::readHpaHistory(
        *m_client, *m_endpoint, hpa.metadata.namespace_, hpa.metadata.name, hpa.spec.metrics, t0Ms / 1000,
        (t1Ms + 999) / 1000, kMinStepSeconds,
        [gui = GuiThreadGuard(this, &m_generation), this, hpaKey, hpa,
         step](kube::Result<kube::prometheus::HpaHistory> r) {
            gui.post([this, hpaKey, hpa, step, r = std::move(r)] {
                if (!r) {
                    m_shown.remove(hpaKey); // asked again on the next show()
                    setState(State::Failed, tr("History: recorded by hpascope only; Prometheus (%1): %2")
                                                .arg(m_where, errorText(r.error())));
                    return;
                }
                if (m_state == State::Failed) // it answers again
                    setState(State::Ready, tr("History: recorded by hpascope, and from Prometheus (%1) before that").arg(m_where));
                apply(hpaKey, hpa, step, *r);
            });
        });
}

void PrometheusHistory::apply(const QString &hpaKey, const kube::api::HorizontalPodAutoscaler &hpa, qint64 stepSeconds,
                              const kube::prometheus::HpaHistory &h)
{
    m_lastPoints = h.currentReplicas.size();
    const auto put = [&](const QString &key, const std::vector<kube::prometheus::HistoryPoint> &points) {
        m_store->setSeries(series_keys::fromPrometheus(key), toSeries(points, stepSeconds));
    };
    put(series_keys::replicas(hpaKey, QStringLiteral("current")), h.currentReplicas);
    put(series_keys::replicas(hpaKey, QStringLiteral("desired")), h.desiredReplicas);
    put(series_keys::replicas(hpaKey, QStringLiteral("min")), h.minReplicas);
    put(series_keys::replicas(hpaKey, QStringLiteral("max")), h.maxReplicas);
    for (const kube::prometheus::MetricHistory &m : h.metrics) {
        if (m.specIndex >= hpa.spec.metrics.size())
            continue;
        const QString identity = qs(kube::api::identityOf(hpa.spec.metrics[m.specIndex]).toString());
        put(series_keys::metric(hpaKey, identity, QStringLiteral("current")), m.current);
        put(series_keys::metric(hpaKey, identity, QStringLiteral("target")), m.target);
    }
    QStringList notes;
    if (!h.ambiguous.empty()) {
        QStringList names;
        for (std::size_t i : h.ambiguous) {
            if (i < hpa.spec.metrics.size())
                names << qs(kube::api::metricDisplayName(hpa.spec.metrics[i]));
        }
        notes << tr("Prometheus cannot tell these metrics apart (kube-state-metrics names them alike), so it shows no "
                    "history for them: %1")
                     .arg(names.join(QStringLiteral(", ")));
    }
    if (!h.hasTargetMetricStatus && !hpa.spec.metrics.empty())
        notes << tr("kube-state-metrics is older than v2.6.0: Prometheus has replica counts but no metric values");
    m_note = notes.join(QLatin1Char(' '));
    emit historyLoaded(hpaKey);
    emit statusChanged();
}

} // namespace hpascope
