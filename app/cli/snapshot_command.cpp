#include "app/cli/snapshot_command.h"

#include "app/cli/cluster_flags.h"
#include "app/cli/demo_cluster.h"
#include "kube/snapshot/snapshot.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace hpascope::cli {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SnapshotCommand)
};
} // namespace

int runSnapshot(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Print what the dashboard shows, as JSON."));
    const ClusterFlags cluster(Tr::tr("Only this namespace."), Tr::tr("All namespaces."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print JSON (the only format so far)."));
    const QCommandLineOption demo(QStringLiteral("demo"), Tr::tr("The embedded simulated cluster (no Kubernetes needed)."));
    cluster.addTo(parser);
    parser.addOptions({json, demo});
    if (!parser.parse(args)) {
        err << "hpascope snapshot: " << parser.errorText() << "\n";
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "hpascope snapshot: " << Tr::tr("unexpected argument %1").arg(parser.positionalArguments().first()) << "\n";
        return 2;
    }
    if (const QString conflict = cluster.conflict(parser); !conflict.isEmpty()) {
        err << "hpascope snapshot: " << conflict << "\n";
        return 2;
    }

    if (parser.isSet(demo) && (parser.isSet(QStringLiteral("kubeconfig")) || parser.isSet(QStringLiteral("context")))) {
        err << "hpascope snapshot: " << Tr::tr("--demo excludes --kubeconfig and --context") << "\n";
        return 2;
    }

    auto connected = parser.isSet(demo) ? connectToDemo(cluster.read(parser)) : connectToCluster(cluster.read(parser));
    if (!connected) {
        err << connectFailure(QStringLiteral("snapshot"), connected.error());
        return 1;
    }
    kube::snapshot::Options options;
    if (!connected->namespaceName.empty()) // like kubectl: the context's namespace unless -n or -A
        options.namespaceName = connected->namespaceName;
    auto doc = kube::snapshot::take(*connected->client, options);
    if (!doc) {
        err << "hpascope snapshot: "
            << Tr::tr("cannot read the cluster at %1: %2")
                   .arg(QString::fromStdString(connected->rest.server), QString::fromStdString(doc.error().toString()))
            << "\n";
        return 1;
    }
    out << QString::fromStdString(doc->dump(2)) << "\n";
    return 0;
}

} // namespace hpascope::cli
