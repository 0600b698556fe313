#pragma once
// What the controller read at a sync, rebuilt from what a dashboard can see: the HPA's status
// (the metric values the controller reported), the pods it can watch, and which pods had a
// value of a Pods metric. Used to replay the controller's last sync (the explainer) and to
// step it forward (the predictor).
#include "kube/api/pod.h"
#include "kube/hpa/controller.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kube::hpa {

// Utilization is modelled on a 1-CPU (1000m) request per pod, so percent * 10 = usage in milli.
inline constexpr int64_t kModelRequestMilli = 1000;

// The pods a dashboard sees for an HPA's target. Empty pods: modelled (status.currentReplicas
// Ready pods that started long ago).
struct ObservedPods {
    std::vector<PodInfo> pods;
    // Per spec.metrics index, for Pods metrics: the pods that have a value. A metric without an
    // entry: every pod that kube::api::expectsMetricValue (Running, not being deleted) has one.
    std::map<std::size_t, std::set<std::string>> withValues;
    // Pods that appeared, or got their value, so shortly before this was seen that the
    // controller's sync may not have seen them yet: the explainer weighs both readings.
    std::set<std::string> recent;
    bool empty() const { return pods.empty(); }
};

// The raw value per spec.metrics entry that the metrics API returned, as recovered from
// status.currentMetrics (paired by identity); an empty optional where the status has none.
//   Object/External Value: the value; Object/External AverageValue: average x replicas;
//   Pods and Resource AverageValue: the average; Resource Utilization: the percentage.
// `pods`: how many pods the target had when the controller computed the status (the averages
// of Object/External AverageValue metrics are per pod of scale.status.replicas); default
// status.currentReplicas, which differs right after a rescale, before the new pods exist.
std::vector<std::optional<kube::api::Quantity>> rawValuesFromStatus(const kube::api::HorizontalPodAutoscaler &hpa,
                                                                    std::optional<int32_t> pods = std::nullopt);

// The controller's input at `now` with `specReplicas`, every metric at `values` (missing: the
// metric fetch failed), on `pods` (modelled when empty).
// `modelledPods`: how many pods to model when `pods` is empty (default specReplicas).
SyncInput syncInputFor(const kube::api::HorizontalPodAutoscaler &hpa,
                       const std::vector<std::optional<kube::api::Quantity>> &values, int32_t specReplicas,
                       const ObservedPods &pods, Time now, std::optional<int32_t> modelledPods = std::nullopt);

// What the controller's pod lister holds for a pod of the API: phase, the Ready condition,
// start time, deletion. Requests are not in kube::api::Pod: a modelled 1000m container.
PodInfo podInfoOf(const kube::api::Pod &pod);
// podInfoOf with the pod's own containers and requests (podInfoOf models them, for the replay of
// values recovered from status): what the Pods tab shows usage against.
PodInfo podInfoWithRequests(const kube::api::Pod &pod);

// Modelled pods: `n` Ready Running pods with a 1000m request, started at `start`, Ready at `readyAt`.
std::vector<PodInfo> modelPods(int32_t n, Time start, Time readyAt, int firstSerial = 0);

} // namespace kube::hpa
