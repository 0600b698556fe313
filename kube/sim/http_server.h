#pragma once
// A small HTTP/1.1 server on a loopback address for the demo cluster: a thread per connection,
// keep-alive, Content-Length request bodies, chunked responses for watch streams. Plain HTTP:
// it never leaves 127.0.0.1. POSIX sockets only.
#include "kube/core/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace kube::sim {

struct HttpRequest {
    std::string method;
    std::string target; // path + query as sent
    std::string path;   // percent-decoded path
    std::map<std::string, std::string> query;   // decoded; the last value of a repeated key wins
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;
};

// One connection's way to answer. Either respond() once, or startStream() and then chunk()s.
class HttpResponder {
public:
    explicit HttpResponder(int fd, const std::atomic<bool> &stopping) : m_fd(fd), m_stopping(stopping) {}
    void respond(int status, std::string_view contentType, std::string_view body,
                 const std::map<std::string, std::string> &headers = {});
    bool startStream(int status, std::string_view contentType);
    bool chunk(std::string_view data); // false when the peer went away
    void endStream();
    // The peer closed its side (or the server is stopping): a streaming handler should return.
    bool peerGone() const;
    bool keepAlive() const { return m_keepAlive && !m_broken; }
    void setKeepAlive(bool keep) { m_keepAlive = keep; }

private:
    bool writeAll(std::string_view data);
    int m_fd;
    const std::atomic<bool> &m_stopping;
    bool m_keepAlive = true;
    bool m_broken = false;
};

class HttpServer {
public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder &)>;

    // Binds 127.0.0.1:port (0: an ephemeral port) and starts accepting.
    static Result<std::unique_ptr<HttpServer>> start(Handler handler, uint16_t port = 0);
    ~HttpServer(); // stop()
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    uint16_t port() const { return m_port; }
    // Runs inside stop() once no new connection is accepted, before the connections are joined
    // (the demo cluster wakes its watch streams there).
    void setStopHook(std::function<void()> hook);
    // Closes the listener and every connection (streams end), then joins all threads.
    void stop();

private:
    HttpServer() = default;
    void acceptLoop();
    void serve(int fd);

    struct Connection {
        int fd = -1;
        std::thread thread;
        std::atomic<bool> done{false};
    };

    Handler m_handler;
    std::function<void()> m_stopHook;
    int m_listenFd = -1;
    int m_wakePipe[2] = {-1, -1};
    uint16_t m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptThread;
    std::mutex m_mutex; // guards m_connections
    std::list<Connection> m_connections;
};

std::string percentDecode(std::string_view s, bool plusIsSpace);

} // namespace kube::sim
