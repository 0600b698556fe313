#pragma once
// Credential providers for the static kinds of kubeconfig users. Exec plugins live in
// exec_plugin.h.
#include "kube/config/rest_config.h"

#include <functional>
#include <mutex>

namespace kube::config {

using Clock = std::function<std::chrono::system_clock::time_point()>;

// Fixed credentials: client certificate/key, a literal token, or nothing at all.
class StaticCredentialProvider : public CredentialProvider {
public:
    StaticCredentialProvider(Credentials credentials, std::string description);
    Result<Credentials> credentials(bool forceRefresh) override;
    std::string describe() const override { return m_description; }

private:
    const Credentials m_credentials;
    const std::string m_description;
};

// tokenFile: re-read periodically so a rotated (projected service account) token is picked up,
// like client-go's NewCachedFileTokenSource; after a 401 (forceRefresh) it is read at once.
// `base` carries a client certificate and, when the user also sets `token`, the fallback token
// that client-go uses while the file cannot be read.
class TokenFileCredentialProvider : public CredentialProvider {
public:
    // client-go transport/token_source.go: fileTokenSource period 1 min, cachingTokenSource
    // leeway 10 s, so the file is re-read every 50 s.
    static constexpr std::chrono::seconds kPeriod{60};
    static constexpr std::chrono::seconds kLeeway{10};

    TokenFileCredentialProvider(std::string path, Credentials base, std::string entry,
                                Clock now = {});
    Result<Credentials> credentials(bool forceRefresh) override;
    std::string describe() const override;

private:
    const std::string m_path;
    const Credentials m_base;
    const std::string m_entry; // e.g. "users[ci].tokenFile" for messages
    const Clock m_now;
    std::mutex m_mutex;
    std::string m_token;
    std::chrono::system_clock::time_point m_expiry{};
};

// Reads a token file as client-go does: whitespace trimmed, empty is an error. On failure
// returns an empty string and sets *problem (no token content in it).
std::string readTokenFile(const std::string &path, std::string *problem);

} // namespace kube::config
