// app-core's side of resource metrics: PodUsagePoller against the scripted server (usage by pod,
// the error in words, the backoff while metrics.k8s.io is not served, back to 15 s once it
// answers), and CpuUsageWriter against the demo cluster (kwok's node seen, "CPU per pod" set on
// every pod and read back, a pod created by a scale-up patched too, each patch recorded).
#include "app/core/metric_writer.h"
#include "app/core/pod_tracker.h"
#include "app/core/pod_usage_poller.h"
#include "kube/http/client.h"
#include "kube/sim/api_server.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;

namespace {

const std::string kPath = "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods";
const kube::api::CrossVersionObjectReference kApi{"apps/v1", "Deployment", "api"};

std::string annotationOf(kube::sim::World &world, const std::string &pod)
{
    const auto p = world.get("pods", "default", pod);
    return p ? p.value()["metadata"].value("annotations", json::object()).value("kwok.x-k8s.io/usage-cpu", "") : "";
}

} // namespace

class TestPodUsage : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startWithNewCertificates(m_certs, m_tmp.filePath(QStringLiteral("certs")), &error),
                 qPrintable(error));
    }

    void notServedBacksOffThenRecovers()
    {
        const json notFound{{"kind", "Status"}, {"status", "Failure"}, {"reason", "NotFound"}, {"code", 404},
                            {"message", "the server could not find the requested resource"}};
        const json list{{"kind", "PodMetricsList"},
                        {"items", {{{"metadata", {{"name", "api-a"}}}, {"timestamp", "2026-12-03T10:00:00Z"}, {"window", "15s"},
                                    {"containers", {{{"name", "app"}, {"usage", {{"cpu", "250m"}, {"memory", "64Mi"}}}}}}}}}};
        QVERIFY(m_server.setRoutes(json::array({{{"method", "GET"}, {"path", kPath},
                                                 {"responses", {{{"status", 404}, {"json", notFound}},
                                                                {{"status", 404}, {"json", notFound}},
                                                                {{"status", 200}, {"json", list}}}}}})));
        auto client = kube::http::Client::create(restConfigFor(m_server, m_certs)).value();
        PodUsagePoller poller;
        poller.setClient(client);
        QSignalSpy changed(&poller, &PodUsagePoller::usageChanged);
        poller.follow(QStringLiteral("default"), QStringLiteral("app=api"));
        QVERIFY(changed.wait(10000));
        QVERIFY(!poller.hasUsage());
        QVERIFY2(poller.error().contains(QStringLiteral("metrics.k8s.io is not served (metrics-server not installed)")),
                 qPrintable(poller.error()));
        QCOMPARE(poller.nextDelayMs(), 2 * PodUsagePoller::kPollMs);
        poller.follow(QStringLiteral("default"), QStringLiteral("app=api")); // the same: no new request
        QCOMPARE(poller.requestsSent(), 1);
        poller.pollNow();
        QVERIFY(waitUntil([&] { return poller.nextDelayMs() == 4 * PodUsagePoller::kPollMs; }));
        QCOMPARE(changed.size(), 1); // the same words: said once
        poller.pollNow();
        QVERIFY(changed.wait(10000));
        QVERIFY(poller.hasUsage());
        QVERIFY(poller.error().isEmpty());
        QCOMPARE(poller.nextDelayMs(), PodUsagePoller::kPollMs);
        QCOMPARE(poller.usage().at(QStringLiteral("api-a")).cpuMilli, std::optional<qint64>(250));
        QCOMPARE(poller.usage().at(QStringLiteral("api-a")).memoryMilli, std::optional<qint64>(64LL * 1024 * 1024 * 1000));
        const int counter = m_server.countRequests(kPath, "labelSelector=app%3Dapi");
        QCOMPARE(counter, 3);
    }

    void cpuPerPodOnTheDemo()
    {
        kube::sim::DemoCluster::Options o;
        o.manualClock = true;
        auto cluster = kube::sim::DemoCluster::start(o).value();
        kube::sim::World &world = cluster->world();
        auto client = kube::http::Client::create(cluster->restConfig()).value();
        PodTracker tracker;
        MetricWriter writer;
        tracker.setClient(client);
        writer.setPodTracker(&tracker);
        writer.setClient(client);
        tracker.track(QStringLiteral("default"), kApi);
        kube::api::HorizontalPodAutoscaler hpa;
        hpa.metadata = {"api", "default"};
        hpa.spec.scaleTargetRef = kApi;
        kube::api::MetricSpec cpu;
        cpu.type = kube::api::MetricSourceType::Resource;
        cpu.resource = kube::api::ResourceMetricSource{"cpu", {}};
        cpu.resource->target.type = kube::api::MetricTargetType::Utilization;
        cpu.resource->target.averageUtilization = 60;
        hpa.spec.metrics = {cpu};
        QVERIFY(waitUntil([&] { return writer.cpuControl(hpa).available; }));
        QCOMPARE(writer.cpuControl(hpa).requestMilli, std::optional<qint64>(200));

        QSignalSpy pushed(&writer, &MetricWriter::pushed);
        QSignalSpy failed(&writer, &MetricWriter::failed);
        QSignalSpy records(&writer, &MetricWriter::pushFinished);
        writer.push(hpa, cpu, QStringLiteral("300m"));
        QVERIFY(waitUntil([&] { return pushed.size() + failed.size() > 0; }));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().at(1).toString()));
        QCOMPARE(pushed.front().at(1).toString(), QStringLiteral("300m"));
        QCOMPARE(pushed.front().at(2).toString(), QStringLiteral("300m per pod on 2 pods"));
        QCOMPARE(records.size(), 2);
        QVERIFY(records.front().at(0).value<MetricPushRecord>().object.startsWith(QStringLiteral("pods/api-")));
        for (const TrackedPod &p : tracker.podsFor(QStringLiteral("default"), kApi))
            QCOMPARE(annotationOf(world, p.name.toStdString()), std::string("300m"));

        // A scale-up's new pod starts without the annotation; the writer patches it as it appears.
        QVERIFY(world.scaleDeployment("default", "api", 3).ok());
        QVERIFY(waitUntil([&] {
            const auto pods = tracker.podsFor(QStringLiteral("default"), kApi);
            return pods.size() == 3 && std::all_of(pods.begin(), pods.end(), [&](const TrackedPod &p) {
                       return annotationOf(world, p.name.toStdString()) == "300m";
                   });
        }));
        QVERIFY(waitUntil([&] { return pushed.size() == 2; }));
        QCOMPARE(pushed.back().at(2).toString(), QStringLiteral("300m on 1 new pod too"));
        QCOMPARE(records.size(), 3);

        // A refusal in words: a value the field should never let through still fails cleanly.
        writer.push(hpa, cpu, QStringLiteral("lots"));
        QVERIFY(failed.size() == 1);
    }
};

QTEST_GUILESS_MAIN(TestPodUsage)
#include "test_pod_usage.moc"
