#include "kube/watch/watch_frame.h"

namespace kube::watch {

std::optional<WatchFrame> parseWatchFrame(std::string_view line)
{
    nlohmann::json frame = nlohmann::json::parse(line, nullptr, false);
    if (!frame.is_object())
        return std::nullopt;
    const auto type = frame.find("type");
    const auto object = frame.find("object");
    if (type == frame.end() || !type->is_string() || object == frame.end() || !object->is_object())
        return std::nullopt;
    return WatchFrame{type->get<std::string>(), std::move(*object)};
}

} // namespace kube::watch
