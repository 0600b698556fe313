#include "app/cli/report_command.h"

#include "app/cli/cluster_flags.h"
#include "app/core/kubeconfig_profile.h"
#include "app/core/qs.h"
#include "app/core/recorder.h"
#include "app/core/report/report_data.h"
#include "app/core/report/report_render.h"
#include "kube/api/paths.h"
#include "kube/core/version.h"
#include "kube/hpa/published_flags.h"
#include "kube/http/client.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <nlohmann/json.hpp>

namespace hpascope::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReportCommand", text);
}

// One GET, long enough for a slow API server, short enough that an unreachable one does not
// hold a report made from history (kubectl's default request timeout is none; 10 s is ours).
constexpr long kRequestTimeoutMs = 10'000;

struct Live {
    std::optional<kube::api::HorizontalPodAutoscaler> hpa;
    bool notFound = false; // the API server said 404
    QString unreachable;   // why the cluster could not be read, empty when it could
    kube::hpa::ControllerConfig controller;
    kube::hpa::ConfigSource source = kube::hpa::ConfigSource::Assumed;
};

// The HPA and the controller flags as the window would take them: set for the context, else
// published by the cluster, else Kubernetes' defaults.
Live readCluster(kube::http::Client &client, const QString &context, const QString &ns, const QString &name, bool offline)
{
    Live live;
    if (auto set = controllerFlagsFor(QSettings(), context)) {
        live.controller = *set;
        live.source = kube::hpa::ConfigSource::Set;
    }
    if (offline)
        return live;
    kube::http::Request req;
    req.path = kube::api::hpaPath(ns.toStdString(), name.toStdString());
    req.timeoutMs = kRequestTimeoutMs;
    auto resp = client.sendSync(req);
    if (!resp) {
        live.notFound = resp.error().httpStatus == 404;
        if (!live.notFound)
            live.unreachable = qs(resp.error().toString());
        return live;
    }
    const auto j = nlohmann::json::parse(resp->body, nullptr, false);
    auto hpa = kube::api::decodeHorizontalPodAutoscaler(j.is_discarded() ? nlohmann::json::object() : j);
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
            const auto cm = nlohmann::json::parse(published->body, nullptr, false);
            if (auto config = kube::hpa::readPublishedFlags(cm.is_discarded() ? nlohmann::json::object() : cm)) {
                live.controller = config.value();
                live.source = kube::hpa::ConfigSource::Published;
            }
        }
    }
    return live;
}

} // namespace

QDateTime parseReportTime(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!dt.isValid())
        dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd HH:mm"));
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

