// The replica calculator against the cases of replica_calculator.go (Kubernetes v1.36):
// tolerance boundaries, ceil rounding, missing / unready / ignored pods, the CPU initialization
// period, Object and External Value vs AverageValue, and the Go error texts.
#include "hpa_test_support.h"
#include "kube/hpa/replica_calculator.h"

#include <QObject>
#include <QTest>

using namespace hpatest;

class TestHpaReplicaCalculator : public QObject {
    Q_OBJECT

private slots:
    void objectValue_data();
    void objectValue();
    void objectAverageValue_data();
    void objectAverageValue();
    void external_data();
    void external();
    void resourceUtilization_data();
    void resourceUtilization();
    void podsAndRawResource_data();
    void podsAndRawResource();
    void errors_data();
    void errors();
    void perHpaTolerance();
    void groupPodsByRole_data();
    void groupPodsByRole();
};

// GetObjectMetricReplicas / getUsageRatioReplicaCount
void TestHpaReplicaCalculator::objectValue_data()
{
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("ready");
    QTest::addColumn<int>("unready");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("target");
    QTest::addColumn<int>("expected");
    QTest::newRow("ratio exactly 1.1: no change") << 10 << 10 << 0 << 330LL << 300LL << 10;
    QTest::newRow("ratio 1.1033: change") << 10 << 10 << 0 << 331LL << 300LL << 12;
    QTest::newRow("ratio exactly 0.9: no change") << 10 << 10 << 0 << 270LL << 300LL << 10;
    QTest::newRow("ratio 0.8967: change") << 10 << 10 << 0 << 269LL << 300LL << 9;
    QTest::newRow("ratio 1: unchanged") << 3 << 3 << 0 << 300LL << 300LL << 3;
    QTest::newRow("seed 400m on 1 pod: ceil(1.33) = 2") << 1 << 1 << 0 << 400LL << 300LL << 2;
    QTest::newRow("seed 100m on 2 pods: ceil(0.67) = 1") << 2 << 2 << 0 << 100LL << 300LL << 1;
    QTest::newRow("unready pods are not counted") << 4 << 2 << 2 << 600LL << 300LL << 4;
    QTest::newRow("no ready pods: 0") << 2 << 0 << 2 << 600LL << 300LL << 0;
    QTest::newRow("0 replicas: ceil(ratio)") << 0 << 0 << 0 << 400LL << 300LL << 2;
    QTest::newRow("0 replicas, tolerance ignored") << 0 << 0 << 0 << 301LL << 300LL << 2;
    QTest::newRow("large ratio") << 3 << 3 << 0 << 5000LL << 100LL << 150;
}

void TestHpaReplicaCalculator::objectValue()
{
    QFETCH(int, current);
    QFETCH(int, ready);
    QFETCH(int, unready);
    QFETCH(qint64, value);
    QFETCH(qint64, target);
    QFETCH(int, expected);
    std::vector<PodInfo> pods = readyPods(ready);
    for (int i = 0; i < unready; ++i) {
        PodInfo p;
        p.name = "unready-" + std::to_string(i);
        p.ready = ReadyCondition{ConditionStatus::False, t0()};
        pods.push_back(p);
    }
    const auto ctx = calculatorContext({}, "default", t0());
    const auto r = getObjectMetricReplicas(ctx, current, target, "test-metric", {}, {"v1", "Service", "kubernetes"},
                                           pods, hpatest::objectValue(value));
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    QCOMPARE(r->replicas, expected);
    QCOMPARE(r->usageMilli, value);
    QVERIFY(r->timestamp == Time{}); // Go returns a zero timestamp for Value targets
}

