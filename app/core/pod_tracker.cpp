#include "app/core/pod_tracker.h"

#include "kube/api/paths.h"
#include "kube/api/pod.h"
#include "kube/api/scale.h"
#include "kube/http/client.h"
#include "kube/watch/reflector.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPods, "hpascope.pods")

namespace hpascope {

struct PodTracker::Namespace {
    std::unique_ptr<kube::watch::Reflector> reflector;
    bool synced = false;
    QString watchError;
    std::map<QString, TrackedPod> pods;
    QSet<QString> targets;
};

namespace {

std::optional<TrackedPod> toTracked(const nlohmann::json &obj)
{
    auto pod = kube::api::decodePod(obj);
    if (!pod) {
        qCWarning(lcPods) << "skipping undecodable pod:" << QString::fromStdString(pod.error().toString());
        return std::nullopt;
    }
    TrackedPod t;
    t.name = QString::fromStdString(pod->metadata.name);
    t.ready = pod->isReady();
    t.phase = QString::fromStdString(pod->status.phase);
    t.terminating = pod->metadata.deletionTimestamp.has_value();
    t.labels = pod->metadata.labels;
    t.controllerView = kube::hpa::podInfoOf(*pod);
    return t;
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
    m_selectors.clear();
    m_errors.clear();
    m_targetNs.clear();
    m_client = std::move(client);
}

QString PodTracker::targetKey(const QString &ns, const kube::api::CrossVersionObjectReference &t)
{
    return ns + QLatin1Char('/') + QString::fromStdString(t.apiVersion) + QLatin1Char('/')
        + QString::fromStdString(t.kind) + QLatin1Char('/') + QString::fromStdString(t.name);
}

void PodTracker::track(const QString &ns, const kube::api::CrossVersionObjectReference &target)
{
    const QString key = targetKey(ns, target);
    if (!m_client) {
        emit trackingFailed(key, tr("not connected to a cluster"));
        return;
    }
    ensureWatch(ns);
    auto &state = *m_namespaces[ns];
    if (state.targets.contains(key) && !m_errors.contains(key))
        return; // resolved or resolving
    state.targets.insert(key);
    m_targetNs.insert(key, ns);
    m_errors.remove(key);
    resolve(ns, target);
}

void PodTracker::untrack(const QString &ns, const kube::api::CrossVersionObjectReference &target)
{
    const QString key = targetKey(ns, target);
    m_selectors.remove(key);
    m_errors.remove(key);
    m_targetNs.remove(key);
    auto it = m_namespaces.find(ns);
    if (it == m_namespaces.end())
        return;
    it->second->targets.remove(key);
    if (it->second->targets.isEmpty()) {
        if (it->second->reflector)
            it->second->reflector->stop();
        m_namespaces.erase(it);
    }
}

void PodTracker::resolve(const QString &ns, const kube::api::CrossVersionObjectReference &target)
{
    const QString key = targetKey(ns, target);
    auto path = kube::api::scalePath(ns.toStdString(), target);
    if (!path) {
        const QString message = QString::fromStdString(path.error().toString());
        m_errors.insert(key, message);
        emit trackingFailed(key, message);
        return;
    }
    const quint64 gen = m_generation;
    QPointer<PodTracker> self(this);
    kube::http::Request req;
    req.path = path.value();
    m_client->send(req, [self, gen, key](kube::Result<kube::http::Response> r) {
        QString selector, error;
        if (!r) {
            error = QString::fromStdString(r.error().toString());
        } else {
            auto j = nlohmann::json::parse(r->body, nullptr, false);
            auto scale = j.is_discarded() ? kube::Result<kube::api::Scale>(kube::makeError(
                                                kube::Error::Kind::Decode, "the Scale answer is not JSON"))
                                          : kube::api::decodeScale(j);
            if (!scale)
                error = QString::fromStdString(scale.error().toString());
            else
                selector = QString::fromStdString(scale->status.selector);
        }
        // The tracker may be gone by now: post to the application, check the QPointer there.
        QCoreApplication *app = QCoreApplication::instance();
        if (!app)
            return;
        QMetaObject::invokeMethod(app, [self, gen, key, selector, error] {
            if (!self || gen != self->m_generation || !self->m_targetNs.contains(key))
                return;
            if (!error.isEmpty()) {
                self->m_errors.insert(key, error);
                emit self->trackingFailed(key, error);
                return;
            }
            self->m_selectors.insert(key, selector);
            emit self->targetResolved(key, selector);
        }, Qt::QueuedConnection);
    });
}

void PodTracker::ensureWatch(const QString &ns)
{
    auto &slot = m_namespaces[ns];
    if (slot)
        return;
    slot = std::make_unique<Namespace>();
    const quint64 gen = m_generation;
    kube::watch::ReflectorOptions opts;
    opts.path = kube::api::podListPath(ns.toStdString());
    kube::watch::Reflector::Handler handler;
    // Handlers run on the network thread; stop() is called before this tracker goes away.
    handler.onSynced = [this, gen, ns](const std::vector<nlohmann::json> &items) {
        std::vector<TrackedPod> pods;
        for (const auto &item : items)
            if (auto p = toTracked(item))
                pods.push_back(std::move(*p));
        QMetaObject::invokeMethod(this, [this, gen, ns, pods = std::move(pods)]() mutable {
            applySynced(gen, ns, std::move(pods));
        }, Qt::QueuedConnection);
    };
    handler.onEvent = [this, gen, ns](kube::watch::EventType type, const nlohmann::json &obj) {
        auto p = toTracked(obj);
        if (!p)
            return;
        const bool deleted = type == kube::watch::EventType::Deleted;
        QMetaObject::invokeMethod(this, [this, gen, ns, deleted, pod = std::move(*p)]() mutable {
            applyEvent(gen, ns, deleted, std::move(pod));
        }, Qt::QueuedConnection);
    };
    handler.onState = [this, gen, ns](const kube::watch::ConnectionState &state) {
        const bool live = state.kind == kube::watch::ConnectionState::Kind::Live
            || state.kind == kube::watch::ConnectionState::Kind::Connecting;
        const QString reason = QString::fromStdString(state.reason);
        QMetaObject::invokeMethod(this, [this, gen, ns, live, reason] {
            applyWatchState(gen, ns, live, reason);
        }, Qt::QueuedConnection);
    };
    slot->reflector = std::make_unique<kube::watch::Reflector>(m_client, opts, std::move(handler));
    slot->reflector->start();
}

void PodTracker::applySynced(quint64 generation, const QString &ns, std::vector<TrackedPod> pods)
{
    auto it = m_namespaces.find(ns);
    if (generation != m_generation || it == m_namespaces.end())
        return;
    it->second->pods.clear();
    for (auto &p : pods)
        it->second->pods[p.name] = std::move(p);
    it->second->synced = true;
    emit podsChanged(ns);
}

void PodTracker::applyEvent(quint64 generation, const QString &ns, bool deleted, TrackedPod pod)
{
    auto it = m_namespaces.find(ns);
    if (generation != m_generation || it == m_namespaces.end())
        return;
    if (deleted)
        it->second->pods.erase(pod.name);
    else
        it->second->pods[pod.name] = std::move(pod);
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
    const auto it = m_selectors.constFind(targetKey(ns, target));
    if (it == m_selectors.constEnd())
        return std::nullopt;
    return *it;
}

bool PodTracker::isSynced(const QString &ns) const
{
    const auto it = m_namespaces.find(ns);
    return it != m_namespaces.end() && it->second->synced;
}

std::vector<TrackedPod> PodTracker::podsFor(const QString &ns,
                                            const kube::api::CrossVersionObjectReference &target) const
{
    const auto selector = selectorFor(ns, target);
    // An empty Scale selector would select every pod: the HPA controller refuses that too.
    if (!selector || selector->isEmpty())
        return {};
    return podsMatching(ns, *selector);
}

std::vector<TrackedPod> PodTracker::podsMatching(const QString &ns, const QString &selector) const
{
    const auto it = m_namespaces.find(ns);
    if (it == m_namespaces.end())
        return {};
    auto parsed = kube::metrics::Selector::parse(selector.toStdString());
    if (!parsed)
        return {};
    std::vector<TrackedPod> out;
    for (const auto &[name, pod] : it->second->pods) // std::map: sorted by name
        if (parsed->matches(pod.labels))
            out.push_back(pod);
    return out;
}

} // namespace hpascope
