#pragma once
// One kubeconfig file as written (kubectl's clientcmd/api/v1 Config), before merging and
// validation. Relative file references are already resolved against the file's directory.
#include "kube/config/config_error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kube::config::detail {

struct RawCluster {
    std::string name;
    Where where;
    std::string server;
    std::string certificateAuthority;     // resolved path
    std::string certificateAuthorityData; // base64 as written
    std::string tlsServerName;
    std::string proxyUrl;
    bool insecureSkipTlsVerify = false;
    bool disableCompression = false;
    // extensions[name=client.authentication.k8s.io/exec].extension, passed to exec plugins
    std::optional<nlohmann::json> execExtension;
};

struct RawExecEnv {
    std::string name;
    std::string value;
};

struct RawExec {
    std::string command; // resolved against the file's directory when it contains a '/'
    std::string commandAsWritten;
    std::vector<std::string> args;
    std::vector<RawExecEnv> env;
    std::string apiVersion;
    std::string installHint;
    std::string interactiveMode; // "" when not set
    bool provideClusterInfo = false;
};

struct RawUser {
    std::string name;
    Where where;
    std::string clientCertificate; // resolved path
    std::string clientCertificateData;
    std::string clientKey; // resolved path
    std::string clientKeyData;
    std::string token;
    std::string tokenFile; // resolved path
    std::string username;
    bool hasPassword = false; // the password itself is never kept
    std::string impersonate;  // "as"
    bool hasImpersonateExtras = false; // as-groups, as-uid, as-user-extra
    bool hasAuthProvider = false;
    std::string authProviderName;
    std::optional<RawExec> exec;
};

struct RawContext {
    std::string name;
    Where where;
    std::string cluster;
    std::string user;
    std::string namespaceName;
};

struct RawFile {
    std::string path;
    bool empty = false; // no content at all (client-go accepts this as an empty config)
    std::string currentContext;
    int currentContextLine = 0;
    std::vector<RawCluster> clusters;
    std::vector<RawUser> users;
    std::vector<RawContext> contexts;
};

// Parses `text` as the content of `path` (an absolute path, used for messages and as the base
// of relative references).
Result<RawFile> parseKubeconfig(const std::string &path, const std::string &text);

} // namespace kube::config::detail