// GetObjectPerPodMetricReplicas: divided by status replicas, ceil(value / target) outside tolerance.
void TestHpaReplicaCalculator::objectAverageValue_data()
{
    QTest::addColumn<int>("statusReplicas");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("target");
    QTest::addColumn<int>("expected");
    QTest::addColumn<qint64>("usage");
    QTest::newRow("ratio 1") << 3 << 900LL << 300LL << 3 << 300LL;
    QTest::newRow("ratio 1.11: ceil(3.33)") << 3 << 1000LL << 300LL << 4 << 334LL;
    QTest::newRow("ratio 0.17: ceil(0.33)") << 2 << 100LL << 300LL << 1 << 50LL;
    QTest::newRow("ratio 0.99 within tolerance") << 4 << 1190LL << 300LL << 4 << 298LL;
    QTest::newRow("ratio exactly 1.1") << 1 << 330LL << 300LL << 1 << 330LL;
}

void TestHpaReplicaCalculator::objectAverageValue()
{
    QFETCH(int, statusReplicas);
    QFETCH(qint64, value);
    QFETCH(qint64, target);
    QFETCH(int, expected);
    QFETCH(qint64, usage);
    MetricInput in = hpatest::objectValue(value);
    in.timestamp = t0();
    const auto r = getObjectPerPodMetricReplicas(calculatorContext({}, "default", t0()), statusReplicas, target,
                                                 "test-metric", {}, {"v1", "Service", "kubernetes"}, in);
    QVERIFY(r.ok());
    QCOMPARE(r->replicas, expected);
    QCOMPARE(r->usageMilli, usage);
    QVERIFY(r->timestamp == t0());
}

// GetExternalMetricReplicas / GetExternalPerPodMetricReplicas on the sum of all series.
void TestHpaReplicaCalculator::external_data()
{
    QTest::addColumn<bool>("perPod");
    QTest::addColumn<int>("replicas");
    QTest::addColumn<qint64>("target");
    QTest::addColumn<int>("expected");
    QTest::addColumn<qint64>("usage");
    // series 100m + 200m + 300m = 600m
    QTest::newRow("Value: 600/300 on 1 pod") << false << 1 << 300LL << 2 << 600LL;
    QTest::newRow("Value: within tolerance") << false << 1 << 590LL << 1 << 600LL;
    QTest::newRow("Value: from 0 replicas") << false << 0 << 250LL << 3 << 600LL;
    QTest::newRow("AverageValue: 600/200 on 2 pods") << true << 2 << 200LL << 3 << 300LL;
    QTest::newRow("AverageValue: within tolerance") << true << 3 << 210LL << 3 << 200LL;
}

void TestHpaReplicaCalculator::external()
{
    QFETCH(bool, perPod);
    QFETCH(int, replicas);
    QFETCH(qint64, target);
    QFETCH(int, expected);
    QFETCH(qint64, usage);
    MetricInput in;
    in.externalValuesMilli = {100, 200, 300};
    kube::api::MetricIdentifier id{"queue_depth", std::nullopt};
    const auto ctx = calculatorContext({}, "default", t0());
    const auto r = perPod ? getExternalPerPodMetricReplicas(ctx, replicas, target, id, {}, in)
                          : getExternalMetricReplicas(ctx, replicas, target, id, {}, readyPods(replicas), in);
    QVERIFY(r.ok());
    QCOMPARE(r->replicas, expected);
    QCOMPARE(r->usageMilli, usage);
}

