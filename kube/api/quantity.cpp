#include "kube/api/quantity.h"

#include <array>
#include <charconv>
#include <cstdlib>
#include <limits>

namespace kube::api {

using detail::BigUint;

namespace {

// Go's resource package: parsed values keep precision only down to nano (10^-9).
constexpr int64_t kNanoExponent = -9;
// Largest BinarySI magnitude ParseQuantity keeps (maxAllowed in math.go: 2^63-1).
constexpr uint64_t kMaxBinarySI = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
// The longest input quoted back in an error message.
constexpr std::size_t kMaxQuotedInput = 64;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The characters Go's scanner accepts inside a suffix ("eEinumkKMGTP").
bool isSuffixChar(char c)
{
    switch (c) {
    case 'e': case 'E': case 'i': case 'n': case 'u': case 'm':
    case 'k': case 'K': case 'M': case 'G': case 'T': case 'P':
        return true;
    default:
        return false;
    }
}

struct SuffixInfo {
    int base = 10;
    int64_t exponent = 0;
    QuantityFormat format = QuantityFormat::DecimalSI;
};

struct DecSuffix {
    std::string_view text;
    int exponent;
};
// suffix.go decSuffixes / binSuffixes
constexpr std::array<DecSuffix, 10> kDecimalSuffixes{{{"n", -9}, {"u", -6}, {"m", -3}, {"", 0},
                                                      {"k", 3}, {"M", 6}, {"G", 9}, {"T", 12},
                                                      {"P", 15}, {"E", 18}}};
constexpr std::array<std::string_view, 7> kBinarySuffixes{"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

std::string quoted(std::string_view text)
{
    std::string s = "\"";
    if (text.size() > kMaxQuotedInput) {
        s.append(text.substr(0, kMaxQuotedInput));
        s += "...";
    } else {
        s.append(text);
    }
    s += '"';
    return s;
}

std::string describeChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f)
        return std::string("'") + c + "'";
    static const char *hex = "0123456789abcdef";
    return std::string("'\\x") + hex[u >> 4] + hex[u & 0xf] + "'";
}

Error invalid(std::string_view text, const std::string &why, std::string detail = {})
{
    return makeError(Error::Kind::Invalid, quoted(text) + " is not a Kubernetes quantity: " + why,
                     std::move(detail));
}

// Go's strconv.ParseInt(s, 10, 64): optional sign, at least one digit, no overflow.
bool parseInt64(std::string_view s, int64_t &out)
{
    if (!s.empty() && s[0] == '+')
        s.remove_prefix(1);
    if (s.empty() || s[0] == '+')
        return false;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

enum class SuffixResult { Ok, Unknown, BadExponent };

SuffixResult interpretSuffix(std::string_view s, SuffixInfo &info)
{
    for (const auto &d : kDecimalSuffixes) {
        if (d.text == s) {
            info = {10, d.exponent, QuantityFormat::DecimalSI};
            return SuffixResult::Ok;
        }
    }
    for (std::size_t i = 1; i < kBinarySuffixes.size(); ++i) {
        if (kBinarySuffixes[i] == s) {
            info = {2, static_cast<int64_t>(i) * 10, QuantityFormat::BinarySI};
            return SuffixResult::Ok;
        }
    }
    if (s.size() > 1 && (s[0] == 'e' || s[0] == 'E')) {
        int64_t parsed = 0;
        if (!parseInt64(s.substr(1), parsed))
            return SuffixResult::BadExponent;
        // Go keeps int32(parsed): the exponent wraps like the original.
        info = {10, static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(parsed))),
                QuantityFormat::DecimalExponent};
        return SuffixResult::Ok;
    }
    return SuffixResult::Unknown;
}

int64_t floorMod3(int64_t e) { return ((e % 3) + 3) % 3; }

const std::string kSyntaxHint = "a quantity is a number with an optional suffix, e.g. 500m, 2, "
                                "1.5Gi or 1e3";
const std::string kSuffixHint = "valid suffixes: n u m k M G T P E Ki Mi Gi Ti Pi Ei, or an "
                                "exponent such as e3";

} // namespace

std::string_view nameOf(QuantityFormat format)
{
    switch (format) {
    case QuantityFormat::DecimalExponent: return "DecimalExponent";
    case QuantityFormat::BinarySI: return "BinarySI";
    case QuantityFormat::DecimalSI: return "DecimalSI";
    }
    return "DecimalSI";
}

