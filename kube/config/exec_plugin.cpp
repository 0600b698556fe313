#include "kube/config/exec_plugin.h"

#include "kube/core/strings.h"

#include "kube/config/config_error.h"
#include "kube/config/process.h"

#include <cerrno>
#include <cstring>

namespace kube::config {
namespace {

// Plugins can be chatty on stderr (progress, deprecation notices); the end holds the error.
constexpr std::size_t kMaxStderrInMessage = 2000;

// Trimmed, and only its end when long.
std::string trimmed(const std::string &s)
{
    std::string t = kube::trim(s);
    if (t.size() > kMaxStderrInMessage)
        t = "..." + t.substr(t.size() - kMaxStderrInMessage);
    return t;
}

std::string durationText(std::chrono::milliseconds d)
{
    if (d.count() % 1000 == 0)
        return std::to_string(d.count() / 1000) + " s";
    return std::to_string(d.count()) + " ms";
}

} // namespace

ExecCredentialProvider::ExecCredentialProvider(ExecPluginConfig config, Clock now)
    : m_config(std::move(config)),
      m_now(now ? std::move(now) : Clock([] { return std::chrono::system_clock::now(); }))
{
}

std::string ExecCredentialProvider::describe() const
{
    // Arguments after the first option may carry secrets (--token x); keep the verb part only.
    std::string s = "exec: " + m_config.command;
    for (const auto &arg : m_config.args) {
        if (!arg.empty() && arg.front() == '-')
            break;
        s += " " + arg;
    }
    return s;
}

std::string ExecCredentialProvider::execInfoJson() const
{
    // We never have a terminal: spec.interactive is always false.
    return execInfo(m_config.apiVersion, false,
                    m_config.provideClusterInfo ? &m_config.cluster : nullptr)
        .dump();
}

Error ExecCredentialProvider::failure(const char *reason, const std::string &problem,
                                      std::string detail) const
{
    return detail::entryError(Error::Kind::Auth, reason, {m_config.sourceFile, m_config.line},
                              m_config.entry, problem, std::move(detail));
}

Result<Credentials> ExecCredentialProvider::credentials(bool forceRefresh)
{
    std::lock_guard lock(m_mutex);
    if (m_cached && !forceRefresh) {
        // client-go: no expirationTimestamp means valid until a 401.
        if (!m_cached->expiry || m_now() < *m_cached->expiry)
            return *m_cached;
    }
    Result<Credentials> fresh = run();
    if (fresh.ok())
        m_cached = fresh.value();
    return fresh;
}

Result<Credentials> ExecCredentialProvider::run()
{
    if (m_config.interactiveMode == InteractiveMode::Always) {
        return failure(detail::reason::ExecInteractive,
                       "has interactiveMode: Always, but hpascope runs without a terminal; set "
                       "interactiveMode to IfAvailable or Never, or sign in from a terminal first");
    }
    Environment env = m_config.environment;
    for (const auto &[name, value] : m_config.env)
        env.set(name, value);
    if (!m_config.extraPath.empty()) {
        const std::string path = env.get("PATH");
        env.set("PATH", path.empty() ? m_config.extraPath : path + ":" + m_config.extraPath);
    }
    env.set("KUBERNETES_EXEC_INFO", execInfoJson());

    std::vector<std::string> argv{m_config.program};
    argv.insert(argv.end(), m_config.args.begin(), m_config.args.end());
    const ProcessResult r = runProcess(m_config.program, argv, env.entries(), m_config.timeout);

    const std::string stderrText = trimmed(r.err);
    const std::string stderrDetail = stderrText.empty() ? std::string() : "stderr: " + stderrText;
    if (r.spawnErrno == ENOENT) {
        std::string problem = "command " + m_config.command + " was not found (" + m_config.program
            + " does not exist)";
        if (!m_config.installHint.empty())
            problem += ". " + m_config.installHint;
        return failure(detail::reason::ExecNotFound, problem);
    }
    if (r.spawnErrno != 0) {
        return failure(detail::reason::ExecFailed, "command " + m_config.program
                                                       + " could not be started: "
                                                       + std::strerror(r.spawnErrno));
    }
    if (r.timedOut) {
        return failure(detail::reason::ExecTimeout,
                       "command " + m_config.command + " did not finish within "
                           + durationText(m_config.timeout) + " and was stopped",
                       stderrDetail);
    }
    if (r.termSignal != 0) {
        return failure(detail::reason::ExecFailed,
                       "command " + m_config.command + " was killed by signal "
                           + std::to_string(r.termSignal),
                       stderrDetail);
    }
    if (r.exitCode != 0) {
        return failure(detail::reason::ExecFailed,
                       "command " + m_config.command + " failed with exit code "
                           + std::to_string(r.exitCode),
                       stderrDetail);
    }
    Credentials creds;
    if (r.outTruncated)
        return failure(detail::reason::ExecInvalidOutput, "command printed too much output");
    const std::string problem = parseExecCredential(r.out, m_config.apiVersion, &creds);
    if (!problem.empty()) {
        return failure(detail::reason::ExecInvalidOutput,
                       "command " + m_config.command + " " + problem, stderrDetail);
    }
    return creds;
}

} // namespace kube::config
