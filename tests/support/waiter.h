#pragma once
// Collects one asynchronous result from another thread (the network thread of kube/http).
#include <chrono>
#include <condition_variable>
#include <future>
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

// Calls start(callback) and blocks until the callback has run, on whichever thread; returns what it
// was given. For calls whose callback always runs (kube/ reads: errors are values too).
template <typename T, typename Start>
T await(Start start)
{
    std::promise<T> p;
    auto f = p.get_future();
    start([&p](T v) { p.set_value(std::move(v)); });
    return f.get();
}

} // namespace hpascope::test
