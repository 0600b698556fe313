#include "kube/sim/http_server.h"

#include "kube/core/strings.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace kube::sim {
namespace {

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;       // like Go's http.DefaultMaxHeaderBytes / 16
constexpr std::size_t kMaxBodyBytes = 3 * 1024 * 1024;   // kube-apiserver's 3 MiB request limit
constexpr int kPollMs = 250;                              // how often blocked reads look at stop()
constexpr std::chrono::seconds kIdleTimeout{120};         // Go's http.Server IdleTimeout in the apiserver

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Request Entity Too Large";
    case 422: return "Unprocessable Entity";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

std::string percentDecode(std::string_view s, bool plusIsSpace)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
            i += 2;
        } else if (plusIsSpace && s[i] == '+') {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

// --- HttpResponder ----------------------------------------------------------------------------

bool HttpResponder::writeAll(std::string_view data)
{
    while (!data.empty() && !m_broken) {
        const ssize_t n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_broken = true;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return !m_broken;
}

void HttpResponder::respond(int status, std::string_view contentType, std::string_view body,
                            const std::map<std::string, std::string> &headers)
{
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + std::string(contentType) + "\r\n";
    head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    head += "Cache-Control: no-cache, private\r\n";
    for (const auto &[k, v] : headers)
        head += k + ": " + v + "\r\n";
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    head += "\r\n";
    if (writeAll(head))
        writeAll(body);
}

bool HttpResponder::startStream(int status, std::string_view contentType)
{
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + std::string(contentType) + "\r\n";
    head += "Transfer-Encoding: chunked\r\nCache-Control: no-cache, private\r\n";
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    head += "\r\n";
    return writeAll(head);
}

bool HttpResponder::chunk(std::string_view data)
{
    if (data.empty())
        return !m_broken;
    char size[20];
    std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    std::string frame = size;
    frame.append(data);
    frame += "\r\n";
    return writeAll(frame);
}

void HttpResponder::endStream()
{
    writeAll("0\r\n\r\n");
}

bool HttpResponder::peerGone() const
{
    if (m_broken || m_stopping.load())
        return true;
    pollfd p{m_fd, static_cast<short>(POLLIN | POLLRDHUP), 0};
    if (::poll(&p, 1, 0) <= 0)
        return false;
    if (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL))
        return true;
    char c;
    return ::recv(m_fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
}

// --- HttpServer -------------------------------------------------------------------------------

Result<std::unique_ptr<HttpServer>> HttpServer::start(Handler handler, uint16_t port)
{
    std::unique_ptr<HttpServer> s(new HttpServer());
    s->m_handler = std::move(handler);
    s->m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s->m_listenFd < 0)
        return makeError(Error::Kind::Network, "cannot create a socket for the demo cluster", std::strerror(errno));
    const int one = 1;
    ::setsockopt(s->m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    if (::bind(s->m_listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(s->m_listenFd, SOMAXCONN) != 0) {
        const std::string why = std::strerror(errno);
        ::close(s->m_listenFd);
        s->m_listenFd = -1;
        return makeError(Error::Kind::Network, "cannot listen on 127.0.0.1:" + std::to_string(port), why);
    }
    socklen_t len = sizeof addr;
    ::getsockname(s->m_listenFd, reinterpret_cast<sockaddr *>(&addr), &len);
    s->m_port = ntohs(addr.sin_port);
    if (::pipe2(s->m_wakePipe, O_CLOEXEC) != 0) {
        ::close(s->m_listenFd);
        s->m_listenFd = -1;
        return makeError(Error::Kind::Network, "cannot create a pipe for the demo cluster", std::strerror(errno));
    }
    HttpServer *raw = s.get();
    s->m_acceptThread = std::thread([raw] { raw->acceptLoop(); });
    return s;
}

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::setStopHook(std::function<void()> hook)
{
    m_stopHook = std::move(hook);
}

void HttpServer::stop()
{
    if (m_stopping.exchange(true))
        return;
    if (m_wakePipe[1] >= 0) {
        const char c = 'x';
        (void)!::write(m_wakePipe[1], &c, 1);
    }
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    if (m_stopHook)
        m_stopHook();
    std::list<Connection> connections;
    {
        std::lock_guard lock(m_mutex);
        connections.splice(connections.end(), m_connections);
    }
    for (auto &c : connections)
        ::shutdown(c.fd, SHUT_RDWR);
    for (auto &c : connections) {
        if (c.thread.joinable())
            c.thread.join();
        ::close(c.fd);
    }
    for (int fd : {m_listenFd, m_wakePipe[0], m_wakePipe[1]})
        if (fd >= 0)
            ::close(fd);
    m_listenFd = m_wakePipe[0] = m_wakePipe[1] = -1;
}

void HttpServer::acceptLoop()
{
    while (!m_stopping.load()) {
        pollfd fds[2] = {{m_listenFd, POLLIN, 0}, {m_wakePipe[0], POLLIN, 0}};
        const int r = ::poll(fds, 2, 1000);
        {
            // Reap finished connections; their fd is closed only after the join, so stop()
            // never shuts down a number the kernel has handed out again.
            std::lock_guard lock(m_mutex);
            for (auto it = m_connections.begin(); it != m_connections.end();) {
                if (it->done.load()) {
                    it->thread.join();
                    ::close(it->fd);
                    it = m_connections.erase(it);
                } else {
                    ++it;
                }
            }
        }
        if (r <= 0 || m_stopping.load() || !(fds[0].revents & POLLIN))
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::lock_guard lock(m_mutex);
        Connection &c = m_connections.emplace_back();
        c.fd = fd;
        c.thread = std::thread([this, &c] {
            serve(c.fd);
            c.done.store(true);
        });
    }
}

void HttpServer::serve(int fd)
{
    std::string buffer;
    auto lastActivity = std::chrono::steady_clock::now();
    // Reads more bytes into buffer; false on EOF, error, stop or idle timeout.
    auto fill = [&]() -> bool {
        for (;;) {
            if (m_stopping.load())
                return false;
            pollfd p{fd, POLLIN, 0};
            const int r = ::poll(&p, 1, kPollMs);
            if (r == 0) {
                if (std::chrono::steady_clock::now() - lastActivity > kIdleTimeout)
                    return false;
                continue;
            }
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0)
                return false;
            char tmp[16384];
            const ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
            if (n <= 0)
                return false;
            buffer.append(tmp, static_cast<std::size_t>(n));
            lastActivity = std::chrono::steady_clock::now();
            return true;
        }
    };

    for (;;) {
        std::size_t headerEnd;
        while ((headerEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
            if (buffer.size() > kMaxHeaderBytes) {
                HttpResponder(fd, m_stopping).respond(431, "text/plain", "request headers too large");
                return;
            }
            if (!fill())
                return;
        }
        HttpRequest req;
        HttpResponder responder(fd, m_stopping);
        const std::string head = buffer.substr(0, headerEnd);
        buffer.erase(0, headerEnd + 4);

        std::size_t lineEnd = head.find("\r\n");
        const std::string requestLine = head.substr(0, lineEnd);
        const std::size_t sp1 = requestLine.find(' ');
        const std::size_t sp2 = requestLine.rfind(' ');
        if (sp1 == std::string::npos || sp2 == sp1) {
            responder.setKeepAlive(false);
            responder.respond(400, "text/plain", "malformed request line");
            return;
        }
        req.method = requestLine.substr(0, sp1);
        req.target = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
        const std::string version = requestLine.substr(sp2 + 1);
        while (lineEnd != std::string::npos) {
            const std::size_t start = lineEnd + 2;
            lineEnd = head.find("\r\n", start);
            const std::string line = head.substr(start, lineEnd == std::string::npos ? std::string::npos : lineEnd - start);
            const std::size_t colon = line.find(':');
            if (colon != std::string::npos)
                req.headers[lower(line.substr(0, colon))] = trim(line.substr(colon + 1));
        }
        const std::size_t q = req.target.find('?');
        req.path = percentDecode(req.target.substr(0, q), false);
        if (q != std::string::npos) {
            std::string_view rest(req.target);
            rest.remove_prefix(q + 1);
            while (!rest.empty()) {
                const std::size_t amp = rest.find('&');
                const std::string_view pair = rest.substr(0, amp);
                const std::size_t eq = pair.find('=');
                req.query[percentDecode(pair.substr(0, eq), true)] =
                    eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), true);
                if (amp == std::string_view::npos)
                    break;
                rest.remove_prefix(amp + 1);
            }
        }
        if (lower(req.headers["connection"]) == "close" || version == "HTTP/1.0")
            responder.setKeepAlive(false);
        if (req.headers.count("transfer-encoding")) {
            responder.setKeepAlive(false);
            responder.respond(501, "text/plain", "chunked request bodies are not supported");
            return;
        }
        if (const auto cl = req.headers.find("content-length"); cl != req.headers.end()) {
            const std::size_t length = std::strtoull(cl->second.c_str(), nullptr, 10);
            if (length > kMaxBodyBytes) {
                responder.setKeepAlive(false);
                responder.respond(413, "text/plain", "request body too large");
                return;
            }
            while (buffer.size() < length)
                if (!fill())
                    return;
            req.body = buffer.substr(0, length);
            buffer.erase(0, length);
        }
        m_handler(req, responder);
        if (!responder.keepAlive() || m_stopping.load())
            return;
        lastActivity = std::chrono::steady_clock::now();
    }
}

} // namespace kube::sim
