#pragma once
// Any Kubernetes List: items plus the list metadata a reflector needs (resourceVersion to
// start watching from, continue token for paging).
#include "kube/api/meta.h"

#include <optional>
#include <string>
#include <vector>

namespace kube::api {

template <typename T>
struct List {
    std::string apiVersion;
    std::string kind;
    std::string resourceVersion;
    std::string continueToken; // JSON metadata.continue
    std::optional<int64_t> remainingItemCount;
    std::vector<T> items;
};

// Decodes items with decodeInto(Decoder&, const json&, path, T&); an error names the item,
// e.g. "items[2].spec.maxReplicas: expected an integer, got string \"x\"".
template <typename T, typename ItemFn>
Result<List<T>> decodeList(const nlohmann::json &j, ItemFn item)
{
    detail::Decoder d;
    List<T> out;
    if (!d.expectObject(j, std::string("(list)")))
        return d.error();
    d.read(j, "apiVersion", std::string(), out.apiVersion);
    d.read(j, "kind", std::string(), out.kind);
    if (const nlohmann::json *meta = d.member(j, "metadata", std::string())) {
        d.read(*meta, "resourceVersion", "metadata", out.resourceVersion);
        d.read(*meta, "continue", "metadata", out.continueToken);
        d.read(*meta, "remainingItemCount", "metadata", out.remainingItemCount);
    }
    d.readArray(j, "items", std::string(), out.items, item);
    if (!d.ok())
        return d.error();
    return out;
}

template <typename T>
Result<List<T>> decodeList(const nlohmann::json &j)
{
    return decodeList<T>(j, [](detail::Decoder &d, const nlohmann::json &item,
                               const std::string &path, T &out) { decodeInto(d, item, path, out); });
}

} // namespace kube::api
