// What the deployment controller, the ReplicaSet controller and the kubelet would do, reduced to
// the parts an HPA dashboard sees: replica counts, pods with phase and readiness, and events.
#include "kube/sim/world_impl.h"

#include "kube/metrics/kwok_usage.h"

#include <algorithm>
#include <cstdio>

namespace kube::sim {
namespace {

// A 128 MiB memory request, in milli-units as the HPA port counts requests.
constexpr int64_t kMemoryRequestMilli = 128LL * 1024 * 1024 * 1000;
// Pods seeded as "already running" were created this long before the clock starts (longer than
// the controller's 300 s CPU initialization period, so they count as fully ready).
constexpr std::chrono::hours kSettledAge{1};
const char *const kImage = "registry.k8s.io/pause:3.10";

json condition(const std::string &type, bool status, Time since, const std::string &reason = {},
               const std::string &message = {})
{
    json c{{"type", type}, {"status", status ? "True" : "False"}, {"lastProbeTime", nullptr},
           {"lastTransitionTime", api::formatTime(since)}};
    if (!reason.empty())
        c["reason"] = reason;
    if (!message.empty())
        c["message"] = message;
    return c;
}

json containerSpec(int64_t cpuRequestMilli)
{
    return {{"name", "app"},
            {"image", kImage},
            {"resources", {{"requests", {{"cpu", api::Quantity::fromMilli(cpuRequestMilli).toString()},
                                         {"memory", "128Mi"}}}}}};
}

} // namespace

void World::Impl::addDeployment(const DeploymentSeed &seed)
{
    Dep dep;
    dep.namespace_ = seed.namespace_;
    dep.name = seed.name;
    dep.uid = newUid();
    dep.rsName = seed.name + "-" + randomName(10); // pod-template-hash
    dep.rsUid = newUid();
    dep.cpuRequestMilli = seed.cpuRequestMilli;
    const std::string key = objectKey(dep.namespace_, dep.name);
    dep.replicas = seed.replicas;
    auto &stored = deployments[key] = dep;
    for (int32_t i = 0; i < seed.replicas; ++i)
        createPod(stored, seed.podsSettled);
    renderDeployment(stored);
}

json World::Impl::scaleOf(const Dep &dep) const
{
    const json *d = find("deployments", dep.namespace_, dep.name);
    const json &meta = (*d)["metadata"];
    return {{"kind", "Scale"},
            {"apiVersion", "autoscaling/v1"},
            {"metadata", {{"name", dep.name}, {"namespace", dep.namespace_}, {"uid", dep.uid},
                          {"resourceVersion", meta["resourceVersion"]},
                          {"creationTimestamp", meta["creationTimestamp"]}}},
            {"spec", {{"replicas", dep.replicas}}},
            {"status", {{"replicas", static_cast<int32_t>(podsOf(objectKey(dep.namespace_, dep.name)).size())},
                        {"selector", "app=" + dep.name}}}};
}

std::vector<const World::Impl::PodSim *> World::Impl::podsOf(const std::string &deploymentKey) const
{
    std::vector<const PodSim *> out;
    for (const auto &[key, pod] : pods)
        if (pod.deployment == deploymentKey)
            out.push_back(&pod);
    return out;
}

void World::Impl::renderDeployment(const Dep &dep)
{
    const json *old = find("deployments", dep.namespace_, dep.name);
    const auto owned = podsOf(objectKey(dep.namespace_, dep.name));
    const int32_t total = static_cast<int32_t>(owned.size());
    const int32_t ready = static_cast<int32_t>(std::count_if(owned.begin(), owned.end(), [](auto *p) { return p->ready; }));
    int64_t generation = old ? (*old)["metadata"].value("generation", int64_t{1}) : 1;
    const bool specChanged = old && (*old)["spec"].value("replicas", -1) != dep.replicas;
    if (specChanged)
        ++generation;
    const std::string created = old ? (*old)["metadata"].value("creationTimestamp", api::formatTime(now)) : api::formatTime(now);
    const json labels{{"app", dep.name}};
    const json podLabels{{"app", dep.name}, {"pod-template-hash", dep.rsName.substr(dep.name.size() + 1)}};
    const json container = containerSpec(dep.cpuRequestMilli);

    // Go omits zero counts (omitempty).
    auto counts = [&](json &status) {
        if (total)
            status["replicas"] = total, status["updatedReplicas"] = total;
        if (ready)
            status["readyReplicas"] = ready, status["availableReplicas"] = ready;
        if (total - ready > 0)
            status["unavailableReplicas"] = total - ready;
    };
    json depStatus{{"observedGeneration", generation}};
    counts(depStatus);
    const Time created_t = now;
    const bool available = ready > 0 || dep.replicas == 0;
    depStatus["conditions"] = json::array(
        {condition("Available", available, created_t,
                   available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                   available ? "Deployment has minimum availability." : "Deployment does not have minimum availability."),
         condition("Progressing", true, created_t, "NewReplicaSetAvailable",
                   "ReplicaSet \"" + dep.rsName + "\" has successfully progressed.")});
    // Keep condition transition times stable when the status did not flip.
    if (old && (*old)["status"].contains("conditions"))
        for (auto &c : depStatus["conditions"])
            for (const auto &o : (*old)["status"]["conditions"])
                if (o["type"] == c["type"] && o["status"] == c["status"])
                    c["lastTransitionTime"] = o["lastTransitionTime"];

    json deployment{
        {"apiVersion", "apps/v1"},
        {"kind", "Deployment"},
        {"metadata", {{"name", dep.name}, {"namespace", dep.namespace_}, {"uid", dep.uid},
                      {"generation", generation}, {"creationTimestamp", created}, {"labels", labels},
                      {"annotations", {{"deployment.kubernetes.io/revision", "1"}}}}},
        {"spec", {{"replicas", dep.replicas},
                  {"selector", {{"matchLabels", labels}}},
                  {"template", {{"metadata", {{"labels", labels}}}, {"spec", {{"containers", {container}}}}}},
                  {"strategy", {{"type", "RollingUpdate"},
                                {"rollingUpdate", {{"maxUnavailable", "25%"}, {"maxSurge", "25%"}}}}},
                  {"revisionHistoryLimit", 10},
                  {"progressDeadlineSeconds", 600}}},
        {"status", depStatus}};
    if (!old || (*old)["spec"] != deployment["spec"] || (*old)["status"] != deployment["status"])
        put("deployments", deployment);

    const json *oldRs = find("replicasets", dep.namespace_, dep.rsName);
    json rsStatus{{"observedGeneration", 1}, {"replicas", total}};
    if (total)
        rsStatus["fullyLabeledReplicas"] = total;
    if (ready)
        rsStatus["readyReplicas"] = ready, rsStatus["availableReplicas"] = ready;
    json rs{{"apiVersion", "apps/v1"},
            {"kind", "ReplicaSet"},
            {"metadata", {{"name", dep.rsName}, {"namespace", dep.namespace_}, {"uid", dep.rsUid},
                          {"generation", 1}, {"creationTimestamp", created}, {"labels", podLabels},
                          {"ownerReferences", {{{"apiVersion", "apps/v1"}, {"kind", "Deployment"},
                                                {"name", dep.name}, {"uid", dep.uid}, {"controller", true},
                                                {"blockOwnerDeletion", true}}}}}},
            {"spec", {{"replicas", dep.replicas},
                      {"selector", {{"matchLabels", podLabels}}},
                      {"template", {{"metadata", {{"labels", podLabels}}}, {"spec", {{"containers", {container}}}}}}}},
            {"status", rsStatus}};
    if (!oldRs || (*oldRs)["spec"] != rs["spec"] || (*oldRs)["status"] != rs["status"])
        put("replicasets", rs);
}

void World::Impl::createPod(Dep &dep, bool settled)
{
    PodSim pod;
    pod.namespace_ = dep.namespace_;
    pod.name = dep.rsName + "-" + randomName(5);
    pod.uid = newUid();
    pod.deployment = objectKey(dep.namespace_, dep.name);
    pod.created = settled ? now - kSettledAge : now;
    pod.runningAt = pod.created + opt.podStartDelay;
    pod.readyAt = pod.created + std::max(opt.podReadyDelay, opt.podStartDelay);
    pod.running = pod.runningAt <= now;
    pod.ready = pod.readyAt <= now;
    pod.ipSuffix = ++ipCounter;
    const std::string key = objectKey(pod.namespace_, pod.name);
    pods[key] = pod;
    renderPod(pods[key]);
    if (!settled)
        emitEvent({{"kind", "ReplicaSet"}, {"namespace", dep.namespace_}, {"name", dep.rsName},
                   {"uid", dep.rsUid}, {"apiVersion", "apps/v1"}},
                  "Normal", "SuccessfulCreate", "Created pod: " + pod.name, "replicaset-controller");
}

void World::Impl::deletePod(const std::string &key)
{
    const auto it = pods.find(key);
    if (it == pods.end())
        return;
    const PodSim pod = it->second;
    pods.erase(it);
    remove("pods", pod.namespace_, pod.name);
    const auto d = deployments.find(pod.deployment);
    if (d != deployments.end())
        emitEvent({{"kind", "ReplicaSet"}, {"namespace", pod.namespace_}, {"name", d->second.rsName},
                   {"uid", d->second.rsUid}, {"apiVersion", "apps/v1"}},
                  "Normal", "SuccessfulDelete", "Deleted pod: " + pod.name, "replicaset-controller");
}

void World::Impl::renderPod(const PodSim &pod)
{
    const auto d = deployments.find(pod.deployment);
    if (d == deployments.end())
        return;
    const Dep &dep = d->second;
    json conditions = json::array();
    json status{{"qosClass", "Burstable"}, {"hostIP", "10.77.0.10"}};
    if (pod.running) {
        const Time readyT = pod.ready ? pod.readyAt : pod.runningAt;
        conditions.push_back(condition("PodReadyToStartContainers", true, pod.runningAt));
        conditions.push_back(condition("Initialized", true, pod.created));
        conditions.push_back(pod.ready ? condition("Ready", true, readyT)
                                       : condition("Ready", false, readyT, "ContainersNotReady",
                                                   "containers with unready status: [app]"));
        conditions.push_back(pod.ready ? condition("ContainersReady", true, readyT)
                                       : condition("ContainersReady", false, readyT, "ContainersNotReady",
                                                   "containers with unready status: [app]"));
        conditions.push_back(condition("PodScheduled", true, pod.created));
        status["phase"] = "Running";
        status["startTime"] = api::formatTime(pod.runningAt);
        const std::string ip = "10.244.0." + std::to_string(pod.ipSuffix % 250 + 2);
        status["podIP"] = ip;
        status["podIPs"] = {{{"ip", ip}}};
        status["containerStatuses"] = {{{"name", "app"}, {"image", kImage}, {"ready", pod.ready},
                                        {"started", true}, {"restartCount", 0},
                                        {"state", {{"running", {{"startedAt", api::formatTime(pod.runningAt)}}}}}}};
    } else {
        conditions.push_back(condition("PodScheduled", true, pod.created));
        status["phase"] = "Pending";
    }
    status["conditions"] = conditions;
    json meta{{"name", pod.name}, {"namespace", pod.namespace_}, {"uid", pod.uid},
              {"generateName", dep.rsName + "-"}, {"creationTimestamp", api::formatTime(pod.created)},
              {"labels", {{"app", dep.name}, {"pod-template-hash", dep.rsName.substr(dep.name.size() + 1)}}},
              {"ownerReferences", {{{"apiVersion", "apps/v1"}, {"kind", "ReplicaSet"},
                                    {"name", dep.rsName}, {"uid", dep.rsUid}, {"controller", true},
                                    {"blockOwnerDeletion", true}}}}};
    if (!pod.annotations.empty())
        meta["annotations"] = pod.annotations;
    json pj{{"apiVersion", "v1"},
            {"kind", "Pod"},
            {"metadata", std::move(meta)},
            {"spec", {{"containers", {containerSpec(dep.cpuRequestMilli)}}, {"nodeName", kDemoNodeName},
                      {"restartPolicy", "Always"}, {"terminationGracePeriodSeconds", 30}}},
            {"status", status}};
    put("pods", std::move(pj));
}

void World::Impl::scale(Dep &dep, int32_t replicas)
{
    const std::string key = objectKey(dep.namespace_, dep.name);
    const int32_t old = dep.replicas;
    if (old == replicas)
        return;
    dep.replicas = replicas;
    renderDeployment(dep);
    // deployment controller: "Scaled up replica set web-5d8f7c9b4 from 1 to 2" (Kubernetes >= 1.30)
    emitEvent({{"kind", "Deployment"}, {"namespace", dep.namespace_}, {"name", dep.name}, {"uid", dep.uid},
               {"apiVersion", "apps/v1"}},
              "Normal", "ScalingReplicaSet",
              std::string(replicas > old ? "Scaled up" : "Scaled down") + " replica set " + dep.rsName + " from " +
                  std::to_string(old) + " to " + std::to_string(replicas),
              "deployment-controller");
    auto owned = podsOf(key);
    const int32_t have = static_cast<int32_t>(owned.size());
    for (int32_t i = have; i < replicas; ++i)
        createPod(dep, false);
    if (have > replicas) {
        // ReplicaSet controller ranking (controller.ActivePodsWithRanks), reduced: pending before
        // running, not ready before ready, then the newest first.
        std::sort(owned.begin(), owned.end(), [](const PodSim *a, const PodSim *b) {
            if (a->running != b->running)
                return !a->running;
            if (a->ready != b->ready)
                return !a->ready;
            return a->created > b->created;
        });
        std::vector<std::string> victims;
        for (int32_t i = 0; i < have - replicas; ++i)
            victims.push_back(objectKey(owned[i]->namespace_, owned[i]->name));
        for (const auto &v : victims)
            deletePod(v);
    }
    renderDeployment(dep);
}

std::optional<Time> World::Impl::nextPodTransition() const
{
    std::optional<Time> next;
    for (const auto &[key, pod] : pods) {
        const Time t = !pod.running ? pod.runningAt : (!pod.ready ? pod.readyAt : Time::max());
        if (t != Time::max() && (!next || t < *next))
            next = t;
    }
    return next;
}

void World::Impl::runPodTransitions()
{
    std::vector<std::string> touchedDeployments;
    for (auto &[key, pod] : pods) {
        bool changedPod = false;
        if (!pod.running && pod.runningAt <= now)
            pod.running = changedPod = true;
        if (pod.running && !pod.ready && pod.readyAt <= now)
            pod.ready = changedPod = true;
        if (changedPod) {
            renderPod(pod);
            touchedDeployments.push_back(pod.deployment);
        }
    }
    std::sort(touchedDeployments.begin(), touchedDeployments.end());
    touchedDeployments.erase(std::unique(touchedDeployments.begin(), touchedDeployments.end()),
                             touchedDeployments.end());
    for (const auto &d : touchedDeployments)
        if (auto it = deployments.find(d); it != deployments.end())
            renderDeployment(it->second);
}

int64_t World::Impl::podCpuMilli(const PodSim &pod) const
{
    // As kwok's usage-from-annotation: each container (one here) uses the annotation's value,
    // from the moment it runs.
    if (const auto a = pod.annotations.find(std::string(metrics::kKwokUsageCpuAnnotation)); a != pod.annotations.end() && pod.running) {
        const auto usage = api::Quantity::parse(a->second);
        return usage ? std::max<int64_t>(0, usage->milliValue()) : 0;
    }
    if (!pod.running || !pod.ready)
        return 0; // a pod outside the Service's endpoints gets no traffic
    const auto d = deployments.find(pod.deployment);
    if (d == deployments.end())
        return 0;
    const auto load = metrics.find({d->second.namespace_, "deployments.apps", d->second.name, "cpu-load"});
    if (load == metrics.end())
        return 0;
    int64_t ready = 0;
    for (const auto &[key, p] : pods)
        if (p.deployment == pod.deployment && p.ready)
            ++ready;
    return ready ? load->second.value.milliValue() / ready : 0;
}

void World::Impl::emitEvent(const json &involved, const std::string &type, const std::string &reason,
                            const std::string &message, const std::string &component)
{
    const std::string ns = involved.value("namespace", std::string("default"));
    // The event correlator folds identical events into one with a count.
    for (const auto &[key, e] : stores["events"]) {
        if (e["involvedObject"].value("uid", "") == involved.value("uid", "") && e["reason"] == reason &&
            e["message"] == message && e["type"] == type) {
            json updated = e;
            updated["count"] = e.value("count", 1) + 1;
            updated["lastTimestamp"] = api::formatTime(now);
            put("events", std::move(updated));
            return;
        }
    }
    // Event names are "<object>.<hex unix nanos>" as the client-go recorder makes them.
    const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
    char hex[32];
    std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(nanos + static_cast<int64_t>(++eventCounter)));
    put("events", {{"apiVersion", "v1"},
                   {"kind", "Event"},
                   {"metadata", {{"name", involved.value("name", "") + "." + hex}, {"namespace", ns},
                                 {"uid", newUid()}, {"creationTimestamp", api::formatTime(now)}}},
                   {"involvedObject", involved},
                   {"reason", reason},
                   {"message", message},
                   {"source", {{"component", component}}},
                   {"firstTimestamp", api::formatTime(now)},
                   {"lastTimestamp", api::formatTime(now)},
                   {"count", 1},
                   {"type", type},
                   {"eventTime", nullptr},
                   {"reportingComponent", component},
                   {"reportingInstance", ""}});
}

void World::Impl::expireEvents()
{
    std::vector<std::pair<std::string, std::string>> expired;
    for (const auto &[key, e] : stores["events"]) {
        const auto last = api::parseTime(e.value("lastTimestamp", ""));
        if (last && *last + opt.eventTtl < now)
            expired.emplace_back(e["metadata"].value("namespace", ""), e["metadata"].value("name", ""));
    }
    for (const auto &[ns, name] : expired)
        remove("events", ns, name);
}

} // namespace kube::sim
