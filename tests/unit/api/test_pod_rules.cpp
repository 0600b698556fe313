// Which pods of a scale target count (kube/api/pod.h), against the HPA controller's rules
// (replica_calculator.go groupPods and getReadyPodsCount, v1.36): one row per phase, being
// deleted or not, Ready or not, and the pods a per-pod push writes to.
#include "kube/api/pod.h"

#include <QObject>
#include <QTest>

using namespace kube::api;
using nlohmann::json;

Q_DECLARE_METATYPE(kube::api::HpaPodRole)

class TestPodRules : public QObject {
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void decodedPod_data();
    void decodedPod();
};

void TestPodRules::rules_data()
{
    QTest::addColumn<QByteArray>("phase");
    QTest::addColumn<bool>("deleting");
    QTest::addColumn<bool>("ready");
    QTest::addColumn<HpaPodRole>("role");
    QTest::addColumn<bool>("readyForHpa");
    QTest::addColumn<bool>("expectsValue");
    QTest::addColumn<bool>("written");
    using R = HpaPodRole;
    QTest::newRow("Running, Ready") << QByteArray("Running") << false << true << R::Counted << true << true << true;
    QTest::newRow("Running, not Ready") << QByteArray("Running") << false << false << R::Counted << false << true << true;
    // getReadyPodsCount does not look at the deletion timestamp; groupPods ignores the pod.
    QTest::newRow("Running, Ready, deleting") << QByteArray("Running") << true << true << R::Ignored << true << false << false;
    QTest::newRow("Pending") << QByteArray("Pending") << false << false << R::Unready << false << false << true;
    QTest::newRow("Pending, deleting") << QByteArray("Pending") << true << false << R::Ignored << false << false << false;
    QTest::newRow("Failed") << QByteArray("Failed") << false << false << R::Ignored << false << false << false;
    // Counted by the controller (missing without a value), but no pipeline reports one for it.
    QTest::newRow("Succeeded") << QByteArray("Succeeded") << false << false << R::Counted << false << false << false;
    QTest::newRow("Unknown") << QByteArray("Unknown") << false << true << R::Counted << false << false << true;
}

void TestPodRules::rules()
{
    QFETCH(QByteArray, phase);
    QFETCH(bool, deleting);
    QFETCH(bool, ready);
    QFETCH(HpaPodRole, role);
    QFETCH(bool, readyForHpa);
    QFETCH(bool, expectsValue);
    QFETCH(bool, written);
    const std::string p = phase.toStdString();
    QCOMPARE(hpaPodRole(p, deleting), role);
    QCOMPARE(isReadyForHpa(p, ready), readyForHpa);
    QCOMPARE(expectsMetricValue(p, deleting), expectsValue);
    QCOMPARE(takesWrittenValue(p, deleting), written);
}

void TestPodRules::decodedPod_data()
{
    QTest::addColumn<QByteArray>("pod");
    QTest::addColumn<QByteArray>("phase");
    QTest::addColumn<bool>("deleting");
    QTest::addColumn<bool>("ready");
    QTest::addColumn<bool>("written");
    QTest::newRow("running") << QByteArray(R"({"metadata": {"name": "a"}, "status": {"phase": "Running",
        "conditions": [{"type": "Ready", "status": "True"}]}})") << QByteArray("Running") << false << true << true;
    QTest::newRow("terminating") << QByteArray(R"({"metadata": {"name": "a", "deletionTimestamp": "2025-03-14T09:00:00Z"},
        "status": {"phase": "Running", "conditions": [{"type": "Ready", "status": "True"}]}})")
                                 << QByteArray("Running") << true << true << false;
    QTest::newRow("no phase: Pending") << QByteArray(R"({"metadata": {"name": "a"}})") << QByteArray("Pending") << false
                                       << false << true;
    QTest::newRow("Ready Unknown") << QByteArray(R"({"metadata": {"name": "a"}, "status": {"phase": "Running",
        "conditions": [{"type": "Ready", "status": "Unknown"}]}})") << QByteArray("Running") << false << false << true;
    QTest::newRow("succeeded") << QByteArray(R"({"metadata": {"name": "a"}, "status": {"phase": "Succeeded"}})")
                               << QByteArray("Succeeded") << false << false << false;
}

void TestPodRules::decodedPod()
{
    QFETCH(QByteArray, pod);
    QFETCH(QByteArray, phase);
    QFETCH(bool, deleting);
    QFETCH(bool, ready);
    QFETCH(bool, written);
    const auto p = decodePod(json::parse(pod.toStdString()));
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().message.c_str());
    QCOMPARE(QByteArray::fromStdString(std::string(p->phase())), phase);
    QCOMPARE(p->isDeleting(), deleting);
    QCOMPARE(p->isReady(), ready);
    QCOMPARE(p->readyCondition() != nullptr, pod.contains("\"Ready\""));
    QCOMPARE(takesWrittenValue(*p), written);
}

QTEST_GUILESS_MAIN(TestPodRules)
#include "test_pod_rules.moc"
