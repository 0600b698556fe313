// hpascope: a desktop dashboard for the Kubernetes HorizontalPodAutoscaler.
//   hpascope [--kubeconfig F] [--context C] [-n NS | -A]      the window
//   hpascope --demo                                            the window on a simulated cluster
//   hpascope snapshot ... --json                               what the window shows, as JSON
//   hpascope push ...                                          write a fake custom metric
#include "app/cli/cli.h"
#include "app/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <cstring>

int main(int argc, char *argv[])
{
    // Subcommands run without a window (and without a display).
    if (argc > 1 && hpascope::cli::isCommand(argv[1]))
        return hpascope::cli::run(argc, argv);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hpascope"));
    QApplication::setOrganizationName(QStringLiteral("hpascope"));
    QApplication::setApplicationVersion(QStringLiteral(HPASCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A live dashboard for the Kubernetes HorizontalPodAutoscaler.\n"
                                                    "Subcommands: snapshot, push (hpascope <command> --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QStringLiteral("Path to the kubeconfig file (overrides KUBECONFIG)."), QStringLiteral("file"));
    const QCommandLineOption context(QStringLiteral("context"), QStringLiteral("The kubeconfig context to use."), QStringLiteral("name"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")}, QStringLiteral("Show HPAs of this namespace."), QStringLiteral("namespace"));
    const QCommandLineOption all({QStringLiteral("A"), QStringLiteral("all-namespaces")}, QStringLiteral("Show HPAs of all namespaces."));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Run on the embedded simulated cluster (no Kubernetes needed)."));
    parser.addOptions({kubeconfig, context, ns, all, demo});
    parser.process(app);

    hpascope::StartupOptions options;
    options.demo = parser.isSet(demo);
    options.load.kubeconfigPath = parser.value(kubeconfig).toStdString();
    options.load.context = parser.value(context).toStdString();
    if (parser.isSet(all))
        options.namespaceName = QString();
    else if (parser.isSet(ns))
        options.namespaceName = parser.value(ns);

    hpascope::MainWindow window(std::move(options));
    window.show();
    return app.exec();
}
