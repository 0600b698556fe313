#include "kube/sim/world_impl.h"

#include "kube/api/meta.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace kube::sim {
namespace {

struct ResourceInfo {
    const char *resource;
    bool namespaced;
};
constexpr ResourceInfo kResources[] = {
    {"namespaces", false}, {"nodes", false}, {"services", true}, {"deployments", true}, {"replicasets", true},
    {"pods", true},        {"events", true},   {"horizontalpodautoscalers", true},
};

std::string nsOf(const json &object)
{
    return object["metadata"].value("namespace", std::string());
}

} // namespace

std::string objectKey(const std::string &ns, const std::string &name)
{
    return ns + "/" + name;
}

// ---------------------------------------------------------------------------------------------

World::Impl::Impl(const WorldOptions &o) : opt(o), rng(o.seed)
{
    hpa::ControllerConfig config;
    config.syncPeriod = std::chrono::duration_cast<hpa::Seconds>(o.syncPeriod);
    config.downscaleStabilization = o.downscaleStabilization;
    controller = hpa::Controller(config);
    now = o.start.value_or(std::chrono::system_clock::now());
    nextSync = now;
}

void World::Impl::put(const std::string &resource, json object)
{
    const std::string ns = nsOf(object);
    const std::string name = object["metadata"].value("name", std::string());
    object["metadata"]["resourceVersion"] = std::to_string(++rv);
    auto &store = stores[resource];
    const std::string key = objectKey(ns, name);
    const bool existed = store.count(key) != 0;
    store[key] = object;
    log.push_back({rv, resource, ns, existed ? "MODIFIED" : "ADDED", std::move(object)});
    while (log.size() > opt.changeLogCapacity) {
        compacted = log.front().rv;
        log.pop_front();
    }
}

void World::Impl::remove(const std::string &resource, const std::string &ns, const std::string &name)
{
    auto &store = stores[resource];
    const auto it = store.find(objectKey(ns, name));
    if (it == store.end())
        return;
    json object = std::move(it->second);
    store.erase(it);
    object["metadata"]["resourceVersion"] = std::to_string(++rv);
    log.push_back({rv, resource, ns, "DELETED", std::move(object)});
    while (log.size() > opt.changeLogCapacity) {
        compacted = log.front().rv;
        log.pop_front();
    }
}

const json *World::Impl::find(const std::string &resource, const std::string &ns, const std::string &name) const
{
    const auto s = stores.find(resource);
    if (s == stores.end())
        return nullptr;
    const auto it = s->second.find(objectKey(ns, name));
    return it == s->second.end() ? nullptr : &it->second;
}

std::string World::Impl::newUid()
{
    // Deterministic per seed, shaped like a UUID.
    ++uidCounter;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-8%03x-%012llx", static_cast<unsigned>(rng()),
                  static_cast<unsigned>(rng() & 0xffff), static_cast<unsigned>(rng() & 0xfff),
                  static_cast<unsigned>(rng() & 0xfff), static_cast<unsigned long long>(uidCounter));
    return buf;
}

std::string World::Impl::randomName(std::size_t length)
{
    // k8s.io/apimachinery/pkg/util/rand: no vowels and no confusable characters.
    static const char kAlphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    std::string out;
    for (std::size_t i = 0; i < length; ++i)
        out += kAlphabet[rng() % (sizeof kAlphabet - 1)];
    return out;
}

void World::Impl::advanceTo(Time target)
{
    for (;;) {
        Time next = nextSync;
        if (auto p = nextPodTransition(); p && *p < next)
            next = *p;
        if (next > target)
            break;
        now = std::max(now, next);
        runPodTransitions();
        if (nextSync <= now) {
            syncHpas();
            nextSync += opt.syncPeriod;
        }
    }
    now = std::max(now, target);
    expireEvents();
}

// ---------------------------------------------------------------------------------------------

World::World(WorldOptions options) : m_options(options), m_impl(std::make_unique<Impl>(options))
{
    std::lock_guard lock(m_impl->mutex);
    for (const char *ns : {"default", "kube-system", "kube-public"}) {
        m_impl->put("namespaces", {{"apiVersion", "v1"}, {"kind", "Namespace"},
                                   {"metadata", {{"name", ns}, {"uid", m_impl->newUid()},
                                                 {"creationTimestamp", api::formatTime(m_impl->now)},
                                                 {"labels", {{"kubernetes.io/metadata.name", ns}}}}},
                                   {"spec", {{"finalizers", {"kubernetes"}}}},
                                   {"status", {{"phase", "Active"}}}});
    }
    // The node the demo's pods run on, marked as one kwok manages (tests/cluster/manifests/node.yaml).
    m_impl->put("nodes", {{"apiVersion", "v1"}, {"kind", "Node"},
                          {"metadata", {{"name", kDemoNodeName}, {"uid", m_impl->newUid()},
                                        {"creationTimestamp", api::formatTime(m_impl->now)},
                                        {"annotations", {{"kwok.x-k8s.io/node", "fake"}}},
                                        {"labels", {{"kubernetes.io/hostname", kDemoNodeName}, {"type", "kwok"}}}}},
                          {"status", {{"conditions", {{{"type", "Ready"}, {"status", "True"}}}}}}});
}