void Quantity::normalize()
{
    if (m_mantissa.isZero()) {
        m_negative = false;
        m_exponent = 0;
        return;
    }
    const uint64_t zeros = m_mantissa.trailingDecimalZeros();
    if (zeros > 0) {
        m_mantissa.divPow10(zeros);
        m_exponent += static_cast<int64_t>(zeros);
    }
}

Result<Quantity> Quantity::parse(std::string_view str)
{
    if (str.empty())
        return invalid(str, "the string is empty", kSyntaxHint);

    // The scan mirrors parseQuantityString, so the same strings are accepted and rejected.
    Quantity q;
    std::size_t pos = 0;
    const std::size_t end = str.size();
    if (str[0] == '-') {
        q.m_negative = true;
        ++pos;
    } else if (str[0] == '+') {
        ++pos;
    }
    while (pos < end && str[pos] == '0')
        ++pos;
    if (pos >= end) {
        q.m_negative = false;
        return q; // only zeros (or a bare sign): Go yields 0 DecimalSI
    }
    const std::size_t numStart = pos;
    while (pos < end && isDigit(str[pos]))
        ++pos;
    const std::string_view num = str.substr(numStart, pos - numStart);
    std::string_view denom;
    if (pos < end && str[pos] == '.') {
        ++pos;
        const std::size_t denomStart = pos;
        while (pos < end && isDigit(str[pos]))
            ++pos;
        denom = str.substr(denomStart, pos - denomStart);
    }
    const std::size_t suffixStart = pos;
    while (pos < end && isSuffixChar(str[pos]))
        ++pos;
    if (pos < end && (str[pos] == '+' || str[pos] == '-'))
        ++pos;
    while (pos < end && isDigit(str[pos]))
        ++pos;
    if (pos < end)
        return invalid(str, "unexpected character " + describeChar(str[pos]), kSyntaxHint);
    const std::string_view suffix = str.substr(suffixStart);

    SuffixInfo info;
    switch (interpretSuffix(suffix, info)) {
    case SuffixResult::Ok:
        break;
    case SuffixResult::Unknown:
        return invalid(str, "unknown suffix " + quoted(suffix), kSuffixHint);
    case SuffixResult::BadExponent:
        return invalid(str, "invalid exponent " + quoted(suffix), kSuffixHint);
    }

    // Go's fast int64 path accepts a bare "." as 0; its inf.Dec path (taken for exponents
    // below nano and for Pi/Ei) rejects a number without digits.
    if (num.empty() && denom.empty()) {
        const bool slowPath = (info.base == 10 && info.exponent < kNanoExponent)
            || (info.base == 2 && info.exponent >= 50);
        if (slowPath)
            return invalid(str, "the number has no digits", kSyntaxHint);
    }

    std::string digits(num);
    digits.append(denom);
    if (digits.empty())
        digits = "0";
    q.m_mantissa = BigUint::fromDecimal(digits);
    q.m_format = info.format;
    q.m_exponent = -static_cast<int64_t>(denom.size());
    if (info.base == 10) {
        q.m_exponent += info.exponent;
    } else {
        for (int64_t i = 0; i < info.exponent / 10; ++i)
            q.m_mantissa.mulSmall(1024);
    }
    q.normalize();
    if (q.isZero())
        return q;

    // Finer than nano: round the magnitude up, so asking for some resource gets some.
    if (q.m_exponent < kNanoExponent) {
        if (q.m_mantissa.divPow10(static_cast<uint64_t>(kNanoExponent - q.m_exponent)))
            q.m_mantissa.addSmall(1);
        q.m_exponent = kNanoExponent;
        q.normalize();
    }
    if (q.m_format == Format::BinarySI) {
        const Quantity cap = fromInt64(static_cast<int64_t>(kMaxBinarySI));
        if (q.compareMagnitude(cap) > 0) {
            q.m_mantissa = BigUint(kMaxBinarySI);
            q.m_exponent = 0;
        } else if (q.compareMagnitude(fromInt64(1)) < 0) {
            q.m_format = Format::DecimalSI; // 0 < |q| < 1 cannot be written in binary units
        }
    }
    return q;
}

Quantity Quantity::fromScaled(int64_t value, int32_t scale, Format format)
{
    Quantity q;
    q.m_negative = value < 0;
    const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value)
                                         : static_cast<uint64_t>(value);
    q.m_mantissa = BigUint(magnitude);
    q.m_exponent = scale;
    q.m_format = format;
    q.normalize();
    return q;
}

Quantity Quantity::fromInt64(int64_t value, Format format) { return fromScaled(value, 0, format); }

