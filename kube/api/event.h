#pragma once
// core/v1 Event and events.k8s.io/v1 Event, decoded into one shape. The two APIs store the same
// objects; events.k8s.io renames involvedObject -> regarding, message -> note,
// source -> deprecatedSource / reportingController, and moves counts into series.
#include "kube/api/list.h"
#include "kube/api/meta.h"

#include <optional>
#include <string>
#include <vector>

namespace kube::api {

struct ObjectReference {
    std::string apiVersion;
    std::string kind;
    std::string name;
    std::string namespace_; // JSON "namespace"
    std::string uid;
};

enum class EventApi { CoreV1, EventsV1 };

struct Event {
    EventApi api = EventApi::CoreV1;
    std::string namespace_;
    std::string name;
    std::string uid;
    std::string resourceVersion;
    ObjectReference regarding; // core/v1: involvedObject
    std::string reason;
    std::string message;       // events.k8s.io/v1: note
    std::string type;          // Normal, Warning
    int32_t count = 1;         // events.k8s.io/v1: series.count, else deprecatedCount
    std::optional<Time> firstTimestamp;
    std::optional<Time> lastTimestamp; // falls back to series.lastObservedTime, then eventTime
    std::string reportingController;   // core/v1: reportingComponent, else source.component
    std::string reportingInstance;     // core/v1: reportingInstance, else source.host
};

Result<Event> decodeCoreV1Event(const nlohmann::json &j);
Result<Event> decodeEventsV1Event(const nlohmann::json &j);
// Chooses by "apiVersion" when present, else by the fields present (list items carry no
// apiVersion).
Result<Event> decodeEvent(const nlohmann::json &j);

void decodeInto(detail::Decoder &d, const nlohmann::json &j, const std::string &path, Event &out);

// An EventList from either API: the list's apiVersion decides how its items are read.
Result<List<Event>> decodeEventList(const nlohmann::json &j);

} // namespace kube::api
