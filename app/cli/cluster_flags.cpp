#include "app/cli/cluster_flags.h"
#include "app/core/error_text.h"

#include "kube/http/client.h"

namespace hpascope::cli {

ClusterFlags::ClusterFlags(const QString &namespaceHelp, const QString &allNamespacesHelp)
    : m_kubeconfig(QStringLiteral("kubeconfig"), tr("Path to the kubeconfig file (overrides KUBECONFIG)."), QStringLiteral("file")),
      m_context(QStringLiteral("context"), tr("The kubeconfig context to use."), QStringLiteral("name")),
      m_namespace({QStringLiteral("n"), QStringLiteral("namespace")}, namespaceHelp, QStringLiteral("namespace")),
      m_all({QStringLiteral("A"), QStringLiteral("all-namespaces")}, allNamespacesHelp),
      m_hasAll(!allNamespacesHelp.isEmpty())
{
}

void ClusterFlags::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_kubeconfig, m_context, m_namespace});
    if (m_hasAll)
        parser.addOption(m_all);
}

QString ClusterFlags::conflict(const QCommandLineParser &parser) const
{
    if (m_hasAll && parser.isSet(m_namespace) && parser.isSet(m_all))
        return tr("-n and -A exclude each other");
    return {};
}

ClusterChoice ClusterFlags::read(const QCommandLineParser &parser) const
{
    ClusterChoice c;
    c.load.kubeconfigPath = parser.value(m_kubeconfig).toStdString();
    c.load.context = parser.value(m_context).toStdString();
    if (m_hasAll && parser.isSet(m_all))
        c.namespaceName = QString();
    else if (!parser.value(m_namespace).isEmpty()) // -n "" is no choice, not -A
        c.namespaceName = parser.value(m_namespace);
    return c;
}

kube::Result<Cluster> connectToCluster(const ClusterChoice &choice)
{
    kube::config::LoadOptions load = choice.load;
    // As the namespace override, -n is checked like kubectl checks it (a DNS-1123 label).
    if (choice.namespaceName)
        load.namespaceOverride = choice.namespaceName->toStdString();
    auto config = kube::config::Kubeconfig::load(load);
    if (!config)
        return config.error();
    auto rest = config->restConfig();
    if (!rest)
        return rest.error();
    auto client = kube::http::Client::create(rest.value());
    if (!client)
        return client.error();
    Cluster c;
    const bool all = choice.namespaceName && choice.namespaceName->isEmpty();
    c.namespaceName = all ? std::string() : rest->namespaceName;
    c.rest = std::move(rest.value());
    c.client = std::move(client.value());
    return c;
}

QString connectFailure(const QString &command, const kube::Error &error)
{
    QString text = QStringLiteral("hpascope %1: %2\n").arg(command, errorText(error));
    if (error.reason == "NoKubeconfig")
        text += ClusterFlags::tr("Set KUBECONFIG or pass --kubeconfig FILE.") + QLatin1Char('\n');
    return text;
}

} // namespace hpascope::cli
