#pragma once
// The seed experiment as hpascope's recorder would have kept it, for report tests and the
// report benchmark: HPA default/web (Object metric test-metric on Service/kubernetes, target
// 300m, 1..5 replicas), 400m pushed, the climb to maxReplicas, 100m pushed, the metric lost for
// 30 s, the scale-down after the 300 s window. Made in code, never a committed database.
#include "app/core/event_store.h"
#include "app/core/hpa_sample.h"
#include "app/core/recorder.h"
#include "app/core/recorder_worker.h"
#include "app/core/series_feed.h"
#include "kube/api/hpa.h"

#include <QByteArray>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace hpascope::test {

// A kubeconfig for the commands' tests that never reach a server (--offline): context "test",
// namespace default, a token that must never show up in a report.
inline const QByteArray kFixtureKubeconfig =
    "apiVersion: v1\nkind: Config\ncurrent-context: test\n"
    "clusters:\n- name: test\n  cluster:\n    server: https://10.77.0.10:6443\n"
    "    insecure-skip-tls-verify: true\n"
    "users:\n- name: test\n  user:\n    token: sekret-token-value\n"
    "contexts:\n- name: test\n  context:\n    cluster: test\n    user: test\n    namespace: default\n";

// The HPA as the API server sends it. metricValue empty: the controller could not read the
// metric (no current value).
inline nlohmann::json webHpaJson(int current, int desired, const std::string &metricValue, int maxReplicas = 5)
{
    nlohmann::json j = {
        {"apiVersion", "autoscaling/v2"},
        {"kind", "HorizontalPodAutoscaler"},
        {"metadata", {{"name", "web"}, {"namespace", "default"}, {"uid", "hpa-web-uid"}}},
        {"spec",
         {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "web"}}},
          {"minReplicas", 1},
          {"maxReplicas", maxReplicas},
          {"metrics",
           {{{"type", "Object"},
             {"object",
              {{"describedObject", {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "kubernetes"}}},
               {"metric", {{"name", "test-metric"}}},
               {"target", {{"type", "Value"}, {"value", "300m"}}}}}}}}}},
        {"status", {{"currentReplicas", current}, {"desiredReplicas", desired}}},
    };
    if (!metricValue.empty())
        j["status"]["currentMetrics"] = {
            {{"type", "Object"},
             {"object",
              {{"describedObject", {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "kubernetes"}}},
               {"metric", {{"name", "test-metric"}}},
               {"current", {{"value", metricValue}}}}}}};
    return j;
}

inline kube::api::HorizontalPodAutoscaler webHpa(int current, int desired, const std::string &metricValue,
                                                 int maxReplicas = 5)
{
    auto hpa = kube::api::decodeHorizontalPodAutoscaler(webHpaJson(current, desired, metricValue, maxReplicas));
    return hpa ? hpa.value() : kube::api::HorizontalPodAutoscaler{};
}

inline EventRecord fixtureEvent(const QString &uid, const QDateTime &t, const QString &kind, const QString &name,
                                const QString &reason, const QString &message, int count = 1)
{
    EventRecord e;
    e.uid = uid;
    e.namespaceName = QStringLiteral("default");
    e.name = name + QStringLiteral(".") + uid;
    e.involvedKind = kind;
    e.involvedName = name;
    e.involvedNamespace = QStringLiteral("default");
    e.type = QStringLiteral("Normal");
    e.reason = reason;
    e.message = message;
    e.source = QStringLiteral("horizontal-pod-autoscaler");
    e.count = count;
    e.firstTimestamp = e.lastTimestamp = t;
    return e;
}

inline EventRecord rescaleEvent(const QString &uid, const QDateTime &t, int newSize, const QString &reason)
{
    return fixtureEvent(uid, t, QStringLiteral("HorizontalPodAutoscaler"), QStringLiteral("web"),
                        QStringLiteral("SuccessfulRescale"),
                        QStringLiteral("New size: %1; reason: %2").arg(newSize).arg(reason));
}

struct SeedRun {
    QDateTime start; // the first sample
    std::vector<HpaSample> samples;
    std::vector<EventRecord> events;
    std::vector<MetricPushRecord> pushes;
    kube::api::HorizontalPodAutoscaler now; // the HPA at the end
};

