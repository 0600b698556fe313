// The explainer's sentences for the seed scenario (Object metric test-metric on
// Service/kubernetes, target 300m, 1..10), the effective behavior shown to users, and predict().
#include "hpa_test_support.h"
#include "kube/hpa/explainer.h"

#include <QObject>
#include <QTest>

#include <utility>

using namespace hpatest;
using namespace kube::api;

class TestHpaExplainer : public QObject {
    Q_OBJECT

private slots:
    void seedScaleUp();
    void seedHeldScaleDown();
    void atMaxAndUnavailable_data();
    void atMaxAndUnavailable();
    void effectiveBehavior_data();
    void effectiveBehavior();
    void predictReadyDelay();
};

namespace {
// Runs the controller like the cluster would and returns the HPA as the API would show it.
HorizontalPodAutoscaler run(Controller &c, HorizontalPodAutoscaler hpa, int32_t &replicas, Seconds at, int64_t milli)
{
    const SyncResult r = c.reconcile(hpa, sync(t0() + at, replicas, {objectValue(milli)}));
    hpa.status = r.status;
    if (r.rescale)
        replicas = r.desiredReplicas;
    return hpa;
}
} // namespace

void TestHpaExplainer::seedScaleUp()
{
    auto hpa = objectHpa();
    MetricStatus s;
    s.type = MetricSourceType::Object;
    s.typeName = "Object";
    s.object = ObjectMetricStatus{{"test-metric", std::nullopt}, {q("400m"), {}, {}}, {"v1", "Service", "kubernetes"}};
    hpa.status.currentMetrics = {s};
    hpa.status.currentReplicas = 1;
    const Explanation ex = explain(hpa, {}, nullptr, t0());
    QCOMPARE(ex.sentences.size(), std::size_t(1));
    QCOMPARE(b(ex.sentences[0]),
             QByteArray("Metric test-metric is 400m vs target 300m (ratio 1.33, outside the 10 % tolerance): "
                        "1 pod \u2192 2 pods."));
    QCOMPARE(ex.metrics[0].proposedReplicas.value_or(-1), 2);
    QVERIFY(!ex.metrics[0].withinTolerance);
    QVERIFY(!ex.heldUntil);
}

void TestHpaExplainer::seedHeldScaleDown()
{
    Controller c;
    int32_t replicas = 1;
    auto hpa = objectHpa();
    hpa = run(c, hpa, replicas, 0s, 400);
    for (int s = 15; s <= 60; s += 15) // at target: stays at 2, recording 2 each sync
        hpa = run(c, hpa, replicas, Seconds(s), 300);
    hpa = run(c, hpa, replicas, 75s, 100);
    QCOMPARE(replicas, 2);
    const Explanation ex = explain(hpa, {}, std::as_const(c).history(Controller::keyOf(hpa)), t0() + 90s);
    QCOMPARE(ex.sentences.size(), std::size_t(2));
    QCOMPARE(b(ex.sentences[0]),
             QByteArray("Metric test-metric is 100m vs target 300m (ratio 0.33, outside the 10 % tolerance): "
                        "2 pods \u2192 1 pod."));
    // The last recommendation of 2 was at +60 s: the window releases at +360 s, and the legacy
    // path still counts a sample exactly at the cutoff, so the first sync that drops is +375 s.
    QVERIFY(ex.heldUntil && *ex.heldUntil == t0() + 360s);
    QVERIFY(ex.scaleDownAt && *ex.scaleDownAt == t0() + 375s);
    QCOMPARE(b(ex.sentences[1]),
             QByteArray("Scale-down is held by the 300 s stabilization window (default: spec.behavior is unset); "
                        "if the metric stays at 100m, replicas go to 1 at 14:06:15."));
    QVERIFY(!ex.behavior.explicitBehavior);
    QCOMPARE(ex.behavior.scaleDown.stabilizationWindowSeconds, 300);
}

void TestHpaExplainer::atMaxAndUnavailable_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("at max") << "1400m" << false << "At maxReplicas 10: the metric asks for 14.";
    QTest::newRow("within tolerance") << "310m" << false
                                      << "Metric test-metric is 310m vs target 300m (ratio 1.03, within the 10 % "
                                         "tolerance): stays at 3 pods.";
    QTest::newRow("metric unavailable") << "" << true
                                        << "Metric unavailable: FailedGetObjectMetric: the HPA was unable to compute "
                                           "the replica count: boom.";
}

