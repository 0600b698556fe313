#pragma once
// Internal to kube/sim: World's state. Every member function expects `mutex` to be held.
#include "kube/sim/world.h"

namespace kube::sim {

std::string objectKey(const std::string &ns, const std::string &name); // "ns/name", "/name"

struct World::Impl {
    explicit Impl(const WorldOptions &o);

    WorldOptions opt;
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    mutable uint64_t wakeGeneration = 0; // bumped by wakeAll()

    Time now{};
    Time nextSync{};
    uint64_t rv = 0;
    uint64_t compacted = 0; // changes with a resourceVersion <= compacted are gone from the log

    // resource -> objectKey -> object as served (with kind and apiVersion)
    std::map<std::string, std::map<std::string, json>> stores;
    struct Change {
        uint64_t rv = 0;
        std::string resource;
        std::string namespace_;
        std::string type;
        json object;
    };
    std::deque<Change> log;

    struct Dep {
        std::string namespace_, name, uid, rsName, rsUid;
        int32_t replicas = 0;
        int64_t cpuRequestMilli = 0;
    };
    std::map<std::string, Dep> deployments; // objectKey
    struct PodSim {
        std::string namespace_, name, uid, deployment; // deployment: objectKey
        Time created{}, runningAt{}, readyAt{};
        bool running = false, ready = false;
        int ipSuffix = 0;
        std::map<std::string, std::string> annotations; // metadata.annotations (PATCH pods)
    };
    std::map<std::string, PodSim> pods; // objectKey

    std::map<MetricKey, StoredMetric> metrics;
    hpa::Controller controller;
    std::mt19937 rng;
    uint64_t uidCounter = 0;
    uint64_t eventCounter = 0;
    int ipCounter = 0;

    // store (world.cpp)
    void put(const std::string &resource, json object); // assigns a resourceVersion, logs it
    void remove(const std::string &resource, const std::string &ns, const std::string &name);
    const json *find(const std::string &resource, const std::string &ns, const std::string &name) const;
    std::string newUid();
    std::string randomName(std::size_t length); // k8s.io/apimachinery/pkg/util/rand alphabet
    void advanceTo(Time target);

    // workloads (workloads.cpp)
    void addDeployment(const DeploymentSeed &seed);
    void scale(Dep &dep, int32_t replicas);
    void createPod(Dep &dep, bool settled);
    void deletePod(const std::string &key);
    void renderPod(const PodSim &pod);
    void renderDeployment(const Dep &dep);
    std::optional<Time> nextPodTransition() const;
    void runPodTransitions();
    std::vector<const PodSim *> podsOf(const std::string &deploymentKey) const;
    int64_t podCpuMilli(const PodSim &pod) const;
    json scaleOf(const Dep &dep) const;
    void emitEvent(const json &involved, const std::string &type, const std::string &reason,
                   const std::string &message, const std::string &component);
    void expireEvents();

    // the HPA controller loop (hpa_loop.cpp)
    void syncHpas();
};

} // namespace kube::sim
