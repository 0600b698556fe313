#include "real_run.h"

#include "verdicts.h"

#include "kube/api/pod.h"
#include "kube/api/quantity.h"
#include "kube/metrics/metrics_client.h"
#include "kube/watch/reflector.h"

#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

namespace diff {
namespace {

    using namespace std::chrono_literals;
    using Clock = std::chrono::steady_clock;
    using kube::api::CrossVersionObjectReference;
    using kube::api::Quantity;

    // kube-controller-manager's secure port (--secure-port default 10257), bound to 127.0.0.1 by
    // up.
    const char *const kControllerManager = "https://127.0.0.1:10257";
    // Deadlines: generous for a loaded 2-core machine, far below the test's budget.
    constexpr auto kSetupDeadline = 60s; // namespace + Deployment Ready
    constexpr auto kPhaseDeadline = 150s; // on top of the phase's quiet time (multi-step: 3 windows)
    constexpr auto kSettleQuiet = 2s; // after the HPA's first status: nothing moves
    constexpr auto kConditionsQuiet = 2s; // the final conditions held this long
    constexpr auto kWritesDeadline = 10s; // pod writes still in flight at the end
    // How often a waiting driver re-checks a time-based predicate (quiet periods); watch events
    // wake it at once.
    constexpr auto kRecheck = 100ms;
    // A pod's change this long before a status, on top of a sync period, may be unseen by the
    // sync that wrote it (watch latencies on a loaded 2-core machine).
    constexpr auto kRecentSlack = 500ms;

    const CrossVersionObjectReference kServiceRef { "v1", "Service", kService };

    struct NsState {
        bool podsKind = false;
        std::vector<std::pair<Clock::time_point, int>> spec; // spec.replicas changes
        int ready = -1;
        Conditions conditions;
        bool hpaSynced = false; // the HPA has a status with conditions
        Clock::time_point conditionsChanged { };
        std::set<std::string> pods; // live (no deletionTimestamp)
        std::string podValue; // the value every pod gets (Pods scenarios)
        int valuedPods = -1; // only this many pods get a value (-1: all)
        std::map<std::string, kube::api::Pod> podObjects; // live pods as last seen
        std::set<std::string> valued; // pods whose value the adapter stored
        std::map<std::string, Clock::time_point> changedAt; // when a pod appeared or got its value
        Millis syncPeriod { 1000 };
        // Every status of the HPA, as seen (wall clock, for kube/hpa's times).
        std::vector<SeenStatus> statuses;
        std::map<std::string, std::string> written;
        std::vector<std::string> errors;
    };

    // The watches of one run and what they saw, per namespace.
    class Observer {
    public:
        Observer(std::shared_ptr<kube::http::Client> client, const std::string &runId)
            : m_client(client)
            , m_metrics(client)
        {
            auto make = [&](const std::string &path,
                            std::function<void(kube::watch::EventType, const json &)> fn) {
                kube::watch::ReflectorOptions opts;
                opts.path = path;
                opts.labelSelector = std::string(kRunLabel) + "=" + runId;
                kube::watch::Reflector::Handler h;
                h.onSynced = [fn](const std::vector<json> &items) {
                    for (const auto &i : items)
                        fn(kube::watch::EventType::Added, i);
                };
                h.onEvent = fn;
                return std::make_unique<kube::watch::Reflector>(client, opts, h);
            };
            m_reflectors.push_back(make(
                "/apis/apps/v1/deployments", [this](auto, const json &o) { onDeployment(o); }));
            m_reflectors.push_back(make("/apis/autoscaling/v2/horizontalpodautoscalers",
                [this](auto, const json &o) { onHpa(o); }));
            m_reflectors.push_back(
                make("/api/v1/pods", [this](auto type, const json &o) { onPod(type, o); }));
            for (auto &r : m_reflectors)
                r->start();
        }
        ~Observer()
        {
            for (auto &r : m_reflectors)
                r->stop();
            // Pod writes started by the pod watch call back into this object: let them finish.
            std::unique_lock lock(mutex);
            waitUntil(
                lock, Clock::now() + kWritesDeadline, [this] { return m_writesInFlight == 0; });
        }

        std::mutex mutex;
        std::condition_variable changed;
        std::map<std::string, NsState> ns;

        // Waits until pred() (evaluated under the lock) or the deadline.
        bool waitUntil(std::unique_lock<std::mutex> &lock, Clock::time_point deadline,
            const std::function<bool()> &pred)
        {
            while (!pred()) {
                if (Clock::now() >= deadline)
                    return false;
                changed.wait_until(lock, std::min(deadline, Clock::now() + kRecheck));
            }
            return true;
        }