void TestHpaExplainer::atMaxAndUnavailable()
{
    QFETCH(QString, value);
    QFETCH(bool, failed);
    QFETCH(QString, sentence);
    auto hpa = objectHpa();
    hpa.status.currentReplicas = 3;
    if (!value.isEmpty()) {
        MetricStatus s;
        s.type = MetricSourceType::Object;
        s.typeName = "Object";
        s.object = ObjectMetricStatus{{"test-metric", std::nullopt}, {q(value.toUtf8().constData()), {}, {}},
                                      {"v1", "Service", "kubernetes"}};
        hpa.status.currentMetrics = {s};
    }
    if (failed)
        hpa.status.conditions.push_back({"ScalingActive", "False", {}, {}, {}, "FailedGetObjectMetric",
                                         "the HPA was unable to compute the replica count: boom"});
    const Explanation ex = explain(hpa, {}, nullptr, t0());
    QVERIFY2(std::find(ex.sentences.begin(), ex.sentences.end(), sentence.toStdString()) != ex.sentences.end(),
             qPrintable(QString::fromStdString(ex.sentences.empty() ? std::string("<none>") : ex.sentences.back())));
}

void TestHpaExplainer::effectiveBehavior_data()
{
    QTest::addColumn<bool>("setBehavior");
    QTest::addColumn<bool>("setDownWindow");
    QTest::addColumn<int>("downWindow");
    QTest::addColumn<bool>("windowDefaulted");
    QTest::addColumn<int>("upPolicies");
    QTest::newRow("unset: legacy, controller flag") << false << false << 300 << true << 0;
    QTest::newRow("empty behavior: API defaults + flag") << true << false << 300 << true << 2;
    QTest::newRow("explicit window") << true << true << 60 << false << 2;
}

void TestHpaExplainer::effectiveBehavior()
{
    QFETCH(bool, setBehavior);
    QFETCH(bool, setDownWindow);
    QFETCH(int, downWindow);
    QFETCH(bool, windowDefaulted);
    QFETCH(int, upPolicies);
    auto hpa = objectHpa();
    if (setBehavior) {
        hpa.spec.behavior = HorizontalPodAutoscalerBehavior{};
        if (setDownWindow)
            hpa.spec.behavior->scaleDown = HPAScalingRules{60, std::nullopt, {}, std::nullopt};
    }
    const EffectiveBehavior eb = kube::hpa::effectiveBehavior(hpa, {});
    QCOMPARE(eb.explicitBehavior, setBehavior);
    QCOMPARE(eb.scaleDown.stabilizationWindowSeconds, downWindow);
    QCOMPARE(eb.scaleDown.windowDefaulted, windowDefaulted);
    QCOMPARE(int(eb.scaleUp.policies.size()), upPolicies);
    QCOMPARE(eb.scaleUp.stabilizationWindowSeconds, 0);
    QCOMPARE(eb.scaleDown.tolerance, 0.1);
}

void TestHpaExplainer::predictReadyDelay()
{
    // 1 pod at 900m vs 300m: ceil(3) = 3 at once. With new pods unready for 60 s, the Object metric
    // counts ready pods only, so nothing more happens until they are ready: ceil(3 * 3) = 9.
    auto hpa = objectHpa();
    hpa.status.currentReplicas = 1;
    PredictOptions o;
    o.horizon = 90s;
    o.podReadyDelay = 60s;
    const auto steps = predict(hpa, {}, {}, {q("900m")}, t0(), o);
    QCOMPARE(steps.size(), std::size_t(7));
    QCOMPARE(steps[0].second, 3);
    QCOMPARE(steps[3].second, 3);  // +45 s: 2 new pods still Pending
    QCOMPARE(steps[4].second, 6);  // +60 s: ready: 9, capped at 2 x 3
    QCOMPARE(steps[5].second, 9);  // 3 ready pods still: ceil(3 x 3)
    QCOMPARE(steps[6].second, 9);
}

QTEST_GUILESS_MAIN(TestHpaExplainer)
#include "test_hpa_explainer.moc"
