#pragma once
// ClusterSession owns the kube/ objects for one context and scope (one namespace or all), and
// turns their network-thread callbacks into model updates on the GUI thread. A new connectTo()
// bumps the generation so late results from the previous connection are dropped.
#include "app/core/cluster_profile.h"
#include "app/core/connection_state.h"
#include "app/core/event_store.h"
#include "app/core/history_loader.h"
#include "app/core/metric_writer.h"
#include "app/core/namespace_access.h"
#include "app/core/pod_tracker.h"
#include "app/core/pod_usage_poller.h"
#include "app/core/prometheus_history.h"
#include "app/core/recorder.h"
#include "app/core/series_feed.h"
#include "app/core/series_store.h"
#include "kube/hpa/observed_history.h"
#include "kube/hpa/window_inference.h"
#include "app/core/hpa_list_model.h"
#include "kube/config/rest_config.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>

namespace kube::http { class Client; }
namespace kube::watch { class Reflector; struct ConnectionState; }

namespace hpascope {


class ClusterSession : public QObject {
    Q_OBJECT
public:
    explicit ClusterSession(QObject *parent = nullptr);
    ~ClusterSession() override;

    // Connects to the profile's cluster in its scope (namespaceName empty = all namespaces); the
    // profile also brings the clock, the controller's settings and its memory, if known.
    void connectTo(const ClusterProfile &profile);
    // Shows a state without connecting (no kubeconfig, bad context, ...).
    // contextUnusable: there is a kubeconfig, but the chosen context cannot be used.
    void setNotConfigured(const QString &reason, const QString &hint = {}, bool contextUnusable = false);
    void disconnectFromCluster();

    HpaListModel *hpaModel() { return &m_hpas; }
    EventStore *events() { return &m_events; }
    // Pushes fake metric values to the test adapter (sliders, what-if) with this session's client.
    MetricWriter *metricWriter() { return &m_writer; }
    PodTracker *pods() { return &m_pods; }
    // metrics.k8s.io usage of the shown HPA's pods (the detail model says which to follow).
    PodUsagePoller *podUsage() { return &m_usage; }
    // Time series of every HPA seen in this session (charts read screen-resolution views).
    SeriesStore *series() { return &m_series; }
    // History from the cluster's Prometheus for the shown HPA, before hpascope watched it.
    PrometheusHistory *prometheus() { return &m_prometheus; }
    // Looks for Prometheus again as `choice` says (the Settings dialog changed it).
    void setPrometheusChoice(const PrometheusChoice &choice);
    // What the current connection came from (the last connectTo()).
    const ClusterProfile &profile() const { return m_profile; }
    // The HPA controller's settings the explainer uses, and profile().controllerSource says whence:
    // the demo cluster's own; else those set for the context; else those the cluster publishes
    // (read after connecting); else Kubernetes' defaults.
    kube::hpa::ControllerConfig controllerConfig() const { return m_profile.controller; }
    // The user set (or, nullopt, forgot) the flags for this context: applies them now, without
    // reconnecting; forgetting goes back to the published flags or the defaults.
    void setControllerFlags(const std::optional<kube::hpa::ControllerConfig> &flags);
    // The controller's exact memory of this HPA when the source knows it (the demo cluster).
    std::optional<kube::hpa::HpaHistory> controllerHistory(const QString &key) const;
    // The statuses of this HPA watched in this session (the explainer rebuilds the controller's
    // memory from them); nullptr when none.
    const kube::hpa::ObservedHistory *observedHistory(const QString &key) const;
    // The controller's scale-down window as the scale-downs of every HPA watched in this session
    // bound it (kube/hpa/window_inference.h), with the sync period of controllerConfig();
    // none before a scale-down that tells. windowInferred() says when it changes.
    std::optional<kube::hpa::WindowInference> inferredWindow() const { return m_inferredWindow; }
    // History (events, samples) is kept in and reloaded from the recorder; optional. A profile
    // with throwAwayHistory (the demo) records to the session's own temporary database instead,
    // one per demo (its namespaces share it), deleted when the session leaves that demo.
    void setRecorder(Recorder *recorder);
    Recorder *recorder() const { return m_profile.throwAwayHistory ? m_throwAway.get() : m_recorder.data(); }
    // Writes the live span so far to the history (also done every few seconds while live), so a
    // report made now counts the last seconds as watched.
    void recordCoverage();
    // Feeds the recorded history in; applied() says when a connection's history is in the stores.
    HistoryLoader *history() { return &m_history; }
    // The cluster's clock (the profile's): ages, countdowns and samples use it.
    QDateTime now() const { return m_clock(); }
    const ConnectionState &state() const { return m_state; }
    QString namespaceName() const { return m_namespace; }
    quint64 generation() const { return m_generation; }
    std::shared_ptr<kube::http::Client> client() const { return m_client; }

signals:
    // connectTo() took a new profile: its controller settings and memory apply from now on.
    void profileChanged();
    void stateChanged(const hpascope::ConnectionState &state);
    void hpasSynced(int count);
    // The cluster's namespaces, for the namespace picker (best effort: RBAC may forbid listing).
    void namespacesListed(const QStringList &names);
    void windowInferred();
    // A status of an HPA was seen (each listed HPA, then each change) and, with a recorder,
    // recorded.
    void sampled(const hpascope::HpaSample &sample);

private:
    void setState(ConnectionState state);
    void connectRecorder();
    void openThrowAwayHistory();
    void applyWatchState(const kube::watch::ConnectionState &s);
    void record(const kube::api::HorizontalPodAutoscaler &hpa, kube::hpa::ObservedHistory::Seen seen);
    void inferWindow();
    void recordConditions(const kube::api::HorizontalPodAutoscaler &hpa);
    void listNamespaces();
    void readPublishedFlags();
    // A 403 for every namespace: asks once per connection where the user may read HPAs.
    void askNamespaceAccess();
    void applyNamespaceAccess(ConnectionState &s) const;

