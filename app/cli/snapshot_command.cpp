#include "app/cli/snapshot_command.h"

#include "kube/config/kubeconfig.h"
#include "kube/http/client.h"
#include "kube/snapshot/snapshot.h"

#include <QCommandLineParser>

namespace hpascope::cli {

int runSnapshot(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print what the dashboard shows, as JSON."));
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QStringLiteral("Path to the kubeconfig file."), QStringLiteral("file"));
    const QCommandLineOption context(QStringLiteral("context"), QStringLiteral("The kubeconfig context to use."), QStringLiteral("name"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")}, QStringLiteral("Only this namespace."), QStringLiteral("namespace"));
    const QCommandLineOption all({QStringLiteral("A"), QStringLiteral("all-namespaces")}, QStringLiteral("All namespaces."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON (the only format so far)."));
    parser.addOptions({kubeconfig, context, ns, all, json});
    if (!parser.parse(args)) {
        err << "hpascope snapshot: " << parser.errorText() << "\n";
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "hpascope snapshot: unexpected argument " << parser.positionalArguments().first() << "\n";
        return 2;
    }
    if (parser.isSet(ns) && parser.isSet(all)) {
        err << "hpascope snapshot: -n and -A exclude each other\n";
        return 2;
    }

    kube::config::LoadOptions load;
    load.kubeconfigPath = parser.value(kubeconfig).toStdString();
    load.context = parser.value(context).toStdString();
    load.namespaceOverride = parser.value(ns).toStdString();
    auto cfg = kube::config::Kubeconfig::load(load);
    if (!cfg) {
        err << "hpascope snapshot: " << QString::fromStdString(cfg.error().toString()) << "\n";
        return 1;
    }
    auto rest = cfg->restConfig();
    if (!rest) {
        err << "hpascope snapshot: " << QString::fromStdString(rest.error().toString()) << "\n";
        return 1;
    }
    auto client = kube::http::Client::create(rest.value());
    if (!client) {
        err << "hpascope snapshot: " << QString::fromStdString(client.error().toString()) << "\n";
        return 1;
    }
    kube::snapshot::Options options;
    // Like kubectl: the context's namespace unless -A.
    if (!parser.isSet(all))
        options.namespaceName = rest->namespaceName;
    auto doc = kube::snapshot::take(*client.value(), options);
    if (!doc) {
        err << "hpascope snapshot: cannot read the cluster at " << QString::fromStdString(rest->server) << ": "
            << QString::fromStdString(doc.error().toString()) << "\n";
        return 1;
    }
    out << QString::fromStdString(doc->dump(2)) << "\n";
    return 0;
}

} // namespace hpascope::cli
