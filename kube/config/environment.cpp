#include "kube/config/environment.h"

#include <pwd.h>
#include <unistd.h>

extern char **environ;

namespace kube::config {

Environment Environment::fromProcess()
{
    Environment env;
    env.m_real = true;
    for (char **p = environ; p && *p; ++p) {
        const std::string entry(*p);
        const auto eq = entry.find('=');
        if (eq == std::string::npos || eq == 0)
            continue;
        env.m_vars.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
    return env;
}

Environment Environment::fromMap(std::map<std::string, std::string> vars)
{
    Environment env;
    env.m_vars = std::move(vars);
    return env;
}

std::string Environment::get(const std::string &name) const
{
    const auto it = m_vars.find(name);
    return it == m_vars.end() ? std::string() : it->second;
}

std::string Environment::home() const
{
    std::string home = get("HOME");
    if (!home.empty() || !m_real)
        return home;
    // client-go reads only $HOME; a service or cron-like launcher may leave it unset, so we also
    // ask the user database rather than silently finding no kubeconfig.
    struct passwd pw;
    struct passwd *result = nullptr;
    char buf[4096];
    if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &result) == 0 && result && result->pw_dir)
        return result->pw_dir;
    return {};
}

std::vector<std::string> Environment::entries() const
{
    std::vector<std::string> out;
    out.reserve(m_vars.size());
    for (const auto &[name, value] : m_vars)
        out.push_back(name + "=" + value);
    return out;
}

} // namespace kube::config
