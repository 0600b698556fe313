#pragma once
// Internal to kube/sim: pieces of the API router shared by its source files.
#include "kube/sim/http_server.h"
#include "kube/sim/world.h"

#include <string>
#include <vector>

namespace kube::sim::detail {

using Segments = std::vector<std::string>;

Segments splitPath(const std::string &path);
// metav1.Status with the given code, reason and message (details: name/group/kind when set).
json statusBody(int code, const std::string &reason, const std::string &message, const json &details = nullptr);
void sendJson(HttpResponder &r, int code, const json &body);
void sendStatus(HttpResponder &r, int code, const std::string &reason, const std::string &message,
                const json &details = nullptr);
void sendNotFoundPath(HttpResponder &r);
// A query parameter's value; empty when absent.
std::string query(const HttpRequest &req, const std::string &key);

// Discovery: /api, /api/v1, /apis, /apis/{group}, /apis/{group}/{version}. False: not one of them.
bool handleDiscovery(World &world, const Segments &segs, HttpResponder &r, const std::string &hostPort);
// custom.metrics.k8s.io, external.metrics.k8s.io, metrics.k8s.io (segs start with "apis").
void handleMetricsApi(World &world, const HttpRequest &req, const Segments &segs, HttpResponder &r);
// The test adapter's HTTP routes behind the service proxy; rest starts after ".../proxy".
void handleAdapter(World &world, const HttpRequest &req, const Segments &rest, HttpResponder &r);

// PATCH /api/v1/namespaces/{ns}/pods/{name}: merge patch of metadata.annotations (pod_patch.cpp).
void servePodPatch(World &world, const HttpRequest &req, HttpResponder &r, const std::string &ns,
                   const std::string &name);

// A meta.k8s.io/v1 Table (kubectl's server-side printing) for hpa, pods, deployments, events.
std::optional<json> tableFor(const std::string &resource, const std::vector<json> &items, uint64_t rv, Time now);
bool wantsTable(const HttpRequest &req);

} // namespace kube::sim::detail
