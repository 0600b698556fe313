#include "app/cli/export_command.h"

#include "app/cli/history_command.h"
#include "app/cli/history_flags.h"
#include "app/core/report/report_render.h"
#include "app/core/report/samples_csv.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>

namespace hpascope::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

const QString kStdout = QStringLiteral("-");

} // namespace

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString cmd = QStringLiteral("hpascope export: ");
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("The recorded samples of one HPA as CSV: one row per sample."));
    const HistoryFlags history;
    const QCommandLineOption csv(QStringLiteral("csv"), Tr::tr("Write CSV (the only format so far)."));
    const QCommandLineOption outFile(QStringLiteral("out"), Tr::tr("The CSV file, or - for standard output (the default)."),
                                     QStringLiteral("FILE"), kStdout);
    int exitCode = 0;
    auto parsed = history.parse(parser, {csv, outFile}, args, QStringLiteral("export"),
                                QStringLiteral("hpascope export --csv -n NAMESPACE NAME --since 30m --out samples.csv"), out, err, &exitCode);
    if (!parsed)
        return exitCode;
    if (!parser.isSet(csv)) {
        err << cmd << Tr::tr("give --csv (the only format so far)") << "\n";
        return 2;
    }
    const QString path = parser.value(outFile);
    const bool toStdout = path == kStdout;
    if (!toStdout) {
        if (const QString why = report::ReportWriter::checkPath(path); !why.isEmpty()) {
            err << cmd << why << "\n";
            return 1;
        }
    }

    HistoryCommand command(QStringLiteral("export"), std::move(*parsed), err);
    if (!command.open())
        return 1;
    const auto samples = command.recorder().loadSamples(command.namespaceName(), command.args().name,
                                                        command.range().from, command.range().to);
    if (samples.empty())
        return command.fail(command.readCluster().notFound ? command.unknownHpa() : command.notRecorded());
    const QByteArray text = report::samplesCsv(samples);
    if (toStdout) {
        out << QString::fromUtf8(text);
        out.flush();
        return 0;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return command.fail(Tr::tr("cannot write %1: %2").arg(path, file.errorString()));
    const int n = int(samples.size());
    out << (n == 1 ? Tr::tr("wrote %1 (1 sample)").arg(path) : Tr::tr("wrote %1 (%2 samples)").arg(path).arg(n)) << "\n";
    return 0;
}

} // namespace hpascope::cli
