// The explainer in every state the controller can put an HPA in. Each HPA's status is written
// by the ported controller (as the real one would), then explained: the sentences must name
// what the conditions name (a rate policy, a disabled direction, a missing target, pods
// without values), and the replay's own verdict must agree with the conditions.
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
    void roundedUpStays();
    void seedHeldScaleDown();
    void policyLimitedClimb();
    void disabledScaleDown();
    void missingTarget();
    void atMax();
    void metricUnavailable();
    void podsWithoutValues();
    void severalMetrics();
    void unsynced();
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

const Explanation explainAt(const Controller &c, const HorizontalPodAutoscaler &hpa, Seconds at)
{
    return explain(hpa, c.config(), std::as_const(c).history(Controller::keyOf(hpa)), t0() + at);
}

bool has(const Explanation &ex, const std::string &id)
{
    return std::any_of(ex.sentences.begin(), ex.sentences.end(), [&](const Sentence &s) { return s.id == id; });
}

QByteArray sentence(const Explanation &ex, const std::string &id)
{
    for (const auto &s : ex.sentences)
        if (s.id == id)
            return b(s.text());
    QByteArray all;
    for (const auto &t : ex.texts())
        all += b(t) + " | ";
    return "<no " + b(id) + " in: " + all + ">";
}

void verifyAgrees(const Explanation &ex)
{
    QVERIFY(ex.computed);
    QCOMPARE(ex.computed->limiters, ex.reported);
}

char *toString(const std::vector<Limiter> &ls)
{
    std::string s;
    for (Limiter l : ls)
        s += (s.empty() ? "" : ",") + std::string(nameOf(l));
    return qstrdup(s.c_str());
}

} // namespace

namespace QTest {
template <> char *toString(const std::vector<Limiter> &ls) { return ::toString(ls); }
} // namespace QTest

void TestHpaExplainer::seedScaleUp()
{
    Controller c;
    int32_t replicas = 1;
    auto hpa = run(c, objectHpa(), replicas, 0s, 400);
    QCOMPARE(replicas, 2);
    const Explanation ex = explainAt(c, hpa, 1s);
    QCOMPARE(ex.sentences[0].text(), std::string("Metric test-metric is 400m vs target 300m (ratio 1.33, outside the "
                                                 "10 % tolerance): replicas 1 \u2192 2."));
    QCOMPARE(sentence(ex, "scaled"), QByteArray("The controller's last sync changed the replicas 1 \u2192 2."));
    verifyAgrees(ex);
    // The Object value stays at 400m whatever the pods: ceil(1.33 x ready pods) keeps growing.
    QVERIFY(!ex.path.empty());
    QCOMPARE(ex.path[0].from, 2);
    QCOMPARE(ex.path[0].to, 3);
    QVERIFY(ex.path[0].at == t0() + 15s);
    QVERIFY(!ex.heldUntil);
}

