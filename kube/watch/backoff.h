#pragma once
// Jittered exponential backoff like client-go's reflector (wait.NewExponentialBackoffManager with
// 800 ms initial, 30 s cap, factor 2, jitter 1.0, reset after 2 min without failures).
#include <chrono>
#include <random>

namespace kube::watch {

class Backoff {
public:
    using Clock = std::chrono::steady_clock;
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max, std::chrono::milliseconds resetAfter);

    // The next delay: base doubles per failure up to max; jitter 1.0 draws in [base, 2*base).
    std::chrono::milliseconds next(Clock::time_point now = Clock::now());
    int attempt() const { return m_attempt; }
    void reset() { m_attempt = 0; }

private:
    std::chrono::milliseconds m_initial, m_max, m_resetAfter;
    int m_attempt = 0;
    Clock::time_point m_last{};
    std::mt19937_64 m_rng{std::random_device{}()};
};

} // namespace kube::watch
