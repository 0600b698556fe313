#pragma once
// Internal: the network thread behind Client. Everything not marked thread-safe runs on it.
#include "kube/http/client.h"
#include "kube/http/credential_broker.h"
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
    CredentialGeneration credsGeneration = 0;
    // In m_active without being in the multi handle: before the first attempt, or after a 401.
    enum class Wait { None, Credentials, Refresh } waiting = Wait::None;
    Response resp;
    bool passthrough = false; // 2xx stream: body bytes go to onChunk
    bool cancelled = false;
    bool tooLarge = false; // the body passed req.maxBodyBytes: the transfer was stopped
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
        enum class Type { Start, Cancel, Timer, Credentials } type;
        RequestId id = 0;
        std::unique_ptr<Transfer> transfer;
        std::unique_ptr<CredentialAnswer> answer;
        std::chrono::steady_clock::time_point due;
        std::function<void()> fn;
    };

    void post(Command c);
    void handle(Command &c);
    void begin(std::unique_ptr<Transfer> t);
    void launch(Transfer &t);
    bool configure(Transfer &t, Error &error);
    void applyCredentials(Transfer &t);
    void onCredentials(CredentialAnswer &answer);
    void onDone(CURL *easy, CURLcode code);
    void onUnauthorized(Transfer &t);
    void retryWith(Transfer &t, const config::Credentials &creds, CredentialGeneration generation);
    void complete(Transfer &t);
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
    // Null without a provider. Its answers come back as Credentials commands.
    std::unique_ptr<CredentialBroker> m_broker;
    config::Credentials m_creds; // the newest answer seen here
    CredentialGeneration m_credsGeneration = 0;
};

} // namespace kube::http::detail
