#pragma once
// Reading members of untrusted JSON (API server answers, watch frames) without exceptions.
#include <nlohmann/json.hpp>

#include <string>

namespace kube {

// obj.<key> when obj is an object and that member a string, else "". Not json::value(key, ""),
// which throws type_error for a member of any other type (null included): a server, a proxy or a
// hostile peer may send anything there, and nothing on the network thread catches it.
inline std::string stringMember(const nlohmann::json &obj, const char *key)
{
    if (!obj.is_object())
        return {};
    const auto f = obj.find(key);
    return f != obj.end() && f->is_string() ? f->get<std::string>() : std::string();
}

} // namespace kube
