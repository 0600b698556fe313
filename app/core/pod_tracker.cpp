#include "app/core/pod_tracker.h"

#include "app/core/error_text.h"

#include "app/core/hpa_format.h"

#include "app/core/gui_thread.h"
#include "app/core/qs.h"
#include "kube/api/paths.h"
#include "kube/api/pod.h"
#include "kube/http/client.h"
#include "kube/watch/reflector.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcPods, "hpascope.pods")

namespace hpascope {

struct PodTracker::Namespace {
    std::unique_ptr<kube::watch::Reflector> reflector;
    QString watchError;
};

namespace {

std::optional<kube::api::Pod> decoded(const nlohmann::json &obj)
{
    auto pod = kube::api::decodePod(obj);
    if (!pod) {
        qCWarning(lcPods) << "skipping undecodable pod:" << qs(pod.error().toString());
        return std::nullopt;
    }
    return std::move(pod.value());
}

std::vector<TrackedPod> tracked(const std::vector<const kube::api::Pod *> &pods)
{
    std::vector<TrackedPod> out;
    out.reserve(pods.size());
    for (const kube::api::Pod *pod : pods) {
        TrackedPod t;
        t.name = qs(pod->metadata.name);
        t.ready = pod->isReady();
        t.phase = qs(pod->status.phase);
        t.terminating = pod->isDeleting();
        if (pod->metadata.creationTimestamp)
            t.created = format::toQDateTime(*pod->metadata.creationTimestamp);
        t.labels = pod->metadata.labels;
        t.annotations = pod->metadata.annotations;
        t.node = qs(pod->spec.nodeName);
        t.controllerView = kube::hpa::podInfoOf(*pod);
        t.requestsView = kube::hpa::podInfoWithRequests(*pod);
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

PodTracker::PodTracker(QObject *parent) : QObject(parent) {}

PodTracker::~PodTracker()
{
    setClient(nullptr);
}

void PodTracker::setClient(std::shared_ptr<kube::http::Client> client)
{
    ++m_generation;
    // stop() returns only once no handler runs any more, so none can post to a stale tracker.
    for (auto &[ns, state] : m_namespaces)
        if (state->reflector)
            state->reflector->stop();
    m_namespaces.clear();
    m_index.clear();
    m_client = std::move(client);
}

QString PodTracker::targetKey(const QString &ns, const kube::api::CrossVersionObjectReference &t)
{
    return qs(kube::metrics::TargetPodIndex::keyOf(ns.toStdString(), t));
}

void PodTracker::track(const QString &ns, const kube::api::CrossVersionObjectReference &target)
{
    const QString key = targetKey(ns, target);
    if (!m_client) {
        emit trackingFailed(key, tr("not connected to a cluster"));
        return;
    }
    ensureWatch(ns);
    if (m_index.track(ns.toStdString(), target)) // else resolved or resolving
        resolve(ns, target);
}

void PodTracker::untrack(const QString &ns, const kube::api::CrossVersionObjectReference &target)
{
    if (!m_index.untrack(ns.toStdString(), target))
        return; // other targets in ns still need its watch
    auto it = m_namespaces.find(ns);
    if (it == m_namespaces.end())
        return;
    if (it->second->reflector)
        it->second->reflector->stop();
    m_namespaces.erase(it);
}

void PodTracker::resolve(const QString &ns, const kube::api::CrossVersionObjectReference &target)
{
    const QString key = targetKey(ns, target);
    // The tracker may be gone, or tracking another connection, by the time the Scale arrives.
    auto done = [this, gui = GuiThreadGuard(this, &m_generation), key](kube::Result<std::string> r) {
        gui.post([this, key, r = std::move(r)] {
            if (!m_index.setSelector(key.toStdString(), r))
                return;
            if (!r) {
                emit trackingFailed(key, qs(r.error().toString()));
                return;
            }
            emit targetResolved(key, qs(r.value()));
        });
    };
    const kube::Status sent = kube::metrics::fetchScaleSelector(*m_client, ns.toStdString(), target, std::move(done));
    if (!sent) {
        m_index.setSelector(key.toStdString(), sent.error());
        emit trackingFailed(key, qs(sent.error().toString()));
    }
}

void PodTracker::ensureWatch(const QString &ns)
{
    auto &slot = m_namespaces[ns];
    if (slot)
        return;
    slot = std::make_unique<Namespace>();
    const quint64 gen = m_generation;
    const GuiThreadGuard gui(this, &m_generation);
    kube::watch::ReflectorOptions opts;
    opts.path = kube::api::podListPath(ns.toStdString());
    kube::watch::Reflector::Handler handler;
    // Handlers run on the network thread; stop() is called before this tracker goes away.
    handler.onSynced = [this, gui, gen, ns](const std::vector<nlohmann::json> &items) {
        std::vector<kube::api::Pod> pods;
        for (const auto &item : items)
            if (auto p = decoded(item))
                pods.push_back(std::move(*p));
        gui.post([this, gen, ns, pods = std::move(pods)]() mutable { applySynced(gen, ns, std::move(pods)); });
    };
    handler.onEvent = [this, gui, gen, ns](kube::watch::EventType type, const nlohmann::json &obj) {
        auto p = decoded(obj);
        if (!p)
            return;
        const bool deleted = type == kube::watch::EventType::Deleted;
        gui.post([this, gen, ns, deleted, pod = std::move(*p)]() mutable { applyEvent(gen, ns, deleted, std::move(pod)); });
    };
    handler.onState = [this, gui, gen, ns](const kube::watch::ConnectionState &state) {
        const bool live = state.kind == kube::watch::ConnectionState::Kind::Live
            || state.kind == kube::watch::ConnectionState::Kind::Connecting;
        const QString reason = watchStateText(state);
        gui.post([this, gen, ns, live, reason] { applyWatchState(gen, ns, live, reason); });
    };
    slot->reflector = std::make_unique<kube::watch::Reflector>(m_client, opts, std::move(handler));
    slot->reflector->start();
}

void PodTracker::applySynced(quint64 generation, const QString &ns, std::vector<kube::api::Pod> pods)
{
    auto it = m_namespaces.find(ns);
    if (generation != m_generation || it == m_namespaces.end())
        return;
    m_index.setPods(ns.toStdString(), std::move(pods));
    emit podsChanged(ns);
}

void PodTracker::applyEvent(quint64 generation, const QString &ns, bool deleted, kube::api::Pod pod)
{
    auto it = m_namespaces.find(ns);
    if (generation != m_generation || it == m_namespaces.end())
        return;
    m_index.applyEvent(ns.toStdString(), deleted, std::move(pod));
    emit podsChanged(ns);
}

void PodTracker::applyWatchState(quint64 generation, const QString &ns, bool live, const QString &reason)
{
    auto it = m_namespaces.find(ns);
    if (generation != m_generation || it == m_namespaces.end())
        return;
    it->second->watchError = live ? QString() : reason;
}

QString PodTracker::watchError(const QString &ns) const
{
    const auto it = m_namespaces.find(ns);
    return it == m_namespaces.end() ? QString() : it->second->watchError;
}

std::optional<QString> PodTracker::selectorFor(const QString &ns,
                                               const kube::api::CrossVersionObjectReference &target) const
{
    const auto selector = m_index.selectorOf(kube::metrics::TargetPodIndex::keyOf(ns.toStdString(), target));
    return selector ? std::optional(qs(*selector)) : std::nullopt;
}

QString PodTracker::lastError(const QString &targetKey) const
{
    return qs(m_index.lookupError(targetKey.toStdString()).value_or(std::string()));
}

bool PodTracker::isSynced(const QString &ns) const
{
    return m_index.isListed(ns.toStdString());
}

std::vector<TrackedPod> PodTracker::podsFor(const QString &ns,
                                            const kube::api::CrossVersionObjectReference &target) const
{
    return tracked(m_index.podsOf(kube::metrics::TargetPodIndex::keyOf(ns.toStdString(), target)));
}

std::vector<TrackedPod> PodTracker::podsMatching(const QString &ns, const QString &selector) const
{
    return tracked(m_index.podsMatching(ns.toStdString(), selector.toStdString()));
}

kube::metrics::WriteTargets PodTracker::writeTargets(const QString &ns,
                                                     const kube::api::CrossVersionObjectReference &target) const
{
    return m_index.writeTargets(kube::metrics::TargetPodIndex::keyOf(ns.toStdString(), target));
}

} // namespace hpascope
