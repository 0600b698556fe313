#pragma once
// A small unsigned arbitrary-precision integer: just enough arithmetic for Quantity
// (Go's Quantity falls back to inf.Dec / big.Int for the same reason: exact values beyond int64).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kube::api::detail {

class BigUint {
public:
    BigUint() = default;
    explicit BigUint(uint64_t v);
    // digits must be non-empty and contain only '0'..'9'
    static BigUint fromDecimal(std::string_view digits);

    bool isZero() const { return m_limbs.empty(); }
    int compare(const BigUint &o) const;
    // Number of decimal digits (0 has 1 digit).
    std::size_t digitCount() const;
    std::string toString() const;
    // Fits in uint64_t?
    bool toUint64(uint64_t &out) const;

    void mulSmall(uint32_t m);
    void addSmall(uint32_t a);
    // Divides in place, returns the remainder.
    uint32_t divSmall(uint32_t d);
    void mulPow10(uint64_t n);
    // Divides by 10^n, truncating; returns true when the discarded part was non-zero.
    bool divPow10(uint64_t n);
    // Number of trailing decimal zeros (0 for zero).
    uint64_t trailingDecimalZeros() const;

    bool operator==(const BigUint &o) const { return m_limbs == o.m_limbs; }

private:
    void trim();
    std::vector<uint32_t> m_limbs; // base 1e9, least significant first; empty == 0
};

} // namespace kube::api::detail