// GetResourceReplicas (utilization of request).
void TestHpaReplicaCalculator::resourceUtilization_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("pods");
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("utilization");
    QTest::newRow("scale up") << "cpu" << 3 << 30 << "ready:300/1000,ready:500/1000,ready:700/1000" << 5 << 50;
    QTest::newRow("scale down") << "cpu" << 5 << 50
                                << "ready:100/1000,ready:300/1000,ready:500/1000,ready:250/1000,ready:250/1000"
                                << 3 << 28;
    QTest::newRow("within tolerance") << "cpu" << 3 << 100 << "ready:1010/1000,ready:1030/1000,ready:1020/1000" << 3
                                      << 102;
    QTest::newRow("utilization truncates (integer percent)") << "cpu" << 3 << 50
                                                             << "ready:559/1000,ready:559/1000,ready:559/1000"
                                                             << 3 << 55;
    QTest::newRow("unready pod counts 0 on scale-up") << "cpu" << 3 << 30
                                                      << "unready:300/1000,ready:500/1000,ready:700/1000" << 4 << 60;
    QTest::newRow("unready pods ignored on scale-down") << "cpu" << 3 << 50
                                                        << "unready:900/1000,ready:100/1000,ready:100/1000" << 1
                                                        << 10;
    QTest::newRow("missing pod 0 on scale-up") << "cpu" << 4 << 30
                                               << "ready:500/1000,ready:500/1000,ready:500/1000,missing:/1000" << 5
                                               << 50;
    QTest::newRow("missing pod 100% on scale-down") << "cpu" << 4 << 50
                                                    << "ready:100/1000,ready:100/1000,ready:100/1000,missing:/1000"
                                                    << 3 << 10;
    QTest::newRow("missing pod flips direction: no change")
        << "cpu" << 4 << 50 << "ready:450/1000,ready:450/1000,ready:450/1000,missing:/1000" << 4 << 45;
    QTest::newRow("missing pod at target when target > 100%")
        << "cpu" << 4 << 200 << "ready:1000/1000,ready:1000/1000,ready:1000/1000,missing:/1000" << 3 << 100;
    QTest::newRow("pending pod is unready") << "cpu" << 3 << 30 << "pending:/1000,ready:500/1000,ready:700/1000" << 4
                                            << 60;
    QTest::newRow("deleting and failed pods ignored")
        << "cpu" << 4 << 50 << "deleting:900/1000,failed:900/1000,ready:1000/1000,ready:1000/1000" << 4 << 100;
    QTest::newRow("CPU initialization period: young pod unready")
        << "cpu" << 3 << 30 << "young:300/1000,ready:500/1000,ready:700/1000" << 4 << 60;
    QTest::newRow("memory: initialization period does not apply")
        << "memory" << 3 << 30 << "young:300/1000,ready:500/1000,ready:700/1000" << 5 << 50;
    QTest::newRow("memory: an unready Running pod counts as ready")
        << "memory" << 3 << 30 << "unready:300/1000,ready:500/1000,ready:700/1000" << 5 << 50;
}

void TestHpaReplicaCalculator::resourceUtilization()
{
    QFETCH(QString, resource);
    QFETCH(int, current);
    QFETCH(int, target);
    QFETCH(QString, pods);
    QFETCH(int, expected);
    QFETCH(int, utilization);
    std::vector<PodInfo> list;
    MetricInput in;
    in.timestamp = t0();
    addPods(pods, list, in.podMetrics, resource.toStdString());
    const auto r = getResourceReplicas(calculatorContext({}, "default", t0()), current, target,
                                       resource.toStdString(), {}, list, in);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    QCOMPARE(r->replicas, expected);
    QCOMPARE(r->utilization, utilization);
    QVERIFY(r->timestamp == t0());
}

// GetMetricReplicas (Pods) and GetRawResourceReplicas: calcPlainMetricReplicas.
void TestHpaReplicaCalculator::podsAndRawResource_data()
{
    QTest::addColumn<bool>("raw");
    QTest::addColumn<int>("current");
    QTest::addColumn<qint64>("target");
    QTest::addColumn<QString>("pods");
    QTest::addColumn<int>("expected");
    QTest::addColumn<qint64>("usage");
    QTest::newRow("pods: scale up") << false << 3 << 10000LL << "ready:20000/1,ready:20000/1,ready:20000/1" << 6
                                    << 20000LL;
    QTest::newRow("pods: within tolerance") << false << 3 << 10000LL << "ready:10500/1,ready:10500/1,ready:10500/1"
                                            << 3 << 10500LL;
    QTest::newRow("pods: missing at target on scale-down")
        << false << 4 << 10000LL << "ready:1000/1,ready:1000/1,ready:1000/1,missing:/1" << 2 << 1000LL;
    QTest::newRow("pods: unready as 0 on scale-up (no readiness check without cpu)")
        << false << 3 << 10000LL << "pending:/1,ready:30000/1,ready:30000/1" << 6 << 30000LL;
    // A finished pod still matches the selector: no value, so missing (0 on a scale-up). The
    // writer leaves it out (kube::api::takesWrittenValue), as a real pipeline would.
    QTest::newRow("pods: a Succeeded pod without a value is missing")
        << false << 3 << 10000LL << "ready:20000/1,ready:20000/1,succeeded:/1" << 4 << 20000LL;
    QTest::newRow("raw cpu: scale down") << true << 4 << 500LL
                                         << "ready:100/1000,ready:100/1000,ready:100/1000,ready:100/1000" << 1
                                         << 100LL;
    QTest::newRow("raw cpu: direction flip by metrics length: no change")
        << true << 2 << 500LL << "ready:800/1000,pending:/1000,pending:/1000,pending:/1000,pending:/1000" << 2
        << 800LL;
}

