// hpascope: a desktop dashboard for the Kubernetes HorizontalPodAutoscaler.
#include "app/main_window.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hpascope"));
    QApplication::setOrganizationName(QStringLiteral("hpascope"));
    QApplication::setApplicationVersion(QStringLiteral(HPASCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A live dashboard for the Kubernetes HorizontalPodAutoscaler."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QStringLiteral("Path to the kubeconfig file (overrides KUBECONFIG)."), QStringLiteral("file"));
    const QCommandLineOption context(QStringLiteral("context"), QStringLiteral("The kubeconfig context to use."), QStringLiteral("name"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")}, QStringLiteral("Show HPAs of this namespace."), QStringLiteral("namespace"));
    const QCommandLineOption all({QStringLiteral("A"), QStringLiteral("all-namespaces")}, QStringLiteral("Show HPAs of all namespaces."));
    parser.addOptions({kubeconfig, context, ns, all});
    parser.process(app);

    hpascope::StartupOptions options;
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
