#pragma once
// What kube/config produces for one context and kube/http consumes: everything needed to talk
// to one API server. Secrets live only in memory here; toString()-style helpers must redact them.
#include "kube/core/result.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace kube::config {

// Credentials that may change over time (exec plugins, rotated token files).
struct Credentials {
    std::string bearerToken;     // empty when not used
    std::string clientCertPem;   // PEM, empty when not used
    std::string clientKeyPem;    // PEM, empty when not used
    std::optional<std::chrono::system_clock::time_point> expiry; // from exec status, if any
};

// Supplies credentials for each request. Implementations cache (exec: until expirationTimestamp;
// tokenFile: re-read periodically, like client-go) and must be thread-safe: kube/http calls it
// from a worker thread of each Client, one call at a time per Client; a call may still run after
// its Client is gone (the provider is kept alive until it returns). forceRefresh is set after a
// 401 so an exec plugin runs again.
class CredentialProvider {
public:
    virtual ~CredentialProvider() = default;
    virtual Result<Credentials> credentials(bool forceRefresh) = 0;
    // A short description for status lines and logs, e.g. "exec: aws eks get-token"; no secrets.
    virtual std::string describe() const = 0;
};

struct RestConfig {
    std::string contextName;
    std::string clusterName;
    std::string userName;
    std::string server;              // e.g. https://10.77.0.10:6443 (no trailing slash)
    std::string namespaceName;       // context namespace, "default" when unset
    std::string caPem;               // certificate-authority(-data), PEM; empty = system CAs
    bool insecureSkipTlsVerify = false;
    std::string tlsServerName;       // SNI / verification name override
    std::string proxyUrl;            // proxy-url, empty when unset
    std::string sourceFile;          // kubeconfig file the context came from (for messages)
    std::shared_ptr<CredentialProvider> credentials; // never null; may return empty Credentials
};

} // namespace kube::config
