#pragma once
// The demo cluster on a manual clock from kStart, and a client of it: shared by the sim tests.
#include "kube/http/client.h"
#include "kube/sim/api_server.h"

#include <QtGlobal>

#include <memory>

namespace kube::sim::test {

inline const Time kStart = Time{} + std::chrono::seconds(1735689600); // 2025-01-01T00:00:00Z

struct Fixture {
    std::unique_ptr<DemoCluster> cluster;
    std::shared_ptr<http::Client> client;
};

inline Fixture startCluster(std::size_t changeLogCapacity = 10000)
{
    DemoCluster::Options o;
    o.manualClock = true;
    o.start = kStart;
    o.changeLogCapacity = changeLogCapacity;
    auto c = DemoCluster::start(o);
    if (!c)
        qFatal("demo cluster: %s", c.error().toString().c_str());
    auto client = http::Client::create((*c)->restConfig());
    if (!client)
        qFatal("client: %s", client.error().toString().c_str());
    return {std::move(*c), *client};
}

} // namespace kube::sim::test
