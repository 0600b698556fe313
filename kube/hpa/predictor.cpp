#include "kube/hpa/predictor.h"

namespace kube::hpa {

using namespace kube::api;

namespace {

// Utilization is modelled on a 1-CPU (1000m) request per pod, so percent * 10 = usage in milli.
constexpr int64_t kModelRequestMilli = 1000;
// Pods that exist at `now` started long before: outside any initialization period.
constexpr Seconds kLongAgo{24 * 3600};

struct SimPod {
    std::string name;
    Time start;
    Time readyAt;
};

const MetricTarget *targetFor(const MetricSpec &spec)
{
    switch (spec.type) {
    case MetricSourceType::Resource:
        return spec.resource ? &spec.resource->target : nullptr;
    case MetricSourceType::ContainerResource:
        return spec.containerResource ? &spec.containerResource->target : nullptr;
    default:
        return nullptr;
    }
}

} // namespace

std::vector<std::pair<Time, int32_t>> predict(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                                              const HpaHistory &history, const std::vector<Quantity> &values,
                                              Time now, const PredictOptions &options)
{
    Controller controller(config);
    const std::string key = Controller::keyOf(hpa);
    controller.history(key) = history;

    HorizontalPodAutoscaler current = hpa;
    int32_t replicas = options.currentReplicas.value_or(hpa.status.currentReplicas);
    std::vector<SimPod> pods;
    int serial = 0;
    auto addPod = [&](Time start, Time readyAt) {
        pods.push_back({"pod-" + std::to_string(serial++), start, readyAt});
    };
    for (int32_t i = 0; i < replicas; ++i)
        addPod(now - kLongAgo, now - kLongAgo);

    std::vector<std::pair<Time, int32_t>> out;
    const Seconds step = config.syncPeriod.count() > 0 ? config.syncPeriod : Seconds(15);
    for (Time t = now; t <= now + options.horizon; t += step) {
        SyncInput in;
        in.now = t;
        in.specReplicas = replicas;
        in.statusReplicas = static_cast<int32_t>(pods.size());
        for (const auto &p : pods) {
            PodInfo info;
            info.name = p.name;
            info.startTime = p.start;
            if (p.readyAt <= t) {
                info.phase = "Running";
                info.ready = ReadyCondition{ConditionStatus::True, p.readyAt};
            } else {
                info.phase = "Pending";
            }
            ContainerInfo c;
            c.name = "app";
            c.requestsMilli = {{"cpu", kModelRequestMilli}, {"memory", kModelRequestMilli}};
            info.containers.push_back(c);
            in.pods.push_back(info);
        }
        for (std::size_t i = 0; i < hpa.spec.metrics.size(); ++i) {
            const MetricSpec &spec = hpa.spec.metrics[i];
            MetricInput m;
            m.timestamp = t;
            if (i >= values.size()) {
                m.error = "no hypothetical value";
                in.metrics.push_back(m);
                continue;
            }
            const int64_t milli = values[i].milliValue();
            m.objectValueMilli = milli;
            m.externalValuesMilli = {milli};
            const MetricTarget *rt = targetFor(spec);
            const bool utilization = rt && !rt->averageValue && rt->averageUtilization;
            const int64_t perPod = utilization ? values[i].milliValue() * kModelRequestMilli / 100000 : milli;
            for (const auto &p : in.pods)
                if (p.phase == "Running")
                    m.podMetrics[p.name] = PodMetric{perPod, t, Seconds(0)};
            in.metrics.push_back(m);
        }
        const SyncResult r = controller.reconcile(current, in);
        current.status = r.status;
        if (r.rescale) {
            const int32_t target = r.desiredReplicas;
            while (static_cast<int32_t>(pods.size()) < target)
                addPod(t, t + options.podReadyDelay);
            while (static_cast<int32_t>(pods.size()) > target)
                pods.pop_back(); // the newest (least ready) first
            replicas = target;
        }
        out.emplace_back(t, replicas);
    }
    return out;
}

} // namespace kube::hpa
