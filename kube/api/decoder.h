#pragma once
// Decoder: reads typed fields out of nlohmann::json, tolerating missing fields, null values
// and unknown fields, and remembering the first wrong-typed field with its path
// ("spec.metrics[1].object.target.value: ...").
#include "kube/api/quantity.h"
#include "kube/core/result.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kube::api {

using Time = std::chrono::system_clock::time_point;

namespace detail {

std::string joinPath(const std::string &base, std::string_view key);
std::string indexPath(const std::string &base, std::size_t index);
// "string \"abc\"", "number 3", "object", ... for error messages
std::string describeJson(const nlohmann::json &value);

class Decoder {
public:
    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }
    // Records the first failure only: later ones are usually consequences of it.
    void fail(const std::string &path, const std::string &what);

    // The member, or nullptr when absent or null (the API server omits or nulls optional
    // fields). Fails when obj is not an object.
    const nlohmann::json *member(const nlohmann::json &obj, std::string_view key,
                                 const std::string &objPath);
    bool expectObject(const nlohmann::json &value, const std::string &path);
    bool expectArray(const nlohmann::json &value, const std::string &path);

    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              std::string &out);
    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              int32_t &out);
    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              int64_t &out);
    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              bool &out);
    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              std::optional<int32_t> &out);
    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              std::optional<int64_t> &out);
    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              std::optional<Quantity> &out);
    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              std::optional<Time> &out);
    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              std::map<std::string, std::string> &out);
    void read(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
              std::vector<std::string> &out);

    // Reads an array member, calling item(decoder, json, path, out) for each element.
    template <typename T, typename ItemFn>
    void readArray(const nlohmann::json &obj, std::string_view key, const std::string &objPath,
                   std::vector<T> &out, ItemFn item)
    {
        const nlohmann::json *arr = member(obj, key, objPath);
        const std::string path = joinPath(objPath, key);
        if (!arr || !expectArray(*arr, path))
            return;
        out.reserve(arr->size());
        for (std::size_t i = 0; i < arr->size() && ok(); ++i) {
            out.emplace_back();
            item(*this, (*arr)[i], indexPath(path, i), out.back());
        }
    }

private:
    std::optional<Error> m_error;
};

} // namespace detail
} // namespace kube::api
