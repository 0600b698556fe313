#include "app/core/cluster_session.h"
#include "app/core/error_text.h"

#include "app/core/gui_thread.h"
#include "app/core/hpa_format.h"
#include "app/core/recorder.h"
#include "kube/api/hpa.h"
#include "kube/api/paths.h"
#include "kube/hpa/published_flags.h"
#include "kube/http/client.h"
#include "kube/watch/reflector.h"

#include <QLoggingCategory>
#include <QSettings>

Q_LOGGING_CATEGORY(lcSession, "hpascope.session")
// When each HPA list and watch event reached the table, for benchmarks and debugging:
// QT_LOGGING_RULES="hpascope.watch.debug=true". Off by default; costs one branch when off.
Q_LOGGING_CATEGORY(lcWatch, "hpascope.watch", QtWarningMsg)

namespace hpascope {

namespace {
// The controller's memory reaches back as far as its longest window or policy period
// (stabilizationWindowSeconds is at most 3600, pkg/apis/autoscaling/validation).
constexpr std::chrono::seconds kObservedRetention{3600 + 60};
// How often the live span is written: a crash loses at most this much of the record of when
// hpascope was watching.
constexpr std::chrono::seconds kCoverageInterval{2};
} // namespace

namespace {

std::vector<kube::api::HorizontalPodAutoscaler> decodeAll(const std::vector<nlohmann::json> &items)
{
    std::vector<kube::api::HorizontalPodAutoscaler> out;
    out.reserve(items.size());
    for (const auto &item : items) {
        auto hpa = kube::api::decodeHorizontalPodAutoscaler(item);
        if (hpa)
            out.push_back(std::move(hpa.value()));
        else
            qCWarning(lcSession) << "skipping undecodable HPA:" << QString::fromStdString(hpa.error().toString());
    }
    return out;
}

} // namespace

ClusterSession::ClusterSession(QObject *parent) : QObject(parent)
{
    m_writer.setPodTracker(&m_pods);
    m_writer.setAdapter(AdapterSettings::load(QSettings()));
    // What the user pushed belongs to the history (and the reports) like what the cluster did.
    connect(&m_writer, &MetricWriter::pushFinished, this, [this](MetricPushRecord record) {
        record.time = m_clock();
        if (Recorder *history = recorder())
            history->recordPush(record);
    });
    m_series.setClock([this] { return m_clock().toMSecsSinceEpoch(); });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_state.kind == ConnectionState::Kind::Reconnecting)
            emit stateChanged(m_state);
    });
    m_coverageTick.setInterval(kCoverageInterval);
    connect(&m_coverageTick, &QTimer::timeout, this, &ClusterSession::recordCoverage);
}

ClusterSession::~ClusterSession()
{
    disconnectFromCluster();
}

void ClusterSession::disconnectFromCluster()
{
    if (m_liveSince.isValid()) {
        recordCoverage();
        m_liveSince = QDateTime();
    }
    m_listedAt = QDateTime();
    m_coverageTick.stop();
    ++m_generation;
    // stop() guarantees no handler runs after it returns, so no callback can reach a
    // destroyed session; queued invocations already posted are dropped by generation.
    m_events.stop();
    m_history.cancel();
    m_writer.setClient(nullptr);
    m_prometheus.disconnect();
    m_pods.setClient(nullptr);
    m_usage.setClient(nullptr);
    if (m_hpaReflector)
        m_hpaReflector->stop();
    m_hpaReflector.reset();
    m_client.reset();
    m_tick.stop();
}

void ClusterSession::setPrometheusChoice(const PrometheusChoice &choice)
{
    m_profile.prometheus = choice;
    if (m_client)
        m_prometheus.connectTo(m_client, choice);
}

void ClusterSession::setNotConfigured(const QString &reason, const QString &hint, bool contextUnusable)
{
    disconnectFromCluster();
    m_hpas.clear();
    m_events.clear();
    ConnectionState s;
    s.kind = ConnectionState::Kind::NotConfigured;
    s.reason = reason;
    s.hint = hint;
    s.contextUnusable = contextUnusable;
    setState(s);
}

