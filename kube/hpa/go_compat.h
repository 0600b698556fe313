#pragma once
// What Go's conversions and fmt verbs do, where the controller's output depends on them.
#include "kube/api/meta.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace kube::hpa::go {

// int32(f) / int64(f) on amd64 (CVTTSD2SL / CVTTSD2SQ): truncation toward zero; NaN and
// out-of-range values give the "integer indefinite" value, the minimum of the type. In C++ such a
// conversion is undefined, so it is spelled out.
inline int32_t toInt32(double f)
{
    if (std::isnan(f) || f >= 2147483648.0 || f < -2147483648.0)
        return std::numeric_limits<int32_t>::min();
    return static_cast<int32_t>(f);
}
inline int64_t toInt64(double f)
{
    if (std::isnan(f) || f >= 9223372036854775808.0 || f < -9223372036854775808.0)
        return std::numeric_limits<int64_t>::min();
    return static_cast<int64_t>(f);
}
// int32(math.Ceil(f))
inline int32_t ceilToInt32(double f) { return toInt32(std::ceil(f)); }

// fmt "%+v" of a *metav1.LabelSelector: the gogo-protobuf String() method of generated.pb.go,
// e.g. "nil" or "&LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}".
// It appears in the controller's metric names ("external metric queue(nil)").
std::string labelSelector(const std::optional<kube::api::LabelSelector> &selector);

} // namespace kube::hpa::go
