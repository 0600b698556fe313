// Every combination of the conditions the controller sets (kube's condition reasons, absent
// or present, True or False) and of desired vs current: the badge says "stable" only when
// nothing is false, limited or stabilizing, and a false AbleToScale or ScalingActive is what
// the badge says first. Also: the explainer's sentence templates in app/core (seen by Qt's
// tools) are the ones kube/hpa renders.
#include "app/core/explainer_text.h"
#include "app/core/hpa_format.h"

#include <QObject>
#include <QTest>

using namespace hpascope;

namespace {

struct Cond {
    const char *status;
    const char *reason;
};

// pkg/controller/podautoscaler/horizontal.go: every (status, reason) it writes per type.
const std::vector<Cond> kAble = {{"True", "SucceededGetScale"},     {"True", "SucceededRescale"},
                                 {"True", "ReadyForNewScale"},      {"True", "ScaleDownStabilized"},
                                 {"True", "ScaleUpStabilized"},     {"False", "FailedGetScale"},
                                 {"False", "FailedUpdateScale"}};
const std::vector<Cond> kActive = {{"True", "ValidMetricFound"},         {"False", "InvalidSelector"},
                                   {"False", "AmbiguousSelector"},       {"False", "FailedGetObjectMetric"},
                                   {"False", "FailedGetPodsMetric"},     {"False", "FailedGetResourceMetric"},
                                   {"False", "FailedGetExternalMetric"}, {"False", "ScalingDisabled"}};
const std::vector<Cond> kLimited = {{"False", "DesiredWithinRange"}, {"True", "TooManyReplicas"},
                                    {"True", "TooFewReplicas"},      {"True", "ScaleUpLimit"},
                                    {"True", "ScaleDownLimit"}};

} // namespace

class TestStatusBadge : public QObject {
    Q_OBJECT

private slots:
    void everyCombination()
    {
        int combinations = 0, stable = 0;
        for (int a = -1; a < int(kAble.size()); ++a)
            for (int s = -1; s < int(kActive.size()); ++s)
                for (int l = -1; l < int(kLimited.size()); ++l)
                    for (int desired : {2, 3, 4})
                        for (bool disabledDown : {false, true}) {
                            kube::api::HorizontalPodAutoscaler hpa;
                            hpa.spec.maxReplicas = 10;
                            if (disabledDown) {
                                hpa.spec.behavior = kube::api::HorizontalPodAutoscalerBehavior{};
                                hpa.spec.behavior->scaleDown =
                                    kube::api::HPAScalingRules{{}, kube::api::ScalingPolicySelect::Disabled, {}, {}};
                            }
                            hpa.status.currentReplicas = 3;
                            hpa.status.desiredReplicas = desired;
                            auto add = [&](const char *type, const std::vector<Cond> &list, int i) {
                                if (i >= 0)
                                    hpa.status.conditions.push_back({type, list[i].status, {}, {}, {}, list[i].reason, "m"});
                            };
                            add("AbleToScale", kAble, a);
                            add("ScalingActive", kActive, s);
                            add("ScalingLimited", kLimited, l);
                            const format::Badge badge = format::statusBadge(hpa);
                            ++combinations;
                            const bool anyFalse = (a >= 0 && QByteArray(kAble[a].status) == "False") ||
                                                  (s >= 0 && QByteArray(kActive[s].status) == "False");
                            const bool limited = l >= 0 && QByteArray(kLimited[l].status) == "True";
                            const bool stabilizing = a >= 0 && QByteArray(kAble[a].reason).endsWith("Stabilized");
                            const bool none = a < 0 && s < 0 && l < 0;
                            const QString row = QStringLiteral("able=%1 active=%2 limited=%3 desired=%4 -> %5")
                                                    .arg(a >= 0 ? kAble[a].reason : "-", s >= 0 ? kActive[s].reason : "-",
                                                         l >= 0 ? kLimited[l].reason : "-")
                                                    .arg(desired)
                                                    .arg(badge.text);
                            const bool shouldBeStable = !anyFalse && !limited && !stabilizing && !none && desired == 3;
                            QVERIFY2((badge.text == QLatin1String("stable")) == shouldBeStable, qPrintable(row));
                            QVERIFY2((badge.kind == format::Badge::Kind::Ok) == shouldBeStable, qPrintable(row));
                            stable += shouldBeStable ? 1 : 0;
                            // A target that cannot be read or a failed metric is what the badge says first.
                            if (a >= 0 && QByteArray(kAble[a].reason) == "FailedGetScale")
                                QVERIFY2(badge.text == QLatin1String("target missing"), qPrintable(row));
                            else if (s >= 0 && QByteArray(kActive[s].status) == "False" &&
                                     QByteArray(kActive[s].reason) != "ScalingDisabled" &&
                                     !(a >= 0 && QByteArray(kAble[a].status) == "False"))
                                QVERIFY2(badge.text == QLatin1String("metrics unavailable"), qPrintable(row));
                            if (limited && !anyFalse && QByteArray(kLimited[l].reason) == "ScaleDownLimit" && disabledDown)
                                QVERIFY2(badge.text == QLatin1String("scale-down disabled"), qPrintable(row));
                        }
        qInfo("%d combinations, %d of them stable", combinations, stable);
        QVERIFY(stable > 0);
    }

    void explainerTemplatesMatchKube()
    {
        const auto app = explainerTemplates();
        const auto &kube = kube::hpa::explainerMessages();
        QCOMPARE(app.size(), kube.size());
        for (std::size_t i = 0; i < app.size(); ++i) {
            QCOMPARE(QByteArray::fromStdString(app[i].first), QByteArray(kube[i].id.data(), qsizetype(kube[i].id.size())));
            QCOMPARE(QByteArray::fromStdString(app[i].second),
                     QByteArray(kube[i].english.data(), qsizetype(kube[i].english.size())));
        }
    }

    void explainerTextRendersNestedItems()
    {
        kube::hpa::Sentence s{"path.one", {"load", "100"}, {}};
        s.items.push_back({"path.first", {"10", "4", "14:00:05", "5"}, {}});
        s.items.push_back({"path.next", {"2", "14:05:06"}, {}});
        QCOMPARE(explainerText(s), QString::fromStdString(s.text()));
        QCOMPARE(explainerText(s), QStringLiteral("If load stays at 100: 10 \u2192 4 at 14:00:05 (in 5 s), \u2192 2 at 14:05:06."));
    }
};

QTEST_GUILESS_MAIN(TestStatusBadge)
#include "test_status_badge.moc"