void ClusterSession::connectTo(const ClusterProfile &profile)
{
    disconnectFromCluster();
    m_hpas.clear();
    m_profile = profile;
    m_clock = m_profile.clock ? m_profile.clock : [] { return QDateTime::currentDateTimeUtc(); };
    openThrowAwayHistory();
    m_hpas.setClock(m_clock);
    connectRecorder();
    emit profileChanged();
    const kube::config::RestConfig &config = m_profile.rest;
    const QString namespaceName = m_profile.namespaceName;
    m_namespace = namespaceName;
    m_access.reset();
    m_accessAsked = false;

    ConnectionState s;
    s.kind = ConnectionState::Kind::Connecting;
    s.context = QString::fromStdString(config.contextName);
    s.server = QString::fromStdString(config.server);
    s.insecure = config.insecureSkipTlsVerify;

    auto client = kube::http::Client::create(config);
    if (!client) {
        s.kind = ConnectionState::Kind::Error;
        s.reason = errorText(client.error());
        setState(s);
        return;
    }
    m_client = client.value();
    setState(s);

    m_events.clear();
    m_series.clear();
    m_observed.clear();
    m_windowEvidence.clear();
    inferWindow();
    m_conditions.clear();
    if (Recorder *history = recorder())
        history->setContext(s.context);
    // Events expire after 1 h in Kubernetes; our own history brings them back, and the charts
    // survive restarts. Loaded on the recorder's thread, it arrives while the watches start.
    m_history.begin(recorder(), m_generation, namespaceName, m_clock());
    m_events.start(m_client, namespaceName);
    m_pods.setClient(m_client);
    m_usage.setClient(m_client);
    m_writer.setClient(m_client);
    m_prometheus.connectTo(m_client, m_profile.prometheus);
    listNamespaces();
    if (m_profile.controllerSource == kube::hpa::ConfigSource::Assumed)
        readPublishedFlags();

    kube::watch::ReflectorOptions opts;
    opts.path = kube::api::hpaListPath(namespaceName.isEmpty() ? std::optional<std::string>{}
                                                               : std::optional<std::string>{namespaceName.toStdString()});
    kube::watch::Reflector::Handler handler;
    // Handlers run on the network thread: decode there, then hand values to the GUI thread.
    const GuiThreadGuard gui(this, &m_generation);
    handler.onSynced = [this, gui](const std::vector<nlohmann::json> &items) {
        auto hpas = decodeAll(items);
        gui.post([this, hpas = std::move(hpas)]() mutable {
            if (m_state.kind != ConnectionState::Kind::Live)
                m_listedAt = m_clock();
            const int n = int(hpas.size());
            for (const auto &h : hpas) {
                m_history.hpaListed(HpaListModel::keyOf(h));
                record(h, kube::hpa::ObservedHistory::Seen::List);
            }
            m_hpas.resetAll(std::move(hpas));
            emit hpasSynced(n);
            qCDebug(lcWatch, "listed %d hpas at %lld", n, QDateTime::currentMSecsSinceEpoch());
        });
    };
    handler.onEvent = [this, gui](kube::watch::EventType type, const nlohmann::json &obj) {
        auto hpa = kube::api::decodeHorizontalPodAutoscaler(obj);
        if (!hpa) {
            qCWarning(lcSession) << "skipping undecodable HPA:" << QString::fromStdString(hpa.error().toString());
            return;
        }
        gui.post([this, type, hpa = std::move(hpa.value())]() mutable {
            if (type == kube::watch::EventType::Deleted) {
                m_observed.erase(HpaListModel::keyOf(hpa));
                m_hpas.remove(HpaListModel::keyOf(hpa));
            }
            else {
                record(hpa, kube::hpa::ObservedHistory::Seen::Event);
                const std::string what = lcWatch().isDebugEnabled()
                    ? hpa.metadata.namespace_ + '/' + hpa.metadata.name + " rv=" + hpa.metadata.resourceVersion
                    : std::string();
                m_hpas.upsert(std::move(hpa));
                qCDebug(lcWatch, "applied %s %s at %lld", type == kube::watch::EventType::Added ? "ADDED" : "MODIFIED",
                        what.c_str(), QDateTime::currentMSecsSinceEpoch());
            }
        });
    };
    handler.onState = [this, gui](const kube::watch::ConnectionState &ws) {
        gui.post([this, ws] { applyWatchState(ws); });
    };
    m_hpaReflector = std::make_unique<kube::watch::Reflector>(m_client, opts, std::move(handler));
    m_hpaReflector->start();
}

