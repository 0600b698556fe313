#pragma once
// What-if: the ported controller stepped every sync period against hypothetical metric values
// held constant, with the pods it adds becoming Ready after a delay.
#include "kube/hpa/controller.h"

#include <utility>
#include <vector>

namespace kube::hpa {

struct PredictOptions {
    Seconds horizon{600};
    Seconds podReadyDelay{0}; // new pods are Pending until then, so they count as unready
    // Replicas at `now`; defaults to status.currentReplicas.
    std::optional<int32_t> currentReplicas;
    // The first sync stepped: `now` itself, or later when the controller has just synced.
    Seconds firstSyncAfter{0};
};

// values: one per spec.metrics entry, the raw value the metrics API would return:
//   Object: the object's value ("400m"); External: the sum of the series;
//   Pods and Resource/ContainerResource AverageValue: every pod's value;
//   Resource/ContainerResource Utilization: every pod's usage in percent of its request ("75").
// Returns (time, replicas after that sync) for every sync in [now, now + horizon].
std::vector<std::pair<Time, int32_t>> predict(const kube::api::HorizontalPodAutoscaler &hpa,
                                              const ControllerConfig &config, const HpaHistory &history,
                                              const std::vector<kube::api::Quantity> &values, Time now,
                                              const PredictOptions &options = {});
// The same with metrics whose value is unknown (the controller's fetch fails for them).
std::vector<std::pair<Time, int32_t>> predictPartial(const kube::api::HorizontalPodAutoscaler &hpa,
                                              const ControllerConfig &config, const HpaHistory &history,
                                              const std::vector<std::optional<kube::api::Quantity>> &values,
                                              Time now, const PredictOptions &options = {});

} // namespace kube::hpa
