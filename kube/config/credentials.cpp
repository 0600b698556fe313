#include "kube/config/credentials.h"

#include "kube/config/config_error.h"
#include "kube/config/file_util.h"


namespace kube::config {

StaticCredentialProvider::StaticCredentialProvider(Credentials credentials, std::string description)
    : m_credentials(std::move(credentials)), m_description(std::move(description))
{
}

Result<Credentials> StaticCredentialProvider::credentials(bool)
{
    return m_credentials;
}

std::string readTokenFile(const std::string &path, std::string *problem)
{
    // readWholeFile, not a stream read to the end: a token file that never ends (/dev/zero, a
    // log given by mistake) is refused past 16 MiB instead of filling memory.
    std::string token;
    if (const int err = detail::readWholeFile(path, &token); err != 0) {
        *problem = detail::readProblem(err);
        return {};
    }
    const auto first = token.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        *problem = "is empty (no token in the file)";
        return {};
    }
    token = token.substr(first, token.find_last_not_of(" \t\r\n") - first + 1);
    return token;
}

TokenFileCredentialProvider::TokenFileCredentialProvider(std::string path, Credentials base,
                                                         std::string entry, Clock now)
    : m_path(std::move(path)),
      m_base(std::move(base)),
      m_entry(std::move(entry)),
      m_now(now ? std::move(now) : Clock([] { return std::chrono::system_clock::now(); }))
{
}

Result<Credentials> TokenFileCredentialProvider::credentials(bool forceRefresh)
{
    std::lock_guard lock(m_mutex);
    const auto now = m_now();
    if (forceRefresh || m_token.empty() || now >= m_expiry - kLeeway) {
        std::string problem;
        std::string fresh = readTokenFile(m_path, &problem);
        if (!fresh.empty()) {
            m_token = std::move(fresh);
            m_expiry = now + kPeriod;
        } else if (m_token.empty() && m_base.bearerToken.empty()) {
            Error e = makeError(Error::Kind::Auth, m_entry + " " + m_path + " " + problem);
            e.reason = detail::reason::TokenFile;
            return e;
        }
        // Otherwise keep the previous token (client-go's cachingTokenSource logs and goes on).
    }
    Credentials c = m_base;
    if (!m_token.empty())
        c.bearerToken = m_token;
    return c;
}

std::string TokenFileCredentialProvider::describe() const
{
    return "token file " + m_path;
}

} // namespace kube::config