Quantity Quantity::fromMilli(int64_t milli, Format format) { return fromScaled(milli, -3, format); }

int Quantity::compareMagnitude(const Quantity &o) const
{
    if (isZero() || o.isZero())
        return isZero() ? (o.isZero() ? 0 : -1) : 1;
    // Compare orders of magnitude first so a huge exponent never materialises.
    const int64_t adjA = static_cast<int64_t>(m_mantissa.digitCount()) + m_exponent;
    const int64_t adjB = static_cast<int64_t>(o.m_mantissa.digitCount()) + o.m_exponent;
    if (adjA != adjB)
        return adjA < adjB ? -1 : 1;
    BigUint a = m_mantissa;
    BigUint b = o.m_mantissa;
    if (m_exponent > o.m_exponent)
        a.mulPow10(static_cast<uint64_t>(m_exponent - o.m_exponent));
    else if (o.m_exponent > m_exponent)
        b.mulPow10(static_cast<uint64_t>(o.m_exponent - m_exponent));
    return a.compare(b);
}

int Quantity::compare(const Quantity &o) const
{
    if (sign() != o.sign())
        return sign() < o.sign() ? -1 : 1;
    const int c = compareMagnitude(o);
    return m_negative ? -c : c;
}

int64_t Quantity::scaledValue(int32_t scale) const
{
    if (isZero())
        return 0;
    const int64_t shift = m_exponent - scale;
    BigUint magnitude = m_mantissa;
    constexpr int64_t kMaxInt64Digits = 19; // 10^19 > 2^63
    if (shift >= 0) {
        if (static_cast<int64_t>(magnitude.digitCount()) + shift > kMaxInt64Digits + 1)
            return m_negative ? std::numeric_limits<int64_t>::min()
                              : std::numeric_limits<int64_t>::max();
        magnitude.mulPow10(static_cast<uint64_t>(shift));
    } else if (magnitude.divPow10(static_cast<uint64_t>(-shift))) {
        magnitude.addSmall(1); // away from zero, like negativeScaleInt64
    }
    uint64_t u = 0;
    const uint64_t limit = m_negative ? kMaxBinarySI + 1 : kMaxBinarySI;
    if (!magnitude.toUint64(u) || u > limit)
        return m_negative ? std::numeric_limits<int64_t>::min()
                          : std::numeric_limits<int64_t>::max();
    return m_negative ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u);
}

int64_t Quantity::value() const { return scaledValue(0); }

int64_t Quantity::milliValue() const { return scaledValue(-3); }

double Quantity::asDouble() const
{
    if (isZero())
        return 0.0;
    std::string s = m_negative ? "-" : "";
    s += m_mantissa.toString();
    s += 'e';
    s += std::to_string(m_exponent);
    return std::strtod(s.c_str(), nullptr);
}

std::string Quantity::toString() const
{
    if (isZero())
        return "0";
    const std::string sign = m_negative ? "-" : "";
    Format format = m_format;
    if (format == Format::BinarySI) {
        // |q| < 1024 or a fraction: Go switches to DecimalSI rather than round.
        if (compareMagnitude(fromInt64(1024)) < 0 || m_exponent < 0)
            format = Format::DecimalSI;
    }
    if (format == Format::BinarySI) {
        BigUint n = m_mantissa;
        n.mulPow10(static_cast<uint64_t>(m_exponent));
        std::size_t power = 0;
        while (power + 1 < kBinarySuffixes.size()) {
            BigUint probe = n;
            if (probe.divSmall(1024) != 0)
                break;
            n = probe;
            ++power;
        }
        return sign + n.toString() + std::string(kBinarySuffixes[power]);
    }

    // Largest exponent that is a multiple of 3, with no fractional digits.
    BigUint mantissa = m_mantissa;
    int64_t exponent = m_exponent;
    const int64_t r = floorMod3(exponent);
    if (r != 0) {
        mantissa.mulPow10(static_cast<uint64_t>(r));
        exponent -= r;
    }
    std::string suffix;
    bool found = false;
    if (format == Format::DecimalSI) {
        for (const auto &d : kDecimalSuffixes) {
            if (d.exponent == exponent) {
                suffix = std::string(d.text);
                found = true;
                break;
            }
        }
    }
    // DecimalSI has no suffix past E (10^18): Go falls back to exponent notation.
    if (!found && exponent != 0)
        suffix = "e" + std::to_string(exponent);
    return sign + mantissa.toString() + suffix;
}

} // namespace kube::api
