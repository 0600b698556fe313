// The HPA detail models: each metric paired with ITS status when status lists metrics in
// another order (all five source types), "unknown" with the controller's reason, replicas and
// last scale time, conditions, and behavior as the controller applies it.
#include "app/core/event_model.h"
#include "app/core/hpa_detail_model.h"
#include "detail_fixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;

namespace {

QString cell(QAbstractItemModel *m, int row, int column, int role = Qt::DisplayRole)
{
    return m->index(row, column).data(role).toString();
}

json withBehavior(json behavior)
{
    json j = hpaJson();
    j["spec"]["behavior"] = std::move(behavior);
    return j;
}

} // namespace

class TestHpaDetail : public QObject {
    Q_OBJECT

private slots:
    void pairsEachMetricWithItsOwnStatus_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("targetType");
        QTest::addColumn<double>("currentNumber");
        QTest::addColumn<double>("targetNumber");
        // status.currentMetrics lists External, Object, Resource, Pods, ContainerResource:
        // pairing by index would put the queue length next to the CPU target.
        QTest::newRow("Resource") << 0 << "cpu" << "Resource" << "62%" << "50%" << "Utilization" << 62.0 << 50.0;
        QTest::newRow("ContainerResource") << 1 << "memory (container app)" << "ContainerResource" << "avg 180Mi"
                                           << "avg 200Mi" << "AverageValue" << 180.0 * 1024 * 1024 << 200.0 * 1024 * 1024;
        QTest::newRow("Pods") << 2 << "packets-per-second on pods" << "Pods" << "avg 850" << "avg 1k" << "AverageValue"
                              << 850.0 << 1000.0;
        QTest::newRow("Object") << 3 << "requests-per-second on Ingress/main-route" << "Object" << "12k" << "10k"
                                << "Value" << 12000.0 << 10000.0;
        QTest::newRow("External") << 4 << "queue_messages_ready{queue=worker_tasks} (external)" << "External"
                                  << "avg 42 (210 total over 5 pods)" << "avg 30" << "AverageValue" << 42.0 << 30.0;
    }

    void pairsEachMetricWithItsOwnStatus()
    {
        QFETCH(int, row);
        HpaDetailModel detail;
        QAbstractItemModelTester tester(detail.metricsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        detail.setHpa(decodeHpa(hpaJson()), fixtureNow());
        auto *m = detail.metricsModel();
        QCOMPARE(m->rowCount(), 5);
        QTEST(cell(m, row, HpaMetricsModel::Metric), "name");
        QTEST(cell(m, row, HpaMetricsModel::Source), "source");
        QTEST(cell(m, row, HpaMetricsModel::Current), "current");
        QTEST(cell(m, row, HpaMetricsModel::Target), "target");
        QTEST(cell(m, row, HpaMetricsModel::TargetType), "targetType");
        QTEST(m->index(row, 0).data(HpaMetricsModel::CurrentNumberRole).toDouble(), "currentNumber");
        QTEST(m->index(row, 0).data(HpaMetricsModel::TargetNumberRole).toDouble(), "targetNumber");
        QVERIFY(m->index(row, 0).data(HpaMetricsModel::KnownRole).toBool());
        QVERIFY(cell(m, row, HpaMetricsModel::Note).isEmpty());
    }

    void utilizationShowsAverageValueAsDetail()
    {
        HpaDetailModel detail;
        detail.setHpa(decodeHpa(hpaJson()), fixtureNow());
        QCOMPARE(cell(detail.metricsModel(), 0, HpaMetricsModel::Current, Qt::ToolTipRole),
                 QStringLiteral("average value per pod: 310m"));
    }

    void perPodAverageShowsTheTotal_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("targetType");
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QString>("current");
        // The controller's averageValue for a raw 42 over 8 pods is 5250m.
        QTest::newRow("External AverageValue") << "External" << "AverageValue" << 8 << "avg 5250m (42 total over 8 pods)";
        QTest::newRow("Object AverageValue") << "Object" << "AverageValue" << 8 << "avg 5250m (42 total over 8 pods)";
        QTest::newRow("one replica: nothing to add") << "External" << "AverageValue" << 1 << "avg 5250m";
        QTest::newRow("External Value: already the total") << "External" << "Value" << 8 << "avg 5250m";
    }
    void perPodAverageShowsTheTotal()
    {
        QFETCH(QString, type);
        QFETCH(QString, targetType);
        QFETCH(int, replicas);
        const std::string t = type.toStdString();
        const std::string source = type == QStringLiteral("Object") ? "object" : "external";
        json target{{"type", targetType.toStdString()}};
        target[targetType == QStringLiteral("Value") ? "value" : "averageValue"] = "5";
        json spec{{"metric", {{"name", "queue"}}}, {"target", target}};
        json status{{"metric", {{"name", "queue"}}}, {"current", {{"averageValue", "5250m"}}}};
        if (t == "Object") {
            spec["describedObject"] = {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "q"}};
            // No describedObject: the real controller leaves it empty for AverageValue.
        }
        json j = hpaJson();
        j["spec"]["metrics"] = json::array({{{"type", t}, {source, spec}}});
        j["status"]["currentMetrics"] = json::array({{{"type", t}, {source, status}}});
        j["status"]["currentReplicas"] = replicas;
        HpaDetailModel detail;
        detail.setHpa(decodeHpa(j), fixtureNow());
        QTEST(cell(detail.metricsModel(), 0, HpaMetricsModel::Current), "current");
        QCOMPARE(detail.metricsModel()->index(0, 0).data(HpaMetricsModel::CurrentNumberRole).toDouble(), 5.25);
    }

    void unknownValueCarriesTheReason()
    {
        HpaDetailModel detail;
        QAbstractItemModelTester tester(detail.metricsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        detail.setHpa(decodeHpa(withUnreadableObjectMetric(hpaJson())), fixtureNow());
        auto *m = detail.metricsModel();
        QCOMPARE(m->rowCount(), 5);
        QCOMPARE(cell(m, 3, HpaMetricsModel::Current), QStringLiteral("unknown"));
        QVERIFY(!m->index(3, 0).data(HpaMetricsModel::KnownRole).toBool());
        QVERIFY(!m->index(3, 0).data(HpaMetricsModel::CurrentNumberRole).isValid());
        QVERIFY2(cell(m, 3, HpaMetricsModel::Note).startsWith(
                     QStringLiteral("FailedGetObjectMetric: the HPA was unable to compute the replica count")),
                 qPrintable(cell(m, 3, HpaMetricsModel::Note)));
        QCOMPARE(cell(m, 3, HpaMetricsModel::Target), QStringLiteral("10k")); // the target is still known
        // The empty-typed status entry shifts nothing: the others keep their own values.
        QCOMPARE(cell(m, 4, HpaMetricsModel::Current), QStringLiteral("avg 42 (210 total over 5 pods)"));
        QCOMPARE(cell(m, 0, HpaMetricsModel::Current), QStringLiteral("62%"));
    }

    void unknownBeforeTheFirstStatus()
    {
        json j = hpaJson();
        j["status"]["currentMetrics"] = json::array();
        j["status"]["conditions"] = json::array();
        HpaDetailModel detail;
        detail.setHpa(decodeHpa(j), fixtureNow());
        QCOMPARE(cell(detail.metricsModel(), 2, HpaMetricsModel::Current), QStringLiteral("unknown"));
        QCOMPARE(cell(detail.metricsModel(), 2, HpaMetricsModel::Note),
                 QStringLiteral("no current value reported by the controller yet"));
    }

    void replicasAndLastScale()
    {
        HpaDetailModel detail;
        QSignalSpy changed(&detail, &HpaDetailModel::changed);
        detail.setHpa(decodeHpa(hpaJson()), fixtureNow());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(detail.key(), QStringLiteral("shop/web"));
        QCOMPARE(detail.targetText(), QStringLiteral("Deployment/web"));
        const ReplicaText r = detail.replicas();
        QCOMPARE(r.min, QStringLiteral("2"));
        QCOMPARE(r.max, QStringLiteral("12"));
        QCOMPARE(r.current, QStringLiteral("5"));
        QCOMPARE(r.desired, QStringLiteral("7"));
        const QDateTime scaled = QDateTime::fromString(QStringLiteral("2024-05-01T11:57:00Z"), Qt::ISODate);
        QCOMPARE(r.lastScaleAbsolute, scaled.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(r.lastScaleRelative, QStringLiteral("3 min ago"));
        detail.setNow(fixtureNow().addSecs(600));
        QCOMPARE(detail.replicas().lastScaleRelative, QStringLiteral("13 min ago"));

        json never = hpaJson();
        never["status"].erase("lastScaleTime");
        never["spec"].erase("minReplicas");
        detail.setHpa(decodeHpa(never), fixtureNow());
        QCOMPARE(detail.replicas().lastScaleAbsolute, QStringLiteral("never"));
        QVERIFY(detail.replicas().lastScaleRelative.isEmpty());
        QCOMPARE(detail.replicas().min, QStringLiteral("1")); // the API server's default
    }

    void conditions()
    {
        HpaDetailModel detail;
        auto *m = detail.conditionsModel();
        QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        detail.setHpa(decodeHpa(hpaJson()), fixtureNow());
        QCOMPARE(m->rowCount(), 3);
        QCOMPARE(cell(m, 0, HpaConditionsModel::Type), QStringLiteral("AbleToScale"));
        QCOMPARE(cell(m, 0, HpaConditionsModel::Reason), QStringLiteral("SucceededRescale"));
        QCOMPARE(cell(m, 0, HpaConditionsModel::Age), QStringLiteral("3m"));
        QCOMPARE(cell(m, 1, HpaConditionsModel::Status), QStringLiteral("True"));
        QCOMPARE(cell(m, 2, HpaConditionsModel::Message), QStringLiteral("the desired count is within the acceptable range"));
        QVERIFY(!m->index(2, 0).data(HpaConditionsModel::IsTrueRole).toBool());
        detail.setHpa(decodeHpa(withUnreadableObjectMetric(hpaJson())), fixtureNow());
        QCOMPARE(cell(m, 1, HpaConditionsModel::Reason), QStringLiteral("FailedGetObjectMetric"));
        detail.setNow(fixtureNow().addSecs(3600));
        QCOMPARE(cell(m, 0, HpaConditionsModel::Age), QStringLiteral("63m"));
    }

    void unsetBehaviorStatesTheDefaults()
    {
        HpaDetailModel detail;
        QAbstractItemModelTester tester(detail.behaviorModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        detail.setHpa(decodeHpa(hpaJson()), fixtureNow());
        const BehaviorText &b = detail.behavior();
        QVERIFY(!b.explicitBehavior);
        QCOMPARE(b.summary, QStringLiteral("spec.behavior is unset: the controller uses its defaults — scale-down "
                                           "waits for a 300 s stabilization window (the highest recommendation of the "
                                           "last 5 minutes wins); scale-up at most max(2× current, 4) pods per sync."));
        auto *m = detail.behaviorModel();
        QCOMPARE(m->rowCount(), 2);
        QCOMPARE(cell(m, 1, HpaBehaviorModel::Window), QStringLiteral("300 s (controller flag)"));
        QCOMPARE(cell(m, 0, HpaBehaviorModel::Policies), QStringLiteral("at most max(2× current, 4) pods per sync"));
        QCOMPARE(cell(m, 0, HpaBehaviorModel::Tolerance), QStringLiteral("10 % (default)"));

        // A controller started with another --horizontal-pod-autoscaler-downscale-stabilization.
        kube::hpa::ControllerConfig controller;
        controller.downscaleStabilization = std::chrono::seconds(600);
        detail.setControllerConfig(controller);
        QVERIFY(detail.behavior().summary.contains(QStringLiteral("600 s stabilization window")));
        QVERIFY(detail.behavior().summary.contains(QStringLiteral("last 10 minutes")));
    }

    void explicitBehaviorShowsPolicies_data()
    {
        QTest::addColumn<QByteArray>("behavior");
        QTest::addColumn<QStringList>("up");   // window, select, policies, tolerance
        QTest::addColumn<QStringList>("down");
        QTest::addColumn<QString>("summaryPart");
        QTest::newRow("scale-down only: scale-up fully defaulted")
            << QByteArray(R"({"scaleDown": {"stabilizationWindowSeconds": 60,
                              "policies": [{"type": "Pods", "value": 2, "periodSeconds": 60}]}})")
            << QStringList{"0 s (default)", "Max (default)", "4 pods per 15 s, 100 % per 15 s (default)", "10 % (default)"}
            << QStringList{"60 s", "Max (default)", "2 pods per 60 s", "10 % (default)"}
            << "Scale-up: no stabilization window; at most the larger of 4 pods per 15 s, 100 % per 15 s.";
        QTest::newRow("scale-up disabled: scale-down window from the controller")
            << QByteArray(R"({"scaleUp": {"selectPolicy": "Disabled"}})")
            << QStringList{"0 s (default)", "Disabled", "4 pods per 15 s, 100 % per 15 s (default)", "10 % (default)"}
            << QStringList{"300 s (controller flag)", "Max (default)", "100 % per 15 s (default)", "10 % (default)"}
            << "Scale-up: disabled (selectPolicy: Disabled). Scale-down: waits for a 300 s stabilization window "
               "(the highest recommendation of the last 5 minutes wins); at most 100 % per 15 s.";
        QTest::newRow("Min of two policies, a window and a tolerance")
            << QByteArray(R"({"scaleUp": {"stabilizationWindowSeconds": 120, "selectPolicy": "Min",
                              "policies": [{"type": "Percent", "value": 50, "periodSeconds": 30},
                                           {"type": "Pods", "value": 1, "periodSeconds": 30}]},
                              "scaleDown": {"tolerance": "0.05"}})")
            << QStringList{"120 s", "Min", "50 % per 30 s, 1 pod per 30 s", "10 % (default)"}
            << QStringList{"300 s (controller flag)", "Max (default)", "100 % per 15 s (default)", "5 %"}
            << "Scale-up: waits for a 120 s stabilization window (the lowest recommendation of the last 2 minutes "
               "wins); at most the smaller of 50 % per 30 s, 1 pod per 30 s.";
    }

    void explicitBehaviorShowsPolicies()
    {
        QFETCH(QByteArray, behavior);
        QFETCH(QStringList, up);
        QFETCH(QStringList, down);
        QFETCH(QString, summaryPart);
        HpaDetailModel detail;
        QAbstractItemModelTester tester(detail.behaviorModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        detail.setHpa(decodeHpa(withBehavior(json::parse(behavior.toStdString()))), fixtureNow());
        QVERIFY(detail.behavior().explicitBehavior);
        auto *m = detail.behaviorModel();
        const int columns[] = {HpaBehaviorModel::Window, HpaBehaviorModel::Select, HpaBehaviorModel::Policies,
                               HpaBehaviorModel::Tolerance};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(cell(m, 0, columns[i]), up[i]);
            QCOMPARE(cell(m, 1, columns[i]), down[i]);
        }
        QVERIFY2(detail.behavior().summary.contains(summaryPart), qPrintable(detail.behavior().summary));
        QVERIFY(detail.behavior().summary.startsWith(QStringLiteral("spec.behavior is set")));
    }

    void toleranceFollowsTheGateAndTheFlag()
    {
        // behavior.scaleDown.tolerance counts only with HPAConfigurableTolerance on (the default
        // since 1.35); otherwise the controller's --horizontal-pod-autoscaler-tolerance applies.
        HpaDetailModel detail;
        detail.setHpa(decodeHpa(withBehavior(json::parse(R"({"scaleDown": {"tolerance": "0.05"}})"))), fixtureNow());
        auto *m = detail.behaviorModel();
        QCOMPARE(cell(m, 1, HpaBehaviorModel::Tolerance), QStringLiteral("5 %"));
        kube::hpa::ControllerConfig controller;
        controller.configurableTolerance = false;
        controller.tolerance = 0.2;
        detail.setControllerConfig(controller);
        QCOMPARE(cell(m, 1, HpaBehaviorModel::Tolerance), QStringLiteral("20 % (default)"));
        QCOMPARE(cell(m, 0, HpaBehaviorModel::Tolerance), QStringLiteral("20 % (default)"));
    }

    void modelsStayConsistentAcrossChanges()
    {
        HpaDetailModel detail;
        QAbstractItemModelTester t1(detail.metricsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(detail.conditionsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(detail.behaviorModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        detail.setHpa(decodeHpa(hpaJson()), fixtureNow());
        QSignalSpy reset(detail.metricsModel(), &QAbstractItemModel::modelReset);
        QSignalSpy dataChanged(detail.metricsModel(), &QAbstractItemModel::dataChanged);
        json j = hpaJson();
        j["status"]["currentMetrics"][2]["resource"]["current"]["averageUtilization"] = 70;
        detail.setHpa(decodeHpa(j), fixtureNow()); // same metrics, new values: no reset
        QCOMPARE(reset.count(), 0);
        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(cell(detail.metricsModel(), 0, HpaMetricsModel::Current), QStringLiteral("70%"));
        j["spec"]["metrics"].erase(1);
        detail.setHpa(decodeHpa(j), fixtureNow());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(detail.metricsModel()->rowCount(), 4);
        detail.clear();
        QVERIFY(!detail.hasHpa());
        QCOMPARE(detail.metricsModel()->rowCount(), 0);
        QCOMPARE(detail.conditionsModel()->rowCount(), 0);
        QCOMPARE(detail.behaviorModel()->rowCount(), 0);
    }

    void eventFilterFollowsTheHpa()
    {
        EventStore store;
        EventModel events(&store);
        HpaDetailModel detail;
        detail.setEventModel(&events);
        QVERIFY(events.filter().isEmpty());
        detail.setHpa(decodeHpa(hpaJson()), fixtureNow());
        const EventFilter expected{QStringLiteral("shop"), QStringLiteral("web"), QStringLiteral("Deployment"),
                                   QStringLiteral("web")};
        QCOMPARE(events.filter(), expected);
        detail.clear();
        QVERIFY(events.filter().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHpaDetail)
#include "test_hpa_detail.moc"
