#pragma once
// The Prometheus HTTP API's query answers as plain structs, the step arithmetic of range
// queries, and failed answers in words (reasons in kube/prometheus/reasons.h). Exception-free on
// any input: a hostile or broken server gets an Error, never a throw. No Qt.
#include "kube/core/result.h"
#include "kube/prometheus/endpoint.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kube::http { struct Response; }

namespace kube::prometheus {

// Prometheus refuses a range query with (end - start) / step > 11000 ("exceeded maximum
// resolution of 11,000 points per timeseries", web/api/v1/api.go queryRange).
inline constexpr std::int64_t kMaxPointsPerSeries = 11000;

// The step (seconds, >= 1 and >= minStepS) for a range of rangeS seconds that Prometheus
// accepts: the smallest integer with rangeS / step <= 11000 (1 h -> 1, 24 h -> 8, 7 d -> 55,
// 30 d -> 236; 11000 * k -> k).
std::int64_t stepFor(std::int64_t rangeS, std::int64_t minStepS);

// A PromQL string literal: "..." with \ and " escaped (and control characters as \n, \xNN).
std::string promqlString(std::string_view s);

struct HistoryPoint {
    double t = 0; // seconds since the epoch
    double v = 0; // may be NaN or +-Inf (Prometheus' "NaN", "+Inf", "-Inf")
    bool operator==(const HistoryPoint &) const = default;
};

struct Series {
    std::map<std::string, std::string> labels; // __name__ included for raw selectors
    std::vector<HistoryPoint> points;          // one for a vector answer
};

struct QueryAnswer {
    std::string resultType;            // "matrix", "vector", ...
    std::vector<Series> series;
    std::vector<std::string> warnings; // data.warnings / top-level warnings, as sent
};

// A 2xx body of /api/v1/query or /api/v1/query_range. expectedType is "matrix" or "vector".
// Errors: Kind::Decode with reason kReasonPrometheusNotPrometheus when the body is not Prometheus
// JSON (detail: the first bytes of the body, or the JSON path that is wrong); a
// {"status":"error"} body becomes queryError(). `where` is Endpoint::describe().
Result<QueryAnswer> decodeAnswer(std::string_view body, std::string_view expectedType,
                                 const std::string &where);

// A sample value as Prometheus writes it: a decimal or exponent number, "NaN", "+Inf", "-Inf".
bool parseSampleValue(std::string_view text, double &out);

// {"status":"error","errorType":T,"error":E} (any HTTP status) in words. detail = E.
Error queryError(std::string_view errorType, const std::string &errorText, int httpStatus);

// The outcome of one request to Prometheus, 2xx or not, in words: Prometheus' own JSON errors
// (queryError), the service proxy's 404/502/503 (no such service, no ready endpoint) as
// kReasonPrometheusUnreachable, 401/403 as kReasonPrometheusForbidden, a 2xx that is not
// Prometheus (kReasonPrometheusNotPrometheus), connection failures of a Direct endpoint as
// kReasonPrometheusUnreachable. The server's text goes to detail; the token never appears.
Result<QueryAnswer> interpret(const Result<http::Response> &r, const Endpoint &endpoint,
                              std::string_view expectedType);

} // namespace kube::prometheus
