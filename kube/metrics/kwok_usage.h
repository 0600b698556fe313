#pragma once
// kwok's simulated resource usage, driven from hpascope: kwok's ClusterResourceUsage
// "usage-from-annotation" (kwok kustomize/metrics/usage/usage-from-annotation.yaml) evaluates, for
// every container of a pod on a node kwok manages, the pod annotation kwok.x-k8s.io/usage-cpu as
// that container's CPU usage (a quantity; 1m when absent). A pod's usage is therefore
// containers × the annotation. hpascope sets it with a JSON merge patch of the pod's
// annotations, with the user's credentials. No Qt.
//
// Which pods kwok manages: those on a node annotated kwok.x-k8s.io/node: fake (kwok's
// --manage-nodes-with-annotation-selector default; tests/cluster/manifests/node.yaml sets it).
// Callbacks run on the http::Client's network thread.
#include "kube/api/quantity.h"
#include "kube/core/result.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace kube::http { class Client; }

namespace kube::metrics {

inline constexpr std::string_view kKwokUsageCpuAnnotation = "kwok.x-k8s.io/usage-cpu";
inline constexpr std::string_view kKwokNodeAnnotation = "kwok.x-k8s.io/node";
inline constexpr std::string_view kKwokNodeAnnotationValue = "fake";

// Error::reason values of a usage patch (besides the HTTP layer's own).
inline constexpr std::string_view kReasonPodGone = "PodGone";
inline constexpr std::string_view kReasonPodPatchForbidden = "PodPatchForbidden";
inline constexpr std::string_view kReasonUsageNotStored = "UsageNotStored";

// The annotation value that makes a pod of `containers` containers use perPodMilli in total
// (rounded down to a whole milli-core per container, the resolution kwok's Quantity keeps).
api::Quantity perContainerUsage(int64_t perPodMilli, int containers);

// {"metadata":{"annotations":{"kwok.x-k8s.io/usage-cpu":"250m"}}}
std::string usagePatchBody(const api::Quantity &perContainer);

// The node carries kwok.x-k8s.io/node: fake.
bool isKwokNode(const std::map<std::string, std::string> &nodeAnnotations);

// PATCH the pod's usage annotation (application/merge-patch+json); done gets the value the
// patched pod now carries (the API server's answer is the stored object), or why not:
// kReasonPodGone (404), kReasonPodPatchForbidden (403), kReasonUsageNotStored.
void patchPodCpuUsage(http::Client &client, const std::string &ns, const std::string &pod,
                      const api::Quantity &perContainer, std::function<void(Result<std::string>)> done);

// GET the node; done gets whether kwok manages it, or why it could not be read (403 when the
// user may not get nodes, a cluster-scoped permission many users lack).
void fetchNodeIsKwok(http::Client &client, const std::string &node, std::function<void(Result<bool>)> done);

} // namespace kube::metrics
