#pragma once
// What the dashboard shows, as one JSON document: HPAs with metrics paired by identity,
// replicas, conditions and recent events. Used by `hpascope snapshot --json` and by tests that
// compare it with what kube/ reads directly. Plain C++; blocking (call it off the GUI thread).
#include "kube/api/event.h"
#include "kube/api/hpa.h"
#include "kube/core/result.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kube::http { class Client; }

namespace kube::snapshot {

struct Options {
    std::optional<std::string> namespaceName; // empty: all namespaces
    size_t maxEventsPerHpa = 20;
};

// Events that concern an HPA (kube/api/event_scope.h), newest first.
std::vector<api::Event> eventsFor(const api::HorizontalPodAutoscaler &hpa, const std::vector<api::Event> &all);

nlohmann::json toJson(const api::HorizontalPodAutoscaler &hpa, const std::vector<api::Event> &events,
                      size_t maxEvents);

// Lists HPAs and core/v1 events (one request each for the scope) and builds the document.
Result<nlohmann::json> take(http::Client &client, const Options &options);

} // namespace kube::snapshot
