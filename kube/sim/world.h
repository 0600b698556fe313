#pragma once
// The demo cluster's state: namespaces, services, deployments with their ReplicaSet and pods,
// HPAs, core/v1 events and custom metric values, on a virtual clock. The HPA controller loop is
// kube/hpa's port of the real controller; the deployment/ReplicaSet/kubelet behaviour is a small
// imitation (pods Pending -> Running -> Ready after a delay, scale-down deletes unready then newest).
// Objects are kept as the JSON the API server would return, with resourceVersions and a change
// log that watches read. Every public member is thread-safe (one mutex).
//
// CPU usage per pod: the pod annotation kwok.x-k8s.io/usage-cpu, as kwok's usage-from-annotation
// reads it (every pod runs on the node kDemoNodeName, annotated kwok.x-k8s.io/node: fake as a
// kwok node is). Without it, the demo's CPU load model:
//
// CPU load: a custom metric named "cpu-load" written on a Deployment (adapter path
// .../namespaces/{ns}/deployments.apps/{name}/cpu-load, e.g. "600m") is the deployment's total
// CPU demand in cores; it is shared evenly by its Ready pods, which is what a Resource cpu HPA
// then reads as pod usage (percent of the pod's CPU request).
#include "kube/api/quantity.h"
#include "kube/core/result.h"
#include "kube/hpa/controller.h"
#include "kube/metrics/selector.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace kube::sim {

using Time = std::chrono::system_clock::time_point;
using Millis = std::chrono::milliseconds;
using nlohmann::json;

// The one node every demo pod runs on; it carries kwok's node annotation (kube/metrics/kwok_usage.h).
inline constexpr const char *kDemoNodeName = "hpascope-demo-node";

struct WorldOptions {
    std::optional<Time> start;      // the clock's start; wall-clock now when unset
    Millis syncPeriod{15000};       // --horizontal-pod-autoscaler-sync-period default (15 s)
    Millis podStartDelay{2000};     // Pending -> Running (scheduling + image already present)
    Millis podReadyDelay{10000};    // creation -> Ready (a readiness probe's first success)
    std::chrono::seconds downscaleStabilization{300}; // the controller flag's default
    std::size_t changeLogCapacity = 10000; // changes kept for watches; older RVs get 410 Expired
    std::chrono::seconds eventTtl{3600};   // kube-apiserver --event-ttl default (1 h)
    unsigned seed = 1;                     // pod-name and uid generator
};

// A custom metric as the test adapter stores it: (namespace, group-qualified resource, name,
// metric). A Namespace's own metrics (write-metrics/namespaces/{name}/metrics/{metric}) use
// namespace "", resource "namespaces" and the namespace as name, as the adapter keys them.
struct MetricKey {
    std::string namespace_;
    std::string resource; // "services", "pods", "deployments.apps", ...
    std::string name;
    std::string metric;
    auto operator<=>(const MetricKey &) const = default;
};

struct StoredMetric {
    api::Quantity value;
    metrics::Labels labels;
    Time written{};
};

// The label and field selectors of a list or watch request.
struct Filter {
    metrics::Selector labels;
    struct Field {
        std::string path; // dotted JSON path, e.g. involvedObject.name
        std::string value;
        bool negate = false;
    };
    std::vector<Field> fields;
    static Result<Filter> parse(const std::string &labelSelector, const std::string &fieldSelector);
    bool matches(const json &object) const;
};

struct DeploymentSeed {
    std::string namespace_ = "default";
    std::string name;
    int32_t replicas = 1;
    int64_t cpuRequestMilli = 200;
    // Pods already Ready at the start (created an hour earlier), so the demo starts settled.
    bool podsSettled = true;
};

struct WatchEvent {
    uint64_t resourceVersion = 0;
    std::string type; // ADDED, MODIFIED, DELETED
    json object;
};

struct WatchBatch {
    bool expired = false;        // the requested resourceVersion is older than the change log
    uint64_t oldestAvailable = 0; // for the 410 message
    std::vector<WatchEvent> events;
    uint64_t resourceVersion = 0; // the world's resourceVersion when read
};