void TestHpaExplainer::roundedUpStays()
{
    // The demo's opening state: 1 replica, 250m against 300m. Outside the tolerance, but
    // ceil(0.83 × 1) = 1: nothing is missing, the rounding keeps it.
    Controller c;
    int32_t replicas = 1;
    auto hpa = run(c, objectHpa(), replicas, 0s, 250);
    QCOMPARE(replicas, 1);
    const Explanation ex = explainAt(c, hpa, 1s);
    QCOMPARE(sentence(ex, "metric.outside.rounded"),
             QByteArray("Metric test-metric is 250m vs target 300m (ratio 0.83, outside the 10 % tolerance), but the "
                        "controller rounds up: 0.83 \u00d7 1 replicas is still 1 after rounding up, so replicas stay at 1."));
    QVERIFY(!has(ex, "metric.outside.kept"));
    verifyAgrees(ex);
    // Pods without values keep the replicas for another reason (podsWithoutValues): not this one.
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
    const Explanation ex = explainAt(c, hpa, 90s);
    QCOMPARE(ex.sentences[0].text(), std::string("Metric test-metric is 100m vs target 300m (ratio 0.33, outside the "
                                                 "10 % tolerance): replicas 2 \u2192 1."));
    QCOMPARE(ex.reported, std::vector<Limiter>{Limiter::ScaleDownStabilized});
    verifyAgrees(ex);
    // The last recommendation of 2 was at +60 s: the window releases at +360 s, and the legacy
    // path still counts a sample exactly at the cutoff, so the first sync that drops is +375 s.
    QVERIFY(ex.heldUntil && *ex.heldUntil == t0() + 360s);
    QVERIFY(ex.scaleDownAt && *ex.scaleDownAt == t0() + 375s);
    QCOMPARE(sentence(ex, "held.down.legacy"),
             QByteArray("Scale-down is held by the 300 s stabilization window (the controller's "
                        "--horizontal-pod-autoscaler-downscale-stabilization: spec.behavior is unset)."));
    // The window is the controller's flag: the Why box says where its value came from.
    QCOMPARE(sentence(ex, "flags.assumed"),
             QByteArray("Assumed: Kubernetes' default controller flags (sync 15 s, scale-down window 300 s, "
                        "tolerance 0.10). If this cluster's controller runs with others, set them under Controller flags."));
    {
        ExplainInputs in;
        const auto history = std::as_const(c).history(Controller::keyOf(hpa));
        in.history = history;
        in.configSource = ConfigSource::Published;
        const Explanation published = explain(hpa, c.config(), in, t0() + 90s);
        QCOMPARE(sentence(published, "flags.published"),
                 QByteArray("Controller flags as the cluster publishes them (ConfigMap kube-system/hpascope-controller-flags): "
                            "sync 15 s, scale-down window 300 s, tolerance 0.10."));
        QVERIFY(!has(published, "flags.assumed"));
        in.configSource = ConfigSource::Set;
        QVERIFY(has(explain(hpa, c.config(), in, t0() + 90s), "flags.set"));
        in.configSource = ConfigSource::Simulator; // the demo's own controller: nothing to qualify
        const Explanation simulated = explain(hpa, c.config(), in, t0() + 90s);
        QVERIFY(!has(simulated, "flags.set") && !has(simulated, "flags.assumed") && !has(simulated, "flags.published"));
    }
    QCOMPARE(sentence(ex, "path.one"),
             QByteArray("If test-metric stays at 100m: 2 \u2192 1 at " + b(formatClock(t0() + 375s)) + " (in 285 s)."));
    QVERIFY(!ex.behavior.explicitBehavior);
    QCOMPARE(ex.behavior.scaleDown.stabilizationWindowSeconds, 300);
    // The clock moves the countdown only.
    Explanation later = ex;
    advanceTo(later, t0() + 100s);
    QCOMPARE(sentence(later, "path.one"),
             QByteArray("If test-metric stays at 100m: 2 \u2192 1 at " + b(formatClock(t0() + 375s)) + " (in 275 s)."));
    QCOMPARE(later.sentences.size(), ex.sentences.size());
}

