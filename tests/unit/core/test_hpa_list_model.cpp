// The HPA table model: what a person sees per row, and structural correctness under
// QAbstractItemModelTester while rows are listed, updated and deleted as watch events arrive.
#include "app/core/hpa_list_model.h"
#include "kube/api/hpa.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using hpascope::HpaListModel;

namespace {

kube::api::HorizontalPodAutoscaler makeHpa(const std::string &ns, const std::string &name, int current, int desired,
                                           const std::string &value = "400m")
{
    nlohmann::json j = {
        {"apiVersion", "autoscaling/v2"},
        {"kind", "HorizontalPodAutoscaler"},
        {"metadata", {{"name", name}, {"namespace", ns}, {"resourceVersion", "1"}}},
        {"spec",
         {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "web"}}},
          {"minReplicas", 1},
          {"maxReplicas", 10},
          {"metrics",
           {{{"type", "Object"},
             {"object",
              {{"describedObject", {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "kubernetes"}}},
               {"metric", {{"name", "test-metric"}}},
               {"target", {{"type", "Value"}, {"value", "300m"}}}}}}}}}},
        {"status",
         {{"currentReplicas", current},
          {"desiredReplicas", desired},
          {"currentMetrics",
           {{{"type", "Object"},
             {"object",
              {{"describedObject", {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "kubernetes"}}},
               {"metric", {{"name", "test-metric"}}},
               {"current", {{"value", value}}}}}}}}}}};
    auto hpa = kube::api::decodeHorizontalPodAutoscaler(j);
    if (!hpa)
        qFatal("fixture does not decode: %s", hpa.error().toString().c_str());
    return hpa.value();
}

QString cell(const HpaListModel &m, int row, int column)
{
    return m.index(row, column).data().toString();
}

} // namespace

class TestHpaListModel : public QObject {
    Q_OBJECT
private slots:
    void showsWhatKubectlWould()
    {
        HpaListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.resetAll({makeHpa("default", "web", 1, 2)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, HpaListModel::Namespace), QStringLiteral("default"));
        QCOMPARE(cell(model, 0, HpaListModel::Name), QStringLiteral("web"));
        QCOMPARE(cell(model, 0, HpaListModel::Target), QStringLiteral("Deployment/web"));
        QCOMPARE(cell(model, 0, HpaListModel::Min), QStringLiteral("1"));
        QCOMPARE(cell(model, 0, HpaListModel::Max), QStringLiteral("10"));
        QCOMPARE(cell(model, 0, HpaListModel::Current), QStringLiteral("1"));
        QCOMPARE(cell(model, 0, HpaListModel::Desired), QStringLiteral("2"));
        QCOMPARE(cell(model, 0, HpaListModel::LastScale), QStringLiteral("never"));
        const QString metrics = cell(model, 0, HpaListModel::Metrics);
        QVERIFY2(metrics == QStringLiteral("400m/300m"), qPrintable(metrics));
        const QString tip = model.index(0, HpaListModel::Metrics).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("test-metric on Service/kubernetes: 400m / 300m")), qPrintable(tip));
        QVERIFY2(metrics.contains(QStringLiteral("400m")) && metrics.contains(QStringLiteral("300m")), qPrintable(metrics));
    }

    void watchEventsInsertUpdateRemove()
    {
        HpaListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.resetAll({makeHpa("a", "one", 1, 1), makeHpa("b", "two", 3, 3)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.upsert(makeHpa("a", "one", 1, 4)); // MODIFIED
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, model.rowOf(QStringLiteral("a/one")), HpaListModel::Desired), QStringLiteral("4"));

        model.upsert(makeHpa("c", "three", 2, 2)); // ADDED
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);

        model.remove(QStringLiteral("a/one")); // DELETED
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("a/one")), -1);
        // The index must follow the rows that moved up.
        QCOMPARE(cell(model, model.rowOf(QStringLiteral("c/three")), HpaListModel::Name), QStringLiteral("three"));
        QCOMPARE(cell(model, model.rowOf(QStringLiteral("b/two")), HpaListModel::Name), QStringLiteral("two"));

        model.remove(QStringLiteral("nope/missing"));
        QCOMPARE(removed.count(), 1);
    }

    void statusBadge_data()
    {
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("desired");
        QTest::addColumn<QString>("conditionType");
        QTest::addColumn<QString>("conditionStatus");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("badge");
        QTest::newRow("stable") << 2 << 2 << "AbleToScale" << "True" << "ReadyForNewScale" << "stable";
        QTest::newRow("up") << 1 << 2 << "AbleToScale" << "True" << "SucceededRescale" << "scaling up";
        QTest::newRow("down") << 3 << 1 << "AbleToScale" << "True" << "SucceededRescale" << "scaling down";
        QTest::newRow("held by the window") << 2 << 2 << "AbleToScale" << "True" << "ScaleDownStabilized" << "stabilizing";
        QTest::newRow("at max") << 10 << 10 << "ScalingLimited" << "True" << "TooManyReplicas" << "limited at max";
        QTest::newRow("at min") << 1 << 1 << "ScalingLimited" << "True" << "TooFewReplicas" << "limited at min";
        QTest::newRow("within range is not limited") << 2 << 2 << "ScalingLimited" << "False" << "DesiredWithinRange" << "stable";
        QTest::newRow("metric missing") << 1 << 1 << "ScalingActive" << "False" << "FailedGetObjectMetric" << "metrics unavailable";
        QTest::newRow("target at zero") << 0 << 0 << "ScalingActive" << "False" << "ScalingDisabled" << "scaling disabled";
        QTest::newRow("target missing") << 0 << 0 << "AbleToScale" << "False" << "FailedGetScale" << "target missing";
        QTest::newRow("rate-limited climb") << 2 << 3 << "ScalingLimited" << "True" << "ScaleUpLimit" << "scaling up, rate-limited";
        QTest::newRow("rate-limited, waiting") << 3 << 3 << "ScalingLimited" << "True" << "ScaleUpLimit" << "rate-limited";
    }
    void statusBadge()
    {
        QFETCH(int, current);
        QFETCH(int, desired);
        QFETCH(QString, conditionType);
        QFETCH(QString, conditionStatus);
        QFETCH(QString, reason);
        QFETCH(QString, badge);
        auto hpa = makeHpa("default", "web", current, desired);
        kube::api::HorizontalPodAutoscalerCondition c;
        c.type = conditionType.toStdString();
        c.status = conditionStatus.toStdString();
        c.reason = reason.toStdString();
        hpa.status.conditions.push_back(c);
        HpaListModel model;
        model.resetAll({hpa});
        QCOMPARE(cell(model, 0, HpaListModel::Status), badge);
        const QString kind = model.index(0, HpaListModel::Status).data(HpaListModel::BadgeKindRole).toString();
        QVERIFY2(!kind.isEmpty(), "every badge has a kind for its colour");
        QCOMPARE(kind == QLatin1String("problem"), badge == QLatin1String("metrics unavailable") ||
                                                       badge == QLatin1String("target missing"));
    }

    void relistReplacesEverything()
    {
        HpaListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.resetAll({makeHpa("a", "one", 1, 1), makeHpa("b", "two", 3, 3)});
        model.resetAll({makeHpa("z", "only", 5, 5)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("a/one")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("z/only")), 0);
    }
};

QTEST_GUILESS_MAIN(TestHpaListModel)
#include "test_hpa_list_model.moc"
