#pragma once
// Errors are values: every fallible kube/ call returns Result<T>, never throws across layers.
#include <string>
#include <utility>
#include <variant>

namespace kube {

struct Error {
    enum class Kind {
        Config,    // kubeconfig missing, malformed or incomplete
        Auth,      // credentials could not be obtained (exec plugin, token file, ...)
        Network,   // connect / timeout / reset
        Dns,       // host name could not be resolved
        Tls,       // handshake, certificate verification, bad PEM
        Http,      // the server answered with a non-2xx status
        Decode,    // body could not be decoded
        Cancelled, // the caller cancelled the request
        Invalid,   // bad argument (e.g. a malformed quantity)
    };
    Kind kind = Kind::Invalid;
    int httpStatus = 0;           // 0 when no HTTP response was received
    std::string reason;           // machine-readable: Status.reason, curl error name, ...
    std::string message;          // one sentence a person can act on; never contains secrets
    std::string detail;           // extra context (file, entry, server message); no secrets
    int retryAfterSeconds = -1;   // from Retry-After / Status.details.retryAfterSeconds

    std::string toString() const
    {
        std::string s = message;
        if (!detail.empty())
            s += " (" + detail + ")";
        return s;
    }
};

inline Error makeError(Error::Kind kind, std::string message, std::string detail = {})
{
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    e.detail = std::move(detail);
    return e;
}

// A minimal expected<T, Error> (std::expected is C++23; we target C++20 on GCC 12).
template <typename T>
class Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &std::get<0>(m_v); }
    const T *operator->() const { return &std::get<0>(m_v); }
    T &operator*() & { return std::get<0>(m_v); }
    const T &operator*() const & { return std::get<0>(m_v); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Unit {};
using Status = Result<Unit>;
inline Status success() { return Unit{}; }

} // namespace kube
