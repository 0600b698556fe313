#include "kube/watch/reflector.h"

#include <utility>

#include "kube/api/paths.h"

#include "kube/http/errors.h"
#include "kube/watch/backoff.h"
#include "kube/watch/line_buffer.h"
#include "kube/watch/watch_frame.h"

#include <map>
#include <mutex>
#include <random>
#include <utility>

namespace kube::watch {
namespace {

using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

// client-go treats a watch that ends within a second without any event as an error, so a server
// that closes watches at once cannot make the reflector spin (reflector.go "very short watch").
constexpr std::chrono::seconds kShortWatch{1};

Error decodeError(std::string message)
{
    Error e = makeError(Error::Kind::Decode, std::move(message));
    e.reason = "Decode";
    return e;
}

} // namespace

struct Reflector::Impl : std::enable_shared_from_this<Impl> {
    Impl(http::Client *c, ReflectorOptions o, Handler h)
        : client(c), opts(std::move(o)), handler(std::move(h)),
          backoff(opts.initialBackoff, opts.maxBackoff, opts.resetAfter)
    {
    }

    http::Client *client; // owned by the Reflector, which outlives every use (see stop())
    const ReflectorOptions opts;
    const Handler handler;

    // Held by every network-thread step and by stop(): a handler never runs after stop() returns.
    std::recursive_mutex stepMutex;
    bool running = false;
    std::uint64_t op = 0; // the one operation in flight; stale callbacks carry an older number
    http::RequestId request = 0, timer = 0;
    http::RequestId probe = 0, probeTimer = 0; // the silent watch's probe, and when to send it
    SteadyClock::time_point lastHeard; // the watch's last bytes (or the last answered probe)
    Backoff backoff;
    LineBuffer lines;
    std::vector<json> pending; // list pages collected so far
    SteadyClock::time_point watchStarted;
    SteadyClock::time_point liveSince; // when the state last became Live
    int watchEvents = 0;
    bool synced = false;
    ConnectionState state;
    std::mt19937_64 rng{std::random_device{}()};

    std::chrono::milliseconds jittered(std::chrono::milliseconds d)
    {
        std::uniform_real_distribution<double> quarter(-0.25, 0.25);
        return std::chrono::milliseconds(static_cast<long long>(double(d.count()) * (1.0 + quarter(rng))));
    }

    // The objects themselves go to the handler and are not kept: for pod and event watches a
    // second copy as JSON trees held about 36 KB per 5 KB pod (tests/bench/bench_reflector).
    mutable std::mutex dataMutex; // versions and resourceVersion, read by other threads
    std::map<std::string, std::string> versions; // key → the object's resourceVersion
    std::string resourceVersion;

    // Wraps a network-thread step: runs only while this operation is still the current one.
    template <typename... Args, typename F>
    std::function<void(Args...)> step(F f)
    {
        return [weak = weak_from_this(), expected = op, f](Args... args) {
            auto self = weak.lock();
            if (!self)
                return;
            std::lock_guard lock(self->stepMutex);
            if (!self->running || self->op != expected)
                return;
            f(*self, std::forward<Args>(args)...);
        };
    }

    std::string nextRelistCause; // for the next setState: why it lists again

    // `failure`: what went wrong, handed on with a BackingOff or Error state.
    void setState(ConnectionState::Kind kind, std::string reason = {},
                  std::chrono::milliseconds delay = std::chrono::milliseconds(0), int httpStatus = 0,
                  const Error &failure = {})
    {
        if (kind == ConnectionState::Kind::Live && state.kind == kind)
            return;
        if (kind == ConnectionState::Kind::Live)
            liveSince = SteadyClock::now();
        state.kind = kind;
        state.httpStatus = httpStatus;
        state.reason = std::move(reason);
        state.relistCause = std::exchange(nextRelistCause, {});
        state.error = failure;
        state.attempt = backoff.attempt();
        state.nextRetry = delay.count() > 0 ? std::chrono::system_clock::now() + delay
                                            : std::chrono::system_clock::time_point{};
        if (handler.onState)
            handler.onState(state);
    }

