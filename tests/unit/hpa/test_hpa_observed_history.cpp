// ObservedHistory against the controller's own memory: the ported controller runs a scenario
// sync by sync, and only what a dashboard sees reaches the observer (a status, whenever the
// controller rewrote it, a little after the sync). At every sync the explainer's replay of the
// last status, on the rebuilt memory, must reach the verdict the controller's conditions state;
// where it cannot tell (the result hangs on exactly when an unseen sync ran), it must say so.
#include "hpa_test_support.h"
#include "kube/hpa/explainer.h"

#include <QObject>
#include <QTest>

using namespace hpatest;
using namespace kube::api;

namespace {

HorizontalPodAutoscalerBehavior upPods(int32_t pods, int32_t period)
{
    HorizontalPodAutoscalerBehavior b;
    b.scaleUp = HPAScalingRules{0, ScalingPolicySelect::Max, {{HPAScalingPolicyType::Pods, pods, period}}, {}};
    b.scaleDown = HPAScalingRules{30, std::nullopt, {}, {}};
    return b;
}

} // namespace

class TestHpaObservedHistory : public QObject {
    Q_OBJECT

private slots:
    void replayAgreesWithTheController_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::newRow("policy climb, then a 30 s window") << 0;
        QTest::newRow("legacy: 2x per sync, 300 s window") << 1;
        QTest::newRow("scale-down disabled") << 2;
        QTest::newRow("scale-down Percent 50 per 60 s") << 3;
    }

    void replayAgreesWithTheController()
    {
        QFETCH(int, scenario);
        std::optional<HorizontalPodAutoscalerBehavior> behavior;
        std::vector<std::pair<int, int64_t>> phases; // (from sync, value in milli)
        int32_t replicas = 1;
        switch (scenario) {
        case 0:
            behavior = upPods(1, 45);
            phases = {{0, 100000}, {2, 800000}, {20, 100000}};
            break;
        case 1:
            phases = {{0, 100000}, {2, 1500000}, {8, 200000}, {40, 500000}};
            break;
        case 2:
            behavior = HorizontalPodAutoscalerBehavior{};
            behavior->scaleDown = HPAScalingRules{std::nullopt, ScalingPolicySelect::Disabled, {}, {}};
            phases = {{0, 400000}, {3, 100000}};
            break;
        case 3:
            behavior = HorizontalPodAutoscalerBehavior{};
            behavior->scaleDown = HPAScalingRules{0, ScalingPolicySelect::Max, {{HPAScalingPolicyType::Percent, 50, 60}}, {}};
            replicas = 8;
            phases = {{0, 800000}, {2, 100000}};
            break;
        }
        const auto hpa0 = averageHpa(1, 10, behavior ? std::optional(withDefaults(behavior)) : std::nullopt);
        Controller controller;
        ObservedHistory observed(controller.config());
        auto hpa = hpa0;
        observed.observe(hpa, t0() - 1s); // seen before the first sync
        std::string last;
        int determined = 0, undetermined = 0, statuses = 0;
        std::set<std::string> seen;
        for (int k = 0; k < 60; ++k) {
            int64_t value = phases.front().second;
            for (const auto &[from, v] : phases)
                if (k >= from)
                    value = v;
            const Time t = t0() + Seconds(15 * k);
            const SyncResult r = controller.reconcile(hpa, sync(t, replicas, {objectValue(value)}));
            hpa.status = r.status;
            if (r.rescale)
                replicas = r.desiredReplicas;
            const std::string f = fingerprint(hpa.status);
            if (f == last)
                continue; // the controller writes a status only when it changed
            last = f;
            ++statuses;
            const Time seenAt = t + 80ms; // the watch's latency
            observed.observe(hpa, seenAt);
            const Explanation ex = explain(hpa, controller.config(), ExplainInputs{nullptr, &observed, nullptr}, seenAt + 20ms);
            QVERIFY(ex.computed);
            for (Limiter l : ex.reported)
                seen.insert(std::string(nameOf(l)));
            if (!ex.computed->determined) {
                ++undetermined;
                continue;
            }
            ++determined;
            auto names = [](const std::vector<Limiter> &ls) {
                std::string s;
                for (Limiter l : ls)
                    s += std::string(nameOf(l)) + " ";
                return s;
            };
            QVERIFY2(ex.computed->limiters == ex.reported,
                     qPrintable(QStringLiteral("sync %1: replay says %2, the controller %3")
                                    .arg(k)
                                    .arg(QString::fromStdString(names(ex.computed->limiters)),
                                         QString::fromStdString(names(ex.reported)))));
            QCOMPARE(ex.computed->desiredReplicas, hpa.status.desiredReplicas);
        }
        std::string kinds;
        for (const auto &s : seen)
            kinds += s + " ";
        qInfo("%d statuses: %d replayed to the controller's verdict, %d undetermined; limiters seen: %s", statuses,
              determined, undetermined, kinds.c_str());
        QVERIFY(determined >= 3);
        QVERIFY(undetermined <= determined);
    }

    void podsSeenLateWidenTheRecommendation()
    {
        // 6 → 3 on a Pods metric at avg 40 of 100: the status says 3 pods, while the pods seen
        // still show 6 without a deletion (the pod watch trails the HPA's). The controller may
        // have divided by 3 (ceil(1.2) = 2) or by 6 (ceil(2.4) = 3): both readings are kept,
        // and a replay that depends on which says it is undetermined.
        HorizontalPodAutoscaler hpa = podsHpa("100", 1, 6);
        ObservedPods six;
        six.pods = readyPods(6);
        Controller c;
        MetricInput input;
        for (const auto &p : six.pods)
            input.podMetrics[p.name] = PodMetric{40000, t0(), 60s};
        SyncInput in = sync(t0(), 3, {input});
        in.pods = readyPods(3);
        const SyncResult r = c.reconcile(hpa, in);
        hpa.status = r.status;
        QCOMPARE(hpa.status.currentReplicas, 3);

        ObservedHistory observed(c.config());
        observed.observe(hpa, t0() + 50ms, six);
        const auto &o = observed.observations().back();
        QCOMPARE(o.recommendation, std::optional<int32_t>(3)); // on the 6 pods seen
        QCOMPARE(o.lowest, std::optional<int32_t>(2));         // on the 3 the status counts
        QCOMPARE(o.highest, std::optional<int32_t>(3));

        // When the pods seen agree with the status, there is one reading.
        ObservedPods three;
        three.pods = readyPods(3);
        ObservedHistory agreeing(c.config());
        agreeing.observe(hpa, t0() + 50ms, three);
        QCOMPARE(agreeing.observations().back().lowest, std::optional<int32_t>(2));
        QCOMPARE(agreeing.observations().back().highest, std::optional<int32_t>(2));

        const Explanation stale = explain(hpa, c.config(), ExplainInputs{nullptr, &observed, &six}, t0() + 100ms);
        QVERIFY(stale.computed);
        QVERIFY2(!stale.computed->determined, "the replay hangs on which pods the controller saw");
    }
};

QTEST_GUILESS_MAIN(TestHpaObservedHistory)
#include "test_hpa_observed_history.moc"
