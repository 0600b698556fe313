#include "kube/api/big_uint.h"

#include <algorithm>

namespace kube::api::detail {

namespace {
constexpr uint32_t kBase = 1000000000; // 10^9 per limb keeps decimal I/O trivial
constexpr uint32_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                               1000000000};
} // namespace

BigUint::BigUint(uint64_t v)
{
    while (v != 0) {
        m_limbs.push_back(static_cast<uint32_t>(v % kBase));
        v /= kBase;
    }
}

BigUint BigUint::fromDecimal(std::string_view digits)
{
    BigUint r;
    std::size_t end = digits.size();
    while (end > 0) {
        const std::size_t start = end >= 9 ? end - 9 : 0;
        uint32_t limb = 0;
        for (std::size_t i = start; i < end; ++i)
            limb = limb * 10 + static_cast<uint32_t>(digits[i] - '0');
        r.m_limbs.push_back(limb);
        end = start;
    }
    r.trim();
    return r;
}

void BigUint::trim()
{
    while (!m_limbs.empty() && m_limbs.back() == 0)
        m_limbs.pop_back();
}

int BigUint::compare(const BigUint &o) const
{
    if (m_limbs.size() != o.m_limbs.size())
        return m_limbs.size() < o.m_limbs.size() ? -1 : 1;
    for (std::size_t i = m_limbs.size(); i-- > 0;) {
        if (m_limbs[i] != o.m_limbs[i])
            return m_limbs[i] < o.m_limbs[i] ? -1 : 1;
    }
    return 0;
}

std::size_t BigUint::digitCount() const
{
    if (m_limbs.empty())
        return 1;
    std::size_t n = (m_limbs.size() - 1) * 9;
    uint32_t top = m_limbs.back();
    while (top != 0) {
        ++n;
        top /= 10;
    }
    return n;
}

std::string BigUint::toString() const
{
    if (m_limbs.empty())
        return "0";
    std::string s = std::to_string(m_limbs.back());
    for (std::size_t i = m_limbs.size() - 1; i-- > 0;) {
        std::string part = std::to_string(m_limbs[i]);
        s.append(9 - part.size(), '0');
        s += part;
    }
    return s;
}

bool BigUint::toUint64(uint64_t &out) const
{
    // 3 limbs hold up to 10^27; check overflow while accumulating.
    unsigned __int128 acc = 0;
    if (m_limbs.size() > 3)
        return false;
    for (std::size_t i = m_limbs.size(); i-- > 0;)
        acc = acc * kBase + m_limbs[i];
    if (acc > UINT64_MAX)
        return false;
    out = static_cast<uint64_t>(acc);
    return true;
}

void BigUint::mulSmall(uint32_t m)
{
    if (m == 0) {
        m_limbs.clear();
        return;
    }
    uint64_t carry = 0;
    for (auto &limb : m_limbs) {
        const uint64_t cur = static_cast<uint64_t>(limb) * m + carry;
        limb = static_cast<uint32_t>(cur % kBase);
        carry = cur / kBase;
    }
    while (carry != 0) {
        m_limbs.push_back(static_cast<uint32_t>(carry % kBase));
        carry /= kBase;
    }
}

void BigUint::addSmall(uint32_t a)
{
    uint64_t carry = a;
    for (std::size_t i = 0; carry != 0; ++i) {
        if (i == m_limbs.size())
            m_limbs.push_back(0);
        const uint64_t cur = static_cast<uint64_t>(m_limbs[i]) + carry;
        m_limbs[i] = static_cast<uint32_t>(cur % kBase);
        carry = cur / kBase;
    }
}

uint32_t BigUint::divSmall(uint32_t d)
{
    uint64_t rem = 0;
    for (std::size_t i = m_limbs.size(); i-- > 0;) {
        const uint64_t cur = rem * kBase + m_limbs[i];
        m_limbs[i] = static_cast<uint32_t>(cur / d);
        rem = cur % d;
    }
    trim();
    return static_cast<uint32_t>(rem);
}

void BigUint::mulPow10(uint64_t n)
{
    if (isZero())
        return;
    const uint64_t whole = n / 9;
    m_limbs.insert(m_limbs.begin(), static_cast<std::size_t>(whole), 0u);
    mulSmall(kPow10[n % 9]);
}

bool BigUint::divPow10(uint64_t n)
{
    if (isZero())
        return false;
    if (n >= digitCount()) {
        m_limbs.clear();
        return true;
    }
    bool inexact = false;
    const std::size_t whole = static_cast<std::size_t>(n / 9);
    for (std::size_t i = 0; i < whole; ++i)
        inexact = inexact || m_limbs[i] != 0;
    m_limbs.erase(m_limbs.begin(), m_limbs.begin() + static_cast<std::ptrdiff_t>(whole));
    if (divSmall(kPow10[n % 9]) != 0)
        inexact = true;
    trim();
    return inexact;
}

uint64_t BigUint::trailingDecimalZeros() const
{
    if (m_limbs.empty())
        return 0;
    uint64_t n = 0;
    std::size_t i = 0;
    while (m_limbs[i] == 0) {
        n += 9;
        ++i;
    }
    uint32_t limb = m_limbs[i];
    while (limb % 10 == 0) {
        ++n;
        limb /= 10;
    }
    return n;
}

} // namespace kube::api::detail
