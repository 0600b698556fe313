#include "app/core/event_store.h"

#include "app/core/error_text.h"

#include "kube/api/event_scope.h"

#include "app/core/gui_thread.h"
#include "app/core/hpa_format.h"
#include "kube/api/paths.h"
#include "kube/http/client.h"
#include "kube/watch/reflector.h"

#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcEvents, "hpascope.events")

namespace hpascope {


namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QDateTime qTime(const std::optional<kube::api::Time> &t)
{
    return t ? format::toQDateTime(*t) : QDateTime();
}

} // namespace

EventRecord toEventRecord(const kube::api::Event &e)
{
    EventRecord r;
    r.uid = q(e.uid);
    r.namespaceName = q(e.namespace_);
    r.name = q(e.name);
    r.involvedKind = q(e.regarding.kind);
    r.involvedName = q(e.regarding.name);
    r.involvedNamespace = e.regarding.namespace_.empty() ? r.namespaceName : q(e.regarding.namespace_);
    r.type = q(e.type);
    r.reason = q(e.reason);
    r.message = q(e.message);
    r.source = q(e.reportingController);
    r.count = e.count > 0 ? e.count : 1;
    r.firstTimestamp = qTime(e.firstTimestamp);
    r.lastTimestamp = qTime(e.lastTimestamp);
    if (!r.lastTimestamp.isValid())
        r.lastTimestamp = r.firstTimestamp;
    return r;
}

bool mergeEventRecord(EventRecord &into, const EventRecord &later)
{
    EventRecord merged = into;
    const bool laterObservation = !into.lastTimestamp.isValid()
        || (later.lastTimestamp.isValid() && later.lastTimestamp >= into.lastTimestamp);
    if (laterObservation) {
        merged.type = later.type;
        merged.reason = later.reason;
        merged.message = later.message;
        merged.source = later.source.isEmpty() ? into.source : later.source;
        merged.involvedKind = later.involvedKind;
        merged.involvedName = later.involvedName;
        merged.involvedNamespace = later.involvedNamespace;
        merged.lastTimestamp = later.lastTimestamp;
    }
    merged.count = std::max(into.count, later.count);
    if (later.firstTimestamp.isValid()
        && (!into.firstTimestamp.isValid() || later.firstTimestamp < into.firstTimestamp))
        merged.firstTimestamp = later.firstTimestamp;
    merged.expired = later.expired;
    if (merged == into)
        return false;
    into = std::move(merged);
    return true;
}

bool newerFirst(const EventRecord &a, const EventRecord &b)
{
    const QDateTime ta = a.when(), tb = b.when();
    if (ta != tb) {
        if (!ta.isValid())
            return false; // undated events last
        if (!tb.isValid())
            return true;
        return ta > tb;
    }
    return a.uid < b.uid;
}

namespace {

std::vector<EventRecord> decodeAll(const std::vector<nlohmann::json> &items)
{
    std::vector<EventRecord> out;
    out.reserve(items.size());
    for (const auto &item : items) {
        auto e = kube::api::decodeEvent(item);
        if (e)
            out.push_back(toEventRecord(e.value()));
        else
            qCWarning(lcEvents) << "skipping undecodable event:" << QString::fromStdString(e.error().toString());
    }
    return out;
}

} // namespace

EventFilter EventFilter::forHpa(const kube::api::HorizontalPodAutoscalerSpec &spec,
                                const QString &namespaceName, const QString &hpaName)
{
    EventFilter f;
    f.namespaceName = namespaceName;
    f.hpaName = hpaName;
    f.targetKind = QString::fromStdString(spec.scaleTargetRef.kind);
    f.targetName = QString::fromStdString(spec.scaleTargetRef.name);
    return f;
}

bool EventFilter::matches(const EventRecord &e) const
{
    const kube::api::EventScope scope{namespaceName.toStdString(), hpaName.toStdString(), targetKind.toStdString(),
                                      targetName.toStdString()};
    const QString &ns = e.involvedNamespace.isEmpty() ? e.namespaceName : e.involvedNamespace;
    return scope.matches(ns.toStdString(), e.involvedKind.toStdString(), e.involvedName.toStdString());
}

EventStore::EventStore(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<hpascope::EventRecord>();
}

EventStore::~EventStore()
{
    stop();
}