class World {
public:
    explicit World(WorldOptions options = {});
    ~World();
    World(const World &) = delete;
    World &operator=(const World &) = delete;

    // The seeded scenario (see scenario.cpp): web / worker / api / batch with their HPAs.
    static std::unique_ptr<World> demo(WorldOptions options = {});

    const WorldOptions &options() const { return m_options; }

    // --- clock --------------------------------------------------------------------------
    Time now() const;
    // Advances simulated time, running every pod transition and HPA sync at its exact time.
    void advance(Millis duration);
    Time nextSync() const;

    // --- API reads ------------------------------------------------------------------------
    // Resources: namespaces, nodes, services, deployments, replicasets, pods, events,
    // horizontalpodautoscalers.
    static bool servesResource(const std::string &resource);
    struct ListResult {
        std::vector<json> items;
        uint64_t resourceVersion = 0;
    };
    // ns empty: all namespaces.
    ListResult list(const std::string &resource, const std::string &ns, const Filter &filter) const;
    std::optional<json> get(const std::string &resource, const std::string &ns, const std::string &name) const;
    uint64_t resourceVersion() const;
    // Changes after `resourceVersion` (exclusive) of one resource; ns empty: all namespaces.
    WatchBatch changesSince(const std::string &resource, const std::string &ns, uint64_t resourceVersion,
                            const Filter &filter) const;
    // Waits (real time) until resourceVersion() > rv, the deadline passes or wakeAll() is called.
    void waitForChange(uint64_t rv, std::chrono::steady_clock::time_point deadline) const;
    void wakeAll() const;

    // autoscaling/v1 Scale of a deployment, or nullopt.
    std::optional<json> deploymentScale(const std::string &ns, const std::string &name) const;
    // PUT scale: what the HPA controller (or kubectl scale) does.
    Status scaleDeployment(const std::string &ns, const std::string &name, int32_t replicas);
    // PATCH a pod (JSON merge patch of metadata.annotations only): the stored pod, or 404 / 422.
    Result<json> patchPod(const std::string &ns, const std::string &name, const json &patch);

    // --- seeding --------------------------------------------------------------------------
    void addNamespace(const std::string &name);
    void addService(const std::string &ns, const std::string &name, const json &spec = json::object());
    void addDeployment(const DeploymentSeed &seed);
    // An autoscaling/v2 HorizontalPodAutoscaler (metadata.name/namespace, spec); defaults filled.
    Status addHpa(json hpa);

    // --- custom metrics (the test adapter's store) ----------------------------------------
    void writeMetric(const MetricKey &key, const api::Quantity &value, const metrics::Labels &labels = {});
    std::optional<StoredMetric> metric(const MetricKey &key) const;
    std::vector<MetricKey> metricKeys() const;
    // The adapter's hard-coded external metrics (test-adapter/provider/provider.go).
    struct ExternalValue {
        std::string name;
        metrics::Labels labels;
        api::Quantity value;
    };
    static std::vector<ExternalValue> externalMetrics(const std::string &name, const metrics::Selector &selector);
    // metrics.k8s.io view: CPU usage (milli-cores) of each Running pod in ns.
    std::map<std::string, int64_t> podCpuUsageMilli(const std::string &ns) const;

    // --- HPA controller -------------------------------------------------------------------
    void syncHpasNow(); // one controller pass at now() (the clock also runs them every period)
    std::optional<hpa::HpaHistory> hpaHistory(const std::string &ns, const std::string &name) const;
    hpa::ControllerConfig controllerConfig() const;

    struct Impl;

private:
    WorldOptions m_options;
    std::unique_ptr<Impl> m_impl;
};

// Group-qualified resource the way the adapter's RESTMapper normalizes it:
// "deployments" -> "deployments.apps", "services" stays.
std::string normalizeResource(const std::string &resource);

} // namespace kube::sim
