#pragma once
// A reflector like client-go's: paginated LIST, then WATCH from the list's resourceVersion with
// bookmarks; relist on 410 Gone; jittered exponential backoff on failures. Everything runs on the
// http::Client network thread (timers included); handlers are called there too.
#include "kube/http/client.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kube::watch {

enum class EventType { Added, Modified, Deleted };

inline constexpr const char *kRelistWatchExpired = "WatchExpired";       // 410 Gone on the watch
inline constexpr const char *kRelistContinueExpired = "ContinueExpired"; // 410 Gone on a list page

struct ConnectionState {
    enum class Kind { Connecting, Live, BackingOff, Error };
    Kind kind = Kind::Connecting;
    std::string reason;                             // English, for logs; empty when Live
    // Connecting again without a failure: why, as a message id for the UI to word
    // (kRelistWatchExpired, kRelistContinueExpired); empty otherwise.
    std::string relistCause;
    std::chrono::system_clock::time_point nextRetry{}; // BackingOff / Error only
    int attempt = 0;                                // consecutive failures so far
    int httpStatus = 0;                             // Error: 401 or 403 (what the server refused)
    Error error;                                    // BackingOff / Error: the failure itself (its kind and reason)
};

struct ReflectorOptions {
    std::string path; // collection path without query, e.g. /apis/autoscaling/v2/horizontalpodautoscalers
    std::string labelSelector, fieldSelector;
    // client-go reflector defaults: 800 ms → 30 s, reset after 2 min without failure.
    std::chrono::milliseconds initialBackoff{800}, maxBackoff{30000}, resetAfter{120000};
    // A refused connection (nothing listens: the API server is down or restarting) is retried
    // this often instead, without growing the backoff: a refused dial costs the server nothing,
    // and a restarted server is then seen within about this long (the backoff had reached
    // 13-26 s after a 10 s restart). Jittered by up to a quarter.
    std::chrono::milliseconds refusedProbe{1000};
    // A watch that stayed live this long proved the server works: its failure starts the
    // backoff over (after five API server restarts within two minutes it had reached 13-26 s,
    // as resetAfter counts from the last failure). A watch failing sooner keeps growing it.
    std::chrono::milliseconds healthyAfter{5000};
    // A watch silent this long is probed with a one-item list (limit=1: one object read); a
    // probe unanswered within probeTimeout ends the watch as failed.
    // A frozen server (SIGSTOP, a hung node) keeps the TCP connection open and sends nothing,
    // which would otherwise read as a quiet namespace forever. client-go gets the same from its
    // HTTP/2 health check (ReadIdleTimeout 30 s, PingTimeout 15 s); libcurl has no ping to send.
    std::chrono::milliseconds silenceProbe{30000}, probeTimeout{15000};
    // A watch frame (one line) larger than this ends the watch as undecodable: etcd caps an
    // object at 1.5 MiB, so a bigger frame is a broken or hostile stream, not data.
    std::size_t maxFrameBytes = 16u << 20;
    // Server-side timeoutSeconds drawn in [min, 2*min) like client-go (5 min → 5..10 min).
    std::chrono::seconds minWatchTimeout{300};
    int listPageSize = 500; // client-go's pager default
};

class Reflector {
public:
    // Objects reach the handler without metadata.managedFields: nothing here reads it, and
    // parsing it costs a quarter of a watch frame's decode (see watch_frame.h).
    struct Handler {
        std::function<void(EventType, const nlohmann::json &obj)> onEvent;      // after synced, per change
        // After each (re)list, with every object that exists now: anything the handler held that
        // is not among them was deleted while the watch was down.
        std::function<void(const std::vector<nlohmann::json> &items)> onSynced;
        std::function<void(const ConnectionState &)> onState;
    };

    Reflector(std::shared_ptr<http::Client> client, ReflectorOptions opts, Handler handler);
    ~Reflector(); // stops
    Reflector(const Reflector &) = delete;
    Reflector &operator=(const Reflector &) = delete;

    void start();
    // After return no handler is called again. Callable from any thread, including a handler.
    // Handlers must not block on the thread that calls stop() (it waits for a running handler).
    void stop();

    // What the reflector knows exists: "namespace/name" (or "name") → the object's resourceVersion
    // (thread-safe copy). The objects themselves are only handed to the handler, never kept.
    std::map<std::string, std::string> versions() const;
    std::string lastResourceVersion() const;

    struct Impl;

private:
    std::shared_ptr<http::Client> m_client;
    std::shared_ptr<Impl> m_impl;
};

} // namespace kube::watch
