#pragma once
// Exec credential plugins (client.authentication.k8s.io/v1 and v1beta1), as client-go runs
// them: the plugin's env is our environment plus the configured env, KUBERNETES_EXEC_INFO
// describes the request, and the result is cached until status.expirationTimestamp or until
// a 401 makes the HTTP layer ask again with forceRefresh.
#include "kube/config/credentials.h"
#include "kube/config/environment.h"
#include "kube/config/exec_credential.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kube::config {

enum class InteractiveMode { Never, IfAvailable, Always };

struct ExecPluginConfig {
    // client-go has no deadline; a GUI must not wait forever. Two minutes lets a person finish
    // a browser sign-in (kubelogin, aws sso) while still catching a hung plugin.
    static constexpr std::chrono::milliseconds kDefaultTimeout{120'000};

    std::string command; // as written in the kubeconfig (for messages)
    std::string program; // the file to execute (already looked up)
    std::vector<std::string> args;
    std::vector<std::pair<std::string, std::string>> env;
    std::string apiVersion = kExecApiV1;
    std::string installHint;
    InteractiveMode interactiveMode = InteractiveMode::IfAvailable;
    bool provideClusterInfo = false;
    ExecClusterInfo cluster;
    Environment environment;  // base environment of the plugin process
    std::string extraPath;    // appended to the plugin's PATH (login shell directories)
    std::string entry;        // e.g. "users[alice].exec"
    std::string sourceFile;   // kubeconfig file of the user entry
    int line = 0;
    std::chrono::milliseconds timeout = kDefaultTimeout;
};

class ExecCredentialProvider : public CredentialProvider {
public:
    explicit ExecCredentialProvider(ExecPluginConfig config, Clock now = {});

    Result<Credentials> credentials(bool forceRefresh) override;
    std::string describe() const override;

    // The KUBERNETES_EXEC_INFO value the plugin receives.
    std::string execInfoJson() const;

private:
    Result<Credentials> run();
    Error failure(const char *reason, const std::string &problem, std::string detail = {}) const;

    const ExecPluginConfig m_config;
    const Clock m_now;
    std::mutex m_mutex; // also serialises runs: a plugin may prompt (browser) and must run once
    std::optional<Credentials> m_cached;
};

} // namespace kube::config
