#pragma once
// One line of a watch stream: {"type":"MODIFIED","object":{...}}. The Reflector decodes every
// frame through this (and tests/bench/bench_decode measures it the same way).
#include "kube/core/json.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace kube::watch {

struct WatchFrame {
    std::string type;      // ADDED, MODIFIED, DELETED, BOOKMARK, ERROR; others are ignored
    nlohmann::json object; // always a JSON object, without metadata.managedFields
};

// nullopt when the line is not JSON, or lacks a string "type" or an object "object".
//
// object.metadata.managedFields is cut out of the line before nlohmann_json sees it: nothing in
// hpascope reads it, and its hundreds of tiny FieldsV1 objects are a third of a 3 KB HPA frame
// and a quarter of its parse time (tests/bench/bench_decode). client-go's informers drop it the
// same way when asked (cache.TransformStripManagedFields), though only after decoding. Only a
// member spelled exactly "managedFields" directly in object.metadata is cut; a frame of any other
// shape is parsed whole.
std::optional<WatchFrame> parseWatchFrame(std::string_view line);

// What the Reflector reads from a frame's object (and from lists), never throwing (see
// kube/core/json.h): metadata.<field> when it is a string, else "".
std::string metadataString(const nlohmann::json &obj, const char *field);
// "namespace/name", or "name" for a cluster-scoped object.
std::string objectKey(const nlohmann::json &obj);
// An ERROR frame's object is a metav1.Status: its code (410: the watch expired); 0 when absent
// or not an int32 (a hostile or broken server may send anything there).
int statusCode(const nlohmann::json &status);

} // namespace kube::watch
