#include "kube/watch/backoff.h"

#include <algorithm>

namespace kube::watch {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max, std::chrono::milliseconds resetAfter)
    : m_initial(std::max(initial, std::chrono::milliseconds(1))), m_max(std::max(max, m_initial)), m_resetAfter(resetAfter)
{
}

std::chrono::milliseconds Backoff::next(Clock::time_point now)
{
    // A long healthy period since the last failure starts the sequence over.
    if (m_attempt > 0 && now - m_last >= m_resetAfter)
        m_attempt = 0;
    m_last = now;
    double base = static_cast<double>(m_initial.count());
    for (int i = 0; i < m_attempt && base < static_cast<double>(m_max.count()); ++i)
        base *= 2.0;
    base = std::min(base, static_cast<double>(m_max.count()));
    ++m_attempt;
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    return std::chrono::milliseconds(static_cast<long long>(base + jitter(m_rng) * base));
}

} // namespace kube::watch
