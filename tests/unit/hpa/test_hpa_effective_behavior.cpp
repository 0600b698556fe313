// kube::hpa::effectiveBehavior as the one owner of "what the controller applies and where each
// value comes from": spec, API defaults (pkg/apis/autoscaling/v2/defaults.go) or the controller's
// flags, with the HPAConfigurableTolerance gate deciding whether behavior.*.tolerance counts.
#include "kube/hpa/behavior.h"

#include <QObject>
#include <QTest>

using namespace kube::api;
using namespace kube::hpa;

Q_DECLARE_METATYPE(kube::hpa::ValueSource)
Q_DECLARE_METATYPE(kube::api::ScalingPolicySelect)

namespace {

Quantity q(const char *text)
{
    return Quantity::parse(text).value();
}

// Rows build the HPA from these flags.
enum Shape { Unset, Empty, DownWindow60, DownTolerance5, UpUnknownSelect, UpMinWithPolicy };

HorizontalPodAutoscaler hpaOf(Shape shape)
{
    HorizontalPodAutoscaler h;
    h.metadata.name = "web";
    h.metadata.namespace_ = "shop";
    h.spec.maxReplicas = 10;
    if (shape == Unset)
        return h;
    h.spec.behavior = HorizontalPodAutoscalerBehavior{};
    auto &b = *h.spec.behavior;
    switch (shape) {
    case DownWindow60:
        b.scaleDown = HPAScalingRules{60, std::nullopt, {}, std::nullopt};
        break;
    case DownTolerance5:
        b.scaleDown = HPAScalingRules{std::nullopt, std::nullopt, {}, q("0.05")};
        break;
    case UpUnknownSelect: // a value from a newer API the decoder does not know
        b.scaleUp = HPAScalingRules{std::nullopt, ScalingPolicySelect::Unknown, {}, std::nullopt};
        break;
    case UpMinWithPolicy:
        b.scaleUp = HPAScalingRules{std::nullopt, ScalingPolicySelect::Min,
                                    {{HPAScalingPolicyType::Pods, 1, 30}}, std::nullopt};
        break;
    default:
        break;
    }
    return h;
}

} // namespace