void ClusterSession::listNamespaces()
{
    kube::http::Request req;
    req.path = "/api/v1/namespaces";
    // The client may outlive this session (in-flight pushes hold it): the callback reaches the
    // session only through the guard.
    m_client->send(req, [this, gui = GuiThreadGuard(this, &m_generation)](kube::Result<kube::http::Response> resp) {
        QStringList names;
        if (resp) {
            names = namespaceNamesIn(resp->body);
        } else {
            qCInfo(lcSession) << "namespaces not listed:" << QString::fromStdString(resp.error().toString());
        }
        names.removeAll(QString());
        names.sort();
        if (!names.isEmpty())
            gui.post([this, names] { emit namespacesListed(names); });
    });
}

void ClusterSession::readPublishedFlags()
{
    kube::http::Request req;
    req.path = kube::hpa::publishedFlagsPath();
    m_client->send(req, [gui = GuiThreadGuard(this, &m_generation), this](kube::Result<kube::http::Response> resp) {
        if (!resp) { // 404: the cluster publishes nothing, the defaults stay assumed; 403: not ours to read
            qCInfo(lcSession) << "controller flags not published:" << QString::fromStdString(resp.error().toString());
            return;
        }
        const auto j = nlohmann::json::parse(resp->body, nullptr, false);
        auto flags = kube::hpa::readPublishedFlags(j.is_discarded() ? nlohmann::json::object() : j);
        if (!flags) {
            qCWarning(lcSession) << "ignoring the published controller flags:" << QString::fromStdString(flags.error().toString());
            return;
        }
        gui.post([this, config = flags.value()] {
            if (m_profile.controllerSource != kube::hpa::ConfigSource::Assumed)
                return; // set by the user meanwhile
            m_profile.controller = config;
            m_profile.controllerSource = kube::hpa::ConfigSource::Published;
            inferWindow(); // on the published sync period
            emit profileChanged();
        });
    });
}

void ClusterSession::setControllerFlags(const std::optional<kube::hpa::ControllerConfig> &flags)
{
    if (m_profile.isDemo())
        return; // the simulator's flags are its own
    m_profile.controller = flags.value_or(kube::hpa::ControllerConfig{});
    m_profile.controllerSource = flags ? kube::hpa::ConfigSource::Set : kube::hpa::ConfigSource::Assumed;
    inferWindow();
    emit profileChanged();
    if (!flags && m_client)
        readPublishedFlags();
}

void ClusterSession::openThrowAwayHistory()
{
    // The same demo again (another namespace of it): its history goes on.
    if (m_profile.throwAwayHistory && m_throwAway && m_throwAwayOwner == m_profile.owner.get())
        return;
    m_throwAwayOwner = m_profile.throwAwayHistory ? m_profile.owner.get() : nullptr;
    m_throwAway.reset();
    m_throwAwayDir.reset();
    if (!m_profile.throwAwayHistory)
        return;
    m_throwAwayDir = std::make_unique<QTemporaryDir>();
    auto recorder = std::make_unique<Recorder>();
    QString error;
    if (m_throwAwayDir->isValid()
        && recorder->open(m_throwAwayDir->filePath(QStringLiteral("history.sqlite")), &error))
        m_throwAway = std::move(recorder);
    else
        qWarning("the demo's history is not recorded: %s",
                 qPrintable(error.isEmpty() ? m_throwAwayDir->errorString() : error));
}

void ClusterSession::setRecorder(Recorder *recorder)
{
    m_recorder = recorder;
    connectRecorder();
}

