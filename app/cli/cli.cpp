#include "app/cli/cli.h"

#include "app/cli/push_command.h"
#include "app/cli/snapshot_command.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <cstring>

namespace hpascope::cli {

bool isCommand(const char *arg)
{
    return std::strcmp(arg, "snapshot") == 0 || std::strcmp(arg, "push") == 0;
}

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hpascope"));
    QCoreApplication::setOrganizationName(QStringLiteral("hpascope"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments();
    const QString command = args.takeAt(1); // args[0] stays: QCommandLineParser skips it
    if (command == QLatin1String("snapshot"))
        return runSnapshot(args, out, err);
    return runPush(args, out, err);
}

} // namespace hpascope::cli