class TestHpaEffectiveBehavior : public QObject {
    Q_OBJECT

private slots:
    void sources_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<bool>("gate");
        QTest::addColumn<double>("flagTolerance");
        QTest::addColumn<bool>("explicitBehavior");
        QTest::addColumn<int>("upWindow");
        QTest::addColumn<ValueSource>("upWindowSource");
        QTest::addColumn<int>("downWindow");
        QTest::addColumn<ValueSource>("downWindowSource");
        QTest::addColumn<double>("downTolerance");
        QTest::addColumn<ValueSource>("downToleranceSource");
        using V = ValueSource;
        QTest::newRow("unset: legacy, the flags") << int(Unset) << true << 0.1 << false << 0 << V::ApiDefault << 300
                                                  << V::ControllerFlag << 0.1 << V::ControllerFlag;
        QTest::newRow("empty behavior: API defaults and the flag window")
            << int(Empty) << true << 0.1 << true << 0 << V::ApiDefault << 300 << V::ControllerFlag << 0.1
            << V::ControllerFlag;
        QTest::newRow("explicit scale-down window") << int(DownWindow60) << true << 0.1 << true << 0 << V::ApiDefault
                                                    << 60 << V::Spec << 0.1 << V::ControllerFlag;
        QTest::newRow("explicit tolerance, gate on") << int(DownTolerance5) << true << 0.1 << true << 0
                                                     << V::ApiDefault << 300 << V::ControllerFlag << 0.05 << V::Spec;
        // HPAConfigurableTolerance off (alpha in 1.33, before beta in 1.35): the field is ignored.
        QTest::newRow("explicit tolerance, gate off") << int(DownTolerance5) << false << 0.1 << true << 0
                                                      << V::ApiDefault << 300 << V::ControllerFlag << 0.1
                                                      << V::ControllerFlag;
        QTest::newRow("another tolerance flag") << int(Unset) << true << 0.2 << false << 0 << V::ApiDefault << 300
                                                << V::ControllerFlag << 0.2 << V::ControllerFlag;
    }
    void sources()
    {
        QFETCH(int, shape);
        QFETCH(bool, gate);
        QFETCH(double, flagTolerance);
        QFETCH(bool, explicitBehavior);
        QFETCH(int, upWindow);
        QFETCH(ValueSource, upWindowSource);
        QFETCH(int, downWindow);
        QFETCH(ValueSource, downWindowSource);
        QFETCH(double, downTolerance);
        QFETCH(ValueSource, downToleranceSource);
        ControllerConfig config;
        config.configurableTolerance = gate;
        config.tolerance = flagTolerance;
        const EffectiveBehavior eb = effectiveBehavior(hpaOf(Shape(shape)), config);
        QCOMPARE(eb.explicitBehavior, explicitBehavior);
        QCOMPARE(eb.scaleUp.stabilizationWindowSeconds, upWindow);
        QCOMPARE(eb.scaleUp.windowSource, upWindowSource);
        QCOMPARE(eb.scaleDown.stabilizationWindowSeconds, downWindow);
        QCOMPARE(eb.scaleDown.windowSource, downWindowSource);
        QCOMPARE(eb.scaleDown.windowDefaulted(), downWindowSource != ValueSource::Spec);
        QCOMPARE(eb.scaleDown.tolerance, downTolerance);
        QCOMPARE(eb.scaleDown.toleranceSource, downToleranceSource);
        // Nothing here sets a scale-up tolerance: the flag, both ways.
        QCOMPARE(eb.scaleUp.tolerance, flagTolerance);
        QCOMPARE(eb.scaleUp.toleranceSource, ValueSource::ControllerFlag);
        // The same numbers the replica calculator is given.
        const Tolerances t = tolerancesForHpa(hpaOf(Shape(shape)), config);
        QCOMPARE(t.scaleDown, eb.scaleDown.tolerance);
        QCOMPARE(t.scaleUp, eb.scaleUp.tolerance);
    }

    void selectPolicyAndPolicies_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<ScalingPolicySelect>("select");
        QTest::addColumn<bool>("selectDefaulted");
        QTest::addColumn<int>("policies");
        QTest::addColumn<bool>("policiesDefaulted");
        using S = ScalingPolicySelect;
        QTest::newRow("defaults: Max of Pods 4 and Percent 100") << int(Empty) << S::Max << true << 2 << true;
        // calculateScaleUpLimitWithScalingRules: neither Min nor Disabled acts as Max.
        QTest::newRow("unknown selectPolicy: Max, as the default") << int(UpUnknownSelect) << S::Max << true << 2 << true;
        QTest::newRow("explicit Min and one policy") << int(UpMinWithPolicy) << S::Min << false << 1 << false;
        QTest::newRow("legacy: no policies") << int(Unset) << S::Max << true << 0 << true;
    }
    void selectPolicyAndPolicies()
    {
        QFETCH(int, shape);
        QFETCH(ScalingPolicySelect, select);
        QFETCH(bool, selectDefaulted);
        QFETCH(int, policies);
        QFETCH(bool, policiesDefaulted);
        const EffectiveBehavior eb = effectiveBehavior(hpaOf(Shape(shape)), {});
        QCOMPARE(eb.scaleUp.selectPolicy, select);
        QCOMPARE(eb.scaleUp.selectPolicyDefaulted, selectDefaulted);
        QCOMPARE(int(eb.scaleUp.policies.size()), policies);
        QCOMPARE(eb.scaleUp.policiesDefaulted, policiesDefaulted);
    }
};

QTEST_GUILESS_MAIN(TestHpaEffectiveBehavior)
#include "test_hpa_effective_behavior.moc"
