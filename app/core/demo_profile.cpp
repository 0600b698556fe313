#include "app/core/demo_profile.h"

#include "app/core/hpa_format.h"
#include "kube/sim/api_server.h"

namespace hpascope {

std::optional<ClusterProfile> startDemoProfile(double speed, QString *error)
{
    kube::sim::DemoCluster::Options options;
    options.speed = speed;
    auto demo = kube::sim::DemoCluster::start(options);
    if (!demo) {
        if (error)
            *error = QString::fromStdString(demo.error().toString());
        return std::nullopt;
    }
    std::shared_ptr<kube::sim::DemoCluster> sim = std::move(demo.value());
    kube::sim::DemoCluster *raw = sim.get(); // the profile's owner keeps it alive for these
    ClusterProfile p;
    p.kind = ClusterProfile::Kind::Demo;
    p.prometheus.mode = PrometheusChoice::Mode::Off; // the simulator keeps its own history
    p.rest = sim->restConfig();
    p.namespaceName = QStringLiteral("default");
    p.clock = [raw] { return format::toQDateTime(raw->now()); };
    p.controller = sim->world().controllerConfig();
    p.controllerSource = kube::hpa::ConfigSource::Simulator;
    p.history = [raw](const QString &key) {
        const QStringList parts = key.split(QLatin1Char('/'));
        return parts.size() == 2 ? raw->world().hpaHistory(parts[0].toStdString(), parts[1].toStdString())
                                 : std::optional<kube::hpa::HpaHistory>();
    };
    p.throwAwayHistory = true;
    p.setSpeed = [raw](double s) { raw->setSpeed(s); };
    p.owner = std::move(sim);
    return p;
}

} // namespace hpascope
