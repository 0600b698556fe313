#include "kube/watch/watch_frame.h"

#include <climits>
#include <cstdint>

namespace kube::watch {
namespace {

constexpr auto npos = std::string_view::npos;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::size_t skipSpace(std::string_view s, std::size_t i)
{
    while (i < s.size() && isSpace(s[i]))
        ++i;
    return i;
}

// s[i] is the opening quote; returns the index past the closing one.
std::size_t skipString(std::string_view s, std::size_t i)
{
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == '"')
            return i + 1;
    }
    return npos;
}

// Returns the index past the value starting at s[i]. Brackets are only counted outside strings;
// what lies between them is left for the JSON parser to judge.
std::size_t skipValue(std::string_view s, std::size_t i)
{
    if (i >= s.size())
        return npos;
    if (s[i] == '"')
        return skipString(s, i);
    if (s[i] != '{' && s[i] != '[') { // a number, true, false or null
        while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !isSpace(s[i]))
            ++i;
        return i;
    }
    int depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            i = skipString(s, i);
            if (i == npos)
                return npos;
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && --depth == 0)
            return i + 1;
        ++i;
    }
    return npos;
}

struct Member {
    std::size_t key = npos;   // the key's opening quote
    std::size_t value = npos; // the value's first character
};

// The member `key` of the object whose '{' is at s[open], read without unescaping (a key
// written with escapes is simply not found).
Member findMember(std::string_view s, std::size_t open, std::string_view key)
{
    if (open >= s.size() || s[open] != '{')
        return {};
    std::size_t i = skipSpace(s, open + 1);
    while (i < s.size() && s[i] == '"') {
        const std::size_t keyEnd = skipString(s, i);
        if (keyEnd == npos)
            return {};
        const std::size_t colon = skipSpace(s, keyEnd);
        if (colon >= s.size() || s[colon] != ':')
            return {};
        const std::size_t value = skipSpace(s, colon + 1);
        if (s.substr(i + 1, keyEnd - i - 2) == key)
            return {i, value};
        const std::size_t end = skipValue(s, value);
        if (end == npos)
            return {};
        i = skipSpace(s, end);
        if (i >= s.size() || s[i] != ',')
            return {};
        i = skipSpace(s, i + 1);
    }
    return {};
}

// The frame without object.metadata.managedFields, or an empty string when it has none (or the
// frame is not shaped as expected: then it is parsed whole).
std::string withoutManagedFields(std::string_view s)
{
    const std::size_t root = skipSpace(s, 0);
    const Member object = findMember(s, root, "object");
    const Member metadata = findMember(s, object.value, "metadata");
    const Member managed = findMember(s, metadata.value, "managedFields");
    if (managed.value >= s.size() || s[managed.value] != '[')
        return {};
    std::size_t from = managed.key, to = skipValue(s, managed.value);
    if (to == npos)
        return {};
    to = skipSpace(s, to);
    if (to < s.size() && s[to] == ',') { // drop the comma after it, or else the one before it
        to = skipSpace(s, to + 1);
    } else {
        std::size_t before = from;
        while (before > metadata.value + 1 && isSpace(s[before - 1]))
            --before;
        if (s[before - 1] == ',')
            from = before - 1;
    }
    std::string out;
    out.reserve(s.size() - (to - from));
    out.append(s.substr(0, from)).append(s.substr(to));
    return out;
}

} // namespace

std::optional<WatchFrame> parseWatchFrame(std::string_view line)
{
    const std::string stripped = withoutManagedFields(line);
    nlohmann::json frame = nlohmann::json::parse(stripped.empty() ? line : std::string_view(stripped), nullptr, false);
    if (!frame.is_object())
        return std::nullopt;
    const auto type = frame.find("type");
    const auto object = frame.find("object");
    if (type == frame.end() || !type->is_string() || object == frame.end() || !object->is_object())
        return std::nullopt;
    return WatchFrame{type->get<std::string>(), std::move(*object)};
}

std::string metadataString(const nlohmann::json &obj, const char *field)
{
    const auto m = obj.find("metadata");
    return m == obj.end() ? std::string() : stringMember(*m, field);
}

std::string objectKey(const nlohmann::json &obj)
{
    const std::string ns = metadataString(obj, "namespace");
    const std::string name = metadataString(obj, "name");
    return ns.empty() ? name : ns + "/" + name;
}

int statusCode(const nlohmann::json &status)
{
    // Not status.value("code", 0): that throws for a code of any other type ("410", 4.1e2, {}),
    // and nothing on the network thread catches it.
    const auto code = status.find("code");
    if (code == status.end() || !code->is_number_integer())
        return 0;
    if (code->is_number_unsigned())
        return code->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT_MAX) ? code->get<int>() : 0;
    const std::int64_t v = code->get<std::int64_t>();
    return v >= INT_MIN && v <= INT_MAX ? static_cast<int>(v) : 0;
}

} // namespace kube::watch
