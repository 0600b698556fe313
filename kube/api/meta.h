#pragma once
// metav1 types shared by every resource: ObjectMeta, Time, LabelSelector, conditions.
#include "kube/api/decoder.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kube::api {

// metav1.Time is RFC 3339 with second precision ("2024-05-01T12:00:00Z"); metav1.MicroTime
// (events' eventTime) adds six fractional digits. Both accept any offset and fraction here.
std::optional<Time> parseTime(std::string_view text);
std::string formatTime(Time t);      // "2024-05-01T12:00:00Z" (UTC, truncated to seconds)
std::string formatMicroTime(Time t); // "2024-05-01T12:00:00.123456Z"

struct ObjectMeta {
    std::string name;
    std::string namespace_; // JSON "namespace"
    std::string uid;
    std::string resourceVersion;
    int64_t generation = 0;
    std::optional<Time> creationTimestamp;
    std::optional<Time> deletionTimestamp;
    std::map<std::string, std::string> labels;
    std::map<std::string, std::string> annotations;
};

struct LabelSelectorRequirement {
    std::string key;
    std::string operator_; // JSON "operator": In, NotIn, Exists, DoesNotExist
    std::vector<std::string> values;
};

struct LabelSelector {
    std::map<std::string, std::string> matchLabels;
    std::vector<LabelSelectorRequirement> matchExpressions;

    bool empty() const { return matchLabels.empty() && matchExpressions.empty(); }
    // kubectl / labels.Selector syntax, requirements sorted by key, values sorted:
    // "app=web,env in (prod,staging),!canary".
    std::string toString() const;
};

// The condition shape shared by HPA, Pod and Deployment conditions.
struct Condition {
    std::string type;
    std::string status; // "True", "False", "Unknown"
    std::optional<Time> lastTransitionTime;
    std::optional<Time> lastUpdateTime; // Deployment only
    std::optional<Time> lastProbeTime;  // Pod only
    std::string reason;
    std::string message;
};

void decodeInto(detail::Decoder &d, const nlohmann::json &j, const std::string &path,
                ObjectMeta &out);
void decodeInto(detail::Decoder &d, const nlohmann::json &j, const std::string &path,
                LabelSelector &out);
void decodeInto(detail::Decoder &d, const nlohmann::json &j, const std::string &path,
                Condition &out);

// Optional object member: left empty when absent or null.
template <typename T>
void readObject(detail::Decoder &d, const nlohmann::json &obj, std::string_view key,
                const std::string &objPath, std::optional<T> &out)
{
    const nlohmann::json *m = d.member(obj, key, objPath);
    if (!m)
        return;
    T value;
    decodeInto(d, *m, detail::joinPath(objPath, key), value);
    if (d.ok())
        out = std::move(value);
}

// Object member decoded in place (absent or null leaves the defaults).
template <typename T>
void readObject(detail::Decoder &d, const nlohmann::json &obj, std::string_view key,
                const std::string &objPath, T &out)
{
    if (const nlohmann::json *m = d.member(obj, key, objPath))
        decodeInto(d, *m, detail::joinPath(objPath, key), out);
}

// Runs decodeInto on a whole document and turns the first failure into a Decode error.
template <typename T>
Result<T> decodeDocument(const nlohmann::json &j)
{
    detail::Decoder d;
    T out;
    decodeInto(d, j, std::string(), out);
    if (!d.ok())
        return d.error();
    return out;
}

} // namespace kube::api