void ClusterSession::connectRecorder()
{
    if (m_recordingEvents)
        disconnect(m_recordingEvents);
    m_recordingEvents = {};
    if (Recorder *history = this->recorder())
        m_recordingEvents = connect(&m_events, &EventStore::eventsChanged, history, &Recorder::recordEvents);
}

std::optional<kube::hpa::HpaHistory> ClusterSession::controllerHistory(const QString &key) const
{
    return m_profile.history ? m_profile.history(key) : std::nullopt;
}

const kube::hpa::ObservedHistory *ClusterSession::observedHistory(const QString &key) const
{
    const auto it = m_observed.find(key);
    return it == m_observed.end() ? nullptr : &it->second;
}

void ClusterSession::record(const kube::api::HorizontalPodAutoscaler &hpa, kube::hpa::ObservedHistory::Seen seen)
{
    const QString key = HpaListModel::keyOf(hpa);
    kube::hpa::ObservedHistory &observed = m_observed.try_emplace(key, m_profile.controller).first->second;
    const auto now = format::toKubeTime(m_clock());
    const std::size_t before = observed.observations().size();
    observed.observe(hpa, now, {}, seen);
    const std::size_t after = observed.observations().size();
    if (after > before)
        if (auto evidence = kube::hpa::windowEvidenceAt(observed, after - 1)) {
            m_windowEvidence.push_back(*evidence);
            inferWindow();
        }
    observed.prune(now - kObservedRetention);
    const HpaSample sample = sampleOf(hpa, m_clock());
    m_history.add(sample, format::lastScaleTime(hpa));
    if (Recorder *history = recorder())
        history->recordSample(sample);
    recordConditions(hpa);
    emit sampled(sample);
}

void ClusterSession::inferWindow()
{
    auto inferred = kube::hpa::inferWindow(m_windowEvidence, m_profile.controller.syncPeriod);
    if (inferred == m_inferredWindow)
        return;
    m_inferredWindow = inferred;
    emit windowInferred();
}

void ClusterSession::recordConditions(const kube::api::HorizontalPodAutoscaler &hpa)
{
    Recorder *history = recorder();
    if (!history)
        return;
    auto &last = m_conditions[HpaListModel::keyOf(hpa)];
    for (const auto &c : hpa.status.conditions) {
        ConditionRecord r;
        r.time = m_clock();
        r.namespaceName = QString::fromStdString(hpa.metadata.namespace_);
        r.name = QString::fromStdString(hpa.metadata.name);
        r.type = QString::fromStdString(c.type);
        r.status = QString::fromStdString(c.status);
        r.reason = QString::fromStdString(c.reason);
        r.message = QString::fromStdString(c.message);
        if (c.lastTransitionTime)
            r.since = format::toQDateTime(*c.lastTransitionTime);
        const auto it = last.constFind(r.type);
        if (it != last.cend() && it->sameState(r))
            continue;
        last.insert(r.type, r);
        history->recordCondition(r);
    }
}

void ClusterSession::recordCoverage()
{
    if (Recorder *history = recorder(); history && m_liveSince.isValid())
        history->recordWatched(m_namespace, m_liveSince, m_clock());
}

