// What a request costs end to end on one Client against the in-process demo API server (plain
// HTTP, so TLS does not drown the figure): sequential sendSync() calls, then a burst sent at
// once. Every request asks the credential provider first (on the credential worker). Prints ms.
#include "kube/config/credentials.h"
#include "kube/http/client.h"
#include "kube/sim/api_server.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace kube;

namespace {

constexpr int kRuns = 5; // median of five: steady enough on a shared 2-core machine

double msSince(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    const int requests = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
    auto cluster = sim::DemoCluster::start({.scenario = sim::DemoCluster::Scenario::Empty, .manualClock = true});
    if (!cluster.ok())
        return 1;
    config::RestConfig cfg = cluster.value()->restConfig();
    cfg.credentials = std::make_shared<config::StaticCredentialProvider>(config::Credentials{.bearerToken = "t"}, "bench");
    auto client = http::Client::create(cfg);
    if (!client.ok())
        return 1;
    std::vector<double> sequential, burst;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < requests; ++i) {
            if (!client.value()->sendSync({.path = "/version"}).ok())
                return 1;
        }
        sequential.push_back(msSince(t) / requests);
        std::atomic<int> done{0};
        t.restart();
        for (int i = 0; i < requests; ++i)
            client.value()->send({.path = "/version"}, [&](Result<http::Response>) { ++done; });
        while (done.load() < requests)
            QThread::msleep(1); // polling interval, not a wait for an outcome
        burst.push_back(msSince(t));
    }
    std::printf("requests %d, median of %d runs\n", requests, kRuns);
    std::printf("sequential sendSync  %.3f ms per request\n", median(sequential));
    std::printf("burst of %d at once  %.1f ms in all\n", requests, median(burst));
    return 0;
}
