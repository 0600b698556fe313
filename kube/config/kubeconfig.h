#pragma once
// Loading kubeconfig files the way kubectl does (client-go clientcmd): --kubeconfig, else the
// KUBECONFIG list, else ~/.kube/config; merged with "first file wins" for every named entry and
// for current-context. Turning a context into a RestConfig validates only what that context
// uses (client-go's ConfirmUsable), so one broken user entry does not hide the other contexts.
#include "kube/config/environment.h"
#include "kube/config/raw_config.h"
#include "kube/config/rest_config.h"

#include <map>
#include <string>
#include <vector>

namespace kube::config {

struct LoadOptions {
    std::string kubeconfigPath;    // --kubeconfig: exactly this file, overrides KUBECONFIG
    std::string context;           // --context override
    std::string namespaceOverride; // -n / --namespace
    // Optional environment for tests; empty = the real environment (KUBECONFIG, HOME, PATH,
    // SHELL, and everything an exec plugin inherits).
    std::map<std::string, std::string> env;
};

class Kubeconfig {
public:
    // Errors: Kind::Config. reason "NoKubeconfig" when there is no kubeconfig at all (a state the
    // UI shows, not a failure); "KubeconfigNotFound" for a missing --kubeconfig; others name the
    // file, the entry and the problem.
    static Result<Kubeconfig> load(const LoadOptions &opts);
    // One kubeconfig given as text, as if `path` held it and opts.kubeconfigPath named it: reads
    // no file itself (restConfig() still reads the files its entries name). For the fuzzer.
    static Result<Kubeconfig> fromText(const std::string &path, const std::string &text,
                                       const LoadOptions &opts);

    std::vector<std::string> files() const { return m_files; } // merged, in order
    std::vector<std::string> contextNames() const;             // sorted
    std::string currentContext() const { return m_currentContext; } // after --context; may be empty
    // Validates the context and everything it references; reads certificate and token files.
    // Empty = current context.
    Result<RestConfig> restConfig(const std::string &context = {}) const;
    std::vector<std::string> warnings() const { return m_warnings; }

private:
    Kubeconfig() = default;
    explicit Kubeconfig(const LoadOptions &opts);
    // Parses one file's text and merges it.
    Status add(const std::string &path, const std::string &text);
    // Applies opts.context once every file is merged.
    Status chooseContext(const LoadOptions &opts);
    Status merge(detail::RawFile file);

    Environment m_env;
    std::vector<std::string> m_files;
    std::vector<std::string> m_warnings;
    std::string m_currentContext;
    detail::Where m_currentContextWhere; // which file chose it (for messages)
    std::string m_namespaceOverride;
    std::map<std::string, detail::RawCluster> m_clusters;
    std::map<std::string, detail::RawUser> m_users;
    std::map<std::string, detail::RawContext> m_contexts;
};

// One line for logs and status bars: context, server, namespace, TLS mode, credential kind.
// Never contains a token, key or password.
std::string describe(const RestConfig &config);

} // namespace kube::config
