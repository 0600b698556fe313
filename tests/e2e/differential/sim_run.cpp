#include "sim_run.h"

#include "kube/api/meta.h"
#include "kube/api/quantity.h"
#include "kube/sim/world.h"

#include <set>

namespace diff {
namespace {

    using namespace std::chrono_literals;

    // A fixed start keeps the simulation reproducible (pod names, event times).
    constexpr const char *kSimStart = "2026-01-05T10:00:00Z";
    // Without a real end time (the real run failed during set-up) the sim still plays this long.
    constexpr Millis kDefaultLength { 60000 };
    // How much longer than the real run the sim may take to settle.
    constexpr Millis kMaxOvertime { 150000 };

} // namespace

Trace runSim(
    const Scenario &s, const ControllerFlags &flags, const Trace &real, const std::string &ns)
{
    kube::sim::WorldOptions opts;
    opts.start = kube::api::parseTime(kSimStart).value();
    opts.syncPeriod = flags.syncPeriod;
    opts.podStartDelay = 0ms;
    opts.podReadyDelay = kKwokReadyDelay;
    opts.downscaleStabilization
        = std::chrono::duration_cast<std::chrono::seconds>(flags.downscaleStabilization);
    kube::sim::World world(opts);

    world.addNamespace(ns);
    world.addService(ns, kService);
    kube::sim::DeploymentSeed seed;
    seed.namespace_ = ns;
    seed.name = kDeployment;
    seed.replicas = s.initialReplicas;
    seed.podsSettled = true;
    world.addDeployment(seed);

    std::string podValue;
    std::map<std::string, std::string> written; // pod -> value (Pods scenarios)
    // Object: the Service's value; Pods: every pod's, new pods included (writePods(false)
    // after each step, as the real side writes a pod the moment its watch shows it).
    auto podsNow = [&] {
        std::vector<std::string> names;
        for (const auto &p : world.list("pods", ns, { }).items)
            names.push_back(p["metadata"].value("name", ""));
        return names;
    };
    auto writePods = [&](bool all) {
        const auto q = kube::api::Quantity::parse(podValue).value();
        for (const auto &name : podsNow()) {
            const bool valued = written.count(name) > 0;
            if (!valued && s.valuedPods >= 0 && static_cast<int>(written.size()) >= s.valuedPods)
                continue; // this pod never gets a value
            if (all || written[name] != podValue) {
                written[name] = podValue;
                world.writeMetric({ ns, "pods", name, kMetric }, q);
            }
        }
    };
    auto push = [&](const std::string &value) {
        if (value.empty())
            return;
        if (s.kind == MetricKind::Object) {
            world.writeMetric(
                { ns, "services", kService, kMetric }, kube::api::Quantity::parse(value).value());
        } else {
            podValue = value;
            writePods(true);
        }
    };
    auto specReplicas = [&] {
        const auto d = world.get("deployments", ns, kDeployment);
        return d ? (*d)["spec"].value("replicas", -1) : -1;
    };

    push(s.initialValue);
    // The real controller first syncs an HPA one period after it appears (the add handler's
    // AddRateLimited with a fixed-interval limiter): let the clock's sync at the start pass
    // with no HPA, then create it.
    world.advance(1ms);
    Trace t;
    json hpa { { "metadata", { { "name", kDeployment }, { "namespace", ns } } },
        { "spec", s.spec } };
    hpa["spec"]["scaleTargetRef"]
        = { { "apiVersion", "apps/v1" }, { "kind", "Deployment" }, { "name", s.target } };
    if (auto st = world.addHpa(hpa); !st) {
        t.error = "sim: " + st.error().toString();
        return t;
    }
    t.replicas.emplace_back(0ms, specReplicas());

    // The real run ends once its last phase reached its replica count and stayed there long
    // enough; the sim, with its own timing, ends by the same rule but no earlier than the real
    // run, so both report settled conditions.
    const Millis realEnd = real.end > 0ms ? real.end : kDefaultLength;
    const Phase last = s.phases.empty() ? Phase { } : s.phases.back();
    auto done = [&](Millis now) {
        const bool settled = (last.until < 0 || t.replicas.back().second == last.until)
            && now - t.replicas.back().first >= last.quiet;
        return now >= realEnd + kMaxOvertime || (now >= realEnd && settled);
    };
    std::size_t next = 0;
    Millis now { 0 };
    for (; !done(now); now += kSimStep) {
        while (next < real.pushes.size() && next < s.phases.size() && real.pushes[next] <= now) {
            push(s.phases[next++].value);
            t.pushes.push_back(now);
        }
        world.advance(kSimStep);
        if (s.kind == MetricKind::Pods && !podValue.empty())
            writePods(false);
        if (const int r = specReplicas(); r != t.replicas.back().second)
            t.replicas.emplace_back(now + kSimStep, r);
    }
    t.end = now;
    if (const auto h = world.get("horizontalpodautoscalers", ns, kDeployment))
        for (const auto &c : (*h)["status"].value("conditions", json::array()))
            t.conditions[c.value("type", "")]
                = { c.value("status", ""), c.value("reason", ""), c.value("message", "") };
    for (const auto &e : world.list("events", ns, { }).items)
        if (e.value("reason", "") == "SuccessfulRescale")
            t.rescales.insert(e.value("message", ""));
    return t;
}

} // namespace diff
