#pragma once
// The cluster flags every front end takes (the window, `snapshot`, `push`): --kubeconfig,
// --context, -n/--namespace and, where a command can span namespaces, -A/--all-namespaces.
// The headless commands then run one chain on them, kubeconfig → RestConfig → Client, so a
// malformed kubeconfig or an unknown context reads the same in every command.
#include "kube/config/kubeconfig.h"
#include "kube/core/result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace kube::http { class Client; }

namespace hpascope::cli {

// What the flags asked for.
struct ClusterChoice {
    kube::config::LoadOptions load;       // --kubeconfig, --context; -n is namespaceName below
    std::optional<QString> namespaceName; // -n; empty for -A; unset: the context's namespace
};

class ClusterFlags {
    Q_DECLARE_TR_FUNCTIONS(ClusterFlags)
public:
    // What -n means to the command; allNamespacesHelp empty = the command has no -A.
    ClusterFlags(const QString &namespaceHelp, const QString &allNamespacesHelp = {});

    void addTo(QCommandLineParser &parser) const;
    // After parsing: why the flags cannot go together, empty when they can.
    QString conflict(const QCommandLineParser &parser) const;
    ClusterChoice read(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_kubeconfig, m_context, m_namespace, m_all;
    bool m_hasAll;
};

struct Cluster {
    std::shared_ptr<void> owner; // the server, where the command started one (--demo); outlives client
    kube::config::RestConfig rest;
    std::shared_ptr<kube::http::Client> client;
    std::string namespaceName; // -n, else the context's (kubectl's rule); empty for -A
};

// Loads the kubeconfig, turns the context into a RestConfig (checking -n as a namespace name)
// and creates the client. Errors are kube/config's and kube/http's own.
kube::Result<Cluster> connectToCluster(const ClusterChoice &choice);

// What a command prints when connectToCluster() fails: "hpascope <command>: <error>", plus
// what to do when there is no kubeconfig at all.
QString connectFailure(const QString &command, const kube::Error &error);

} // namespace hpascope::cli
