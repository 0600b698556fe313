#pragma once
// The client.authentication.k8s.io ExecCredential wire format: what we hand the plugin in
// KUBERNETES_EXEC_INFO and how we validate what it prints (k8s.io/client-go/plugin/pkg/client/
// auth/exec/exec.go).
#include "kube/config/rest_config.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace kube::config {

inline constexpr const char *kExecApiV1 = "client.authentication.k8s.io/v1";
inline constexpr const char *kExecApiV1beta1 = "client.authentication.k8s.io/v1beta1";

// spec.cluster (only sent when provideClusterInfo is true).
struct ExecClusterInfo {
    std::string server;
    std::string tlsServerName;
    bool insecureSkipTlsVerify = false;
    std::string caPem;
    std::string proxyUrl;
    bool disableCompression = false;
    std::optional<nlohmann::json> config; // the cluster's client.authentication.k8s.io/exec extension
};

// The KUBERNETES_EXEC_INFO document. `cluster` is null when cluster info was not requested.
nlohmann::json execInfo(const std::string &apiVersion, bool interactive,
                        const ExecClusterInfo *cluster);

// Validates a plugin's standard output. Returns an empty string and fills *out, or a problem
// that completes the sentence "the exec plugin ..." (never containing secret values).
std::string parseExecCredential(const std::string &stdoutText, const std::string &apiVersion,
                                Credentials *out);

// RFC 3339 as produced by Go's time.Time JSON encoding (metav1.Time): 2024-05-01T10:00:00Z,
// optional fraction, Z or ±hh:mm.
std::optional<std::chrono::system_clock::time_point> parseRfc3339(const std::string &text);

} // namespace kube::config
