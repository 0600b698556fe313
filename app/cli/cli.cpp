#include "app/cli/cli.h"

#include "app/cli/export_command.h"
#include "app/cli/push_command.h"
#include "app/cli/report_command.h"
#include "app/cli/snapshot_command.h"
#include "app/core/translations.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <cstdio>
#include <cstring>
#include <memory>

namespace hpascope::cli {

bool isCommand(const char *arg)
{
    return std::strcmp(arg, "snapshot") == 0 || std::strcmp(arg, "push") == 0 || std::strcmp(arg, "report") == 0
        || std::strcmp(arg, "export") == 0;
}

int run(int argc, char *argv[], const QString &lang)
{
    // `report` paints (fonts, PDF, PNG): it needs a QGuiApplication, never a display.
    const bool paints = std::strcmp(argv[1], "report") == 0;
    if (paints && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = paints ? std::make_unique<QGuiApplication>(argc, argv)
                                                   : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hpascope"));
    QCoreApplication::setOrganizationName(QStringLiteral("hpascope"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const QString warning = installTranslations(*app, lang); !warning.isEmpty())
        err << "hpascope: " << warning << "\n";
    QStringList args = QCoreApplication::arguments();
    const QString command = args.takeAt(1); // args[0] stays: QCommandLineParser skips it
    if (command == QLatin1String("snapshot"))
        return runSnapshot(args, out, err);
    if (command == QLatin1String("report"))
        return runReport(args, out, err);
    if (command == QLatin1String("export"))
        return runExport(args, out, err);
    return runPush(args, out, err);
}

} // namespace hpascope::cli
