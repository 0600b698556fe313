#pragma once
// One line of a watch stream: {"type":"MODIFIED","object":{...}}. The Reflector decodes every
// frame through this (and tests/bench/bench_decode measures it the same way).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace kube::watch {

struct WatchFrame {
    std::string type;      // ADDED, MODIFIED, DELETED, BOOKMARK, ERROR; others are ignored
    nlohmann::json object; // always a JSON object
};

// nullopt when the line is not JSON, or lacks a string "type" or an object "object".
std::optional<WatchFrame> parseWatchFrame(std::string_view line);

} // namespace kube::watch
