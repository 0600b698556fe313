#pragma once
// kube::api::Quantity: resource.Quantity with apimachinery's exact parse and format rules
// (k8s.io/apimachinery/pkg/api/resource/quantity.go, amount.go, suffix.go).
//
// The value is held exactly (sign, arbitrary-precision mantissa, base-10 exponent), so
// "18446744073709551616" or "1.2345" keep their value as in Go, and no float ever enters.
#include "kube/api/big_uint.h"
#include "kube/core/result.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace kube::api {

// The three serialisation formats; a parsed Quantity remembers the one its suffix implied.
enum class QuantityFormat {
    DecimalExponent, // 12e6
    BinarySI,        // 12Mi
    DecimalSI,       // 12M
};

std::string_view nameOf(QuantityFormat format);

class Quantity {
public:
    using Format = QuantityFormat;

    Quantity() = default; // zero, DecimalSI

    // Parses like resource.ParseQuantity: no surrounding whitespace, values finer than 1n
    // rounded away from zero to 1n, BinarySI values capped at 2^63-1.
    static Result<Quantity> parse(std::string_view text);

    static Quantity fromInt64(int64_t value, Format format = Format::DecimalSI);  // NewQuantity
    static Quantity fromMilli(int64_t milli, Format format = Format::DecimalSI);  // NewMilliQuantity
    // value * 10^scale (NewScaledQuantity); e.g. fromScaled(5, -9) == 5n
    static Quantity fromScaled(int64_t value, int32_t scale, Format format = Format::DecimalSI);

    Format format() const { return m_format; }
    // Canonical form, exactly as Go's Quantity.String() (e.g. "1.5" -> "1500m", "1024Ki" -> "1Mi").
    std::string toString() const;

    // ceil(|q|) with q's sign (away from zero), as Go's Value(); saturates at the int64 limits
    // where Go would overflow.
    int64_t value() const;
    // ceil(q * 1000) away from zero, as Go's MilliValue(); saturates at the int64 limits.
    int64_t milliValue() const;
    // q / 10^scale rounded away from zero, as Go's ScaledValue(); saturating.
    int64_t scaledValue(int32_t scale) const;
    // Nearest double (correctly rounded from the exact decimal); may be inf for huge values.
    double asDouble() const;

    bool isZero() const { return m_mantissa.isZero(); }
    int sign() const { return isZero() ? 0 : (m_negative ? -1 : 1); }

    // Compares values only (format is ignored), like Go's Cmp.
    int compare(const Quantity &other) const;
    bool operator==(const Quantity &other) const { return compare(other) == 0; }
    std::strong_ordering operator<=>(const Quantity &other) const
    {
        const int c = compare(other);
        return c < 0 ? std::strong_ordering::less
                     : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }

private:
    void normalize();
    int compareMagnitude(const Quantity &other) const;

    bool m_negative = false;
    detail::BigUint m_mantissa;  // no trailing decimal zeros once normalized
    int64_t m_exponent = 0;      // value = mantissa * 10^exponent
    Format m_format = Format::DecimalSI;
};

} // namespace kube::api
