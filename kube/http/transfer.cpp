// Setting up one curl easy handle and receiving its headers and body.
#include "kube/core/strings.h"
#include "kube/core/version.h"
#include "kube/http/engine.h"

#include <algorithm>
#include <cctype>

namespace kube::http::detail {
namespace {

// client-go's default dialer: 30 s connect timeout, 30 s TCP keep-alive
// (k8s.io/apimachinery/pkg/util/net.SetTransportDefaults / client-go transport cache).
constexpr long kConnectTimeoutMs = 30000;
constexpr long kKeepAliveSeconds = 30;
// Largest error body kept from a failed stream; Status bodies are a few hundred bytes.
constexpr std::size_t kMaxErrorBody = 64 * 1024;

size_t onHeader(char *data, size_t size, size_t n, void *userdata)
{
    auto *t = static_cast<Transfer *>(userdata);
    const size_t len = size * n;
    std::string_view line(data, len);
    if (line.rfind("HTTP/", 0) == 0) {
        // A new status line (after 1xx or a retried request): start over.
        t->resp.headers.clear();
        auto sp = line.find(' ');
        t->resp.httpVersion = std::string(line.substr(5, sp == std::string_view::npos ? 0 : sp - 5));
        if (sp != std::string_view::npos)
            t->resp.status = std::atoi(std::string(line.substr(sp + 1, 3)).c_str());
        return len;
    }
    if (trim(line).empty()) {
        if (t->streaming && !t->cancelled && t->resp.status >= 200 && t->resp.status < 300) {
            t->passthrough = true;
            if (t->onHeaders) {
                try {
                    t->onHeaders(t->resp);
                } catch (...) {
                    return 0; // never let an exception unwind through libcurl
                }
            }
        }
        return len;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos)
        return len;
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = trim(line.substr(colon + 1));
    auto [it, inserted] = t->resp.headers.emplace(name, value);
    if (!inserted)
        it->second += ", " + value;
    return len;
}

size_t onBody(char *data, size_t size, size_t n, void *userdata)
{
    auto *t = static_cast<Transfer *>(userdata);
    const size_t len = size * n;
    if (t->cancelled)
        return 0; // aborts the transfer (CURLE_WRITE_ERROR), reported as Cancelled
    if (t->passthrough) {
        if (t->onChunk) {
            try {
                t->onChunk(std::string_view(data, len));
            } catch (...) {
                return 0;
            }
        }
        return len;
    }
    if (!t->streaming && t->req.maxBodyBytes > 0 && t->resp.body.size() + len > t->req.maxBodyBytes) {
        t->tooLarge = true;
        return 0; // aborts the transfer (CURLE_WRITE_ERROR), reported as too large
    }
    if (!t->streaming || t->resp.body.size() < kMaxErrorBody)
        t->resp.body.append(data, len);
    return len;
}

} // namespace

bool Engine::configure(Transfer &t, Error &error)
{
    t.easy = curl_easy_init();
    if (!t.easy) {
        error = makeError(Error::Kind::Network, "cannot create a libcurl handle");
        return false;
    }
    CURL *e = t.easy;
    const std::string url = m_url + t.req.path;
    curl_easy_setopt(e, CURLOPT_URL, url.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.errorBuffer);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, std::max(0L, t.req.timeoutMs));
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPIDLE, kKeepAliveSeconds);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPINTVL, kKeepAliveSeconds);
    curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    const std::string agent = std::string("hpascope/") + kube::version();
    curl_easy_setopt(e, CURLOPT_USERAGENT, agent.c_str());
    if (m_connectTo)
        curl_easy_setopt(e, CURLOPT_CONNECT_TO, m_connectTo);

    if (!config.caPem.empty()) {
        curl_blob ca{const_cast<char *>(config.caPem.data()), config.caPem.size(), CURL_BLOB_COPY};
        curl_easy_setopt(e, CURLOPT_CAINFO_BLOB, &ca);
        // Trust only the kubeconfig's CA, like client-go, not the system store as well.
        curl_easy_setopt(e, CURLOPT_CAINFO, nullptr);
        curl_easy_setopt(e, CURLOPT_CAPATH, nullptr);
    }
    if (config.insecureSkipTlsVerify) {
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!config.proxyUrl.empty())
        curl_easy_setopt(e, CURLOPT_PROXY, config.proxyUrl.c_str());

    const std::string &m = t.req.method;
    if (m == "GET") {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else if (m == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else {
        if (m != "POST")
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m.c_str());
        if (!t.req.body.empty() || m == "POST" || m == "PUT" || m == "PATCH") {
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t.req.body.size()));
            curl_easy_setopt(e, CURLOPT_POSTFIELDS, t.req.body.data());
        }
    }
    applyCredentials(t);
    return true;
}

void Engine::applyCredentials(Transfer &t)
{
    CURL *e = t.easy;
    if (t.headerList) {
        curl_slist_free_all(t.headerList);
        t.headerList = nullptr;
    }
    auto add = [&t](const std::string &h) { t.headerList = curl_slist_append(t.headerList, h.c_str()); };
    add("Accept: " + t.req.accept);
    if (!t.req.body.empty())
        add("Content-Type: " + t.req.contentType);
    add("Expect:"); // no 100-continue round trip for large bodies
    if (!t.creds.bearerToken.empty())
        add("Authorization: Bearer " + t.creds.bearerToken);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.headerList);

    if (!t.creds.clientCertPem.empty() && !t.creds.clientKeyPem.empty()) {
        curl_blob cert{const_cast<char *>(t.creds.clientCertPem.data()), t.creds.clientCertPem.size(), CURL_BLOB_COPY};
        curl_blob key{const_cast<char *>(t.creds.clientKeyPem.data()), t.creds.clientKeyPem.size(), CURL_BLOB_COPY};
        curl_easy_setopt(e, CURLOPT_SSLCERT_BLOB, &cert);
        curl_easy_setopt(e, CURLOPT_SSLCERTTYPE, "PEM");
        curl_easy_setopt(e, CURLOPT_SSLKEY_BLOB, &key);
        curl_easy_setopt(e, CURLOPT_SSLKEYTYPE, "PEM");
    } else {
        curl_easy_setopt(e, CURLOPT_SSLCERT_BLOB, nullptr);
        curl_easy_setopt(e, CURLOPT_SSLKEY_BLOB, nullptr);
    }
}

} // namespace kube::http::detail
