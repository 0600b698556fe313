#include "kube/http/engine.h"

#include "kube/http/errors.h"

#include <algorithm>

namespace kube::http::detail {
namespace {

// Upper bound for one curl_multi_poll wait, so a missed wakeup can never stall the thread long.
constexpr long kMaxPollMs = 1000;

Endpoint makeEndpoint(const config::RestConfig &cfg)
{
    Endpoint ep;
    ep.server = cfg.server;
    ep.host = hostOf(cfg.server);
    ep.customCa = !cfg.caPem.empty();
    ep.viaProxy = !cfg.proxyUrl.empty();
    return ep;
}

Error cancelledError()
{
    Error e = makeError(Error::Kind::Cancelled, "the request was cancelled");
    e.reason = "Cancelled";
    return e;
}

} // namespace

Transfer::~Transfer()
{
    if (easy)
        curl_easy_cleanup(easy);
    if (headerList)
        curl_slist_free_all(headerList);
}

Engine::Engine(config::RestConfig cfg) : config(std::move(cfg)), endpoint(makeEndpoint(config)) {}

Engine::~Engine()
{
    if (m_broker)
        m_broker->stop(); // its deliveries wake m_multi
    m_active.clear(); // easy handles must go before the multi handle
    if (m_multi)
        curl_multi_cleanup(m_multi);
    if (m_connectTo)
        curl_slist_free_all(m_connectTo);
}

bool Engine::init(Error &error)
{
    m_url = config.server;
    while (!m_url.empty() && m_url.back() == '/')
        m_url.pop_back();
    if (!config.tlsServerName.empty() && config.tlsServerName != endpoint.host) {
        // libcurl 7.88 has no SNI-only override: put the TLS name into the URL (SNI and
        // verification use it) and connect to the real address through CONNECT_TO.
        std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), &curl_url_cleanup);
        char *port = nullptr;
        char *rewritten = nullptr;
        if (curl_url_set(u.get(), CURLUPART_URL, m_url.c_str(), 0) != CURLUE_OK
            || curl_url_get(u.get(), CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) != CURLUE_OK) {
            error = makeError(Error::Kind::Config, "the server URL " + config.server + " is not valid");
            return false;
        }
        std::string portStr = port;
        curl_free(port);
        std::string realHost = endpoint.host.find(':') != std::string::npos ? "[" + endpoint.host + "]" : endpoint.host;
        curl_url_set(u.get(), CURLUPART_HOST, config.tlsServerName.c_str(), 0);
        curl_url_get(u.get(), CURLUPART_URL, &rewritten, 0);
        m_url = rewritten;
        curl_free(rewritten);
        while (!m_url.empty() && m_url.back() == '/')
            m_url.pop_back();
        std::string mapping = config.tlsServerName + ":" + portStr + ":" + realHost + ":" + portStr;
        m_connectTo = curl_slist_append(nullptr, mapping.c_str());
    }
    m_multi = curl_multi_init();
    if (!m_multi) {
        error = makeError(Error::Kind::Network, "cannot initialise libcurl");
        return false;
    }
    // HTTP/2 multiplexing is curl's default since 7.62; say it anyway, the watch design relies on it.
    curl_multi_setopt(m_multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    if (config.credentials) {
        m_broker = std::make_unique<CredentialBroker>(config.credentials, [this](CredentialAnswer a) {
            Command c{Command::Type::Credentials};
            c.answer = std::make_unique<CredentialAnswer>(std::move(a));
            post(std::move(c));
        });
    }
    return true;
}

void Engine::post(Command c)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(c));
    }
    curl_multi_wakeup(m_multi);
}

void Engine::start(std::unique_ptr<Transfer> t)
{
    Command c{Command::Type::Start};
    c.id = t->id;
    c.transfer = std::move(t);
    post(std::move(c));
}

void Engine::cancel(RequestId id)
{
    if (onNetworkThread()) {
        // Stop delivering bytes right away; the write callback aborts the transfer.
        auto it = m_active.find(id);
        if (it != m_active.end())
            it->second->cancelled = true;
        m_timers.erase(id);
    }
    Command c{Command::Type::Cancel};
    c.id = id;
    post(std::move(c));
}

void Engine::schedule(RequestId id, std::chrono::milliseconds delay, std::function<void()> fn)
{
    Command c{Command::Type::Timer};
    c.id = id;
    c.due = std::chrono::steady_clock::now() + delay;
    c.fn = std::move(fn);
    post(std::move(c));
}