void TestHpaExplainer::policyLimitedClimb()
{
    // 1000 / 100 asks for 10, maxReplicas 6, scaleUp Pods 1 per 15 s: 2, 3, 4, 5, 6.
    auto hpa = averageHpa(1, 6);
    hpa.spec.behavior = HorizontalPodAutoscalerBehavior{};
    hpa.spec.behavior->scaleUp = HPAScalingRules{0, ScalingPolicySelect::Max, {{HPAScalingPolicyType::Pods, 1, 15}}, {}};
    Controller c;
    int32_t replicas = 2;
    hpa = run(c, hpa, replicas, 0s, 1000000);
    QCOMPARE(replicas, 3);
    Explanation ex = explainAt(c, hpa, 1s);
    QCOMPARE(ex.reported, std::vector<Limiter>{Limiter::ScaleUpLimit});
    verifyAgrees(ex);
    QVERIFY2(!has(ex, "limit.max"), "maxReplicas is blamed only at maxReplicas");
    QCOMPARE(sentence(ex, "limit.up.policy"),
             QByteArray("Scale-up is limited by policy Pods 1 per 15 s (selectPolicy Max): the metrics ask for 10, "
                        "this period allows 3."));
    QCOMPARE(ex.path.size(), std::size_t(3));
    QCOMPARE(ex.path[0].to, 4);
    QVERIFY(ex.path[0].at == t0() + 15s);
    QCOMPARE(ex.path[2].to, 6);
    QVERIFY(ex.path[2].at == t0() + 45s);
    // At 6 the controller says TooManyReplicas, and so does the explanation.
    for (int s = 15; s <= 45; s += 15)
        hpa = run(c, hpa, replicas, Seconds(s), 1000000);
    hpa = run(c, hpa, replicas, 60s, 1000000);
    QCOMPARE(replicas, 6);
    ex = explainAt(c, hpa, 61s);
    QCOMPARE(ex.reported, std::vector<Limiter>{Limiter::TooManyReplicas});
    verifyAgrees(ex);
    QCOMPARE(sentence(ex, "limit.max"), QByteArray("At maxReplicas 6: the metrics ask for 10."));
}

void TestHpaExplainer::disabledScaleDown()
{
    auto hpa = averageHpa(1, 10);
    hpa.spec.behavior = HorizontalPodAutoscalerBehavior{};
    hpa.spec.behavior->scaleDown = HPAScalingRules{std::nullopt, ScalingPolicySelect::Disabled, {}, {}};
    Controller c;
    int32_t replicas = 1;
    hpa = run(c, hpa, replicas, 0s, 400000);
    QCOMPARE(replicas, 4);
    for (int s = 15; s <= 600; s += 15)
        hpa = run(c, hpa, replicas, Seconds(s), 100000);
    QCOMPARE(replicas, 4);
    const Explanation ex = explainAt(c, hpa, 601s);
    QCOMPARE(ex.reported, std::vector<Limiter>{Limiter::ScaleDownDisabled});
    verifyAgrees(ex);
    QCOMPARE(sentence(ex, "disabled.down"),
             QByteArray("Scale-down is disabled by the HPA's behavior (scaleDown.selectPolicy: Disabled): the metrics "
                        "ask for 1, replicas stay at 4."));
    QVERIFY2(!has(ex, "held.down.flag") && !has(ex, "held.down.explicit"), "no stabilization window is blamed");
    QVERIFY2(ex.path.empty() && !ex.scaleDownAt, "no scale-down is predicted");
}

void TestHpaExplainer::missingTarget()
{
    auto hpa = objectHpa();
    hpa.spec.scaleTargetRef = {"apps/v1", "Deployment", "x"};
    hpa.metadata.namespace_ = "y";
    Controller c;
    SyncInput in = sync(t0(), 0, {objectValue(400)});
    in.scaleError = "deployments.apps \"x\" not found";
    hpa.status = c.reconcile(hpa, in).status;
    const Explanation ex = explain(hpa, c.config(), nullptr, t0() + 1s);
    QCOMPARE(ex.reported, std::vector<Limiter>{Limiter::TargetUnavailable});
    QCOMPARE(ex.sentences.front().text(),
             std::string("The controller cannot read the scale of its target Deployment/x: the HPA controller was "
                         "unable to get the target's current scale: deployments.apps \"x\" not found. Check that "
                         "deployments.apps/x exists in namespace y (kubectl get deployments.apps/x -n y)."));
    QVERIFY(!has(ex, "stable"));
    QVERIFY(ex.path.empty());
}

void TestHpaExplainer::atMax()
{
    Controller c;
    int32_t replicas = 10;
    const auto hpa = run(c, objectHpa(), replicas, 0s, 1400);
    const Explanation ex = explainAt(c, hpa, 1s);
    QCOMPARE(ex.reported, std::vector<Limiter>{Limiter::TooManyReplicas});
    verifyAgrees(ex);
    QCOMPARE(sentence(ex, "limit.max"), QByteArray("At maxReplicas 10: the metrics ask for 47."));
}

