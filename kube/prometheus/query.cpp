#include "kube/prometheus/query.h"

#include "kube/core/json.h"
#include "kube/prometheus/reasons.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

namespace kube::prometheus {

namespace {

using nlohmann::json;

// Longest piece of a foreign body quoted in a detail: enough to recognise a login page.
constexpr std::size_t kMaxQuoted = 200;

Error withReason(Error::Kind kind, std::string_view reason, std::string message, std::string detail = {})
{
    Error e = makeError(kind, std::move(message), std::move(detail));
    e.reason = std::string(reason);
    return e;
}

// The start of a body on one line (control characters as spaces), for a detail.
std::string quote(std::string_view body)
{
    std::string out;
    for (const char c : body.substr(0, kMaxQuoted)) {
        const auto u = static_cast<unsigned char>(c);
        const bool blank = u < 0x20 || u == 0x7f;
        if (blank && (out.empty() || out.back() == ' '))
            continue;
        out += blank ? ' ' : c;
    }
    if (body.size() > kMaxQuoted)
        out += "...";
    return out;
}

Error notPrometheus(const std::string &where, std::string detail)
{
    return withReason(Error::Kind::Decode, kReasonPrometheusNotPrometheus,
                      "the answer from " + where
                          + " is not from Prometheus' API (a login page or another service?): check the "
                            "address and path prefix",
                      std::move(detail));
}

// Reads [t, "v"]; false when the shape is wrong.
bool readPoint(const json &j, HistoryPoint &out)
{
    if (!j.is_array() || j.size() != 2 || !j[0].is_number() || !j[1].is_string())
        return false;
    out.t = j[0].get<double>();
    return parseSampleValue(j[1].get_ref<const std::string &>(), out.v);
}

// One item of data.result; "" when fine, else what is wrong (a JSON path and why).
std::string readSeries(const json &item, bool matrix, const std::string &path, Series &out)
{
    if (!item.is_object())
        return path + " is not an object";
    const auto metric = item.find("metric");
    if (metric != item.end()) {
        if (!metric->is_object())
            return path + ".metric is not an object";
        for (auto it = metric->begin(); it != metric->end(); ++it) {
            if (!it->is_string())
                return path + ".metric." + it.key() + " is not a string";
            out.labels.emplace(it.key(), it->get<std::string>());
        }
    }
    const char *key = matrix ? "values" : "value";
    const auto data = item.find(key);
    if (data == item.end())
        return path + "." + key + " is missing";
    if (!matrix) {
        HistoryPoint p;
        if (!readPoint(*data, p))
            return path + ".value is not [time, \"number\"]";
        out.points.push_back(p);
        return {};
    }
    if (!data->is_array())
        return path + ".values is not an array";
    out.points.reserve(data->size());
    for (std::size_t i = 0; i < data->size(); ++i) {
        HistoryPoint p;
        if (!readPoint((*data)[i], p))
            return path + ".values[" + std::to_string(i) + "] is not [time, \"number\"]";
        out.points.push_back(p);
    }
    return {};
}

void readWarnings(const json &j, std::vector<std::string> &out)
{
    const auto w = j.find("warnings");
    if (w == j.end() || !w->is_array())
        return;
    for (const auto &item : *w)
        if (item.is_string())
            out.push_back(item.get<std::string>());
}

} // namespace

std::int64_t stepFor(std::int64_t rangeS, std::int64_t minStepS)
{
    const std::int64_t floorStep = minStepS < 1 ? 1 : minStepS;
    if (rangeS <= 0)
        return floorStep;
    // ceil(rangeS / 11000) without floating point: exact for any int64 range.
    const std::int64_t needed = rangeS / kMaxPointsPerSeries + (rangeS % kMaxPointsPerSeries != 0 ? 1 : 0);
    return needed > floorStep ? needed : floorStep;
}

std::string promqlString(std::string_view s)
{
    static const char *hex = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (u < 0x20 || u == 0x7f) {
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

bool parseSampleValue(std::string_view text, double &out)
{
    // Prometheus writes floats with strconv.FormatFloat(v, 'f', -1, 64) and NaN/+Inf/-Inf.
    // from_chars, not strtod: the C locale of a Qt process follows the user's (decimal comma).
    if (text == "NaN") {
        out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == "+Inf" || text == "Inf") {
        out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (text == "-Inf") {
        out = -std::numeric_limits<double>::infinity();
        return true;
    }
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '-'
                          || text.front() == '.'))
        return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

Result<QueryAnswer> decodeAnswer(std::string_view body, std::string_view expectedType, const std::string &where)
{
    const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
        return notPrometheus(where, body.empty() ? "empty answer" : "answer starts: " + quote(body));
    const std::string status = stringMember(j, "status");
    if (status == "error")
        return queryError(stringMember(j, "errorType"), stringMember(j, "error"), 200);
    if (status != "success")
        return notPrometheus(where, "JSON without \"status\": \"success\"");
    const auto data = j.find("data");
    if (data == j.end() || !data->is_object())
        return notPrometheus(where, "data is not an object");
    QueryAnswer answer;
    answer.resultType = stringMember(*data, "resultType");
    if (answer.resultType != expectedType)
        return notPrometheus(where, "data.resultType is \"" + answer.resultType + "\", not \""
                                        + std::string(expectedType) + "\"");
    const auto result = data->find("result");
    if (result == data->end() || !result->is_array())
        return notPrometheus(where, "data.result is not an array");
    answer.series.reserve(result->size());
    for (std::size_t i = 0; i < result->size(); ++i) {
        Series s;
        const std::string problem = readSeries((*result)[i], expectedType == "matrix",
                                               "data.result[" + std::to_string(i) + "]", s);
        if (!problem.empty())
            return notPrometheus(where, problem);
        answer.series.push_back(std::move(s));
    }
    readWarnings(j, answer.warnings);
    return answer;
}

Error queryError(std::string_view errorType, const std::string &errorText, int httpStatus)
{
    const Error::Kind kind = httpStatus >= 200 && httpStatus < 300 ? Error::Kind::Decode : Error::Kind::Http;
    Error e;
    if (errorText.find("exceeded maximum resolution") != std::string::npos)
        e = withReason(kind, kReasonPrometheusQueryRefused,
                       "the range holds too many points for Prometheus (at most 11,000 per series): choose "
                       "a shorter range or a coarser step");
    else if (errorType == "bad_data")
        e = withReason(kind, kReasonPrometheusQueryRefused, "Prometheus refused the query as invalid");
    else if (errorType == "timeout" || errorType == "canceled")
        e = withReason(kind, kReasonPrometheusQueryFailed,
                       "Prometheus did not finish the query in time: choose a shorter range");
    else if (errorType == "unavailable")
        e = withReason(kind, kReasonPrometheusQueryFailed,
                       "Prometheus is not ready to answer queries yet (starting up?): try again later");
    else
        e = withReason(kind, kReasonPrometheusQueryFailed,
                       "Prometheus could not run the query (" + std::string(errorType.empty() ? "error" : errorType)
                           + ")");
    e.httpStatus = httpStatus;
    e.detail = errorText;
    return e;
}

} // namespace kube::prometheus