void Engine::requestStop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    curl_multi_wakeup(m_multi);
}

void Engine::run()
{
    m_threadId = std::this_thread::get_id();
    for (;;) {
        std::vector<Command> commands;
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                break;
            commands.swap(m_queue);
        }
        for (auto &c : commands)
            handle(c);
        fireDueTimers();

        int running = 0;
        curl_multi_perform(m_multi, &running);
        int pending = 0;
        while (CURLMsg *msg = curl_multi_info_read(m_multi, &pending)) {
            if (msg->msg == CURLMSG_DONE)
                onDone(msg->easy_handle, msg->data.result);
        }
        curl_multi_poll(m_multi, nullptr, 0, static_cast<int>(waitMs()), nullptr);
    }
    shutdown();
}

long Engine::waitMs()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_queue.empty() || m_stop)
            return 0;
    }
    long wait = kMaxPollMs;
    long curlTimeout = -1;
    curl_multi_timeout(m_multi, &curlTimeout);
    if (curlTimeout >= 0)
        wait = std::min(wait, curlTimeout);
    if (!m_timerQueue.empty()) {
        auto until = std::chrono::duration_cast<std::chrono::milliseconds>(
                         m_timerQueue.begin()->first - std::chrono::steady_clock::now())
                         .count();
        wait = std::min<long>(wait, std::max<long>(0, until + 1));
    }
    return wait;
}

void Engine::handle(Command &c)
{
    switch (c.type) {
    case Command::Type::Start:
        begin(std::move(c.transfer));
        break;
    case Command::Type::Timer:
        m_timers[c.id] = std::move(c.fn);
        m_timerQueue.emplace(c.due, c.id);
        break;
    case Command::Type::Cancel:
        if (m_timers.erase(c.id))
            break;
        if (auto it = m_active.find(c.id); it != m_active.end()) {
            if (it->second->easy && it->second->waiting == Transfer::Wait::None)
                curl_multi_remove_handle(m_multi, it->second->easy);
            finish(c.id, cancelledError());
        }
        break;
    case Command::Type::Credentials:
        onCredentials(*c.answer);
        break;
    }
}

void Engine::fireDueTimers()
{
    const auto now = std::chrono::steady_clock::now();
    while (!m_timerQueue.empty() && m_timerQueue.begin()->first <= now) {
        RequestId id = m_timerQueue.begin()->second;
        m_timerQueue.erase(m_timerQueue.begin());
        auto it = m_timers.find(id);
        if (it == m_timers.end())
            continue; // cancelled
        auto fn = std::move(it->second);
        m_timers.erase(it);
        if (fn)
            fn();
    }
}

void Engine::begin(std::unique_ptr<Transfer> t)
{
    Transfer &ref = *t;
    m_active.emplace(ref.id, std::move(t));
    if (m_broker) {
        // Even cached credentials come from the worker: only the provider knows whether its
        // cache is still good, and finding out may mean running the plugin.
        ref.waiting = Transfer::Wait::Credentials;
        m_broker->fetch();
        return;
    }
    launch(ref);
}

void Engine::launch(Transfer &t)
{
    Error error;
    if (!configure(t, error)) {
        finish(t.id, error);
        return;
    }
    curl_multi_add_handle(m_multi, t.easy);
}

void Engine::onCredentials(CredentialAnswer &answer)
{
    const bool ok = answer.credentials.ok();
    if (ok && answer.generation > m_credsGeneration) {
        m_creds = answer.credentials.value();
        m_credsGeneration = answer.generation;
    }
    std::vector<RequestId> waiting;
    for (const auto &[id, t] : m_active) {
        if (t->waiting != Transfer::Wait::None && !t->cancelled)
            waiting.push_back(id);
    }
    for (RequestId id : waiting) {
        auto it = m_active.find(id);
        if (it == m_active.end())
            continue; // finished by an earlier callback in this loop
        Transfer &t = *it->second;
        if (t.waiting == Transfer::Wait::Credentials) {
            t.waiting = Transfer::Wait::None;
            if (!ok) {
                finish(id, answer.credentials.error());
                continue;
            }
            t.creds = answer.credentials.value();
            t.credsGeneration = answer.generation;
            launch(t);
        } else if (ok && answer.generation > t.credsGeneration) {
            t.waiting = Transfer::Wait::None;
            retryWith(t, answer.credentials.value(), answer.generation);
        } else if (!ok && answer.refresh && answer.generation >= t.credsGeneration) {
            finish(id, answer.credentials.error());
        }
        // Otherwise a fetch answered before the refresh this 401 waits for.
    }
}