        // Called with `mutex` held; the callback runs later on the network thread.
        void writePods(const std::string &nsName, const std::vector<std::string> &pods,
            const std::string &value)
        {
            auto q = Quantity::parse(value);
            ++m_writesInFlight;
            m_metrics.writePodsMetric(nsName, pods, kMetric, q.value(), { },
                [this, nsName, value](kube::metrics::PodsWriteResult r) {
                    std::lock_guard lock(mutex);
                    if (!r.failed.empty())
                        ns[nsName].errors.push_back(r.summary().toString());
                    // A new phase's value was pushed while this older one was in flight, and
                    // this write may have landed after it: write the new one again.
                    NsState &st = ns[nsName];
                    if (!r.written.empty() && !st.podValue.empty() && st.podValue != value) {
                        for (const auto &p : r.written)
                            st.written[p] = st.podValue;
                        writePods(nsName, r.written, st.podValue);
                    }
                    ns[nsName].valued.insert(r.written.begin(), r.written.end());
                    for (const auto &p : r.written)
                        ns[nsName].changedAt[p] = Clock::now();
                    --m_writesInFlight;
                    changed.notify_all();
                });
        }

    private:
        static std::string nsOf(const json &o) { return o["metadata"].value("namespace", ""); }

        // The pods as the controller's lister holds them, and which have a value (Pods metrics).
        static kube::hpa::ObservedPods podsOf(const NsState &s)
        {
            kube::hpa::ObservedPods pods;
            for (const auto &[name, pod] : s.podObjects)
                pods.pods.push_back(kube::hpa::podInfoOf(pod));
            pods.withValues[0] = s.valued;
            // Within a sync period (plus the watch's latency) the controller may not have seen it.
            const auto recentFrom = Clock::now() - s.syncPeriod - kRecentSlack;
            for (const auto &[name, t] : s.changedAt)
                if (t >= recentFrom)
                    pods.recent.insert(name);
            return pods;
        }

        void onDeployment(const json &o)
        {
            std::lock_guard lock(mutex);
            NsState &s = ns[nsOf(o)];
            const int spec = o["spec"].value("replicas", 1);
            if (s.spec.empty() || s.spec.back().second != spec)
                s.spec.emplace_back(Clock::now(), spec);
            s.ready = o["status"].value("readyReplicas", 0);
            changed.notify_all();
        }

        void onHpa(const json &o)
        {
            std::lock_guard lock(mutex);
            NsState &s = ns[nsOf(o)];
            Conditions c;
            for (const auto &cond : o["status"].value("conditions", json::array()))
                c[cond.value("type", "")] = { cond.value("status", ""), cond.value("reason", ""),
                    cond.value("message", "") };
            if (!c.empty())
                s.hpaSynced = true;
            if (auto hpa = kube::api::decodeHorizontalPodAutoscaler(o))
                s.statuses.push_back({ std::chrono::system_clock::now(), std::move(hpa.value()),
                    s.podsKind ? podsOf(s) : kube::hpa::ObservedPods { } });
            else
                s.errors.push_back("undecodable HPA: " + hpa.error().toString());
            if (c != s.conditions) {
                s.conditions = c;
                s.conditionsChanged = Clock::now();
            }
            changed.notify_all();
        }

        void onPod(kube::watch::EventType type, const json &o)
        {
            std::lock_guard lock(mutex);
            const std::string nsName = nsOf(o);
            NsState &s = ns[nsName];
            const std::string name = o["metadata"].value("name", "");
            if (type == kube::watch::EventType::Deleted)
                s.podObjects.erase(name);
            else if (auto pod = kube::api::decodePod(o)) {
                const bool wasReady = s.podObjects.count(name) && s.podObjects[name].isReady();
                if (!s.podObjects.count(name) || wasReady != pod->isReady())
                    s.changedAt[name] = Clock::now();
                s.podObjects[name] = std::move(pod.value());
            }
            if (type == kube::watch::EventType::Deleted
                || o["metadata"].contains("deletionTimestamp")) {
                s.pods.erase(name);
            } else {
                s.pods.insert(name);
                // A new pod gets the current value at once, as the dashboard's Pods slider does
                // (unless the scenario leaves it without one).
                const bool limited = s.valuedPods >= 0 && !s.written.count(name)
                    && static_cast<int>(s.written.size()) >= s.valuedPods;
                if (s.podsKind && !limited && !s.podValue.empty() && s.written[name] != s.podValue) {
                    s.written[name] = s.podValue;
                    writePods(nsName, { name }, s.podValue);
                }
            }
            changed.notify_all();
        }