    std::string selectors() const
    {
        std::string q;
        if (!opts.labelSelector.empty())
            q += "&labelSelector=" + api::escapeQueryComponent(opts.labelSelector);
        if (!opts.fieldSelector.empty())
            q += "&fieldSelector=" + api::escapeQueryComponent(opts.fieldSelector);
        return q;
    }

    void relist(std::string reason = {}, std::string cause = {})
    {
        pending.clear();
        nextRelistCause = std::move(cause);
        setState(ConnectionState::Kind::Connecting, std::move(reason));
        listPage({});
    }

    void listPage(const std::string &continueToken)
    {
        ++op;
        http::Request req;
        req.path = opts.path + "?limit=" + std::to_string(opts.listPageSize) + selectors();
        if (!continueToken.empty())
            req.path += "&continue=" + api::escapeQueryComponent(continueToken);
        request = client->send(std::move(req), step<Result<http::Response>>([continueToken](Impl &self, Result<http::Response> r) {
                                   self.onListPage(continueToken, std::move(r));
                               }));
    }

    void onListPage(const std::string &continueToken, Result<http::Response> r)
    {
        request = 0;
        if (!r.ok()) {
            if (r.error().httpStatus == 410 && !continueToken.empty())
                return relist("the list continuation expired; listing again", kRelistContinueExpired);
            return fail(r.error());
        }
        json list = json::parse(r->body, nullptr, false);
        if (!list.is_object() || !list.contains("items") || !(list["items"].is_array() || list["items"].is_null()))
            return fail(decodeError("the list response from " + opts.path + " is not a Kubernetes list"));
        // Items in a list carry no kind/apiVersion; fill them in so consumers see whole objects.
        std::string kind = stringMember(list, "kind");
        if (kind.size() > 4 && kind.compare(kind.size() - 4, 4, "List") == 0)
            kind.resize(kind.size() - 4);
        const std::string apiVersion = stringMember(list, "apiVersion");
        if (list["items"].is_array()) {
            for (auto &item : list["items"]) {
                if (!item.is_object())
                    continue;
                if (!item.contains("kind") && !kind.empty())
                    item["kind"] = kind;
                if (!item.contains("apiVersion") && !apiVersion.empty())
                    item["apiVersion"] = apiVersion;
                // Watch frames arrive without it (parseWatchFrame); list items must match them.
                if (auto meta = item.find("metadata"); meta != item.end() && meta->is_object())
                    meta->erase("managedFields");
                pending.push_back(std::move(item));
            }
        }
        const std::string next = metadataString(list, "continue");
        if (!next.empty())
            return listPage(next);

        std::vector<json> items = std::move(pending);
        pending.clear();
        {
            std::lock_guard lock(dataMutex);
            versions.clear();
            for (const auto &item : items)
                versions[objectKey(item)] = metadataString(item, "resourceVersion");
            resourceVersion = metadataString(list, "resourceVersion");
        }
        synced = true;
        if (handler.onSynced)
            handler.onSynced(items);
        setState(ConnectionState::Kind::Live);
        startWatch();
    }

    void startWatch()
    {
        ++op;
        lines.clear();
        watchStarted = lastHeard = SteadyClock::now();
        watchEvents = 0;
        const auto minTimeout = std::max<long long>(1, opts.minWatchTimeout.count());
        std::uniform_int_distribution<long long> pick(minTimeout, 2 * minTimeout - 1);
        http::Request req;
        req.timeoutMs = 0; // ends through timeoutSeconds on the server side
        req.path = opts.path + "?watch=1&allowWatchBookmarks=true&resourceVersion="
            + api::escapeQueryComponent(lastResourceVersion()) + "&timeoutSeconds=" + std::to_string(pick(rng)) + selectors();
        request = client->stream(
            std::move(req), step<std::string_view>([](Impl &self, std::string_view data) { self.onChunk(data); }),
            step<Status>([](Impl &self, Status s) { self.onWatchDone(std::move(s)); }),
            step<const http::Response &>([](Impl &self, const http::Response &) {
                self.setState(ConnectionState::Kind::Live);
            }));
        scheduleSilenceCheck(opts.silenceProbe);
    }

