#pragma once
// DemoCluster: a World served as a Kubernetes-style HTTP API on 127.0.0.1 (plain HTTP, ephemeral
// port), with a clock thread that advances simulated time `speed` times faster than real time.
// hpascope's normal client code (kube/http, kube/watch, kube/api, kube/metrics, kube/snapshot)
// works against it unchanged, and so does `kubectl --server http://127.0.0.1:PORT get hpa -A`.
//
// Served: discovery (/api, /apis, group versions), /version, /healthz, /readyz, /livez;
// list / watch / get of namespaces, services, pods, events (core/v1), deployments, replicasets
// (apps/v1), horizontalpodautoscalers (autoscaling/v2); deployments/{name}/scale (GET, PUT);
// custom.metrics.k8s.io v1beta2 and v1beta1; external.metrics.k8s.io v1beta1 (the test adapter's
// fixed values); metrics.k8s.io v1beta1 pods; and the test adapter's write routes behind
// /api/v1/namespaces/custom-metrics/services/custom-metrics-apiserver:http/proxy/write-metrics/...
#include "kube/config/rest_config.h"
#include "kube/sim/http_server.h"
#include "kube/sim/world.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace kube::sim {

// How often the clock thread advances simulated time (real time).
inline constexpr Millis kClockTick{100};

class DemoCluster {
public:
    enum class Scenario { Demo, Empty };
    struct Options {
        double speed = 1.0;            // simulated seconds per real second (1, 10, 60, ...)
        Millis syncPeriod{15000};      // HPA controller sync period (the real default)
        Millis podReadyDelay{10000};   // pod creation -> Ready
        Scenario scenario = Scenario::Demo;
        // No clock thread: time moves only through world().advance() (deterministic tests).
        bool manualClock = false;
        std::size_t changeLogCapacity = 10000;
        std::optional<Time> start;     // wall-clock now when unset
        uint16_t port = 0;             // 0: an ephemeral port
    };

    static Result<std::unique_ptr<DemoCluster>> start(Options options);
    ~DemoCluster(); // stop()
    DemoCluster(const DemoCluster &) = delete;
    DemoCluster &operator=(const DemoCluster &) = delete;

    std::string server() const; // http://127.0.0.1:PORT
    // contextName "hpascope-demo", namespace "default", no credentials.
    config::RestConfig restConfig() const;

    void setSpeed(double speed); // simulated time stays continuous
    double speed() const;
    Time now() const;
    World &world() { return *m_world; }

    void stop();

private:
    DemoCluster() = default;
    void clockLoop();

    Options m_options;
    std::unique_ptr<World> m_world;
    std::unique_ptr<HttpServer> m_server;
    std::atomic<double> m_speed{1.0};
    std::thread m_clock;
    std::mutex m_clockMutex;
    std::condition_variable m_clockCv;
    bool m_stop = false;
};

// The request router, exposed for tests that want to call it without sockets.
void handleApiRequest(World &world, const HttpRequest &request, HttpResponder &responder, const std::string &hostPort);

} // namespace kube::sim
