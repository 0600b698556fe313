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
