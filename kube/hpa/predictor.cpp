#include "kube/hpa/predictor.h"

#include "kube/hpa/sync_model.h"

#include <algorithm>

namespace kube::hpa {

using namespace kube::api;

namespace {

// Pods that exist at `now` started long before: outside any initialization period.
constexpr Seconds kLongAgo{24 * 3600};

struct SimPod {
    Time start;
    Time readyAt;
};

} // namespace

std::vector<std::pair<Time, int32_t>> predict(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                                              const HpaHistory &history, const std::vector<Quantity> &values,
                                              Time now, const PredictOptions &options)
{
    std::vector<std::optional<Quantity>> known(values.begin(), values.end());
    return predictPartial(hpa, config, history, known, now, options);
}

std::vector<std::pair<Time, int32_t>> predictPartial(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                                              const HpaHistory &history,
                                              const std::vector<std::optional<Quantity>> &values, Time now,
                                              const PredictOptions &options)
{
    Controller controller(config);
    controller.history(Controller::keyOf(hpa)) = history;

    HorizontalPodAutoscaler current = hpa;
    int32_t replicas = options.currentReplicas.value_or(hpa.status.currentReplicas);
    std::vector<SimPod> pods(static_cast<std::size_t>(std::max(replicas, 0)), SimPod{now - kLongAgo, now - kLongAgo});

    std::vector<std::pair<Time, int32_t>> out;
    const Seconds step = config.syncPeriod.count() > 0 ? config.syncPeriod : Seconds(15);
    for (Time t = now + options.firstSyncAfter; t <= now + options.horizon; t += step) {
        ObservedPods observed;
        int serial = 0;
        for (const auto &p : pods) {
            PodInfo info = modelPods(1, p.start, p.readyAt, serial++).front();
            if (p.readyAt > t) {
                info.phase = "Pending";
                info.ready.reset();
            }
            observed.pods.push_back(std::move(info));
        }
        const SyncResult r = controller.reconcile(current, syncInputFor(current, values, replicas, observed, t));
        current.status = r.status;
        if (r.rescale) {
            const int32_t target = r.desiredReplicas;
            while (static_cast<int32_t>(pods.size()) < target)
                pods.push_back({t, t + options.podReadyDelay});
            while (static_cast<int32_t>(pods.size()) > target)
                pods.pop_back(); // the newest (least ready) first
            replicas = target;
        }
        out.emplace_back(t, replicas);
    }
    return out;
}

} // namespace kube::hpa
