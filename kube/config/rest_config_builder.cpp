// Kubeconfig::restConfig: resolve one context, like client-go's ConfirmUsable + ClientConfig.
#include "kube/config/builder.h"
#include "kube/config/kubeconfig.h"

#include <algorithm>
#include <cctype>

namespace kube::config {

using namespace detail;

namespace {

// Namespaces are DNS-1123 labels (k8s.io/apimachinery validation.IsDNS1123Label): at most 63
// lower-case alphanumerics or '-', starting and ending with an alphanumeric.
constexpr std::size_t kMaxLabelLength = 63;

bool isDns1123Label(const std::string &s)
{
    if (s.empty() || s.size() > kMaxLabelLength)
        return false;
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    return alnum(s.front()) && alnum(s.back())
        && std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '-'; });
}

std::string joined(const std::vector<std::string> &items)
{
    std::string s;
    for (const auto &item : items)
        s += (s.empty() ? "" : ", ") + item;
    return s;
}

} // namespace

Result<RestConfig> Kubeconfig::restConfig(const std::string &requested) const
{
    const std::string name = requested.empty() ? m_currentContext : requested;
    const std::string files = joined(m_files);
    if (name.empty()) {
        if (m_contexts.empty()) {
            Error e = makeError(Error::Kind::Config,
                                files + ": the kubeconfig is empty: it defines no contexts");
            e.reason = reason::EmptyConfig;
            return e;
        }
        Error e = makeError(Error::Kind::Config,
                            files + ": current-context is not set, so no context is chosen",
                            "available contexts: " + joined(contextNames()));
        e.reason = reason::NoContext;
        return e;
    }
    const auto ctxIt = m_contexts.find(name);
    if (ctxIt == m_contexts.end()) {
        const Where where = requested.empty() ? m_currentContextWhere : Where{files};
        const std::string entry = requested.empty() ? "current-context" : "context";
        Error e = configError(reason::ContextNotFound, where, entry,
                              "\"" + name + "\" is not defined in any kubeconfig file",
                              "available contexts: " + joined(contextNames()));
        return e;
    }
    const RawContext &ctx = ctxIt->second;
    const std::string entry = "contexts[" + name + "]";
    if (ctx.cluster.empty())
        return configError(reason::Invalid, ctx.where, entry + ".cluster",
                           "is not set (a context needs a cluster)");
    if (ctx.user.empty())
        return configError(reason::Invalid, ctx.where, entry + ".user",
                           "is not set (a context needs a user)");
    const auto clusterIt = m_clusters.find(ctx.cluster);
    if (clusterIt == m_clusters.end())
        return configError(reason::Invalid, ctx.where, entry + ".cluster",
                           "refers to cluster \"" + ctx.cluster
                               + "\", which is not defined in any kubeconfig file",
                           "files: " + files);
    const auto userIt = m_users.find(ctx.user);
    if (userIt == m_users.end())
        return configError(reason::Invalid, ctx.where, entry + ".user",
                           "refers to user \"" + ctx.user
                               + "\", which is not defined in any kubeconfig file",
                           "files: " + files);

    RestConfig rc;
    rc.contextName = name;
    rc.userName = ctx.user;
    rc.sourceFile = ctx.where.file;
    if (!m_namespaceOverride.empty()) {
        if (!isDns1123Label(m_namespaceOverride))
            return configError(reason::Invalid, {"--namespace"}, {},
                               "\"" + m_namespaceOverride
                                   + "\" is not a valid namespace name (DNS-1123 label)");
        rc.namespaceName = m_namespaceOverride;
    } else if (!ctx.namespaceName.empty()) {
        if (!isDns1123Label(ctx.namespaceName))
            return configError(reason::Invalid, ctx.where, entry + ".namespace",
                               "\"" + ctx.namespaceName
                                   + "\" is not a valid namespace name (DNS-1123 label)");
        rc.namespaceName = ctx.namespaceName;
    } else {
        rc.namespaceName = "default";
    }

    const RawUser &user = userIt->second;
    const bool userHasCert = !user.clientCertificate.empty() || !user.clientCertificateData.empty();
    if (Status s = applyCluster(clusterIt->second, userHasCert, rc); !s)
        return s.error();
    auto provider = buildCredentials(user, clusterIt->second, rc, m_env);
    if (!provider)
        return provider.error();
    rc.credentials = std::move(provider.value());
    return rc;
}

} // namespace kube::config
