#include "app/cli/history_command.h"

#include "app/cli/live_recording.h"
#include "app/core/kubeconfig_profile.h"
#include "app/core/qs.h"
#include "app/core/report/report_data.h"
#include "kube/api/paths.h"
#include "kube/hpa/published_flags.h"
#include "kube/http/client.h"

#include <QFileInfo>
#include <QSettings>

#include <nlohmann/json.hpp>

namespace hpascope::cli {

namespace {

// One GET, long enough for a slow API server, short enough that an unreachable one does not
// hold a report made from history (kubectl's default request timeout is none; 10 s is ours).
constexpr long kRequestTimeoutMs = 10'000;

nlohmann::json parsed(const std::string &body)
{
    auto j = nlohmann::json::parse(body, nullptr, false);
    return j.is_discarded() ? nlohmann::json::object() : j;
}

} // namespace

HistoryCommand::HistoryCommand(QString command, HistoryArgs args, QTextStream &err)
    : m_command(std::move(command)), m_args(std::move(args)), m_err(err)
{
}

QString HistoryCommand::context() const
{
    return qs(m_cluster.rest.contextName);
}

QString HistoryCommand::namespaceName() const
{
    return qs(m_cluster.namespaceName);
}

int HistoryCommand::fail(const QString &why) const
{
    m_err << QStringLiteral("hpascope %1: ").arg(m_command) << why << "\n";
    m_err.flush();
    return 1;
}

QString HistoryCommand::notRecorded() const
{
    return ReportGatherer::notRecorded(namespaceName(), m_args.name, m_range.from, m_range.to)
        + tr("; run with --record-for DURATION (5m) to record it first");
}

QString HistoryCommand::unknownHpa() const
{
    return tr("there is no HPA %1/%2 in context %3, and hpascope has recorded none")
        .arg(namespaceName(), m_args.name, context());
}

bool HistoryCommand::open()
{
    auto connected = connectToCluster(m_args.cluster);
    if (!connected) {
        m_err << connectFailure(m_command, connected.error());
        m_err.flush();
        return false;
    }
    m_cluster = std::move(connected.value());
    const QString db = m_args.historyPath;
    if (!m_args.recordFor && !QFileInfo::exists(db)) {
        fail(tr("hpascope has recorded nothing yet (no history at %1): open the window on this cluster, or run with "
                "--record-for DURATION, to record it").arg(db));
        return false;
    }
    QString error;
    if (!m_recorder.open(db, &error)) {
        fail(error);
        return false;
    }
    m_recorder.setContext(context());
    if (m_args.recordFor && !record())
        return false;
    // After a recording, "now" is when it stopped: --since counts back from there, and the
    // moments since (the history flushed, the file opened) are no gap at the range's end.
    m_now = m_recorded ? m_recorded->to : QDateTime::currentDateTimeUtc();
    m_range = m_args.rangeAt(m_now, m_recorded);
    return true;
}

bool HistoryCommand::record()
{
    // One GET first: an unknown HPA, a refusal or an unreachable server is said now, not after
    // the whole duration.
    const LiveHpa live = readCluster();
    if (live.notFound) {
        fail(tr("there is no HPA %1/%2 in context %3").arg(namespaceName(), m_args.name, context()));
        return false;
    }
    if (!live.unreachable.isEmpty()) {
        fail(tr("cannot record %1/%2: %3").arg(namespaceName(), m_args.name, live.unreachable));
        return false;
    }
    ClusterProfile profile = restConfigProfile(m_cluster.rest, namespaceName(), QSettings());
    LiveRecording recording(m_command, m_err);
    const RecordingOutcome outcome =
        recording.run(profile, &m_recorder, m_args.name, *m_args.recordFor, m_args.recordForText);
    if (!outcome.ok()) {
        fail(tr("cannot record %1/%2: %3").arg(namespaceName(), m_args.name, outcome.error));
        return false;
    }
    m_recorded = outcome.span;
    return true;
}

LiveHpa HistoryCommand::readCluster() const
{
    LiveHpa live;
    if (auto set = controllerFlagsFor(QSettings(), context())) {
        live.controller = *set;
        live.source = kube::hpa::ConfigSource::Set;
    }
    if (m_args.offline)
        return live;
    kube::http::Client &client = *m_cluster.client;
    kube::http::Request req;
    req.path = kube::api::hpaPath(m_cluster.namespaceName, m_args.name.toStdString());
    req.timeoutMs = kRequestTimeoutMs;
    auto resp = client.sendSync(req);
    if (!resp) {
        live.notFound = resp.error().httpStatus == 404;
        if (!live.notFound)
            live.unreachable = qs(resp.error().toString());
        return live;
    }
    auto hpa = kube::api::decodeHorizontalPodAutoscaler(parsed(resp->body));
    if (!hpa) {
        live.unreachable = qs(hpa.error().toString());
        return live;
    }
    live.hpa = std::move(hpa.value());
    if (live.source == kube::hpa::ConfigSource::Assumed) {
        kube::http::Request flags;
        flags.path = kube::hpa::publishedFlagsPath();
        flags.timeoutMs = kRequestTimeoutMs;
        if (auto published = client.sendSync(flags)) {
            if (auto config = kube::hpa::readPublishedFlags(parsed(published->body))) {
                live.controller = config.value();
                live.source = kube::hpa::ConfigSource::Published;
            }
        }
    }
    return live;
}

} // namespace hpascope::cli