    void cancelProbe()
    {
        if (probe)
            client->cancel(probe);
        if (probeTimer)
            client->cancel(probeTimer);
        probe = probeTimer = 0;
    }

    void scheduleSilenceCheck(std::chrono::milliseconds after)
    {
        if (opts.silenceProbe.count() <= 0)
            return;
        probeTimer = client->schedule(after, step<>([](Impl &self) {
            self.probeTimer = 0;
            const auto quiet = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - self.lastHeard);
            if (quiet < self.opts.silenceProbe)
                return self.scheduleSilenceCheck(self.opts.silenceProbe - quiet);
            self.sendProbe(quiet);
        }));
    }

    void sendProbe(std::chrono::milliseconds quiet)
    {
        http::Request req;
        req.path = opts.path + "?limit=1" + selectors(); // a paged read honours the limit
        req.timeoutMs = static_cast<long>(opts.probeTimeout.count());
        probe = client->send(std::move(req), step<Result<http::Response>>([quiet](Impl &self, Result<http::Response> r) {
            self.probe = 0;
            if (r.ok() || (r.error().httpStatus >= 400 && r.error().httpStatus != 503 && r.error().httpStatus != 504)) {
                // The server answered (even a refusal is an answer): the watch is only quiet.
                self.lastHeard = SteadyClock::now();
                return self.scheduleSilenceCheck(self.opts.silenceProbe);
            }
            self.abortWatch();
            Error e = makeError(Error::Kind::Network,
                                "the API server stopped answering: the watch of " + self.opts.path + " was silent for "
                                    + std::to_string(quiet.count() / 1000) + " s and a probe got no answer ("
                                    + r.error().message + ")");
            e.reason = "Unresponsive";
            self.fail(e);
        }));
    }

    std::string lastResourceVersion() const
    {
        std::lock_guard lock(dataMutex);
        return resourceVersion;
    }

    void onChunk(std::string_view data)
    {
        lastHeard = SteadyClock::now();
        const std::uint64_t current = op;
        for (const auto &line : lines.feed(data)) {
            if (line.size() > opts.maxFrameBytes)
                return frameTooLarge(line.size());
            handleFrame(line);
            if (op != current || !running)
                return; // the frame ended this watch
        }
        if (lines.pending() > opts.maxFrameBytes)
            return frameTooLarge(lines.pending());
    }

    void frameTooLarge(std::size_t bytes)
    {
        abortWatch();
        lines.clear();
        fail(decodeError("the watch stream of " + opts.path + " sent a frame of over " + std::to_string(bytes >> 10)
                         + " KiB (the limit is " + std::to_string(opts.maxFrameBytes >> 10) + " KiB)"));
    }

    void abortWatch()
    {
        ++op; // the stream's remaining callbacks (including done(Cancelled)) are now stale
        client->cancel(request);
        request = 0;
        cancelProbe();
    }

    void handleFrame(const std::string &line)
    {
        std::optional<WatchFrame> frame = parseWatchFrame(line);
        if (!frame) {
            abortWatch();
            return fail(decodeError("the watch stream of " + opts.path + " sent an undecodable frame"));
        }
        const std::string &type = frame->type;
        json &obj = frame->object;
        if (type == "ERROR") {
            abortWatch();
            const int code = statusCode(obj);
            if (code == 410)
                return relist("the watch expired (410 Gone); listing again", kRelistWatchExpired);
            return fail(http::errorFromResponse(code, {}, obj.dump(), "WATCH", opts.path));
        }
        const std::string rv = metadataString(obj, "resourceVersion");
        if (type == "BOOKMARK") {
            ++watchEvents; // a bookmark proves the watch is healthy (client-go counts it too)
            std::lock_guard lock(dataMutex);
            if (!rv.empty())
                resourceVersion = rv;
            return;
        }
        EventType event;
        if (type == "ADDED")
            event = EventType::Added;
        else if (type == "MODIFIED")
            event = EventType::Modified;
        else if (type == "DELETED")
            event = EventType::Deleted;
        else
            return; // unknown event types are ignored, like client-go's watch decoder does not
        ++watchEvents;
        {
            std::lock_guard lock(dataMutex);
            if (event == EventType::Deleted)
                versions.erase(objectKey(obj));
            else
                versions[objectKey(obj)] = rv;
            if (!rv.empty())
                resourceVersion = rv;
        }
        if (handler.onEvent)
            handler.onEvent(event, obj);
    }