// Starts at `start` (the first sample); ends 600 s later with 2 replicas.
inline SeedRun seedExperiment(const QDateTime &start)
{
    SeedRun run;
    run.start = start;
    const auto at = [&](double s) { return start.addMSecs(qint64(s * 1000)); };
    const auto sample = [&](double s, int current, int desired, const std::string &value) {
        run.samples.push_back(sampleOf(webHpa(current, desired, value), at(s)));
    };
    const QString above = QStringLiteral("test-metric above target");
    sample(0, 1, 1, "100m");
    run.pushes.push_back({at(60), QStringLiteral("default"), QStringLiteral("Service/kubernetes"),
                          QStringLiteral("test-metric"), QStringLiteral("400m"), true, {}});
    sample(61, 1, 1, "400m");
    // Each sync multiplies by 400/300 until maxReplicas 5: 1 → 2 → 3 → 4 → 5.
    const int climb[] = {1, 2, 3, 4, 5};
    for (int i = 0; i + 1 < 5; ++i) {
        const double t = 75 + 15 * i;
        run.events.push_back(rescaleEvent(QStringLiteral("up-%1").arg(i), at(t), climb[i + 1], above));
        sample(t + 0.4, climb[i], climb[i + 1], "400m");
    }
    sample(135.3, 5, 5, "400m");
    run.pushes.push_back({at(200), QStringLiteral("default"), QStringLiteral("Service/kubernetes"),
                          QStringLiteral("test-metric"), QStringLiteral("100m"), true, {}});
    sample(201, 5, 5, "100m");
    sample(230, 5, 5, ""); // the adapter lost the value for 30 s
    sample(260, 5, 5, "100m");
    // 300 s after the last high recommendation the window lets ceil(5 × 100/300) = 2 through.
    run.events.push_back(rescaleEvent(QStringLiteral("down-0"), at(500), 2, QStringLiteral("All metrics below target")));
    sample(500.3, 5, 2, "100m");
    sample(515.2, 2, 2, "100m");
    run.events.push_back(fixtureEvent(QStringLiteral("rs-0"), at(75.2), QStringLiteral("Deployment"), QStringLiteral("web"),
                                      QStringLiteral("ScalingReplicaSet"),
                                      QStringLiteral("Scaled up replica set web-5d8f9 to 2")));
    run.now = webHpa(2, 2, "100m");
    return run;
}

// The seed experiment an hour ago, in whole seconds (inside the retention every
// Recorder::open() prunes to, and over before `--since 30m` begins), handed to the recorder
// (the caller flushes).
inline SeedRun recordSeedAnHourAgo(Recorder &recorder)
{
    SeedRun run = seedExperiment(QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 3600, Qt::UTC));
    for (const auto &s : run.samples)
        recorder.recordSample(s);
    for (const auto &p : run.pushes)
        recorder.recordPush(p);
    recorder.recordEvents(QList<EventRecord>(run.events.begin(), run.events.end()));
    return run;
}

// `seconds` of HPA default/web (1..10 replicas) sampled once a second: its metric swings
// 100m..500m every 30 min around its 300m target, the replicas follow, and each change is a
// SuccessfulRescale event (a day: 86,400 samples, 385 events). The report benchmark's history.
struct SwingRun {
    std::vector<HpaSample> samples;
    std::vector<EventRecord> events;
};

inline SwingRun swingingMetric(const QDateTime &start, int seconds)
{
    SwingRun run;
    run.samples.reserve(std::size_t(seconds));
    const HpaSample base = sampleOf(webHpa(1, 1, "100m", 10), start);
    int replicas = 1;
    for (int s = 0; s < seconds; ++s) {
        const double value = 0.3 + 0.2 * std::sin(2 * M_PI * s / 1800.0);
        const int desired = std::clamp(int(std::ceil(value / 0.3 * 3)), 1, 10);
        HpaSample x = base;
        x.time = start.addSecs(s);
        x.metrics[0].current = value;
        x.metrics[0].currentText = QStringLiteral("%1m").arg(int(value * 1000));
        x.currentReplicas = replicas;
        x.desiredReplicas = desired;
        if (desired != replicas)
            run.events.push_back(rescaleEvent(QStringLiteral("e%1").arg(s), x.time, desired,
                                              desired > replicas ? QStringLiteral("test-metric above target")
                                                                 : QStringLiteral("All metrics below target")));
        run.samples.push_back(std::move(x));
        replicas = desired;
    }
    return run;
}

} // namespace hpascope::test