World::~World() = default;

Time World::now() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->now;
}

Time World::nextSync() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->nextSync;
}

void World::advance(Millis duration)
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->advanceTo(m_impl->now + duration);
    }
    m_impl->changed.notify_all();
}

bool World::servesResource(const std::string &resource)
{
    return std::any_of(std::begin(kResources), std::end(kResources),
                       [&](const ResourceInfo &r) { return resource == r.resource; });
}

World::ListResult World::list(const std::string &resource, const std::string &ns, const Filter &filter) const
{
    std::lock_guard lock(m_impl->mutex);
    ListResult out;
    out.resourceVersion = m_impl->rv;
    const auto s = m_impl->stores.find(resource);
    if (s == m_impl->stores.end())
        return out;
    for (const auto &[key, object] : s->second)
        if ((ns.empty() || nsOf(object) == ns) && filter.matches(object))
            out.items.push_back(object);
    return out;
}

std::optional<json> World::get(const std::string &resource, const std::string &ns, const std::string &name) const
{
    std::lock_guard lock(m_impl->mutex);
    if (const json *o = m_impl->find(resource, ns, name))
        return *o;
    return std::nullopt;
}

uint64_t World::resourceVersion() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->rv;
}

WatchBatch World::changesSince(const std::string &resource, const std::string &ns, uint64_t resourceVersion,
                               const Filter &filter) const
{
    std::lock_guard lock(m_impl->mutex);
    WatchBatch out;
    out.resourceVersion = m_impl->rv;
    out.oldestAvailable = m_impl->compacted + 1;
    if (resourceVersion < m_impl->compacted) {
        out.expired = true;
        return out;
    }
    // The log is ordered by resourceVersion: start at the first newer entry.
    auto it = std::upper_bound(m_impl->log.begin(), m_impl->log.end(), resourceVersion,
                               [](uint64_t v, const Impl::Change &c) { return v < c.rv; });
    for (; it != m_impl->log.end(); ++it)
        if (it->resource == resource && (ns.empty() || it->namespace_ == ns) && filter.matches(it->object))
            out.events.push_back({it->rv, it->type, it->object});
    return out;
}

void World::waitForChange(uint64_t rv, std::chrono::steady_clock::time_point deadline) const
{
    std::unique_lock lock(m_impl->mutex);
    const uint64_t generation = m_impl->wakeGeneration;
    m_impl->changed.wait_until(lock, deadline,
                               [&] { return m_impl->rv > rv || m_impl->wakeGeneration != generation; });
}

void World::wakeAll() const
{
    {
        std::lock_guard lock(m_impl->mutex);
        ++m_impl->wakeGeneration;
    }
    m_impl->changed.notify_all();
}

void World::writeMetric(const MetricKey &key, const api::Quantity &value, const metrics::Labels &labels)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->metrics[key] = {value, labels, m_impl->now};
}

std::optional<StoredMetric> World::metric(const MetricKey &key) const
{
    std::lock_guard lock(m_impl->mutex);
    const auto it = m_impl->metrics.find(key);
    if (it == m_impl->metrics.end())
        return std::nullopt;
    return it->second;
}

std::vector<MetricKey> World::metricKeys() const
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<MetricKey> out;
    for (const auto &[key, value] : m_impl->metrics)
        out.push_back(key);
    return out;
}

std::vector<World::ExternalValue> World::externalMetrics(const std::string &name, const metrics::Selector &selector)
{
    // testingExternalMetrics in sigs.k8s.io/custom-metrics-apiserver test-adapter/provider/provider.go
    static const std::vector<ExternalValue> kFixed = {
        {"my-external-metric", {{"foo", "bar"}}, api::Quantity::fromInt64(42)},
        {"my-external-metric", {{"foo", "baz"}}, api::Quantity::fromInt64(43)},
        {"other-external-metric", {}, api::Quantity::fromInt64(44)},
    };
    std::vector<ExternalValue> out;
    for (const auto &v : kFixed)
        if (v.name == name && selector.matches(v.labels))
            out.push_back(v);
    return out;
}