    HpaListModel m_hpas;
    EventStore m_events;
    PodTracker m_pods;
    PodUsagePoller m_usage;
    MetricWriter m_writer;
    SeriesStore m_series;
    SeriesFeed m_feed{&m_series};
    PrometheusHistory m_prometheus{&m_series};
    ClusterProfile m_profile;
    std::map<QString, kube::hpa::ObservedHistory> m_observed;
    // Judged once, when the scale-down's status arrives (the histories are pruned later), and
    // kept when its HPA goes: one controller, one flag.
    std::vector<kube::hpa::WindowEvidence> m_windowEvidence;
    std::optional<kube::hpa::WindowInference> m_inferredWindow;
    HistoryLoader m_history{&m_feed, &m_events}; // every feed operation goes through it
    QPointer<Recorder> m_recorder;
    std::unique_ptr<QTemporaryDir> m_throwAwayDir; // declared first: the recorder closes before it goes
    std::unique_ptr<Recorder> m_throwAway;
    const void *m_throwAwayOwner = nullptr; // the demo (ClusterProfile::owner) it records
    QMetaObject::Connection m_recordingEvents;
    ConnectionState m_state;
    QString m_namespace;
    std::optional<NamespaceAccess> m_access; // the answer of askNamespaceAccess, this connection
    bool m_accessAsked = false;
    quint64 m_generation = 0;
    std::shared_ptr<kube::http::Client> m_client;
    std::unique_ptr<kube::watch::Reflector> m_hpaReflector;
    QTimer m_tick; // refreshes "reconnecting in N s"
    // Coverage: since when the HPA watch is live (invalid while not), written to the recorder on
    // every m_coverageTick so a crash loses at most one interval of it.
    QDateTime m_liveSince;
    // When the list that starts a live watch arrived: the watch goes on from the list's
    // resourceVersion, so the coverage starts there rather than at the Live state after it.
    QDateTime m_listedAt;
    QTimer m_coverageTick;
    QHash<QString, QHash<QString, ConditionRecord>> m_conditions; // the last recorded, by HPA and type
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace hpascope