void ClusterSession::applyWatchState(const kube::watch::ConnectionState &ws)
{
    ConnectionState s = m_state;
    // The failure in the UI's language (its own words, English, follow the translated lead).
    s.reason = watchStateText(ws);
    s.nextRetry = QDateTime();
    s.refusedStatus = 0;
    s.hint.clear();
    s.readableNamespaces.clear();
    switch (ws.kind) {
    case kube::watch::ConnectionState::Kind::Connecting:
        s.kind = ConnectionState::Kind::Connecting;
        break;
    case kube::watch::ConnectionState::Kind::Live:
        s.kind = ConnectionState::Kind::Live;
        s.reason.clear();
        break;
    case kube::watch::ConnectionState::Kind::BackingOff:
        s.kind = ConnectionState::Kind::Reconnecting;
        s.nextRetry = format::toQDateTime(ws.nextRetry);
        break;
    case kube::watch::ConnectionState::Kind::Error:
        s.kind = ConnectionState::Kind::Error;
        s.nextRetry = format::toQDateTime(ws.nextRetry);
        s.refusedStatus = ws.httpStatus;
        if (ws.httpStatus == 403 && m_namespace.isEmpty()) {
            s.hint = tr("Your user may not list HPAs in every namespace: pick one namespace you can read in the "
                        "Namespace box (or start with -n NAMESPACE), or ask for list and watch on "
                        "horizontalpodautoscalers.autoscaling.");
            if (m_access)
                applyNamespaceAccess(s);
            else if (!m_accessAsked)
                askNamespaceAccess();
        } else if (ws.httpStatus == 403)
            s.hint = tr("Your user may not list HPAs in namespace %1: pick another namespace, or ask for list and watch "
                        "on horizontalpodautoscalers.autoscaling there.")
                         .arg(m_namespace);
        else if (ws.httpStatus == 401)
            s.hint = tr("The API server did not accept the kubeconfig's credentials: they may have expired or belong to "
                        "another cluster. Sign in again (e.g. rerun your cloud CLI's login), then reconnect.");
        break;
    }
    setState(s);
}

void ClusterSession::askNamespaceAccess()
{
    m_accessAsked = true;
    const QString own = QString::fromStdString(m_client->config().namespaceName);
    findReadableNamespaces(m_client, {own, QStringLiteral("default")},
                           [this, gui = GuiThreadGuard(this, &m_generation)](NamespaceAccess access) {
                               gui.post([this, access] {
                                   m_access = access;
                                   qCInfo(lcSession) << "HPAs readable in" << access.readable << "of" << access.checked
                                                     << "namespaces checked";
                                   if (m_state.kind != ConnectionState::Kind::Error || m_state.refusedStatus != 403)
                                       return;
                                   ConnectionState s = m_state;
                                   applyNamespaceAccess(s);
                                   setState(s);
                               });
                           });
}

void ClusterSession::applyNamespaceAccess(ConnectionState &s) const
{
    if (!m_access || m_access->checked == 0)
        return;
    s.readableNamespaces = m_access->readable;
    const int n = int(m_access->readable.size());
    const int checked = m_access->checked;
    // English plurals without a loaded translation (a %n text would show "namespace(s)").
    if (n == 1)
        s.hint = tr("Your user may list HPAs in 1 namespace only: choose it below, or start with -n NAMESPACE.");
    else if (n > 1)
        s.hint = tr("Your user may list HPAs in %1 namespaces only: choose one below, or start with -n NAMESPACE.").arg(n);
    else if (checked == 1)
        s.hint = tr("Your user may not list HPAs in the 1 namespace checked either: ask for list and watch on "
                    "horizontalpodautoscalers.autoscaling.");
    else
        s.hint = tr("Your user may not list HPAs in any of the %1 namespaces checked: ask for list and watch on "
                    "horizontalpodautoscalers.autoscaling.")
                     .arg(checked);
}

void ClusterSession::setState(ConnectionState state)
{
    const bool changed = !(state == m_state);
    // Periods without a live watch are gaps in every chart, never interpolated.
    const bool wasLive = m_state.kind == ConnectionState::Kind::Live;
    const bool isLive = state.kind == ConnectionState::Kind::Live;
    if (wasLive && !isLive) {
        m_history.gap(m_clock());
        recordCoverage();
        m_liveSince = QDateTime();
        m_coverageTick.stop();
    } else if (!wasLive && isLive) {
        m_liveSince = m_listedAt.isValid() ? m_listedAt : m_clock();
        recordCoverage();
        m_coverageTick.start();
    }
    if (!isLive)
        m_listedAt = QDateTime();
    m_state = std::move(state);
    if (m_state.kind == ConnectionState::Kind::Reconnecting)
        m_tick.start();
    else
        m_tick.stop();
    if (changed)
        emit stateChanged(m_state);
}

} // namespace hpascope