std::map<std::string, int64_t> World::podCpuUsageMilli(const std::string &ns) const
{
    std::lock_guard lock(m_impl->mutex);
    std::map<std::string, int64_t> out;
    for (const auto &[key, pod] : m_impl->pods)
        if (pod.running && (ns.empty() || pod.namespace_ == ns))
            out[key] = m_impl->podCpuMilli(pod);
    return out;
}

void World::syncHpasNow()
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->syncHpas();
    }
    m_impl->changed.notify_all();
}

std::optional<hpa::HpaHistory> World::hpaHistory(const std::string &ns, const std::string &name) const
{
    std::lock_guard lock(m_impl->mutex);
    if (const hpa::HpaHistory *h = std::as_const(m_impl->controller).history(ns + "/" + name))
        return *h;
    return std::nullopt;
}

hpa::ControllerConfig World::controllerConfig() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->controller.config();
}

void World::addNamespace(const std::string &name)
{
    {
        std::lock_guard lock(m_impl->mutex);
        if (m_impl->find("namespaces", "", name))
            return;
        m_impl->put("namespaces", {{"apiVersion", "v1"}, {"kind", "Namespace"},
                                   {"metadata", {{"name", name}, {"uid", m_impl->newUid()},
                                                 {"creationTimestamp", api::formatTime(m_impl->now)},
                                                 {"labels", {{"kubernetes.io/metadata.name", name}}}}},
                                   {"spec", {{"finalizers", {"kubernetes"}}}},
                                   {"status", {{"phase", "Active"}}}});
    }
    m_impl->changed.notify_all();
}

void World::addService(const std::string &ns, const std::string &name, const json &spec)
{
    {
        std::lock_guard lock(m_impl->mutex);
        json s = spec.is_object() ? spec : json::object();
        if (!s.contains("type"))
            s["type"] = "ClusterIP";
        m_impl->put("services", {{"apiVersion", "v1"}, {"kind", "Service"},
                                 {"metadata", {{"name", name}, {"namespace", ns}, {"uid", m_impl->newUid()},
                                               {"creationTimestamp", api::formatTime(m_impl->now)}}},
                                 {"spec", s},
                                 {"status", {{"loadBalancer", json::object()}}}});
    }
    m_impl->changed.notify_all();
}

void World::addDeployment(const DeploymentSeed &seed)
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->addDeployment(seed);
    }
    m_impl->changed.notify_all();
}

Status World::addHpa(json hpa)
{
    {
        std::lock_guard lock(m_impl->mutex);
        if (!hpa.is_object() || !hpa.contains("metadata") || !hpa.contains("spec"))
            return makeError(Error::Kind::Invalid, "an HPA needs metadata and spec");
        hpa["apiVersion"] = "autoscaling/v2";
        hpa["kind"] = "HorizontalPodAutoscaler";
        json &meta = hpa["metadata"];
        if (!meta.contains("namespace"))
            meta["namespace"] = "default";
        meta["uid"] = m_impl->newUid();
        meta["generation"] = 1;
        meta["creationTimestamp"] = api::formatTime(m_impl->now);
        if (!hpa["spec"].contains("minReplicas")) // SetDefaults_HorizontalPodAutoscaler
            hpa["spec"]["minReplicas"] = 1;
        if (!hpa.contains("status"))
            hpa["status"] = {{"desiredReplicas", 0}};
        auto decoded = api::decodeHorizontalPodAutoscaler(hpa);
        if (!decoded)
            return decoded.error();
        m_impl->put("horizontalpodautoscalers", std::move(hpa));
    }
    m_impl->changed.notify_all();
    return success();
}

std::optional<json> World::deploymentScale(const std::string &ns, const std::string &name) const
{
    std::lock_guard lock(m_impl->mutex);
    const auto it = m_impl->deployments.find(objectKey(ns, name));
    if (it == m_impl->deployments.end())
        return std::nullopt;
    return m_impl->scaleOf(it->second);
}

Status World::scaleDeployment(const std::string &ns, const std::string &name, int32_t replicas)
{
    {
        std::lock_guard lock(m_impl->mutex);
        const auto it = m_impl->deployments.find(objectKey(ns, name));
        if (it == m_impl->deployments.end()) {
            Error e = makeError(Error::Kind::Http, "deployments.apps \"" + name + "\" not found");
            e.httpStatus = 404;
            e.reason = "NotFound";
            return e;
        }
        if (replicas < 0)
            return makeError(Error::Kind::Invalid, "spec.replicas: must be greater than or equal to 0");
        m_impl->scale(it->second, replicas);
    }
    m_impl->changed.notify_all();
    return success();
}

} // namespace kube::sim
