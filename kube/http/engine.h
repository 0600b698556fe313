#pragma once
// Internal: the network thread behind Client. Everything not marked thread-safe runs on it.
#include "kube/http/client.h"
#include "kube/http/curl_errors.h"

#include <curl/curl.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace kube::http::detail {

struct Transfer {
    RequestId id = 0;
    Request req;
    bool streaming = false;
    std::function<void(Result<Response>)> done;
    std::function<void(std::string_view)> onChunk;
    std::function<void(Status)> streamDone;
    std::function<void(const Response &)> onHeaders;

    CURL *easy = nullptr;
    curl_slist *headerList = nullptr;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    config::Credentials creds;
    Response resp;
    bool passthrough = false; // 2xx stream: body bytes go to onChunk
    bool cancelled = false;
    bool retried = false;

    ~Transfer();
};

class Engine {
public:
    explicit Engine(config::RestConfig cfg);
    ~Engine();
    bool init(Error &error); // creates the multi handle; called before the thread starts

    // Thread-safe.
    RequestId nextId() { return m_nextId.fetch_add(1); }
    void start(std::unique_ptr<Transfer> t);
    void cancel(RequestId id);
    void schedule(RequestId id, std::chrono::milliseconds delay, std::function<void()> fn);
    void requestStop();
    bool onNetworkThread() const { return std::this_thread::get_id() == m_threadId.load(); }

    void run(); // the thread body

    const config::RestConfig config;
    const Endpoint endpoint;

private:
    struct Command {
        enum class Type { Start, Cancel, Timer } type;
        RequestId id = 0;
        std::unique_ptr<Transfer> transfer;
        std::chrono::steady_clock::time_point due;
        std::function<void()> fn;
    };

    void post(Command c);
    void handle(Command &c);
    void begin(std::unique_ptr<Transfer> t);
    bool configure(Transfer &t, Error &error);
    void applyCredentials(Transfer &t);
    void onDone(CURL *easy, CURLcode code);
    void finish(RequestId id, Result<Response> result);
    void fireDueTimers();
    long waitMs();
    void shutdown();

    std::atomic<RequestId> m_nextId{1};
    std::atomic<std::thread::id> m_threadId{};
    CURLM *m_multi = nullptr;

    std::mutex m_mutex; // guards m_queue and m_stop
    std::vector<Command> m_queue;
    bool m_stop = false;

    // Network thread only.
    std::map<RequestId, std::unique_ptr<Transfer>> m_active;
    std::multimap<std::chrono::steady_clock::time_point, RequestId> m_timerQueue;
    std::map<RequestId, std::function<void()>> m_timers;
    std::string m_url;       // server with tls-server-name applied
    curl_slist *m_connectTo = nullptr;
};

} // namespace kube::http::detail
