#pragma once
// Validation of cluster.server and cluster.proxy-url.
#include <string>

namespace kube::config {

struct UrlCheck {
    std::string normalized; // server without trailing slash, scheme lower-cased
    std::string problem;    // empty when valid; never echoes user:password
};

// client-go (rest.DefaultServerURL) accepts "host:port" and picks https when TLS material is
// configured, else http; we do the same. Only http and https are API server schemes.
UrlCheck checkServerUrl(const std::string &server, bool defaultTls);

// client-go parseProxyURL: http, https and socks5.
UrlCheck checkProxyUrl(const std::string &proxy);

// The URL with any user:password@ replaced by "***@", for logs.
std::string redactUrl(const std::string &url);

} // namespace kube::config
