#pragma once
// Internal: maps a failed curl transfer to a user-facing Error.
#include "kube/core/result.h"

#include <curl/curl.h>

#include <string>

namespace kube::http::detail {

struct CurlFailure {
    CURLcode code = CURLE_OK;
    std::string errorBuffer; // CURLOPT_ERRORBUFFER text (never contains headers or keys)
    long osErrno = 0;        // CURLINFO_OS_ERRNO
    bool connected = false;  // a connection had been established (CURLINFO_CONNECT_TIME_T > 0)
    bool tlsDone = false;    // the TLS handshake had finished (CURLINFO_APPCONNECT_TIME_T > 0)
    bool gotResponse = false; // a status line had arrived
    bool sentClientCert = false;
};

struct Endpoint {
    std::string server;   // as configured, for messages, e.g. https://10.0.0.1:6443
    std::string host;     // host part of server
    bool customCa = false;
    bool viaProxy = false;
};

Error errorFromCurl(const CurlFailure &f, const Endpoint &ep);

// Host part of a URL (no port, no brackets); empty when it cannot be parsed.
std::string hostOf(const std::string &url);


} // namespace kube::http::detail
