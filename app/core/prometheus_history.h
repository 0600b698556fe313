#pragma once
// History from the cluster's Prometheus (kube-state-metrics' HPA series) for the time hpascope
// was not watching: the selected HPA's replicas and metrics over the chart's window, read with
// one query_range and written to the SeriesStore under series_keys::fromPrometheus(key). The
// charts draw those only where hpascope has no samples of its own (local samples win).
//
// Where Prometheus is: set by the user (a URL, or namespace/service:port behind the API server's
// service proxy), or found among the cluster's Services (kube::prometheus::detect) and confirmed
// by asking for kube-state-metrics' series. Every outcome is said in words (status()).
// Answers come back from the network thread through GuiThreadGuard; Qt Core only.
#include "app/core/prometheus_choice.h"
#include "app/core/prometheus_series.h"
#include "app/core/series_store.h"
#include "kube/api/hpa.h"
#include "kube/prometheus/detect.h"
#include "kube/prometheus/endpoint.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace kube::http { class Client; }

namespace hpascope {

class PrometheusHistory : public QObject {
    Q_OBJECT
public:
    enum class State { Off, Looking, Ready, NotFound, Failed };
    // At most this often the same HPA and window is read again: the part near now is hpascope's
    // own, and what Prometheus holds further back does not change.
    static constexpr qint64 kRefreshMs = 5 * 60 * 1000;
    // As fine as Prometheus allows (11,000 points per series): 1 s up to 3 h, 8 s for a day, 55 s
    // for a week. A coarser step would skip replica changes shorter than itself; the store keeps
    // only the changes (and gaps), not every step.
    static constexpr qint64 kMinStepSeconds = 1;

    PrometheusHistory(SeriesStore *store, QObject *parent = nullptr);
    ~PrometheusHistory() override;

    // A new connection (apiClient: the session's API server client; null when disconnected).
    // Looks for Prometheus as `choice` says; status() tells the outcome.
    void connectTo(std::shared_ptr<kube::http::Client> apiClient, const PrometheusChoice &choice);
    void disconnect();

    // The chart shows hpaKey over [t0Ms, t1Ms]: reads what Prometheus has there (once found),
    // unless the same range was read less than kRefreshMs ago.
    void show(const QString &hpaKey, const kube::api::HorizontalPodAutoscaler &hpa, qint64 t0Ms, qint64 t1Ms);

    State state() const { return m_state; }
    // Prometheus was found (Ready), or found and its last read failed (Failed): readRange asks it.
    bool canRead() const { return m_client && m_endpoint; }
    // One line for the status bar: where history comes from, or why not from Prometheus.
    QString status() const { return m_status; }
    // About the HPA last shown: metrics Prometheus cannot tell apart, an old kube-state-metrics.
    QString note() const { return m_note; }
    QString where() const { return m_where; } // "service monitoring/prometheus-k8s port web", a URL
    int queriesSent() const { return m_sent; } // for tests
    qint64 lastStepSeconds() const { return m_lastStep; }
    // Points of the last read's current-replicas series, as Prometheus sent them (the store
    // keeps only their changes).
    std::size_t lastPointCount() const { return m_lastPoints; }

    // One read of exactly [fromMs, toMs] for `hpa` (a report's range), not written to the store:
    // `done` runs on the GUI thread with the series or why not (also at once, queued, when
    // Prometheus is not Ready), unless `context` is gone by then.
    void readRange(const kube::api::HorizontalPodAutoscaler &hpa, qint64 fromMs, qint64 toMs, QObject *context,
                   PrometheusRangeCallback done);

    // The step a range is read at: kMinStepSeconds, or coarser to stay within Prometheus'
    // 11,000 points per series.
    static qint64 stepFor(qint64 rangeSeconds);

signals:
    void statusChanged();
    void historyLoaded(const QString &hpaKey);

private:
    struct Shown {
        qint64 t0Ms = 0, t1Ms = 0;
        qint64 readAtMs = 0;
    };
    void setState(State state, const QString &status);
    void use(std::shared_ptr<kube::http::Client> client, const kube::prometheus::Endpoint &endpoint,
             const QString &where);
    void look();
    // Listing every namespace's Services was refused: the namespaces installs usually use, one
    // after another (`found` holds the Services listed so far).
    void lookIn(std::size_t index, nlohmann::json found, bool listedAny);
    // The candidates among `services`, or `notFound` said.
    void lookedAt(const nlohmann::json &services, const QString &notFound);
    void tryCandidate(std::vector<kube::prometheus::Candidate> candidates, std::size_t index);
    void read(const QString &hpaKey, const kube::api::HorizontalPodAutoscaler &hpa, qint64 t0Ms, qint64 t1Ms);
    void apply(const QString &hpaKey, PrometheusRange range); // range.series is set

    SeriesStore *m_store;
    std::shared_ptr<kube::http::Client> m_apiClient;
    std::shared_ptr<kube::http::Client> m_client; // m_apiClient, or one for a direct URL
    std::optional<kube::prometheus::Endpoint> m_endpoint;
    quint64 m_generation = 0;
    State m_state = State::Off;
    QString m_status, m_note, m_where;
    QHash<QString, Shown> m_shown;
    struct Pending {
        QString key;
        kube::api::HorizontalPodAutoscaler hpa;
        qint64 t0Ms = 0, t1Ms = 0;
    };
    std::optional<Pending> m_pending; // asked before Prometheus was found
    int m_sent = 0;
    qint64 m_lastStep = 0;
    std::size_t m_lastPoints = 0;
};

} // namespace hpascope