int runReport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString cmd = QStringLiteral("hpascope report: ");
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("A PDF, HTML or PNG report of one HPA from hpascope's recorded history."));
    const ClusterFlags cluster(tr("The HPA's namespace."));
    const QCommandLineOption since(QStringLiteral("since"), tr("The last DURATION (30m, 2h, 1h30m)."), QStringLiteral("DURATION"));
    const QCommandLineOption from(QStringLiteral("from"), tr("Start (2024-05-01T14:00, local time unless an offset is given)."), QStringLiteral("TIME"));
    const QCommandLineOption to(QStringLiteral("to"), tr("End (default: now)."), QStringLiteral("TIME"));
    const QCommandLineOption outFile(QStringLiteral("out"), tr("The report: FILE.pdf, FILE.html or FILE.png."), QStringLiteral("FILE"));
    const QCommandLineOption redact(QStringLiteral("redact-server"), tr("Leave the API server's URL out of the report."));
    const QCommandLineOption historyFile(QStringLiteral("history"), tr("The history database (default: hpascope's own)."), QStringLiteral("FILE"));
    const QCommandLineOption offline(QStringLiteral("offline"), tr("Do not contact the cluster: the history alone."));
    cluster.addTo(parser);
    parser.addOptions({since, from, to, outFile, redact, historyFile, offline});
    parser.addPositionalArgument(QStringLiteral("HPA"), tr("The HorizontalPodAutoscaler's name."));
    if (!parser.parse(args)) {
        err << cmd << parser.errorText() << "\n";
        return 2;
    }
    if (parser.positionalArguments().size() != 1) {
        err << cmd << tr("name one HPA (hpascope report -n NAMESPACE NAME --since 30m --out report.pdf)") << "\n";
        return 2;
    }
    const QString name = parser.positionalArguments().first();
    if (const QString conflict = cluster.conflict(parser); !conflict.isEmpty()) {
        err << cmd << conflict << "\n";
        return 2;
    }
    if (!parser.isSet(outFile)) {
        err << cmd << tr("--out FILE.pdf|.html|.png is required") << "\n";
        return 2;
    }
    const QString path = parser.value(outFile);
    if (!report::formatOf(path)) {
        err << cmd << report::ReportWriter::checkWritable(path) << "\n";
        return 2;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime begin;
    QDateTime end = now;
    if (parser.isSet(since) == parser.isSet(from)) {
        err << cmd << tr("give either --since DURATION or --from TIME") << "\n";
        return 2;
    }
    if (parser.isSet(since)) {
        const auto d = kube::hpa::parseGoDuration(parser.value(since).toStdString());
        if (!d || d->count() <= 0) {
            err << cmd << tr("--since %1 is not a duration (30m, 2h, 1h30m)").arg(parser.value(since)) << "\n";
            return 2;
        }
        begin = now.addMSecs(-d->count());
    } else {
        begin = parseReportTime(parser.value(from));
        if (parser.isSet(to))
            end = parseReportTime(parser.value(to));
        if (!begin.isValid() || !end.isValid() || begin >= end) {
            err << cmd << tr("--from and --to must be times (2024-05-01T14:00), --from before --to") << "\n";
            return 2;
        }
    }
    if (const QString why = report::ReportWriter::checkWritable(path); !why.isEmpty()) {
        err << cmd << why << "\n";
        return 1;
    }

    auto connected = connectToCluster(cluster.read(parser));
    if (!connected) {
        err << connectFailure(QStringLiteral("report"), connected.error());
        return 1;
    }
    const QString context = qs(connected->rest.contextName);
    const QString ns = qs(connected->namespaceName);
    const QString db = parser.isSet(historyFile) ? parser.value(historyFile) : Recorder::defaultPath();
    if (!QFileInfo::exists(db)) {
        err << cmd << tr("hpascope has recorded nothing yet (no history at %1): open the window on this cluster to record it").arg(db) << "\n";
        return 1;
    }
    Live live = readCluster(*connected->client, context, ns, name, parser.isSet(offline));
    if (!live.unreachable.isEmpty())
        err << cmd << tr("cannot read %1/%2 from the cluster (%3): the report is made from the history alone").arg(ns, name, live.unreachable) << "\n";

    Recorder recorder;
    QString error;
    if (!recorder.open(db, &error)) {
        err << cmd << error << "\n";
        return 1;
    }
    recorder.setContext(context);
    ReportRequest request;
    request.context = context;
    request.server = qs(connected->rest.server);
    request.redactServer = parser.isSet(redact);
    request.namespaceName = ns;
    request.name = name;
    request.from = begin;
    request.to = end;
    request.now = now;
    request.version = QString::fromLatin1(kube::version());
    request.hpa = live.hpa;
    request.controller = live.controller;
    request.controllerSource = live.source;
    if (live.hpa)
        request.explanation = explainNow(*live.hpa, live.controller, live.source, now);
    auto data = ReportGatherer::gather(recorder, request, &error);
    if (!data) {
        if (live.notFound)
            err << cmd << tr("there is no HPA %1/%2 in context %3, and hpascope has recorded none").arg(ns, name, context) << "\n";
        else
            err << cmd << error << "\n";
        return 1;
    }
    if (live.notFound)
        err << cmd << tr("%1/%2 no longer exists in the cluster: the report is made from the history").arg(ns, name) << "\n";
    if (const QString why = report::ReportWriter::write(*data, path); !why.isEmpty()) {
        err << cmd << why << "\n";
        return 1;
    }
    out << tr("wrote %1").arg(path) << "\n";
    return 0;
}

} // namespace hpascope::cli
