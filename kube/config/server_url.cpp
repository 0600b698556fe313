#include "kube/config/server_url.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace kube::config {
namespace {

struct Parts {
    std::string scheme, userinfo, host, port, rest;
};

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Splits scheme://[userinfo@]host[:port][/path...]; returns a problem or "".
std::string split(const std::string &url, Parts &p)
{
    const auto sep = url.find("://");
    if (sep == std::string::npos || sep == 0)
        return "is not a URL (expected https://host:port)";
    p.scheme = lower(url.substr(0, sep));
    std::string rest = url.substr(sep + 3);
    const auto pathStart = rest.find_first_of("/?#");
    std::string authority = rest.substr(0, pathStart);
    p.rest = pathStart == std::string::npos ? std::string() : rest.substr(pathStart);
    if (const auto at = authority.rfind('@'); at != std::string::npos) {
        p.userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
    }
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string::npos)
            return "has an unterminated IPv6 address";
        p.host = authority.substr(0, close + 1);
        const std::string after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':')
                return "has garbage after the IPv6 address";
            p.port = after.substr(1);
        }
    } else {
        const auto colon = authority.rfind(':');
        p.host = authority.substr(0, colon);
        if (colon != std::string::npos)
            p.port = authority.substr(colon + 1);
    }
    if (p.host.empty())
        return "has no host name";
    for (char c : p.host) {
        if (std::isspace(static_cast<unsigned char>(c)) || (c == '%' && p.host.front() != '['))
            return "has an invalid host name";
    }
    if (!p.port.empty() || authority.back() == ':') {
        if (p.port.empty() || p.port.size() > 5
            || !std::all_of(p.port.begin(), p.port.end(), [](unsigned char c) { return std::isdigit(c); })
            || std::stoi(p.port) == 0 || std::stoi(p.port) > 65535)
            return "has an invalid port (expected 1-65535)";
    }
    return {};
}

bool hasSpace(const std::string &s)
{
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

} // namespace

std::string redactUrl(const std::string &url)
{
    const auto sep = url.find("://");
    if (sep == std::string::npos)
        return url;
    const auto authorityEnd = url.find_first_of("/?#", sep + 3);
    const auto at = url.rfind('@', authorityEnd == std::string::npos ? url.size() : authorityEnd);
    if (at == std::string::npos || at < sep)
        return url;
    return url.substr(0, sep + 3) + "***@" + url.substr(at + 1);
}

UrlCheck checkServerUrl(const std::string &server, bool defaultTls)
{
    UrlCheck check;
    if (hasSpace(server)) {
        check.problem = "contains white space";
        return check;
    }
    std::string url = server;
    if (url.find("://") == std::string::npos)
        url = (defaultTls ? "https://" : "http://") + url;
    Parts p;
    check.problem = split(url, p);
    if (!check.problem.empty())
        return check;
    if (p.scheme != "https" && p.scheme != "http") {
        check.problem = "has unsupported scheme \"" + p.scheme + "\" (expected https or http)";
        return check;
    }
    if (!p.userinfo.empty()) {
        check.problem = "contains a user name or password; put credentials in the user entry";
        return check;
    }
    if (p.rest.find_first_of("?#") != std::string::npos) {
        check.problem = "must not contain a query or fragment";
        return check;
    }
    std::string path = p.rest;
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    check.normalized = p.scheme + "://" + p.host + (p.port.empty() ? "" : ":" + p.port) + path;
    return check;
}

UrlCheck checkProxyUrl(const std::string &proxy)
{
    UrlCheck check;
    if (hasSpace(proxy)) {
        check.problem = "contains white space";
        return check;
    }
    Parts p;
    check.problem = split(proxy, p);
    if (!check.problem.empty())
        return check;
    if (p.scheme != "http" && p.scheme != "https" && p.scheme != "socks5") {
        check.problem = "has unsupported scheme \"" + p.scheme + "\" (expected http, https or socks5)";
        return check;
    }
    check.normalized = proxy;
    return check;
}

} // namespace kube::config