void EventStore::stop()
{
    ++m_generation;
    // stop() guarantees no handler runs after it returns; invocations already queued are
    // dropped by the generation check.
    if (m_reflector)
        m_reflector->stop();
    m_reflector.reset();
    m_live = false;
    m_listed = false;
}

void EventStore::start(std::shared_ptr<kube::http::Client> client, const QString &namespaceName)
{
    stop();
    if (!client)
        return;
    kube::watch::ReflectorOptions opts;
    opts.path = kube::api::coreEventsPath(namespaceName.isEmpty() ? kube::api::Namespace{}
                                                                  : kube::api::Namespace{namespaceName.toStdString()});
    kube::watch::Reflector::Handler handler;
    // Handlers run on the network thread: decode there, hand plain values to the GUI thread.
    const GuiThreadGuard gui(this, &m_generation);
    handler.onSynced = [this, gui](const std::vector<nlohmann::json> &items) {
        auto listed = decodeAll(items);
        gui.post([this, listed = std::move(listed)] { applySynced(listed); });
    };
    handler.onEvent = [this, gui](kube::watch::EventType type, const nlohmann::json &obj) {
        auto e = kube::api::decodeEvent(obj);
        if (!e) {
            qCWarning(lcEvents) << "skipping undecodable event:" << QString::fromStdString(e.error().toString());
            return;
        }
        gui.post([this, type, r = toEventRecord(e.value())] { applyWatchEvent(type, r); });
    };
    handler.onState = [this, gui](const kube::watch::ConnectionState &s) {
        const bool live = s.kind == kube::watch::ConnectionState::Kind::Live;
        QString text;
        if (!live)
            text = s.kind == kube::watch::ConnectionState::Kind::Connecting
                ? tr("Loading events…")
                : tr("Events unavailable: %1").arg(watchStateText(s));
        gui.post([this, live, text] { setStatus(live, text); });
    };
    m_reflector = std::make_unique<kube::watch::Reflector>(std::move(client), opts, std::move(handler));
    setStatus(false, tr("Loading events…"));
    m_reflector->start();
}

bool EventStore::upsert(const EventRecord &e, QList<EventRecord> &changed)
{
    if (e.uid.isEmpty())
        return false;
    auto it = m_events.find(e.uid);
    if (it == m_events.end()) {
        changed.append(*m_events.insert(e.uid, e));
        return true;
    }
    if (!mergeEventRecord(*it, e))
        return false;
    changed.append(*it);
    return true;
}

void EventStore::applySynced(const std::vector<EventRecord> &listed)
{
    m_listed = true;
    QList<EventRecord> changed;
    QSet<QString> seen;
    seen.reserve(qsizetype(listed.size()));
    for (EventRecord e : listed) {
        e.expired = false;
        seen.insert(e.uid);
        upsert(e, changed);
    }
    // Deleted while we were not watching (TTL expiry during a disconnect, or before a restart).
    for (auto it = m_events.begin(); it != m_events.end(); ++it) {
        if (!it->expired && !seen.contains(it.key())) {
            it->expired = true;
            changed.append(*it);
        }
    }
    if (!changed.isEmpty())
        emit eventsChanged(changed);
}

void EventStore::applyWatchEvent(kube::watch::EventType type, const EventRecord &e)
{
    QList<EventRecord> changed;
    EventRecord copy = e;
    copy.expired = type == kube::watch::EventType::Deleted;
    upsert(copy, changed);
    if (!changed.isEmpty())
        emit eventsChanged(changed);
}

void EventStore::addHistory(const std::vector<EventRecord> &history)
{
    QList<EventRecord> changed;
    for (const auto &e : history) {
        if (e.uid.isEmpty() || m_events.contains(e.uid))
            continue;
        auto it = m_events.insert(e.uid, e);
        it->expired = it->expired || m_listed;
        changed.append(*it);
    }
    if (!changed.isEmpty())
        emit eventsChanged(changed);
}

void EventStore::clear()
{
    m_events.clear();
    emit cleared();
}

const EventRecord *EventStore::find(const QString &uid) const
{
    auto it = m_events.constFind(uid);
    return it == m_events.cend() ? nullptr : &*it;
}

std::vector<EventRecord> EventStore::events() const
{
    return {m_events.cbegin(), m_events.cend()};
}

void EventStore::setStatus(bool live, const QString &text)
{
    if (live == m_live && text == m_statusText)
        return;
    m_live = live;
    m_statusText = text;
    emit statusChanged(live, text);
}

} // namespace hpascope
