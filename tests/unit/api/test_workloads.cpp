// Scale, Pod and Deployment decoding.
#include "kube/api/deployment.h"
#include "kube/api/pod.h"
#include "kube/api/scale.h"

#include <QObject>
#include <QTest>

using namespace kube::api;
using nlohmann::json;

class TestWorkloads : public QObject {
    Q_OBJECT

private slots:
    void scale();
    void podReadiness_data();
    void podReadiness();
    void deployment();
};

void TestWorkloads::scale()
{
    const auto s = decodeScale(json::parse(R"({"apiVersion": "autoscaling/v1", "kind": "Scale",
        "metadata": {"name": "web", "namespace": "shop", "resourceVersion": "5"},
        "spec": {"replicas": 3}, "status": {"replicas": 2, "selector": "app=web"}})"));
    QVERIFY(s.ok());
    QCOMPARE(s->spec.replicas, 3);
    QCOMPARE(s->status.replicas, 2);
    QCOMPARE(QByteArray::fromStdString(s->status.selector), QByteArray("app=web"));
    const auto zero = decodeScale(json::parse(R"({"spec": {}, "status": {"replicas": 0}})"));
    QVERIFY(zero.ok());
    QCOMPARE(zero->spec.replicas, 0);
    const auto bad = decodeScale(json::parse(R"({"spec": {"replicas": "3"}})"));
    QVERIFY(!bad.ok());
    QCOMPARE(QByteArray::fromStdString(bad.error().message),
             QByteArray("spec.replicas: expected an integer, got string \"3\""));
}

void TestWorkloads::podReadiness_data()
{
    QTest::addColumn<QByteArray>("conditions");
    QTest::addColumn<bool>("ready");
    QTest::addColumn<QByteArray>("readyTime");
    QTest::newRow("ready") << QByteArray(R"([{"type": "Initialized", "status": "True"},
        {"type": "Ready", "status": "True", "lastTransitionTime": "2025-03-14T09:00:30Z"}])")
                           << true << QByteArray("2025-03-14T09:00:30Z");
    QTest::newRow("not ready") << QByteArray(R"([{"type": "Ready", "status": "False", "reason": "ContainersNotReady", "lastTransitionTime": "2025-03-14T09:00:00Z"}])")
                               << false << QByteArray();
    QTest::newRow("no conditions") << QByteArray("[]") << false << QByteArray();
}

void TestWorkloads::podReadiness()
{
    QFETCH(QByteArray, conditions);
    QFETCH(bool, ready);
    QFETCH(QByteArray, readyTime);
    json pod = json::parse(R"({"metadata": {"name": "web-1", "namespace": "shop"},
        "spec": {"nodeName": "kwok-node-0", "containers": [{"name": "app"}]},
        "status": {"phase": "Running", "podIP": "10.0.0.7", "startTime": "2025-03-14T09:00:00Z"}})");
    pod["status"]["conditions"] = json::parse(conditions.toStdString());
    const auto p = decodePod(pod);
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().message.c_str());
    QCOMPARE(QByteArray::fromStdString(p->spec.nodeName), QByteArray("kwok-node-0"));
    QCOMPARE(QByteArray::fromStdString(p->status.phase), QByteArray("Running"));
    QCOMPARE(QByteArray::fromStdString(p->status.podIP), QByteArray("10.0.0.7"));
    QCOMPARE(p->isReady(), ready);
    const auto t = p->readyTime();
    QCOMPARE(t ? QByteArray::fromStdString(formatTime(*t)) : QByteArray(), readyTime);
}

void TestWorkloads::deployment()
{
    const auto d = decodeDeployment(json::parse(R"({"apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "web", "namespace": "shop", "generation": 4},
        "spec": {"replicas": 5, "selector": {"matchLabels": {"app": "web"}}},
        "status": {"observedGeneration": 4, "replicas": 5, "updatedReplicas": 5, "readyReplicas": 4,
                   "availableReplicas": 4, "unavailableReplicas": 1,
                   "conditions": [{"type": "Available", "status": "True",
                                   "lastUpdateTime": "2025-03-14T09:00:00Z",
                                   "lastTransitionTime": "2025-03-14T09:00:00Z",
                                   "reason": "MinimumReplicasAvailable"}]}})"));
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(d->metadata.generation, int64_t(4));
    QCOMPARE(d->spec.replicas.value_or(-1), 5);
    QCOMPARE(QByteArray::fromStdString(d->spec.selector->toString()), QByteArray("app=web"));
    QCOMPARE(d->status.readyReplicas, 4);
    QCOMPARE(d->status.unavailableReplicas, 1);
    QCOMPARE(d->status.observedGeneration.value_or(-1), int64_t(4));
    QCOMPARE(d->status.conditions.size(), std::size_t(1));
    QVERIFY(d->status.conditions[0].lastUpdateTime);
}

QTEST_GUILESS_MAIN(TestWorkloads)
#include "test_workloads.moc"