void Engine::onDone(CURL *easy, CURLcode code)
{
    Transfer *t = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, reinterpret_cast<char **>(&t));
    curl_multi_remove_handle(m_multi, easy);
    if (!t)
        return;
    const RequestId id = t->id;
    if (t->cancelled) {
        finish(id, cancelledError());
        return;
    }
    if (t->tooLarge) {
        Error e = makeError(Error::Kind::Decode, "the response to " + t->req.method + " " + t->req.path
                                                     + " is larger than " + std::to_string(t->req.maxBodyBytes >> 20)
                                                     + " MiB: hpascope stopped reading it");
        e.reason = "ResponseTooLarge";
        finish(id, std::move(e));
        return;
    }
    if (code != CURLE_OK) {
        CurlFailure f;
        f.code = code;
        f.errorBuffer = t->errorBuffer;
        curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &f.osErrno);
        curl_off_t connectTime = 0;
        curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectTime);
        f.connected = connectTime > 0;
        curl_off_t tlsTime = 0;
        curl_easy_getinfo(easy, CURLINFO_APPCONNECT_TIME_T, &tlsTime);
        f.tlsDone = tlsTime > 0;
        f.gotResponse = t->resp.status > 0;
        f.sentClientCert = !t->creds.clientCertPem.empty();
        finish(id, errorFromCurl(f, endpoint));
        return;
    }
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    t->resp.status = static_cast<int>(status);
    if (status == 401 && !t->retried && m_broker) {
        onUnauthorized(*t);
        return;
    }
    complete(*t);
}

void Engine::onUnauthorized(Transfer &t)
{
    // Like client-go: the provider refreshes (an exec plugin runs again) and the request is
    // retried once, unless the rejected credentials were replaced already.
    if (t.credsGeneration < m_credsGeneration) {
        retryWith(t, m_creds, m_credsGeneration);
        return;
    }
    t.waiting = Transfer::Wait::Refresh;
    m_broker->refresh(t.credsGeneration);
}

void Engine::retryWith(Transfer &t, const config::Credentials &creds, CredentialGeneration generation)
{
    if (sameIdentity(creds, t.creds)) {
        complete(t); // the refresh gave the same credentials: the 401 stands
        return;
    }
    t.retried = true;
    t.creds = creds;
    t.credsGeneration = generation;
    t.resp = Response{};
    t.passthrough = false;
    t.errorBuffer[0] = '\0';
    applyCredentials(t);
    curl_multi_add_handle(m_multi, t.easy);
}

void Engine::complete(Transfer &t)
{
    if ((t.resp.status >= 200 && t.resp.status < 300) || (t.req.nonSuccessAsResponse && !t.streaming)) {
        finish(t.id, std::move(t.resp));
        return;
    }
    finish(t.id, errorFromResponse(t.resp.status, t.resp.headers, t.resp.body, t.req.method, t.req.path));
}

void Engine::finish(RequestId id, Result<Response> result)
{
    auto it = m_active.find(id);
    if (it == m_active.end())
        return;
    std::unique_ptr<Transfer> t = std::move(it->second);
    m_active.erase(it);
    // The transfer is gone from m_active before its callback runs, so cancel() inside it is a no-op.
    if (t->streaming) {
        auto done = std::move(t->streamDone);
        t.reset();
        if (done)
            done(result.ok() ? success() : Status(result.error()));
    } else {
        auto done = std::move(t->done);
        t.reset();
        if (done)
            done(std::move(result));
    }
}

void Engine::shutdown()
{
    if (m_broker)
        m_broker->stop(); // nothing is delivered into a queue that nobody reads any more
    std::vector<Command> commands;
    {
        std::lock_guard lock(m_mutex);
        commands.swap(m_queue);
    }
    for (auto &c : commands) {
        if (c.type == Command::Type::Start) {
            RequestId id = c.id;
            m_active.emplace(id, std::move(c.transfer));
        }
    }
    m_timers.clear();
    m_timerQueue.clear();
    while (!m_active.empty()) {
        auto it = m_active.begin();
        if (it->second->easy && it->second->waiting == Transfer::Wait::None)
            curl_multi_remove_handle(m_multi, it->second->easy);
        finish(it->first, cancelledError());
    }
}

} // namespace kube::http::detail