void TestHpaExplainer::metricUnavailable()
{
    Controller c;
    auto hpa = objectHpa();
    MetricInput failed;
    failed.error = "unable to get metric test-metric: boom";
    hpa.status = c.reconcile(hpa, sync(t0(), 3, {failed})).status;
    const Explanation ex = explain(hpa, c.config(), nullptr, t0() + 1s);
    QCOMPARE(ex.reported.front(), Limiter::MetricsUnavailable);
    verifyAgrees(ex);
    QVERIFY(sentence(ex, "metric.unavailable").startsWith("Metric unavailable (FailedGetObjectMetric): the HPA was "
                                                          "unable to compute the replica count: "));
    QCOMPARE(sentence(ex, "metric.novalue"), QByteArray("Metric test-metric has no current value yet."));
    QVERIFY(!has(ex, "stable"));
}

void TestHpaExplainer::podsWithoutValues()
{
    // A Pods metric at 200 on 3 of 6 pods, target 100: naively 12, but the 3 pods without a
    // value count as 0 on scale-up: (3 x 200 + 3 x 0) / 6 = 100, at target, stays 6.
    HorizontalPodAutoscaler hpa = podsHpa("100", 1, 20);
    ObservedPods pods;
    pods.pods = readyPods(6);
    MetricInput input;
    for (int i = 0; i < 3; ++i)
        input.podMetrics[pods.pods[i].name] = PodMetric{200000, t0(), 60s};
    pods.withValues[0] = {pods.pods[0].name, pods.pods[1].name, pods.pods[2].name};
    Controller c;
    SyncInput in = sync(t0(), 6, {input});
    in.pods = pods.pods;
    const SyncResult r = c.reconcile(hpa, in);
    QCOMPARE(r.desiredReplicas, 6);
    hpa.status = r.status;

    kube::hpa::ExplainInputs inputs;
    inputs.pods = &pods;
    const Explanation ex = explain(hpa, c.config(), inputs, t0() + 1s);
    verifyAgrees(ex);
    QCOMPARE(ex.computed->desiredReplicas, 6);
    QCOMPARE(sentence(ex, "pods.missing"), QByteArray("3 of 6 pods have no value of load: the controller counts them "
                                                      "as 0 on scale-up and as at target on scale-down."));
    QVERIFY(sentence(ex, "metric.outside.kept").contains("keeps the replicas at 6"));
    QVERIFY(!has(ex, "metric.outside.rounded")); // ceil(2 × 6) = 12: not the rounding
    QVERIFY(!has(ex, "metric.outside"));

    // Without the pods, hpascope's replay reaches 12 and says that it differs from the controller.
    const Explanation blind = explain(hpa, c.config(), nullptr, t0() + 1s);
    QCOMPARE(blind.computed->desiredReplicas, 12);
    QVERIFY2(!blind.computed->determined || has(blind, "mismatch"), "a replay that disagrees says so");
}

void TestHpaExplainer::severalMetrics()
{
    auto hpa = averageHpa(1, 10);
    MetricSpec second = hpa.spec.metrics[0];
    second.object->metric.name = "queue";
    hpa.spec.metrics.push_back(second);
    Controller c;
    const SyncResult r = c.reconcile(hpa, sync(t0(), 2, {objectValue(300000), objectValue(500000)}));
    hpa.status = r.status;
    const Explanation ex = explain(hpa, c.config(), std::as_const(c).history(Controller::keyOf(hpa)), t0() + 1s);
    verifyAgrees(ex);
    QCOMPARE(sentence(ex, "winner"), QByteArray("The largest proposal wins: queue asks for 5."));
}

void TestHpaExplainer::unsynced()
{
    const Explanation ex = explain(objectHpa(), {}, nullptr, t0());
    QCOMPARE(ex.reported, std::vector<Limiter>{Limiter::Unknown});
    QCOMPARE(ex.sentences.front().id, std::string("unsynced"));
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
    QCOMPARE(eb.scaleDown.windowDefaulted(), windowDefaulted);
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
