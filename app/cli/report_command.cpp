#include "app/cli/report_command.h"

#include "app/cli/history_command.h"
#include "app/cli/history_flags.h"
#include "app/cli/report_prometheus.h"
#include "app/core/qs.h"
#include "app/core/report/report_data.h"
#include "app/core/report/report_render.h"
#include "kube/core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace hpascope::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)
};

} // namespace

int runReport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString cmd = QStringLiteral("hpascope report: ");
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("A PDF, HTML or PNG report of one HPA from hpascope's recorded history."));
    const HistoryFlags history;
    const QCommandLineOption outFile(QStringLiteral("out"), Tr::tr("The report: FILE.pdf, FILE.html or FILE.png."), QStringLiteral("FILE"));
    const QCommandLineOption redact(QStringLiteral("redact-server"), Tr::tr("Leave the API server's URL out of the report."));
    const ReportPrometheusFlags prometheus;
    int exitCode = 0;
    auto parsed = history.parse(parser, {outFile, redact, prometheus.where, prometheus.tokenFile}, args, QStringLiteral("report"),
                                QStringLiteral("hpascope report -n NAMESPACE NAME --since 30m --out report.pdf"), out, err, &exitCode);
    if (!parsed)
        return exitCode;
    if (!parser.isSet(outFile)) {
        err << cmd << Tr::tr("--out FILE.pdf|.html|.png is required") << "\n";
        return 2;
    }
    const QString path = parser.value(outFile);
    if (!report::formatOf(path)) {
        err << cmd << report::ReportWriter::checkWritable(path) << "\n";
        return 2;
    }
    if (const QString why = report::ReportWriter::checkWritable(path); !why.isEmpty()) {
        err << cmd << why << "\n";
        return 1;
    }

    HistoryCommand command(QStringLiteral("report"), std::move(*parsed), err);
    if (!command.open())
        return 1;
    const QString context = command.context();
    const QString ns = command.namespaceName();
    const QString name = command.args().name;
    const LiveHpa live = command.readCluster();
    if (!live.unreachable.isEmpty())
        err << cmd << Tr::tr("cannot read %1/%2 from the cluster (%3): the report is made from the history alone").arg(ns, name, live.unreachable) << "\n";

    ReportRequest request;
    request.context = context;
    request.server = qs(command.cluster().rest.server);
    request.redactServer = parser.isSet(redact);
    request.namespaceName = ns;
    request.name = name;
    request.from = command.range().from;
    request.to = command.range().to;
    request.now = command.now();
    request.version = QString::fromLatin1(kube::version());
    request.hpa = live.hpa;
    request.controller = live.controller;
    request.controllerSource = live.source;
    if (live.hpa)
        request.explanation = explainNow(*live.hpa, live.controller, live.source, request.now);
    if (parser.isSet(prometheus.where)) {
        // Without the HPA (offline, deleted) its name is enough for the replica counts.
        kube::api::HorizontalPodAutoscaler which;
        which.metadata.namespace_ = ns.toStdString();
        which.metadata.name = name.toStdString();
        request.prometheus = readReportPrometheus(parser.value(prometheus.where), parser.value(prometheus.tokenFile),
                                                  command.cluster(), live.hpa.value_or(which), command.range());
        if (!request.prometheus->series)
            err << cmd << Tr::tr("cannot read the history from Prometheus (%1): %2; the report is made without it")
                              .arg(request.prometheus->where, request.prometheus->error) << "\n";
    }
    QString error;
    auto data = ReportGatherer::gather(command.recorder(), request, &error);
    if (!data)
        return command.fail(live.notFound ? command.unknownHpa() : command.notRecorded());
    if (live.notFound)
        err << cmd << Tr::tr("%1/%2 no longer exists in the cluster: the report is made from the history").arg(ns, name) << "\n";
    if (const QString why = report::ReportWriter::write(*data, path); !why.isEmpty())
        return command.fail(why);
    out << Tr::tr("wrote %1").arg(path) << "\n";
    return 0;
}

} // namespace hpascope::cli