void TestHpaReplicaCalculator::podsAndRawResource()
{
    QFETCH(bool, raw);
    QFETCH(int, current);
    QFETCH(qint64, target);
    QFETCH(QString, pods);
    QFETCH(int, expected);
    QFETCH(qint64, usage);
    std::vector<PodInfo> list;
    MetricInput in;
    addPods(pods, list, in.podMetrics);
    const auto ctx = calculatorContext({}, "default", t0());
    const auto r = raw ? getRawResourceReplicas(ctx, current, target, "cpu", {}, list, in)
                       : getMetricReplicas(ctx, current, target, "requests", {}, list, in);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    QCOMPARE(r->replicas, expected);
    QCOMPARE(r->usageMilli, usage);
}

void TestHpaReplicaCalculator::errors_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("message");
    QTest::newRow("resource: no pods") << 0 << "no pods returned by selector while calculating replica count";
    QTest::newRow("resource: every pod unready")
        << 1 << "did not receive metrics for targeted pods (pods might be unready)";
    QTest::newRow("resource: missing request") << 2 << "missing request for cpu in container app of Pod pod-0";
    QTest::newRow("resource: fetch failed") << 3 << "unable to get metrics for resource cpu: boom";
    QTest::newRow("object: no pods") << 4
                                     << "unable to calculate ready pods: no pods returned by selector while "
                                        "calculating replica count";
    QTest::newRow("object: fetch failed (Go argument order)")
        << 5 << "unable to get metric test-metric: Service on default kubernetes/boom";
    QTest::newRow("external: fetch failed") << 6 << "unable to get external metric default/queue_depth/nil: boom";
    QTest::newRow("container not found") << 7 << "container sidecar not found in Pod pod-0";
}

void TestHpaReplicaCalculator::errors()
{
    QFETCH(int, which);
    QFETCH(QString, message);
    const auto ctx = calculatorContext({}, "default", t0());
    std::vector<PodInfo> pods;
    MetricInput in;
    kube::Result<ReplicaCalculation> r = kube::makeError(kube::Error::Kind::Invalid, "not run");
    switch (which) {
    case 0:
        r = getResourceReplicas(ctx, 1, 50, "cpu", {}, pods, in);
        break;
    case 1:
        addPods(QStringLiteral("pending:/1000,pending:/1000"), pods, in.podMetrics);
        r = getResourceReplicas(ctx, 2, 50, "cpu", {}, pods, in);
        break;
    case 2:
        addPods(QStringLiteral("ready:100/1000"), pods, in.podMetrics);
        pods[0].containers[0].requestsMilli.clear();
        r = getResourceReplicas(ctx, 1, 50, "cpu", {}, pods, in);
        break;
    case 3:
        in.error = "boom";
        r = getResourceReplicas(ctx, 1, 50, "cpu", {}, pods, in);
        break;
    case 4:
        r = getObjectMetricReplicas(ctx, 2, 300, "test-metric", {}, {"v1", "Service", "kubernetes"}, pods,
                                    hpatest::objectValue(600));
        break;
    case 5:
        in.error = "boom";
        r = getObjectMetricReplicas(ctx, 2, 300, "test-metric", {}, {"v1", "Service", "kubernetes"}, pods, in);
        break;
    case 6:
        in.error = "boom";
        r = getExternalMetricReplicas(ctx, 2, 300, {"queue_depth", std::nullopt}, {}, pods, in);
        break;
    case 7:
        addPods(QStringLiteral("ready:100/1000"), pods, in.podMetrics);
        r = getResourceReplicas(ctx, 1, 50, "cpu", {}, pods, in, "sidecar");
        break;
    }
    QVERIFY(!r.ok());
    QCOMPARE(b(r.error().message), message.toUtf8());
}

