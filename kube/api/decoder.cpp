#include "kube/api/decoder.h"

#include "kube/core/strings.h"

#include "kube/api/meta.h"

#include <cmath>
#include <limits>

namespace kube::api::detail {

using nlohmann::json;

namespace {
// Quoted strings in messages are cut here so one bad field cannot flood a log line.
constexpr std::size_t kMaxQuoted = 64;

std::string quote(const std::string &s)
{
    if (s.size() > kMaxQuoted)
        return "\"" + s.substr(0, kMaxQuoted) + "...\"";
    return "\"" + s + "\"";
}

// An integral JSON number (3, 3.0) as int64; floats with a fraction and huge values fail.
bool integralValue(const json &v, int64_t &out)
{
    if (v.is_number_integer()) {
        if (v.is_number_unsigned()
            && v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            return false;
        out = v.get<int64_t>();
        return true;
    }
    if (v.is_number_float()) {
        const double f = v.get<double>();
        // 2^63 as a double: anything at or past it does not fit
        constexpr double kInt64Bound = 9223372036854775808.0;
        if (!std::isfinite(f) || std::floor(f) != f || f >= kInt64Bound || f < -kInt64Bound)
            return false;
        out = static_cast<int64_t>(f);
        return true;
    }
    return false;
}
} // namespace

std::string joinPath(const std::string &base, std::string_view key)
{
    if (base.empty())
        return std::string(key);
    std::string s = base;
    s += '.';
    s.append(key);
    return s;
}

std::string indexPath(const std::string &base, std::size_t index)
{
    return base + "[" + std::to_string(index) + "]";
}

std::string describeJson(const json &value)
{
    switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return std::string("boolean ") + (value.get<bool>() ? "true" : "false");
    case json::value_t::string: return "string " + quote(value.get<std::string>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "number " + value.dump();
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    default: return "an unsupported value";
    }
}

void Decoder::fail(const std::string &path, const std::string &what)
{
    if (m_error)
        return;
    Error e = makeError(Error::Kind::Decode, path.empty() ? what : path + ": " + what);
    m_error = std::move(e);
}

bool Decoder::expectObject(const json &value, const std::string &path)
{
    if (!ok())
        return false;
    if (!value.is_object()) {
        fail(path, "expected an object, got " + describeJson(value));
        return false;
    }
    return true;
}

bool Decoder::expectArray(const json &value, const std::string &path)
{
    if (!ok())
        return false;
    if (!value.is_array()) {
        fail(path, "expected an array, got " + describeJson(value));
        return false;
    }
    return true;
}

const json *Decoder::member(const json &obj, std::string_view key, const std::string &objPath)
{
    if (!expectObject(obj, objPath))
        return nullptr;
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return nullptr;
    return &*it;
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath,
                   std::string &out)
{
    const json *v = member(obj, key, objPath);
    if (!v)
        return;
    if (!v->is_string()) {
        fail(joinPath(objPath, key), "expected a string, got " + describeJson(*v));
        return;
    }
    out = v->get<std::string>();
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath,
                   std::optional<int64_t> &out)
{
    const json *v = member(obj, key, objPath);
    if (!v)
        return;
    int64_t value = 0;
    if (!integralValue(*v, value)) {
        fail(joinPath(objPath, key), "expected an integer, got " + describeJson(*v));
        return;
    }
    out = value;
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath,
                   std::optional<int32_t> &out)
{
    std::optional<int64_t> wide;
    read(obj, key, objPath, wide);
    if (!wide)
        return;
    if (*wide < std::numeric_limits<int32_t>::min() || *wide > std::numeric_limits<int32_t>::max()) {
        fail(joinPath(objPath, key), "integer " + std::to_string(*wide) + " does not fit in int32");
        return;
    }
    out = static_cast<int32_t>(*wide);
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath,
                   int64_t &out)
{
    std::optional<int64_t> v;
    read(obj, key, objPath, v);
    if (v)
        out = *v;
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath,
                   int32_t &out)
{
    std::optional<int32_t> v;
    read(obj, key, objPath, v);
    if (v)
        out = *v;
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath, bool &out)
{
    const json *v = member(obj, key, objPath);
    if (!v)
        return;
    if (!v->is_boolean()) {
        fail(joinPath(objPath, key), "expected a boolean, got " + describeJson(*v));
        return;
    }
    out = v->get<bool>();
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath,
                   std::optional<Quantity> &out)
{
    const json *v = member(obj, key, objPath);
    if (!v)
        return;
    std::string text;
    if (v->is_string()) {
        text = v->get<std::string>();
    } else if (v->is_number()) {
        text = v->dump(); // Go's UnmarshalJSON also accepts a bare number
    } else {
        fail(joinPath(objPath, key), "expected a quantity string, got " + describeJson(*v));
        return;
    }
    // Go trims surrounding whitespace in UnmarshalJSON before parsing.
    auto q = Quantity::parse(kube::trim(text));
    if (!q) {
        fail(joinPath(objPath, key), quote(text) + " is not a quantity");
        if (m_error)
            m_error->detail = q.error().message;
        return;
    }
    out = *q;
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath,
                   std::optional<Time> &out)
{
    const json *v = member(obj, key, objPath);
    if (!v)
        return;
    if (!v->is_string()) {
        fail(joinPath(objPath, key), "expected an RFC 3339 time string, got " + describeJson(*v));
        return;
    }
    const auto t = parseTime(v->get<std::string>());
    if (!t) {
        fail(joinPath(objPath, key), quote(v->get<std::string>()) + " is not an RFC 3339 time");
        return;
    }
    out = *t;
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath,
                   std::map<std::string, std::string> &out)
{
    const json *v = member(obj, key, objPath);
    const std::string path = joinPath(objPath, key);
    if (!v || !expectObject(*v, path))
        return;
    for (auto it = v->begin(); it != v->end(); ++it) {
        if (!it->is_string()) {
            fail(joinPath(path, it.key()), "expected a string, got " + describeJson(*it));
            return;
        }
        out[it.key()] = it->get<std::string>();
    }
}

void Decoder::read(const json &obj, std::string_view key, const std::string &objPath,
                   std::vector<std::string> &out)
{
    const json *v = member(obj, key, objPath);
    const std::string path = joinPath(objPath, key);
    if (!v || !expectArray(*v, path))
        return;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json &item = (*v)[i];
        if (!item.is_string()) {
            fail(indexPath(path, i), "expected a string, got " + describeJson(item));
            return;
        }
        out.push_back(item.get<std::string>());
    }
}

} // namespace kube::api::detail
