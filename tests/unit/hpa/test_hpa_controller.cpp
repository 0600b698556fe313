// The reconcile step of horizontal.go (Kubernetes v1.36) driven sync by sync: legacy
// normalization, behaviors (policies, select policies, periods, windows to the second), min/max
// clamping, scaling disabled at 0 replicas, several metrics, and the exact condition and event texts.
#include "hpa_test_support.h"

#include <QObject>
#include <QTest>

using namespace hpatest;
using namespace kube::api;

namespace {

HPAScalingRules &rules(HorizontalPodAutoscaler &hpa, bool up)
{
    if (!hpa.spec.behavior)
        hpa.spec.behavior = HorizontalPodAutoscalerBehavior{};
    auto &r = up ? hpa.spec.behavior->scaleUp : hpa.spec.behavior->scaleDown;
    if (!r)
        r = HPAScalingRules{};
    return *r;
}

// "" = spec.behavior unset; "default" = an empty behavior; else ';'-separated directives:
// up.window=N, down.select=Min|Max|Disabled, up.policy=Pods:4:60 (repeatable).
void applyBehavior(HorizontalPodAutoscaler &hpa, const QString &spec)
{
    if (spec.isEmpty())
        return;
    hpa.spec.behavior = HorizontalPodAutoscalerBehavior{};
    for (const QString &d : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (d == QLatin1String("default"))
            continue;
        const QString key = d.section(QLatin1Char('='), 0, 0), value = d.section(QLatin1Char('='), 1);
        auto &r = rules(hpa, key.startsWith(QLatin1String("up.")));
        if (key.endsWith(QLatin1String(".window")))
            r.stabilizationWindowSeconds = value.toInt();
        else if (key.endsWith(QLatin1String(".select")))
            r.selectPolicy = value == QLatin1String("Min")        ? ScalingPolicySelect::Min
                             : value == QLatin1String("Disabled") ? ScalingPolicySelect::Disabled
                                                                  : ScalingPolicySelect::Max;
        else if (key.endsWith(QLatin1String(".policy"))) {
            const QStringList p = value.split(QLatin1Char(':'));
            r.policies.push_back({p[0] == QLatin1String("Pods") ? HPAScalingPolicyType::Pods
                                                                 : HPAScalingPolicyType::Percent,
                                  p[1].toInt(), p[2].toInt()});
        }
    }
}

const Condition *cond(const SyncResult &r, const char *type)
{
    for (const auto &c : r.status.conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

} // namespace

class TestHpaController : public QObject {
    Q_OBJECT

private slots:
    void scenarios_data();
    void scenarios();
    void seedConditionsAndEvents();
    void heldScaleDownConditions();
    void invalidMetricBlocksScaleDown_data();
    void invalidMetricBlocksScaleDown();
    void largestProposalWins();
    void externalMetricNameInReason();
    void missingSelector();
    void behaviorDefaults();
};

void TestHpaController::scenarios_data()
{
    QTest::addColumn<QString>("behavior");
    QTest::addColumn<int>("minReplicas");
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<int>("start");
    QTest::addColumn<QString>("steps"); // "seconds:valueMilli=replicasAfter,..."

    QTest::newRow("seed: 400m -> 2") << "" << 1 << 10 << 1 << "0:400=2";
    QTest::newRow("legacy: held 300 s, sample at the cutoff still counts")
        << "" << 1 << 10 << 1 << "0:400=2,15:100=2,300:100=2,315:100=1";
    QTest::newRow("legacy: scale-up limit max(2x, 4) from 1") << "" << 1 << 100 << 1
                                                              << "0:3000=4,15:3000=8,30:3000=16";
    QTest::newRow("legacy: scale-up limit 2x from 5") << "" << 1 << 100 << 5 << "0:3000=10";
    QTest::newRow("legacy: TooManyReplicas") << "" << 1 << 10 << 8 << "0:600=10";
    QTest::newRow("legacy: initial recommendation holds scale-down") << "" << 1 << 10 << 4 << "0:30=4";
    QTest::newRow("behavior: TooFewReplicas") << "down.window=0" << 3 << 10 << 4 << "0:30=3";
    QTest::newRow("behavior defaults: Max(4 pods, 100 %) per 15 s") << "default" << 1 << 100 << 1
                                                                    << "0:3000=5,15:3000=10,30:3000=20";
    QTest::newRow("behavior: Min of Pods 4 and Percent 50 per 60 s, event leaves at +60 s")
        << "up.select=Min;up.policy=Pods:4:60;up.policy=Percent:50:60" << 1 << 100 << 4
        << "0:3000=6,15:3000=6,45:3000=6,60:3000=9";
    QTest::newRow("behavior: scale-up Disabled") << "up.select=Disabled" << 1 << 100 << 2 << "0:3000=2";
    QTest::newRow("behavior: default 300 s window releases at the cutoff second")
        << "default" << 1 << 10 << 1 << "0:400=2,15:100=2,285:100=2,300:100=1";
    QTest::newRow("behavior: explicit 60 s window") << "down.window=60" << 1 << 10 << 1
                                                    << "0:400=2,15:100=2,45:100=2,60:100=1";
    QTest::newRow("behavior: scale-up window takes the minimum")
        << "up.window=30" << 1 << 10 << 2 << "0:300=2,15:600=2,30:600=4";
    QTest::newRow("behavior: scale-down Percent 50 per 60 s")
        << "down.window=0;down.policy=Percent:50:60" << 1 << 10 << 8 << "0:30=4,15:30=4,45:30=4,60:30=2";
    QTest::newRow("behavior: scale-down Min of Pods 1 and Percent 50")
        << "down.window=0;down.select=Min;down.policy=Pods:1:60;down.policy=Percent:50:60" << 1 << 10 << 8
        << "0:30=7";
    QTest::newRow("behavior: scale-down Disabled") << "down.window=0;down.select=Disabled" << 1 << 10 << 8
                                                   << "0:30=8";
    QTest::newRow("0 replicas: scaling disabled") << "" << 1 << 10 << 0 << "0:3000=0";
    QTest::newRow("minReplicas 0: scales from zero") << "" << 0 << 10 << 0 << "0:400=2";
    QTest::newRow("above maxReplicas: back to max") << "" << 1 << 10 << 12 << "0:300=10";
    QTest::newRow("below minReplicas: up to min") << "" << 2 << 10 << 1 << "0:300=2";
}

void TestHpaController::scenarios()
{
    QFETCH(QString, behavior);
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(int, start);
    QFETCH(QString, steps);
    auto hpa = objectHpa("300m", minReplicas, maxReplicas);
    applyBehavior(hpa, behavior);
    Controller controller;
    int32_t replicas = start;
    for (const QString &step : steps.split(QLatin1Char(','))) {
        const int seconds = step.section(QLatin1Char(':'), 0, 0).toInt();
        const qint64 value = step.section(QLatin1Char(':'), 1).section(QLatin1Char('='), 0, 0).toLongLong();
        const int expected = step.section(QLatin1Char('='), 1).toInt();
        const SyncResult r = controller.reconcile(hpa, sync(t0() + Seconds(seconds), replicas, {objectValue(value)}));
        hpa.status = r.status;
        if (r.rescale)
            replicas = r.desiredReplicas;
        QVERIFY2(replicas == expected, qPrintable(QStringLiteral("at +%1 s: %2 replicas, expected %3")
                                                      .arg(seconds).arg(replicas).arg(expected)));
    }
}

void TestHpaController::seedConditionsAndEvents()
{
    Controller controller;
    const SyncResult r = controller.reconcile(objectHpa(), sync(t0(), 1, {objectValue(400)}));
    QVERIFY(r.rescale);
    QCOMPARE(r.desiredReplicas, 2);
    QCOMPARE(r.events.size(), std::size_t(1));
    QCOMPARE(b(r.events[0].reason), QByteArray("SuccessfulRescale"));
    QCOMPARE(b(r.events[0].message), QByteArray("New size: 2; reason: Service metric test-metric above target"));
    QCOMPARE(r.status.conditions.size(), std::size_t(3));
    QCOMPARE(b(cond(r, "AbleToScale")->reason), QByteArray("SucceededRescale"));
    QCOMPARE(b(cond(r, "AbleToScale")->message), QByteArray("the HPA controller was able to update the target scale to 2"));
    QCOMPARE(b(cond(r, "ScalingActive")->message),
             QByteArray("the HPA was able to successfully calculate a replica count from Service metric test-metric"));
    QCOMPARE(b(cond(r, "ScalingLimited")->status), QByteArray("False"));
    QCOMPARE(b(cond(r, "ScalingLimited")->reason), QByteArray("DesiredWithinRange"));
    QVERIFY(r.status.lastScaleTime && *r.status.lastScaleTime == t0());
    QCOMPARE(r.status.currentMetrics.size(), std::size_t(1));
    QCOMPARE(b(r.status.currentMetrics[0].object->current.value->toString()), QByteArray("400m"));
    QCOMPARE(b(r.status.currentMetrics[0].object->describedObject.name), QByteArray("kubernetes"));
}

void TestHpaController::heldScaleDownConditions()
{
    Controller controller;
    auto hpa = objectHpa();
    hpa.status = controller.reconcile(hpa, sync(t0(), 1, {objectValue(400)})).status;
    const SyncResult r = controller.reconcile(hpa, sync(t0() + 15s, 2, {objectValue(100)}));
    QVERIFY(!r.rescale);
    QCOMPARE(r.desiredReplicas, 2);
    QVERIFY(r.events.empty());
    QCOMPARE(b(cond(r, "AbleToScale")->reason), QByteArray("ScaleDownStabilized"));
    QCOMPARE(b(cond(r, "AbleToScale")->message),
             QByteArray("recent recommendations were higher than current one, applying the highest recent recommendation"));
    // status unchanged from True to True: the transition time stays that of the first sync
    QVERIFY(*cond(r, "AbleToScale")->lastTransitionTime == t0());
    const SyncResult down = controller.reconcile(hpa, sync(t0() + 315s, 2, {objectValue(100)}));
    QCOMPARE(b(down.events.at(0).message), QByteArray("New size: 1; reason: All metrics below target"));
}

void TestHpaController::invalidMetricBlocksScaleDown_data()
{
    QTest::addColumn<qint64>("validValue");
    QTest::addColumn<bool>("rescale");
    QTest::addColumn<int>("replicas");
    QTest::addColumn<bool>("blocked");
    QTest::newRow("valid metric wants fewer: blocked") << 100LL << false << 4 << true;
    QTest::newRow("valid metric wants the same: not blocked, no change") << 300LL << false << 4 << false;
    QTest::newRow("valid metric wants more: scales up") << 600LL << true << 8 << false;
}

void TestHpaController::invalidMetricBlocksScaleDown()
{
    QFETCH(qint64, validValue);
    QFETCH(bool, rescale);
    QFETCH(int, replicas);
    QFETCH(bool, blocked);
    auto hpa = objectHpa();
    hpa.spec.metrics.push_back(hpa.spec.metrics[0]);
    hpa.spec.metrics[1].object->metric.name = "other-metric";
    MetricInput broken;
    broken.error = "the server could not find the metric";
    Controller controller;
    const SyncResult r = controller.reconcile(hpa, sync(t0(), 4, {objectValue(validValue), broken}));
    QCOMPARE(r.rescale, rescale);
    QCOMPARE(rescale ? r.desiredReplicas : 4, replicas);
    QVERIFY(r.error);
    const QByteArray firstError = "invalid metrics (1 invalid out of 2), first error is: failed to get object metric "
                                  "value: unable to get metric other-metric: Service on default kubernetes/the server "
                                  "could not find the metric";
    if (!blocked) {
        QCOMPARE(b(*r.error), firstError);
        QCOMPARE(b(cond(r, "ScalingActive")->reason), QByteArray("ValidMetricFound"));
        QCOMPARE(r.status.currentMetrics[1].type, MetricSourceType::Unknown); // {"type": ""}
        return;
    }
    QCOMPARE(b(cond(r, "ScalingActive")->status), QByteArray("False"));
    QCOMPARE(b(cond(r, "ScalingActive")->reason), QByteArray("FailedGetObjectMetric"));
    QCOMPARE(b(cond(r, "ScalingActive")->message),
             QByteArray("the HPA was unable to compute the replica count: unable to get metric other-metric: "
                        "Service on default kubernetes/the server could not find the metric"));
    QCOMPARE(b(r.events.back().reason), QByteArray("FailedComputeMetricsReplicas"));
    QCOMPARE(b(r.events.back().message), firstError);
}

void TestHpaController::largestProposalWins()
{
    auto hpa = objectHpa();
    hpa.spec.metrics.push_back(hpa.spec.metrics[0]);
    hpa.spec.metrics[1].object->metric.name = "other-metric";
    Controller controller;
    const SyncResult r = controller.reconcile(hpa, sync(t0(), 2, {objectValue(450), objectValue(900)}));
    QCOMPARE(r.desiredReplicas, 4); // max(3, 6) capped by max(2 x 2, 4) = 4
    QCOMPARE(b(r.metricName), QByteArray("Service metric other-metric"));
    QCOMPARE(b(cond(r, "ScalingLimited")->reason), QByteArray("ScaleUpLimit"));
    QCOMPARE(r.metricDesiredReplicas, 6);
}

void TestHpaController::externalMetricNameInReason()
{
    HorizontalPodAutoscaler hpa = objectHpa();
    MetricSpec m;
    m.type = MetricSourceType::External;
    m.typeName = "External";
    m.external = ExternalMetricSource{};
    m.external->metric.name = "queue_messages_ready";
    m.external->metric.selector = LabelSelector{{{"queue", "worker_tasks"}}, {}};
    m.external->target.type = MetricTargetType::AverageValue;
    m.external->target.averageValue = q("30");
    hpa.spec.metrics = {m};
    MetricInput in;
    in.externalValuesMilli = {90000};
    Controller controller;
    const SyncResult r = controller.reconcile(hpa, sync(t0(), 1, {in}));
    QCOMPARE(b(r.events.at(0).message),
             QByteArray("New size: 3; reason: external metric queue_messages_ready(&LabelSelector{MatchLabels:"
                        "map[string]string{queue: worker_tasks,},MatchExpressions:[]LabelSelectorRequirement{},}) "
                        "above target"));
}

void TestHpaController::missingSelector()
{
    Controller controller;
    SyncInput in = sync(t0(), 2, {objectValue(400)});
    in.selector.clear();
    const SyncResult r = controller.reconcile(objectHpa(), in);
    QVERIFY(!r.rescale);
    QCOMPARE(b(cond(r, "ScalingActive")->reason), QByteArray("InvalidSelector"));
    QCOMPARE(b(cond(r, "ScalingActive")->message), QByteArray("the HPA target's scale is missing a selector"));
    QCOMPARE(b(r.events.at(0).reason), QByteArray("SelectorRequired"));
}

void TestHpaController::behaviorDefaults()
{
    const auto b0 = withDefaults(HorizontalPodAutoscalerBehavior{});
    QCOMPARE(*b0.scaleUp->stabilizationWindowSeconds, 0);
    QCOMPARE(b0.scaleUp->policies.size(), std::size_t(2));
    QCOMPARE(b0.scaleUp->policies[0].type, HPAScalingPolicyType::Pods);
    QCOMPARE(b0.scaleUp->policies[0].value, 4);
    QCOMPARE(b0.scaleUp->policies[1].value, 100);
    QCOMPARE(b0.scaleUp->policies[1].periodSeconds, 15);
    QVERIFY(!b0.scaleDown->stabilizationWindowSeconds); // a controller flag, not an API default
    QCOMPARE(b0.scaleDown->policies.size(), std::size_t(1));
    QCOMPARE(b0.scaleDown->policies[0].type, HPAScalingPolicyType::Percent);
    QCOMPARE(*b0.scaleDown->selectPolicy, ScalingPolicySelect::Max);
    QCOMPARE(calculateScaleUpLimit(1), 4);
    QCOMPARE(calculateScaleUpLimit(3), 6);
}

QTEST_GUILESS_MAIN(TestHpaController)
#include "test_hpa_controller.moc"
