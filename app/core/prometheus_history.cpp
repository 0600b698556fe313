#include "app/core/prometheus_history.h"

#include "app/core/error_text.h"
#include "app/core/gui_thread.h"
#include "app/core/qs.h"
#include "kube/http/client.h"
#include "kube/prometheus/detect.h"
#include "kube/prometheus/hpa_history.h" // probeKsm
#include "kube/prometheus/query.h"

#include <QPointer>

namespace hpascope {

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
    // A URL gets a client of its own; the service proxy goes through the API server's.
    auto client = prometheusClient(*endpoint, m_apiClient, choice.tokenFile);
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
    ++m_sent;
    m_lastStep = readPrometheusRange(
        *m_client, *m_endpoint, hpa, t0Ms, t1Ms, kMinStepSeconds,
        [gui = GuiThreadGuard(this, &m_generation), this, hpaKey](PrometheusRange r) {
            gui.post([this, hpaKey, r = std::move(r)]() mutable {
                if (!r.series) {
                    m_shown.remove(hpaKey); // asked again on the next show()
                    setState(State::Failed,
                             tr("History: recorded by hpascope only; Prometheus (%1): %2").arg(m_where, r.error));
                    return;
                }
                if (m_state == State::Failed) // it answers again
                    setState(State::Ready,
                             tr("History: recorded by hpascope, and from Prometheus (%1) before that").arg(m_where));
                apply(hpaKey, std::move(r));
            });
        });
}

void PrometheusHistory::apply(const QString &hpaKey, PrometheusRange range)
{
    m_lastPoints = range.points;
    PrometheusHpaSeries &s = *range.series;
    const auto put = [&](const QString &key, std::vector<TimedValue> &series) {
        m_store->setSeries(series_keys::fromPrometheus(key), std::move(series));
    };
    put(series_keys::replicas(hpaKey, QStringLiteral("current")), s.current);
    put(series_keys::replicas(hpaKey, QStringLiteral("desired")), s.desired);
    put(series_keys::replicas(hpaKey, QStringLiteral("min")), s.min);
    put(series_keys::replicas(hpaKey, QStringLiteral("max")), s.max);
    for (PrometheusMetricSeries &m : s.metrics) {
        put(series_keys::metric(hpaKey, m.identity, QStringLiteral("current")), m.current);
        put(series_keys::metric(hpaKey, m.identity, QStringLiteral("target")), m.target);
    }
    m_note = s.notes.join(QLatin1Char(' '));
    emit historyLoaded(hpaKey);
    emit statusChanged();
}

void PrometheusHistory::readRange(const kube::api::HorizontalPodAutoscaler &hpa, qint64 fromMs, qint64 toMs,
                                  QObject *context, PrometheusRangeCallback done)
{
    QPointer<QObject> receiver(context);
    if (!canRead() || toMs <= fromMs) {
        PrometheusRange failed;
        failed.where = m_where;
        failed.fromMs = fromMs;
        failed.toMs = toMs;
        failed.error = m_status.isEmpty() ? tr("Prometheus is not available") : m_status;
        QMetaObject::invokeMethod(
            this, [receiver, failed, done = std::move(done)] {
                if (receiver)
                    done(failed);
            },
            Qt::QueuedConnection);
        return;
    }
    ++m_sent;
    // Not dropped on a new connection like the chart's reads: the caller waits for this answer
    // (it is about the request it made), and the client stays alive until it comes (30 s at most,
    // the client's request timeout).
    std::shared_ptr<kube::http::Client> client = m_client;
    readPrometheusRange(*client, *m_endpoint, hpa, fromMs, toMs, kMinStepSeconds,
                        [client, receiver, where = m_where, done = std::move(done)](PrometheusRange r) mutable {
                            r.where = where; // the words status() uses ("…, kube-prometheus")
                            QObject *app = QCoreApplication::instance();
                            if (!app)
                                return;
                            QMetaObject::invokeMethod(
                                app,
                                [receiver, r = std::move(r), done = std::move(done)] {
                                    if (receiver)
                                        done(r);
                                },
                                Qt::QueuedConnection);
                        });
}

} // namespace hpascope
