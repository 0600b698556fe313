// hpascope: a desktop dashboard for the Kubernetes HorizontalPodAutoscaler.
//   hpascope [--kubeconfig F] [--context C] [-n NS | -A]      the window
//   hpascope --demo                                            the window on a simulated cluster
//   hpascope snapshot ... --json                               what the window shows, as JSON
//   hpascope push ...                                          write a fake custom metric
//   hpascope report ... --out r.pdf [--record-for 5m]          a report from the history
//   hpascope export --csv ...                                  the history's samples as CSV
#include "app/cli/cli.h"
#include "app/cli/cluster_flags.h"
#include "app/core/private_file.h"
#include "app/core/stall_watch.h"
#include "app/core/translations.h"
#include "app/window/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // Every command takes --lang; it is read before any text is made.
    const QString lang = hpascope::takeLanguageArgument(argc, argv);
    // Subcommands run without a window (and without a display).
    if (argc > 1 && hpascope::cli::isCommand(argv[1]))
        return hpascope::cli::run(argc, argv, lang);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hpascope"));
    QApplication::setOrganizationName(QStringLiteral("hpascope"));
    QApplication::setApplicationVersion(QStringLiteral(HPASCOPE_VERSION));
    // The desktop entry (and Wayland's app id) and the icon the desktop installs, also in the binary.
    QApplication::setDesktopFileName(QStringLiteral(HPASCOPE_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/" HPASCOPE_APP_ID ".svg")));
    if (const QString why = hpascope::protectSettings(); !why.isEmpty())
        std::fprintf(stderr, "hpascope: %s\n", qPrintable(QApplication::translate("main", "the settings file: %1").arg(why)));
    if (const QString warning = hpascope::installTranslations(app, lang); !warning.isEmpty())
        std::fprintf(stderr, "hpascope: %s\n", qPrintable(warning));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A live dashboard for the Kubernetes HorizontalPodAutoscaler.\n"
                                                                     "Subcommands: snapshot, push, report, export (hpascope <command> --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const hpascope::cli::ClusterFlags cluster(QApplication::translate("main", "Show HPAs of this namespace."),
                                              QApplication::translate("main", "Show HPAs of all namespaces."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Run on the embedded simulated cluster (no Kubernetes needed)."));
    // Read (and taken out of the command line) by takeLanguageArgument; listed here for --help.
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QApplication::translate("main", "The language of the window and messages: %1 (default: the "
                                                                      "setting, then the system's).")
                                          .arg(hpascope::availableLanguages().join(QLatin1String(", "))),
                                      QStringLiteral("lang"));
    const QCommandLineOption prometheus(
        QStringLiteral("prometheus"),
        QApplication::translate("main", "Where the charts' older history comes from: auto (find the cluster's Prometheus, the "
                                        "default), off, a URL, or NAMESPACE/SERVICE:PORT behind the API server's service proxy."),
        QStringLiteral("where"));
    const QCommandLineOption prometheusToken(QStringLiteral("prometheus-token-file"),
                                             QApplication::translate("main", "A file holding the bearer token for a Prometheus URL."),
                                             QStringLiteral("file"));
    cluster.addTo(parser);
    parser.addOptions({prometheus, prometheusToken});
    parser.addOption(demo);
    parser.addOption(language);
    parser.process(app);
    if (const QString conflict = cluster.conflict(parser); !conflict.isEmpty()) {
        std::fprintf(stderr, "hpascope: %s\n", qPrintable(conflict));
        return 1; // as process() does for the flags it refuses itself
    }

    // The window loads the kubeconfig itself: it offers every context, and -n applies to the
    // first one only.
    hpascope::cli::ClusterChoice choice = cluster.read(parser);
    hpascope::StartupOptions options;
    options.demo = parser.isSet(demo);
    options.load = std::move(choice.load);
    options.namespaceName = std::move(choice.namespaceName);
    if (parser.isSet(prometheus))
        options.prometheus = hpascope::PrometheusChoice::fromText(parser.value(prometheus), parser.value(prometheusToken));

    // QT_LOGGING_RULES="hpascope.stall.debug=true": the GUI thread's stalls, from before the
    // window connects (benchmarks read them).
    hpascope::StallWatch stalls;
    stalls.startIfLogging();
    hpascope::MainWindow window(std::move(options));
    window.show();
    const int rc = app.exec();
    stalls.stop();
    return rc;
}
