#include "kube/http/curl_errors.h"

#include <cerrno>
#include <memory>

namespace kube::http::detail {
namespace {

bool contains(const std::string &s, const char *needle)
{
    return s.find(needle) != std::string::npos;
}

Error make(Error::Kind kind, std::string reason, std::string message, std::string detail)
{
    Error e = makeError(kind, std::move(message), std::move(detail));
    e.reason = std::move(reason);
    return e;
}

// TLS 1.3 servers check the client certificate after the client considers the handshake done;
// the rejection then shows up either as an alert or just as a closed connection.
Error closedAfterHandshake(const CurlFailure &f, const std::string &detail)
{
    return make(Error::Kind::Tls, "TlsConnectionClosed",
                f.sentClientCert
                    ? "the server closed the connection right after the TLS handshake (did it reject the "
                      "client certificate?)"
                    : "the server closed the connection right after the TLS handshake (does it require a "
                      "client certificate?)",
                detail);
}

} // namespace

std::string hostOf(const std::string &url)
{
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), &curl_url_cleanup);
    if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        return {};
    char *host = nullptr;
    if (curl_url_get(u.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK)
        return {};
    std::string h = host;
    curl_free(host);
    if (h.size() > 2 && h.front() == '[' && h.back() == ']')
        h = h.substr(1, h.size() - 2);
    return h;
}

Error errorFromCurl(const CurlFailure &f, const Endpoint &ep)
{
    const std::string &buf = f.errorBuffer;
    const std::string detail = buf.empty() ? curl_easy_strerror(f.code) : buf;
    switch (f.code) {
    case CURLE_COULDNT_RESOLVE_HOST:
        return make(Error::Kind::Dns, "CouldNotResolveHost", "cannot resolve host " + ep.host, detail);
    case CURLE_COULDNT_RESOLVE_PROXY:
        return make(Error::Kind::Dns, "CouldNotResolveProxy", "cannot resolve the proxy host", detail);
    case CURLE_COULDNT_CONNECT: {
        std::string why = "connection refused";
        if (f.osErrno == ETIMEDOUT)
            why = "connection timed out";
        else if (f.osErrno == EHOSTUNREACH || f.osErrno == ENETUNREACH)
            why = "host unreachable";
        else if (f.osErrno != ECONNREFUSED && f.osErrno != 0)
            why = "connection failed";
        if (ep.viaProxy && contains(buf, "proxy"))
            return make(Error::Kind::Network, "CouldNotConnect", "cannot connect to the proxy: " + why, detail);
        // Refused: nothing listens on the port (a server down or restarting), told apart so a
        // watch can probe it often (kube/watch/reflector.h).
        return make(Error::Kind::Network, f.osErrno == ECONNREFUSED ? "ConnectionRefused" : "CouldNotConnect",
                    "cannot connect to " + ep.server + ": " + why, detail);
    }
    case CURLE_OPERATION_TIMEDOUT:
        if (!f.connected)
            return make(Error::Kind::Network, "Timeout", "cannot connect to " + ep.server + ": connection timed out", detail);
        return make(Error::Kind::Network, "Timeout", "the request to " + ep.server + " timed out", detail);
    case CURLE_PEER_FAILED_VERIFICATION:
        if (contains(buf, "subject name") || contains(buf, "hostname") || contains(buf, "host name"))
            return make(Error::Kind::Tls, "CertificateNameMismatch",
                        "server certificate does not match the host name " + ep.host + " (tls-server-name?)", detail);
        return make(Error::Kind::Tls, "CertificateUntrusted",
                    ep.customCa ? "server certificate is not trusted by the kubeconfig's certificate-authority"
                                : "server certificate is not trusted by the system certificate store "
                                  "(certificate-authority missing in the kubeconfig?)",
                    detail);
    case CURLE_SSL_CERTPROBLEM:
        return make(Error::Kind::Tls, "ClientCertificateProblem",
                    "the client certificate or key could not be loaded (bad PEM or key mismatch?)", detail);
    case CURLE_SSL_CACERT_BADFILE:
        return make(Error::Kind::Tls, "BadCertificateAuthority",
                    "the kubeconfig's certificate-authority could not be loaded", detail);
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
        // TLS 1.3 servers reject client certificates after the handshake: the alert shows up on
        // the first read.
        if (contains(buf, "certificate required") || contains(buf, "unknown ca")
            || contains(buf, "bad certificate") || contains(buf, "certificate unknown")
            || contains(buf, "handshake failure"))
            return make(Error::Kind::Tls, "ClientCertificateRejected",
                        "the server rejected the TLS client certificate (missing, expired or signed by "
                        "another CA?)",
                        detail);
        if (f.code != CURLE_SSL_CONNECT_ERROR && f.tlsDone && !f.gotResponse)
            return closedAfterHandshake(f, detail);
        if (f.code == CURLE_SSL_CONNECT_ERROR)
            return make(Error::Kind::Tls, "TlsHandshakeFailed", "TLS handshake with " + ep.server + " failed", detail);
        return make(Error::Kind::Network, "ConnectionBroken", "the connection to " + ep.server + " was interrupted", detail);
    case CURLE_GOT_NOTHING:
        if (f.tlsDone)
            return closedAfterHandshake(f, detail);
        return make(Error::Kind::Network, "ConnectionBroken", "the connection to " + ep.server + " was interrupted", detail);
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return make(Error::Kind::Network, "ConnectionBroken", "the connection to " + ep.server + " was interrupted", detail);
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return make(Error::Kind::Config, "BadUrl", "the server URL " + ep.server + " is not valid", detail);
    case CURLE_BAD_CONTENT_ENCODING:
        return make(Error::Kind::Decode, "BadContentEncoding", "the server sent a body that cannot be decompressed", detail);
    default:
        return make(Error::Kind::Network, "curl:" + std::to_string(static_cast<int>(f.code)),
                    "request to " + ep.server + " failed: " + curl_easy_strerror(f.code), detail);
    }
}

} // namespace kube::http::detail
