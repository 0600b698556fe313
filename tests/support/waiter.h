#pragma once
// Collects one asynchronous result from another thread (the network thread of kube/http).
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace hpascope::test {

template <typename T>
struct Waiter {
    std::mutex mutex;
    std::condition_variable cv;
    std::optional<T> value;
    int calls = 0;
    void set(T v)
    {
        std::lock_guard lock(mutex);
        value.emplace(std::move(v));
        ++calls;
        cv.notify_all();
    }
    bool wait(int ms = 10000)
    {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return value.has_value(); });
    }
    bool done()
    {
        std::lock_guard lock(mutex);
        return value.has_value();
    }
};

} // namespace hpascope::test