        std::shared_ptr<kube::http::Client> m_client;
        kube::metrics::MetricsClient m_metrics;
        std::vector<std::unique_ptr<kube::watch::Reflector>> m_reflectors;
        int m_writesInFlight = 0; // guarded by mutex
    };

    kube::Status post(kube::http::Client &client, const std::string &path, const json &body)
    {
        kube::http::Request req;
        req.method = "POST";
        req.path = path;
        req.body = body.dump();
        auto resp = client.sendSync(req);
        if (!resp)
            return resp.error();
        return kube::success();
    }

    class Driver {
    public:
        Driver(std::shared_ptr<kube::http::Client> client, Observer &obs, const Scenario &s,
            std::string runId, const ControllerFlags &flags)
            : m_client(client)
            , m_flags(flags)
            , m_metrics(client)
            , m_obs(obs)
            , m_s(s)
            , m_run(std::move(runId))
            , m_ns(namespaceOf(s, m_run))
        {
        }

        Trace run()
        {
            Trace t = play();
            // The controller's SuccessfulRescale events ("New size: 4; reason: ..."); the event
            // recorder folds repeats into one event with a count, so compare distinct messages.
            kube::http::Request req;
            req.path
                = "/api/v1/namespaces/" + m_ns + "/events?fieldSelector=reason%3DSuccessfulRescale";
            if (auto resp = m_client->sendSync(req)) {
                const json list = json::parse(resp->body, nullptr, false);
                for (const auto &e :
                    list.is_object() ? list.value("items", json::array()) : json::array())
                    t.rescales.insert(e.value("message", ""));
            } else if (t.error.empty()) {
                t.error = "events: " + resp.error().toString();
            }
            return t;
        }

    private:
        Trace play()
        {
            if (auto e = setUp(); !e.empty())
                return fail("set-up: " + e);
            // hpascope's own look at the target, as the dashboard's pod tracker takes it.
            kube::http::Request scale;
            scale.path = "/apis/apps/v1/namespaces/" + m_ns + "/deployments/" + m_s.target + "/scale";
            if (auto resp = m_client->sendSync(scale); !resp)
                m_scaleError = resp.error().message;
            std::unique_lock lock(m_obs.mutex);
            NsState &st = m_obs.ns[m_ns];
            // The controller synced and nothing moves: the starting point is settled.
            const auto settled = [&] { return st.hpaSynced && quietFor(st, m_t0, kSettleQuiet); };
            if (!m_obs.waitUntil(lock, Clock::now() + kPhaseDeadline, settled))
                return fail("the HPA never settled at its initial replicas", st);
            for (std::size_t i = 0; i < m_s.phases.size(); ++i) {
                const Phase &p = m_s.phases[i];
                // The value may be visible to the controller as soon as the write starts (a Pods
                // push is one write per pod): the phase's time is the start.
                const auto pushed = Clock::now();
                m_pushWall.push_back(std::chrono::system_clock::now());
                lock.unlock();
                const std::string e = push(p.value);
                lock.lock();
                if (!e.empty())
                    return fail("phase " + std::to_string(i) + " push: " + e, st);
                m_trace.pushes.push_back(rel(pushed));
                m_trace.pushLatency
                    = std::max(m_trace.pushLatency, rel(Clock::now()) - rel(pushed));
                const auto reached
                    = [&] { return current(st) == p.until && quietFor(st, pushed, p.quiet); };
                if (!m_obs.waitUntil(lock, pushed + p.quiet + kPhaseDeadline, reached))
                    return fail("phase " + std::to_string(i) + ": never " + std::to_string(p.until)
                            + " replicas for " + std::to_string(p.quiet.count()) + " ms",
                        st);
            }
            const auto condQuiet
                = [&] { return Clock::now() - st.conditionsChanged >= kConditionsQuiet; };
            if (!m_obs.waitUntil(lock, Clock::now() + kPhaseDeadline, condQuiet))
                return fail("the HPA conditions never settled", st);
            record(st);
            if (!st.errors.empty())
                m_trace.error = "metric writes failed: " + st.errors.front();
            return m_trace;
        }

