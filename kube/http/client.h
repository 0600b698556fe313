#pragma once
// Asynchronous HTTP(S) client for one API server: one network thread drives a curl multi handle
// (HTTP/2 multiplexing where the server offers it). Every callback runs on that thread.
// Credentials come from a second thread: a request waits there, queued, while an exec plugin
// runs, and everything already on the wire goes on.
#include "kube/config/rest_config.h"
#include "kube/core/result.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

namespace kube::http {
namespace detail {
class Engine;
}

struct Request {
    std::string method = "GET";
    std::string path; // API path + query, appended to RestConfig.server
    std::string body;
    std::string contentType = "application/json";
    std::string accept = "application/json";
    long timeoutMs = 30000; // whole-request timeout; 0 = none (watches rely on timeoutSeconds)
    // A body larger than this is not read on (a Decode error names the limit): hostile or broken
    // servers cannot make hpascope hold gigabytes. A list page of 500 objects is a few MB, and
    // etcd caps an object at 1.5 MiB. 0 = no limit. Streams are bounded per frame instead.
    std::size_t maxBodyBytes = kDefaultMaxBodyBytes;
    static constexpr std::size_t kDefaultMaxBodyBytes = 64u << 20;
    // send() only: a non-2xx answer (after the 401 refresh) comes back as a Response, not an
    // Error, for callers whose server puts its own error JSON there (Prometheus' API).
    bool nonSuccessAsResponse = false;
};

struct Response {
    int status = 0;
    std::map<std::string, std::string> headers; // lower-case names; repeated headers joined by ", "
    std::string body;
    std::string httpVersion; // "1.1" / "2"
};

using RequestId = std::uint64_t;

class Client : public std::enable_shared_from_this<Client> {
public:
    // Validates the server URL and TLS material, then starts the network thread.
    static Result<std::shared_ptr<Client>> create(const config::RestConfig &cfg);
    // Cancels everything (pending done() callbacks receive Kind::Cancelled, timers are dropped)
    // and joins the thread. A provider call still running (an exec plugin) is not waited for. When the last reference is dropped inside a callback, the thread
    // is detached instead and finishes on its own.
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    // Non-2xx answers become an Error (Kind::Http) decoded from the Status body. A 401 makes the
    // credential provider refresh once (forceRefresh) and the request is retried once; the 401s
    // of concurrent requests with the same credentials share one refresh.
    RequestId send(Request req, std::function<void(Result<Response>)> done);

    // Streaming: onChunk gets raw body bytes as they arrive (2xx only); done(success()) at a
    // clean end, done(error) otherwise (non-2xx carries the decoded Status). onHeaders, when
    // set, is called once the headers of a 2xx answer are in (a watch is then established).
    RequestId stream(Request req, std::function<void(std::string_view)> onChunk,
                     std::function<void(Status)> done,
                     std::function<void(const Response &)> onHeaders = {});

    // done() receives Kind::Cancelled, or nothing when it already completed. A cancelled timer
    // never runs. Safe from any thread, including inside callbacks.
    void cancel(RequestId id);

    // Blocks the calling thread; returns Kind::Invalid when called on the network thread.
    Result<Response> sendSync(Request req);

    // Runs fn on the network thread after delay (reflector backoff); cancellable like a request.
    RequestId schedule(std::chrono::milliseconds delay, std::function<void()> fn);

    const config::RestConfig &config() const;

    // True on the network thread (callbacks may assert it).
    bool onNetworkThread() const;

private:
    explicit Client(std::shared_ptr<detail::Engine> engine);
    std::shared_ptr<detail::Engine> m_engine;
    std::thread m_thread;
};

} // namespace kube::http
