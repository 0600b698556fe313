#pragma once
// Everything the HPA detail view shows for one HorizontalPodAutoscaler at a moment `now`:
// metric rows paired by identity, replica counts and last scale time, conditions, the
// behavior the controller applies (defaults spelled out), and the event filter for this HPA.
// Qt Core only; the view (widgets/hpa_detail_view.h) renders it.
#include "app/core/cluster_profile.h"
#include "app/core/event_store.h"
#include "app/core/hpa_detail_behavior.h"
#include "app/core/hpa_detail_conditions.h"
#include "app/core/hpa_detail_metrics.h"
#include "app/core/hpa_pods_model.h"
#include "kube/hpa/explainer.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace hpascope {

class ClusterSession;
class EventModel;
class PodTracker;
class PodUsagePoller;

struct ReplicaText {
    QString min, max, current, desired;
    QString lastScaleAbsolute; // local time with date, "2024-05-01 14:03:12"; "never" when unset
    QString lastScaleRelative; // "3 min ago"; empty when never scaled
};

class HpaDetailModel : public QObject {
    Q_OBJECT
public:
    explicit HpaDetailModel(QObject *parent = nullptr);

    // Shows this HPA; the same HPA with a new status keeps the views' selections.
    void setHpa(const kube::api::HorizontalPodAutoscaler &hpa, const QDateTime &now);
    // Moves relative texts (last scale, condition ages) to a new `now`.
    void setNow(const QDateTime &now);
    void clear();

    // The event model follows the shown HPA (its filter is set on every setHpa/clear).
    void setEventModel(EventModel *events);
    // The pods of the shown HPA's target, watched while it is shown: the explainer applies the
    // controller's rules for pending, unready and deleting pods to them.
    void setPodTracker(PodTracker *pods);
    // CPU and memory of those pods (metrics.k8s.io), read while the HPA is shown.
    void setUsagePoller(PodUsagePoller *usage);
    // The controller's flags: the behavior defaults shown, and the explainer's configuration.
    // "Why (not) scaling": the controller's algorithm (kube/hpa) applied to the shown HPA.
    // The history provider returns the controller's recommendation history when it is known
    // (the demo cluster), else nullptr and the explainer gives upper bounds.
    using HistoryProvider = ControllerHistoryProvider;
    // On a real cluster: the statuses watched so far, from which the explainer rebuilds the
    // controller's memory (nullptr when none).
    using ObservedProvider = std::function<const kube::hpa::ObservedHistory *(const QString &key)>;
    void setControllerConfig(const kube::hpa::ControllerConfig &config, HistoryProvider history = {},
                             ObservedProvider observed = {});
    // Takes the controller's settings and memory from the session's profile, now and on every
    // new connection (the statuses watched by the session when the memory is not known).
    void followSession(const ClusterSession *session);
    // The last explanation in full (limiters, the path ahead), for views and reports.
    const kube::hpa::Explanation &explanationDetail() const { return m_explained; }
    QStringList explanation() const { return m_explanation; }
    // The controller's recommendation history for the shown HPA, when known.
    std::optional<kube::hpa::HpaHistory> history() const;

    bool hasHpa() const { return m_hpa.has_value(); }
    const kube::api::HorizontalPodAutoscaler *hpa() const { return m_hpa ? &*m_hpa : nullptr; }
    QString key() const;        // "namespace/name"; empty without an HPA
    QString targetText() const; // "Deployment/web"
    ReplicaText replicas() const;
    const BehaviorText &behavior() const { return m_behavior; }
    EventFilter eventFilter() const;

    HpaMetricsModel *metricsModel() { return &m_metrics; }
    HpaConditionsModel *conditionsModel() { return &m_conditions; }
    HpaBehaviorModel *behaviorModel() { return &m_behaviorModel; }
    HpaPodsModel *podsModel() { return &m_podsModel; }

signals:
    void changed(); // any text above changed (the view refreshes its labels)

private:
    void explain();
    void renderExplanation();
    void followPods();
    void refreshPods();
    void refreshUsage();

    std::optional<kube::api::HorizontalPodAutoscaler> m_hpa;
    QDateTime m_now;
    BehaviorText m_behavior;
    QStringList m_explanation;
    kube::hpa::ControllerConfig m_controller;
    kube::hpa::ConfigSource m_configSource = kube::hpa::ConfigSource::Assumed;
    HistoryProvider m_history;
    ObservedProvider m_observed;
    std::function<std::optional<kube::hpa::WindowInference>()> m_inferredWindow;
    kube::hpa::Explanation m_explained;
    HpaMetricsModel m_metrics;
    HpaConditionsModel m_conditions;
    HpaBehaviorModel m_behaviorModel;
    HpaPodsModel m_podsModel;
    QPointer<EventModel> m_events;
    QPointer<PodTracker> m_pods;
    QPointer<PodUsagePoller> m_usage;
    QString m_trackedNamespace;
    std::optional<kube::api::CrossVersionObjectReference> m_trackedTarget;
};

} // namespace hpascope