    void onWatchDone(Status s)
    {
        request = 0;
        cancelProbe();
        if (s.ok()) {
            if (watchEvents == 0 && SteadyClock::now() - watchStarted < kShortWatch) {
                Error e = makeError(Error::Kind::Network, "the server closed the watch of " + opts.path + " at once");
                e.reason = "ShortWatch";
                return fail(e);
            }
            return startWatch(); // server-side timeout: resume from the last resourceVersion
        }
        const Error &e = s.error();
        if (e.kind == Error::Kind::Cancelled)
            return;
        if (e.httpStatus == 410)
            return relist("the watch expired (410 Gone); listing again", kRelistWatchExpired);
        fail(e);
    }

    void fail(const Error &e)
    {
        ++op;
        const bool denied = e.httpStatus == 401 || e.httpStatus == 403;
        if (state.kind == ConnectionState::Kind::Live && SteadyClock::now() - liveSince >= opts.healthyAfter)
            backoff.reset();
        auto delay = e.reason == "ConnectionRefused" ? jittered(opts.refusedProbe) : backoff.next();
        if (denied) // retry slowly: a person has to fix RBAC or credentials first
            delay = std::max(delay, opts.maxBackoff);
        if (e.retryAfterSeconds > 0)
            delay = std::max(delay, std::chrono::milliseconds(e.retryAfterSeconds * 1000LL));
        setState(denied ? ConnectionState::Kind::Error : ConnectionState::Kind::BackingOff, e.message, delay,
                 denied ? e.httpStatus : 0, e);
        timer = client->schedule(delay, step<>([](Impl &self) {
                                     self.timer = 0;
                                     if (!self.synced)
                                         return self.relist();
                                     self.setState(ConnectionState::Kind::Connecting);
                                     self.startWatch();
                                 }));
    }
};

Reflector::Reflector(std::shared_ptr<http::Client> client, ReflectorOptions opts, Handler handler)
    : m_client(std::move(client)), m_impl(std::make_shared<Impl>(m_client.get(), std::move(opts), std::move(handler)))
{
}

Reflector::~Reflector()
{
    stop();
}

void Reflector::start()
{
    std::lock_guard lock(m_impl->stepMutex);
    if (m_impl->running)
        return;
    m_impl->running = true;
    m_impl->synced = false;
    m_impl->backoff.reset();
    ++m_impl->op;
    // Hop onto the network thread; every later step runs there.
    m_impl->timer = m_client->schedule(std::chrono::milliseconds(0), m_impl->step<>([](Impl &self) {
        self.timer = 0;
        self.relist();
    }));
}

void Reflector::stop()
{
    std::lock_guard lock(m_impl->stepMutex);
    if (!m_impl->running)
        return;
    m_impl->running = false;
    ++m_impl->op;
    if (m_impl->request)
        m_client->cancel(m_impl->request);
    if (m_impl->timer)
        m_client->cancel(m_impl->timer);
    m_impl->request = m_impl->timer = 0;
    m_impl->cancelProbe();
}

std::map<std::string, std::string> Reflector::versions() const
{
    std::lock_guard lock(m_impl->dataMutex);
    return m_impl->versions;
}

std::string Reflector::lastResourceVersion() const
{
    return m_impl->lastResourceVersion();
}

} // namespace kube::watch
