#include "kube/sim/api_server.h"

#include "kube/config/credentials.h"

namespace kube::sim {

// --- DemoCluster ------------------------------------------------------------------------------

Result<std::unique_ptr<DemoCluster>> DemoCluster::start(Options options)
{
    std::unique_ptr<DemoCluster> c(new DemoCluster());
    c->m_options = options;
    c->m_speed = options.speed > 0 ? options.speed : 1.0;
    WorldOptions w;
    w.start = options.start;
    w.syncPeriod = options.syncPeriod;
    w.podReadyDelay = options.podReadyDelay;
    w.changeLogCapacity = options.changeLogCapacity;
    c->m_world = options.scenario == Scenario::Demo ? World::demo(w) : std::make_unique<World>(w);
    World *world = c->m_world.get();
    auto port = std::make_shared<std::string>();
    auto server = HttpServer::start(
        [world, port](const HttpRequest &req, HttpResponder &r) { handleApiRequest(*world, req, r, *port); },
        options.port);
    if (!server)
        return server.error();
    *port = "127.0.0.1:" + std::to_string((*server)->port());
    c->m_server = std::move(*server);
    c->m_server->setStopHook([world] { world->wakeAll(); });
    if (!options.manualClock) {
        DemoCluster *raw = c.get();
        c->m_clock = std::thread([raw] { raw->clockLoop(); });
    }
    return c;
}

DemoCluster::~DemoCluster()
{
    stop();
}

void DemoCluster::clockLoop()
{
    auto last = std::chrono::steady_clock::now();
    std::unique_lock lock(m_clockMutex);
    while (!m_stop) {
        m_clockCv.wait_for(lock, kClockTick, [this] { return m_stop; });
        if (m_stop)
            break;
        const auto nowReal = std::chrono::steady_clock::now();
        const double elapsedMs = std::chrono::duration<double, std::milli>(nowReal - last).count();
        last = nowReal;
        lock.unlock();
        m_world->advance(Millis(static_cast<int64_t>(elapsedMs * m_speed.load())));
        lock.lock();
    }
}

std::string DemoCluster::server() const
{
    return "http://127.0.0.1:" + std::to_string(m_server ? m_server->port() : 0);
}

config::RestConfig DemoCluster::restConfig() const
{
    config::RestConfig cfg;
    cfg.contextName = "hpascope-demo";
    cfg.clusterName = "hpascope-demo";
    cfg.userName = "hpascope-demo";
    cfg.server = server();
    cfg.namespaceName = "default";
    cfg.credentials = std::make_shared<config::StaticCredentialProvider>(config::Credentials{}, "demo cluster: no credentials");
    return cfg;
}

void DemoCluster::setSpeed(double speed)
{
    if (speed > 0)
        m_speed = speed;
}

double DemoCluster::speed() const
{
    return m_speed.load();
}

Time DemoCluster::now() const
{
    return m_world->now();
}

void DemoCluster::stop()
{
    {
        std::lock_guard lock(m_clockMutex);
        m_stop = true;
    }
    m_clockCv.notify_all();
    if (m_clock.joinable())
        m_clock.join();
    if (m_server)
        m_server->stop();
}

} // namespace kube::sim
