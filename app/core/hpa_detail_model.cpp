#include "app/core/hpa_detail_model.h"

#include "app/core/cluster_session.h"
#include "app/core/event_model.h"
#include "app/core/explainer_text.h"
#include "app/core/hpa_format.h"
#include "app/core/pod_tracker.h"
#include "app/core/pod_usage_poller.h"
#include "kube/api/hpa_metrics.h"

namespace hpascope {

HpaDetailModel::HpaDetailModel(QObject *parent) : QObject(parent) {}

void HpaDetailModel::setHpa(const kube::api::HorizontalPodAutoscaler &hpa, const QDateTime &now)
{
    m_hpa = hpa;
    followPods();
    m_now = now;
    refreshPods();
    refreshUsage(); // the HPA's metrics say whether a pod without usage is "no metrics"
    m_behavior = describeBehavior(hpa, m_controller);
    m_metrics.setRows(metricRows(hpa));
    m_conditions.setConditions(hpa.status.conditions, now);
    m_behaviorModel.setBehavior(m_behavior);
    if (m_events)
        m_events->setFilter(eventFilter());
    explain();
    emit changed();
}

void HpaDetailModel::setControllerConfig(const kube::hpa::ControllerConfig &config, HistoryProvider history,
                                         ObservedProvider observed)
{
    m_controller = config;
    m_history = std::move(history);
    m_observed = std::move(observed);
    if (m_hpa)
        setHpa(*m_hpa, m_now);
}

void HpaDetailModel::followSession(const ClusterSession *session)
{
    auto apply = [this, s = QPointer<const ClusterSession>(session)] {
        m_configSource = s->profile().controllerSource;
        setControllerConfig(
            s->controllerConfig(),
            [s](const QString &key) { return s ? s->controllerHistory(key) : std::nullopt; },
            [s](const QString &key) { return s ? s->observedHistory(key) : nullptr; });
    };
    connect(session, &ClusterSession::profileChanged, this, apply);
    m_inferredWindow = [s = QPointer<const ClusterSession>(session)] {
        return s ? s->inferredWindow() : std::nullopt;
    };
    // Another HPA's scale-down can move the bounds the Why box states.
    connect(session, &ClusterSession::windowInferred, this, [this] {
        if (m_hpa) {
            explain();
            emit changed();
        }
    });
    apply();
}

std::optional<kube::hpa::HpaHistory> HpaDetailModel::history() const
{
    if (!m_hpa || !m_history)
        return std::nullopt;
    return m_history(key());
}

void HpaDetailModel::explain()
{
    m_explanation.clear();
    if (!m_hpa)
        return;
    const std::optional<kube::hpa::HpaHistory> recorded = history();
    kube::hpa::ExplainInputs inputs;
    inputs.history = recorded ? &*recorded : nullptr;
    inputs.observed = !recorded && m_observed ? m_observed(key()) : nullptr;
    kube::hpa::ObservedPods pods; // the Pods tab's: refreshPods ran first
    for (const TrackedPod &p : m_podsModel.pods())
        pods.pods.push_back(p.controllerView);
    // Resource metrics: the pods metrics-server has a sample of (the rest are "missing").
    if (m_usage && m_usage->hasUsage())
        for (std::size_t i = 0; i < m_hpa->spec.metrics.size(); ++i) {
            const auto type = m_hpa->spec.metrics[i].type;
            if (type != kube::api::MetricSourceType::Resource && type != kube::api::MetricSourceType::ContainerResource)
                continue;
            auto &with = pods.withValues[i];
            for (const auto &[name, sample] : m_usage->usage())
                with.insert(name.toStdString());
        }
    inputs.pods = pods.empty() ? nullptr : &pods;
    inputs.configSource = m_configSource;
    inputs.inferredWindow = m_inferredWindow ? m_inferredWindow() : std::nullopt;
    m_explained = kube::hpa::explain(*m_hpa, m_controller, inputs, format::toKubeTime(m_now));
    renderExplanation();
}

void HpaDetailModel::renderExplanation()
{
    m_explanation.clear();
    for (const auto &sentence : m_explained.sentences)
        m_explanation << explainerText(sentence);
}

void HpaDetailModel::setNow(const QDateTime &now)
{
    m_now = now;
    m_conditions.setNow(now);
    m_podsModel.setNow(now);
    // A replay of the controller takes tens of milliseconds: the clock only moves the countdown.
    kube::hpa::advanceTo(m_explained, format::toKubeTime(now));
    renderExplanation();
    emit changed();
}

void HpaDetailModel::clear()
{
    m_hpa.reset();
    followPods();
    refreshPods();
    m_behavior = {};
    m_explanation.clear();
    m_explained = {};
    m_metrics.setRows({});
    m_conditions.setConditions({}, m_now);
    m_behaviorModel.clear();
    if (m_events)
        m_events->setFilter({});
    emit changed();
}

void HpaDetailModel::setPodTracker(PodTracker *pods)
{
    if (m_pods)
        disconnect(m_pods, nullptr, this, nullptr);
    m_trackedTarget.reset();
    m_pods = pods;
    if (!m_pods)
        return;
    // The selector's answer (or its failure) can come after the namespace's pods.
    const auto resolved = [this](const QString &targetKey) {
        if (m_hpa && m_trackedTarget && targetKey == PodTracker::targetKey(m_trackedNamespace, *m_trackedTarget))
            refreshPods();
    };
    connect(m_pods, &PodTracker::targetResolved, this, resolved);
    connect(m_pods, &PodTracker::trackingFailed, this, resolved);
    connect(m_pods, &PodTracker::podsChanged, this, [this](const QString &ns) {
        if (m_hpa && ns == m_trackedNamespace) {
            refreshPods();
            explain();
            emit changed();
        }
    });
    followPods();
}

void HpaDetailModel::followPods()
{
    const QString ns = m_hpa ? QString::fromStdString(m_hpa->metadata.namespace_) : QString();
    const auto target = m_hpa ? std::optional(m_hpa->spec.scaleTargetRef) : std::nullopt;
    const bool same = m_trackedTarget && target && ns == m_trackedNamespace && m_trackedTarget->kind == target->kind &&
                      m_trackedTarget->name == target->name && m_trackedTarget->apiVersion == target->apiVersion;
    if (same || !m_pods)
        return;
    if (m_trackedTarget)
        m_pods->untrack(m_trackedNamespace, *m_trackedTarget);
    m_trackedTarget = target;
    m_trackedNamespace = ns;
    if (m_trackedTarget)
        m_pods->track(ns, *m_trackedTarget);
}

void HpaDetailModel::refreshPods()
{
    if (!m_hpa || !m_pods || !m_trackedTarget) {
        m_podsModel.setUnknown(m_hpa ? tr("The pods of the target are not watched.") : QString());
        if (m_usage)
            m_usage->stop();
        return;
    }
    if (!m_pods->selectorFor(m_trackedNamespace, *m_trackedTarget) || !m_pods->isSynced(m_trackedNamespace)) {
        const QString error = m_pods->lastError(PodTracker::targetKey(m_trackedNamespace, *m_trackedTarget));
        m_podsModel.setUnknown(error.isEmpty() ? tr("Finding the target's pods…") : error);
        return;
    }
    m_podsModel.setPods(m_pods->podsFor(m_trackedNamespace, *m_trackedTarget), m_now);
    if (m_usage)
        m_usage->follow(m_trackedNamespace, *m_pods->selectorFor(m_trackedNamespace, *m_trackedTarget));
}

void HpaDetailModel::setUsagePoller(PodUsagePoller *usage)
{
    if (m_usage)
        disconnect(m_usage, nullptr, this, nullptr);
    m_usage = usage;
    if (!m_usage)
        return;
    connect(m_usage, &PodUsagePoller::usageChanged, this, [this] {
        refreshUsage();
        if (m_hpa) {
            explain();
            emit changed();
        }
    });
    if (m_hpa)
        refreshPods();
}

void HpaDetailModel::refreshUsage()
{
    HpaPodsModel::Usage usage;
    if (m_usage) {
        usage.known = m_usage->hasUsage();
        usage.pods = m_usage->usage();
        usage.why = m_usage->error();
    } else {
        usage.why = tr("CPU and memory usage are not read.");
    }
    if (m_hpa)
        for (const auto &spec : m_hpa->spec.metrics)
            usage.resourceMetric |= spec.type == kube::api::MetricSourceType::Resource
                || spec.type == kube::api::MetricSourceType::ContainerResource;
    m_podsModel.setUsage(std::move(usage));
}

void HpaDetailModel::setEventModel(EventModel *events)
{
    m_events = events;
    if (m_events)
        m_events->setFilter(eventFilter());
}

QString HpaDetailModel::key() const
{
    if (!m_hpa)
        return {};
    return QString::fromStdString(m_hpa->metadata.namespace_) + QLatin1Char('/') + QString::fromStdString(m_hpa->metadata.name);
}

QString HpaDetailModel::targetText() const
{
    return m_hpa ? format::scaleTarget(*m_hpa) : QString();
}

ReplicaText HpaDetailModel::replicas() const
{
    ReplicaText r;
    if (!m_hpa)
        return r;
    // minReplicas is defaulted to 1 by the API server; an object without it was never stored.
    r.min = QString::number(m_hpa->spec.minReplicas.value_or(1));
    r.max = QString::number(m_hpa->spec.maxReplicas);
    r.current = QString::number(m_hpa->status.currentReplicas);
    r.desired = QString::number(m_hpa->status.desiredReplicas);
    const QDateTime last = format::lastScaleTime(*m_hpa);
    if (last.isValid()) {
        r.lastScaleAbsolute = format::dateTime(last);
        r.lastScaleRelative = format::relativeTime(last, m_now);
    } else {
        r.lastScaleAbsolute = tr("never");
    }
    return r;
}

EventFilter HpaDetailModel::eventFilter() const
{
    if (!m_hpa)
        return {};
    return EventFilter::forHpa(m_hpa->spec, QString::fromStdString(m_hpa->metadata.namespace_),
                               QString::fromStdString(m_hpa->metadata.name));
}

} // namespace hpascope