        Millis rel(Clock::time_point t) const
        {
            return std::chrono::duration_cast<Millis>(t - m_t0);
        }
        static int current(const NsState &st)
        {
            return st.spec.empty() ? -1 : st.spec.back().second;
        }
        static bool quietFor(const NsState &st, Clock::time_point since, Clock::duration quiet)
        {
            const auto from = st.spec.empty() ? since : std::max(since, st.spec.back().first);
            return Clock::now() - from >= quiet;
        }

        void record(const NsState &st)
        {
            int atStart = -1;
            for (const auto &[t, r] : st.spec) {
                if (t <= m_t0)
                    atStart = r;
                else
                    m_trace.replicas.emplace_back(rel(t), r);
            }
            m_trace.replicas.insert(m_trace.replicas.begin(), { Millis(0), atStart });
            m_trace.conditions = st.conditions;
            m_trace.end = rel(Clock::now());
            m_trace.rescaleStatuses = rescalesOf(st.statuses);
            std::set<Millis> stamps;
            for (const SeenStatus &seen : st.statuses)
                if (const auto &t = seen.hpa.status.lastScaleTime)
                    stamps.insert(std::chrono::duration_cast<Millis>(*t - m_t0Wall));
            m_trace.scaleStamps.assign(stamps.begin(), stamps.end());
            m_trace.verdicts = verdictsOf(
                st.statuses, m_flags, m_scaleError, m_pushWall, std::chrono::system_clock::now());
        }

        Trace fail(std::string why, const NsState &st)
        {
            record(st);
            m_trace.error = std::move(why);
            return m_trace;
        }
        Trace fail(std::string why)
        {
            m_trace.error = std::move(why);
            return m_trace;
        }

        std::string setUp()
        {
            const json labels { { kRunLabel, m_run } };
            {
                std::lock_guard lock(m_obs.mutex);
                m_obs.ns[m_ns].podsKind = m_s.kind == MetricKind::Pods;
                m_obs.ns[m_ns].valuedPods = m_s.valuedPods;
                m_obs.ns[m_ns].syncPeriod = m_flags.syncPeriod;
            }
            auto s = post(*m_client, "/api/v1/namespaces",
                { { "metadata", { { "name", m_ns }, { "labels", labels } } } });
            if (s)
                s = post(*m_client, "/api/v1/namespaces/" + m_ns + "/services",
                    { { "metadata", { { "name", kService }, { "labels", labels } } },
                        { "spec",
                            { { "selector", { { "app", kDeployment } } },
                                { "ports", { { { "port", 80 } } } } } } });
            json podLabels { { "app", kDeployment }, { kRunLabel, m_run } };
            if (s)
                s = post(*m_client, "/apis/apps/v1/namespaces/" + m_ns + "/deployments",
                    { { "metadata", { { "name", kDeployment }, { "labels", labels } } },
                        { "spec",
                            { { "replicas", m_s.initialReplicas },
                                { "selector", { { "matchLabels", { { "app", kDeployment } } } } },
                                { "template",
                                    { { "metadata", { { "labels", podLabels } } },
                                        { "spec",
                                            { { "containers",
                                                { { { "name", "app" },
                                                    { "image",
                                                        "registry.k8s.io/"
                                                        "pause:3.10" } } } } } } } } } } });
            if (!s)
                return s.error().toString();
            {
                std::unique_lock lock(m_obs.mutex);
                NsState &st = m_obs.ns[m_ns];
                const auto ready = [&] {
                    return st.ready == m_s.initialReplicas
                        && static_cast<int>(st.pods.size()) == m_s.initialReplicas;
                };
                if (!m_obs.waitUntil(lock, Clock::now() + kSetupDeadline, ready))
                    return "the Deployment never had " + std::to_string(m_s.initialReplicas)
                        + " Ready pods";
            }
            if (auto e = push(m_s.initialValue); !e.empty())
                return e;
            json hpa { { "apiVersion", "autoscaling/v2" }, { "kind", "HorizontalPodAutoscaler" },
                { "metadata", { { "name", kDeployment }, { "labels", labels } } },
                { "spec", m_s.spec } };
            hpa["spec"]["scaleTargetRef"] = { { "apiVersion", "apps/v1" }, { "kind", "Deployment" },
                { "name", m_s.target } };
            s = post(*m_client,
                "/apis/autoscaling/v2/namespaces/" + m_ns + "/horizontalpodautoscalers", hpa);
            m_t0 = Clock::now();
            m_t0Wall = std::chrono::system_clock::now();
            return s ? std::string() : s.error().toString();
        }