// Per-HPA tolerances (KEP-4951): separate up and down bands.
void TestHpaReplicaCalculator::perHpaTolerance()
{
    auto hpa = objectHpa();
    hpa.spec.behavior = kube::api::HorizontalPodAutoscalerBehavior{};
    hpa.spec.behavior->scaleUp = kube::api::HPAScalingRules{};
    hpa.spec.behavior->scaleUp->tolerance = q("0.05");
    const Tolerances tol = tolerancesForHpa(hpa, {});
    QCOMPARE(tol.scaleUp, 0.05);
    QCOMPARE(tol.scaleDown, 0.1);
    const auto ctx = calculatorContext({}, "default", t0());
    // 318/300 = 1.06: outside 5 % up; 276/300 = 0.92: inside 10 % down
    auto up = getObjectMetricReplicas(ctx, 10, 300, "m", tol, {}, readyPods(10), hpatest::objectValue(318));
    QCOMPARE(up->replicas, 11);
    auto down = getObjectMetricReplicas(ctx, 10, 300, "m", tol, {}, readyPods(10), hpatest::objectValue(276));
    QCOMPARE(down->replicas, 10);
    ControllerConfig gateOff;
    gateOff.configurableTolerance = false;
    QCOMPARE(tolerancesForHpa(hpa, gateOff).scaleUp, 0.1);
}

// groupPods: the phase and deletion rules (kube::api::hpaPodRole) first, then missing values, then
// (CPU only) readiness.
void TestHpaReplicaCalculator::groupPodsByRole_data()
{
    QTest::addColumn<QString>("pods");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<int>("ready");
    QTest::addColumn<QStringList>("unready");
    QTest::addColumn<QStringList>("missing");
    QTest::addColumn<QStringList>("ignored");
    const QString all = QStringLiteral("ready:100/1000,deleting:100/1000,failed:100/1000,pending:/1000,"
                                       "missing:/1000,succeeded:/1000,succeeded:100/1000,unready:100/1000");
    QTest::newRow("custom metric: no readiness check")
        << all << "" << 3 << QStringList{"pod-3"} << QStringList{"pod-4", "pod-5"} << QStringList{"pod-1", "pod-2"};
    // pod-7 never became ready after it started; pod-6 was ready once (Ready=False since it finished).
    QTest::newRow("cpu: a pod never ready since it started is unready")
        << all << "cpu" << 2 << QStringList{"pod-3", "pod-7"} << QStringList{"pod-4", "pod-5"}
        << QStringList{"pod-1", "pod-2"};
}

void TestHpaReplicaCalculator::groupPodsByRole()
{
    QFETCH(QString, pods);
    QFETCH(QString, resource);
    QFETCH(int, ready);
    QFETCH(QStringList, unready);
    QFETCH(QStringList, missing);
    QFETCH(QStringList, ignored);
    std::vector<PodInfo> list;
    PodMetricsInfo metrics;
    addPods(pods, list, metrics, resource.isEmpty() ? "requests" : resource.toStdString());
    const PodGroups g = groupPods(list, metrics, resource.toStdString(), 300s, 30s, t0());
    auto names = [](const std::vector<std::string> &v) {
        QStringList out;
        for (const auto &n : v)
            out << QString::fromStdString(n);
        return out;
    };
    QCOMPARE(g.readyPodCount, ready);
    QCOMPARE(names(g.unready), unready);
    QCOMPARE(names(g.missing), missing);
    QCOMPARE(names(g.ignored), ignored);
}

QTEST_GUILESS_MAIN(TestHpaReplicaCalculator)
#include "test_hpa_replica_calculator.moc"