        std::string push(const std::string &value)
        {
            if (value.empty())
                return { };
            auto q = Quantity::parse(value);
            if (!q)
                return q.error().toString();
            if (m_s.kind == MetricKind::Object) {
                auto s
                    = m_metrics.writeObjectMetricSync(m_ns, kServiceRef, kMetric, q.value(), { });
                return s ? std::string() : s.error().toString();
            }
            std::vector<std::string> pods;
            {
                std::lock_guard lock(m_obs.mutex);
                NsState &st = m_obs.ns[m_ns];
                st.podValue = value;
                for (const auto &p : st.pods) {
                    if (m_s.valuedPods >= 0 && !st.written.count(p)
                        && static_cast<int>(st.written.size()) >= m_s.valuedPods)
                        continue;
                    st.written[p] = value;
                    pods.push_back(p);
                }
            }
            auto r = m_metrics.writePodsMetricSync(m_ns, pods, kMetric, q.value(), { });
            {
                std::lock_guard lock(m_obs.mutex);
                m_obs.ns[m_ns].valued.insert(r.written.begin(), r.written.end());
                for (const auto &p : r.written)
                    m_obs.ns[m_ns].changedAt[p] = Clock::now();
            }
            return r.failed.empty() ? std::string() : r.summary().toString();
        }

        std::shared_ptr<kube::http::Client> m_client;
        ControllerFlags m_flags;
        kube::metrics::MetricsClient m_metrics;
        Observer &m_obs;
        const Scenario &m_s;
        std::string m_run, m_ns;
        Clock::time_point m_t0 = Clock::now();
        kube::api::Time m_t0Wall = std::chrono::system_clock::now(); // m_t0 on the wall clock
        Trace m_trace;
        std::optional<std::string> m_scaleError;
        std::vector<kube::api::Time> m_pushWall; // when each phase's write started (wall clock)
    };

} // namespace

std::string namespaceOf(const Scenario &scenario, const std::string &runId)
{
    return "diff-" + scenario.name + "-" + runId;
}

std::vector<Trace> runReal(const std::shared_ptr<kube::http::Client> &client,
    const std::vector<Scenario> &scenarios, const std::string &runId, const ControllerFlags &flags)
{
    Observer observer(client, runId);
    std::vector<Trace> traces(scenarios.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        threads.emplace_back(
            [&, i] { traces[i] = Driver(client, observer, scenarios[i], runId, flags).run(); });
    for (auto &t : threads)
        t.join();
    return traces;
}

void deleteNamespaces(const std::shared_ptr<kube::http::Client> &client,
    const std::vector<Scenario> &scenarios, const std::string &runId)
{
    for (const auto &s : scenarios) {
        kube::http::Request req;
        req.method = "DELETE";
        req.path = "/api/v1/namespaces/" + namespaceOf(s, runId);
        (void)client->sendSync(req); // best effort: the namespace controller finishes on its own
    }
}

void settleHalfWrittenPhases(const Scenario &scenario, const ControllerFlags &flags, Trace &trace)
{
    if (scenario.kind != MetricKind::Pods || trace.replicas.size() < 3)
        return;
    const Millis slack { 1000 };
    auto inWrite = [&](Millis t) {
        return std::any_of(trace.pushes.begin(), trace.pushes.end(), [&](Millis p) {
            return t >= p && t <= p + trace.pushLatency + flags.syncPeriod + slack;
        });
    };
    for (std::size_t k = 1; k + 1 < trace.replicas.size();) {
        const auto [t, n] = trace.replicas[k];
        const int before = trace.replicas[k - 1].second, after = trace.replicas[k + 1].second;
        const bool between = (before < n && n < after) || (before > n && n > after);
        const bool corrected = trace.replicas[k + 1].first - t <= 2 * flags.syncPeriod + slack;
        if (!between || !corrected || !inWrite(t)) {
            ++k;
            continue;
        }
        trace.settled += (trace.settled.empty() ? "" : ", ") + std::to_string(before) + "→" + std::to_string(n)
            + "→" + std::to_string(after) + " at +" + std::to_string(t.count()) + " ms";
        std::erase_if(trace.rescales, [n](const std::string &m) {
            return m.rfind("New size: " + std::to_string(n) + ";", 0) == 0;
        });
        trace.replicas.erase(trace.replicas.begin() + static_cast<std::ptrdiff_t>(k));
    }
}

} // namespace diff
