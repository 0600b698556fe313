// Decoding autoscaling/v2 HPAs from realistic `kubectl get hpa -o json` documents, pairing
// metrics by identity, display strings, field-path errors, times and selectors.
#include "kube/api/hpa.h"
#include "kube/api/hpa_metrics.h"
#include "kube/api/list.h"
#include "test_printers.h"

#include <QFile>
#include <QObject>
#include <QTest>

using namespace kube::api;
using nlohmann::json;

namespace {
json loadFixture(const char *name)
{
    QFile f(QStringLiteral(HPASCOPE_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", name);
    return json::parse(f.readAll().toStdString());
}

QByteArray q(const std::string &s) { return QByteArray::fromStdString(s); }
} // namespace

class TestHpaDecode : public QObject {
    Q_OBJECT

private slots:
    void objectMetricHpa();
    void multiMetricPairsByIdentity_data();
    void multiMetricPairsByIdentity();
    void failedStatusEntryMatchesNothing();
    void identityIncludesEverythingThatDistinguishes();
    void behaviorWithTolerance();
    void noStatusYet();
    void wrongTypesNameTheField_data();
    void wrongTypesNameTheField();
    void lenientValues();
    void listOfHpas();
    void times_data();
    void times();
    void selectorStrings_data();
    void selectorStrings();
};

void TestHpaDecode::objectMetricHpa()
{
    const auto hpa = decodeHorizontalPodAutoscaler(loadFixture("hpa_object_metric.json"));
    QVERIFY2(hpa.ok(), hpa.ok() ? "" : hpa.error().message.c_str());
    QCOMPARE(q(hpa->metadata.name), QByteArray("sample-app"));
    QCOMPARE(q(hpa->metadata.namespace_), QByteArray("default"));
    QCOMPARE(q(hpa->metadata.resourceVersion), QByteArray("48213"));
    QCOMPARE(q(hpa->metadata.labels.at("app")), QByteArray("sample-app"));
    QVERIFY(hpa->metadata.creationTimestamp);
    QCOMPARE(q(formatTime(*hpa->metadata.creationTimestamp)), QByteArray("2025-03-14T09:26:53Z"));

    const auto &spec = hpa->spec;
    QCOMPARE(q(spec.scaleTargetRef.kind), QByteArray("Deployment"));
    QCOMPARE(spec.minReplicas.value_or(-1), 1);
    QCOMPARE(spec.maxReplicas, 10);
    QCOMPARE(spec.metrics.size(), std::size_t(1));
    const MetricSpec &m = spec.metrics[0];
    QCOMPARE(m.type, MetricSourceType::Object);
    QVERIFY(m.object);
    QCOMPARE(q(m.object->describedObject.kind), QByteArray("Service"));
    QCOMPARE(q(m.object->describedObject.name), QByteArray("kubernetes"));
    QCOMPARE(m.object->target.type, MetricTargetType::Value);
    QCOMPARE(m.object->target.value->milliValue(), int64_t(300));
    QVERIFY(!m.object->target.averageValue);

    QCOMPARE(hpa->status.currentReplicas, 3);
    QCOMPARE(hpa->status.desiredReplicas, 4);
    QCOMPARE(hpa->status.observedGeneration.value_or(-1), int64_t(1));
    QCOMPARE(q(formatTime(*hpa->status.lastScaleTime)), QByteArray("2025-03-14T09:31:23Z"));
    QCOMPARE(hpa->status.conditions.size(), std::size_t(3));
    const auto *active = hpa->condition("ScalingActive");
    QVERIFY(active);
    QCOMPARE(q(active->reason), QByteArray("ValidMetricFound"));
    QCOMPARE(q(active->status), QByteArray("True"));
    QVERIFY(!hpa->condition("NoSuchCondition"));

    const auto pairs = pairMetrics(*hpa);
    QCOMPARE(pairs.size(), std::size_t(1));
    QVERIFY(pairs[0].status);
    QCOMPARE(q(metricDisplayName(pairs[0].spec)), QByteArray("test-metric on Service/kubernetes"));
    QCOMPARE(q(describeTarget(*targetOf(pairs[0].spec))), QByteArray("300m"));
    QCOMPARE(q(describeCurrent(*currentOf(*pairs[0].status), MetricTargetType::Value)),
             QByteArray("400m"));
}

void TestHpaDecode::multiMetricPairsByIdentity_data()
{
    QTest::addColumn<int>("specIndex");
    QTest::addColumn<int>("statusIndex"); // -1: no status entry
    QTest::addColumn<QByteArray>("display");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("current");

    QTest::newRow("Resource cpu") << 0 << 3 << QByteArray("cpu") << QByteArray("50%")
                                  << QByteArray("64%");
    QTest::newRow("Object Value") << 1 << 5 << QByteArray("requests-per-second on Ingress/main-route")
                                  << QByteArray("10k") << QByteArray("12500");
    QTest::newRow("Pods, no status") << 2 << -1 << QByteArray("packets-per-second on pods")
                                     << QByteArray("avg 1k") << QByteArray();
    QTest::newRow("ContainerResource") << 3 << 1 << QByteArray("memory (container app)")
                                       << QByteArray("avg 500Mi") << QByteArray("avg 371195904");
    QTest::newRow("External with selector")
        << 4 << 0 << QByteArray("queue_messages_ready{queue=worker_tasks} (external)")
        << QByteArray("avg 30") << QByteArray("avg 42");
    QTest::newRow("Object AverageValue, status without describedObject")
        << 5 << 2 << QByteArray("test-metric{!canary,tier in (api,web)} on Service/kubernetes")
        << QByteArray("avg 300m") << QByteArray("avg 250m");
}

void TestHpaDecode::multiMetricPairsByIdentity()
{
    QFETCH(int, specIndex);
    QFETCH(int, statusIndex);
    QFETCH(QByteArray, display);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, current);

    const auto hpa = decodeHorizontalPodAutoscaler(loadFixture("hpa_multi_metric.json"));
    QVERIFY2(hpa.ok(), hpa.ok() ? "" : hpa.error().message.c_str());
    const auto pairs = pairMetrics(*hpa);
    QCOMPARE(pairs.size(), hpa->spec.metrics.size());
    const MetricPair &p = pairs[static_cast<std::size_t>(specIndex)];
    QCOMPARE(p.specIndex, static_cast<std::size_t>(specIndex));
    QCOMPARE(q(metricDisplayName(p.spec)), display);
    QCOMPARE(q(describeTarget(*targetOf(p.spec))), target);
    if (statusIndex < 0) {
        QVERIFY(!p.status);
        QVERIFY(!p.statusIndex);
        return;
    }
    QVERIFY(p.status);
    QCOMPARE(static_cast<int>(*p.statusIndex), statusIndex);
    QCOMPARE(p.status->type, p.spec.type);
    const MetricTarget *t = targetOf(p.spec);
    QCOMPARE(q(describeCurrent(*currentOf(*p.status), t->type)), current);
}

void TestHpaDecode::failedStatusEntryMatchesNothing()
{
    const auto hpa = decodeHorizontalPodAutoscaler(loadFixture("hpa_multi_metric.json"));
    QVERIFY(hpa.ok());
    const MetricStatus &failed = hpa->status.currentMetrics[4];
    QCOMPARE(failed.type, MetricSourceType::Unknown);
    QVERIFY(failed.typeName.empty());
    QVERIFY(!currentOf(failed));
    for (const auto &p : pairMetrics(*hpa))
        QVERIFY(!p.statusIndex || *p.statusIndex != 4);
}

void TestHpaDecode::identityIncludesEverythingThatDistinguishes()
{
    const auto hpa = decodeHorizontalPodAutoscaler(loadFixture("hpa_multi_metric.json"));
    QVERIFY(hpa.ok());
    const auto &specs = hpa->spec.metrics;
    const auto &statuses = hpa->status.currentMetrics;
    QCOMPARE(identityOf(specs[1]), identityOf(statuses[5]));
    QCOMPARE(identityOf(specs[4]), identityOf(statuses[0]));
    QCOMPARE(q(identityOf(specs[4]).selector), QByteArray("queue=worker_tasks"));
    QVERIFY(identityOf(specs[5]) != identityOf(statuses[2])); // no describedObject in status
    QCOMPARE(q(identityOf(specs[1]).toString()),
             QByteArray("Object requests-per-second on Ingress/main-route (networking.k8s.io/v1)"));

    // Same metric name on another object, or another container: different identities.
    MetricSpec other = specs[1];
    other.object->describedObject.name = "other-route";
    QVERIFY(identityOf(other) != identityOf(specs[1]));
    MetricSpec sidecar = specs[3];
    sidecar.containerResource->container = "sidecar";
    QVERIFY(identityOf(sidecar) != identityOf(specs[3]));
    MetricSpec selected = specs[4];
    selected.external->metric.selector->matchLabels["queue"] = "other";
    QVERIFY(identityOf(selected) != identityOf(specs[4]));
}

void TestHpaDecode::behaviorWithTolerance()
{
    const auto hpa = decodeHorizontalPodAutoscaler(loadFixture("hpa_behavior.json"));
    QVERIFY2(hpa.ok(), hpa.ok() ? "" : hpa.error().message.c_str());
    QVERIFY(hpa->spec.behavior);
    const auto &up = hpa->spec.behavior->scaleUp;
    const auto &down = hpa->spec.behavior->scaleDown;
    QVERIFY(up && down);
    QCOMPARE(up->stabilizationWindowSeconds.value_or(-1), 0);
    QCOMPARE(*up->selectPolicy, ScalingPolicySelect::Max);
    QCOMPARE(up->policies.size(), std::size_t(2));
    QCOMPARE(up->policies[0].type, HPAScalingPolicyType::Pods);
    QCOMPARE(up->policies[0].value, 4);
    QCOMPARE(up->policies[0].periodSeconds, 15);
    QCOMPARE(up->policies[1].type, HPAScalingPolicyType::Percent);
    QCOMPARE(up->policies[1].value, 100);
    QVERIFY(up->tolerance && up->tolerance->isZero());
    QCOMPARE(down->stabilizationWindowSeconds.value_or(-1), 300);
    QCOMPARE(*down->selectPolicy, ScalingPolicySelect::Min);
    QCOMPARE(down->policies.size(), std::size_t(1));
    QCOMPARE(down->tolerance->milliValue(), int64_t(50));
    QCOMPARE(down->tolerance->asDouble(), 0.05);
    QCOMPARE(q(hpa->spec.scaleTargetRef.kind), QByteArray("StatefulSet"));
    QCOMPARE(q(describeTarget(*targetOf(hpa->spec.metrics[0]))), QByteArray("avg 500m"));
    QVERIFY(hpa->status.currentMetrics.empty()); // null in the document
    QVERIFY(hpa->status.conditions.empty());
}

void TestHpaDecode::noStatusYet()
{
    const auto hpa = decodeHorizontalPodAutoscaler(loadFixture("hpa_no_status.json"));
    QVERIFY2(hpa.ok(), hpa.ok() ? "" : hpa.error().message.c_str());
    QVERIFY(!hpa->spec.minReplicas);
    QVERIFY(!hpa->spec.behavior);
    QCOMPARE(hpa->status.currentReplicas, 0);
    QVERIFY(!hpa->status.lastScaleTime);
    QVERIFY(!hpa->status.observedGeneration);
    const auto pairs = pairMetrics(*hpa);
    QCOMPARE(pairs.size(), std::size_t(1));
    QVERIFY(!pairs[0].status);
    QCOMPARE(q(describeTarget(*targetOf(pairs[0].spec))), QByteArray("80%"));
    QCOMPARE(q(describeCurrent(MetricValueStatus{})), QByteArray("<unknown>"));
}

void TestHpaDecode::wrongTypesNameTheField_data()
{
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<QByteArray>("replacement");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("quantity") << QByteArray("/spec/metrics/1/object/target/value")
                              << QByteArray("\"abc\"")
                              << QByteArray("spec.metrics[1].object.target.value: \"abc\" is not a quantity");
    QTest::newRow("quantity as bool") << QByteArray("/spec/metrics/2/pods/target/averageValue")
                                      << QByteArray("true")
                                      << QByteArray("spec.metrics[2].pods.target.averageValue: expected a quantity string, got boolean true");
    QTest::newRow("int as string") << QByteArray("/spec/maxReplicas") << QByteArray("\"ten\"")
                                   << QByteArray("spec.maxReplicas: expected an integer, got string \"ten\"");
    QTest::newRow("int as fraction") << QByteArray("/spec/minReplicas") << QByteArray("2.5")
                                     << QByteArray("spec.minReplicas: expected an integer, got number 2.5");
    QTest::newRow("int32 overflow") << QByteArray("/spec/maxReplicas") << QByteArray("3000000000")
                                    << QByteArray("spec.maxReplicas: integer 3000000000 does not fit in int32");
    QTest::newRow("array as object") << QByteArray("/spec/metrics") << QByteArray("{}")
                                     << QByteArray("spec.metrics: expected an array, got an object");
    QTest::newRow("status utilization")
        << QByteArray("/status/currentMetrics/3/resource/current/averageUtilization")
        << QByteArray("\"64\"")
        << QByteArray("status.currentMetrics[3].resource.current.averageUtilization: expected an integer, got string \"64\"");
    QTest::newRow("label value") << QByteArray("/metadata/labels") << QByteArray("{\"a\": 1}")
                                 << QByteArray("metadata.labels.a: expected a string, got number 1");
    QTest::newRow("time") << QByteArray("/status/conditions/0/lastTransitionTime")
                          << QByteArray("\"yesterday\"")
                          << QByteArray("status.conditions[0].lastTransitionTime: \"yesterday\" is not an RFC 3339 time");
    QTest::newRow("matchLabels") << QByteArray("/spec/metrics/4/external/metric/selector/matchLabels")
                                 << QByteArray("[]")
                                 << QByteArray("spec.metrics[4].external.metric.selector.matchLabels: expected an object, got an array");
    QTest::newRow("object as string") << QByteArray("/spec/scaleTargetRef") << QByteArray("\"web\"")
                                      << QByteArray("spec.scaleTargetRef: expected an object, got string \"web\"");
    QTest::newRow("policy value") << QByteArray("/spec/behavior")
                                  << QByteArray("{\"scaleUp\": {\"policies\": [{\"type\": \"Pods\", \"value\": \"4\"}]}}")
                                  << QByteArray("spec.behavior.scaleUp.policies[0].value: expected an integer, got string \"4\"");
    QTest::newRow("tolerance") << QByteArray("/spec/behavior")
                               << QByteArray("{\"scaleDown\": {\"tolerance\": \"5%\"}}")
                               << QByteArray("spec.behavior.scaleDown.tolerance: \"5%\" is not a quantity");
}

void TestHpaDecode::wrongTypesNameTheField()
{
    QFETCH(QByteArray, pointer);
    QFETCH(QByteArray, replacement);
    QFETCH(QByteArray, message);
    json doc = loadFixture("hpa_multi_metric.json");
    doc[json::json_pointer(pointer.toStdString())] = json::parse(replacement.toStdString());
    const auto hpa = decodeHorizontalPodAutoscaler(doc);
    QVERIFY(!hpa.ok());
    QCOMPARE(hpa.error().kind, kube::Error::Kind::Decode);
    QCOMPARE(q(hpa.error().message), message);
}

void TestHpaDecode::lenientValues()
{
    json doc = loadFixture("hpa_multi_metric.json");
    doc["spec"]["metrics"][1]["object"]["target"]["value"] = 10;      // bare JSON number
    doc["status"]["lastScaleTime"] = nullptr;                          // null == absent
    doc["spec"]["metrics"][0]["type"] = "FutureSource";                // unknown enum value
    doc["spec"]["metrics"][2]["pods"]["target"]["type"] = "Percentile"; // unknown target type
    const auto hpa = decodeHorizontalPodAutoscaler(doc);
    QVERIFY2(hpa.ok(), hpa.ok() ? "" : hpa.error().message.c_str());
    QCOMPARE(hpa->spec.metrics[1].object->target.value->value(), int64_t(10));
    QVERIFY(!hpa->status.lastScaleTime);
    QCOMPARE(hpa->spec.metrics[0].type, MetricSourceType::Unknown);
    QCOMPARE(q(hpa->spec.metrics[0].typeName), QByteArray("FutureSource"));
    QCOMPARE(q(metricDisplayName(hpa->spec.metrics[0])), QByteArray("FutureSource metric"));
    QCOMPARE(q(describeTarget(hpa->spec.metrics[2].pods->target)), QByteArray("<unset>"));

    const auto notObject = decodeHorizontalPodAutoscaler(json::array());
    QVERIFY(!notObject.ok());
    QCOMPARE(q(notObject.error().message), QByteArray("expected an object, got an array"));
}

void TestHpaDecode::listOfHpas()
{
    json list = {{"apiVersion", "autoscaling/v2"},
                 {"kind", "HorizontalPodAutoscalerList"},
                 {"metadata", {{"resourceVersion", "90200"}, {"continue", "abc"}}},
                 {"items", {loadFixture("hpa_object_metric.json"), loadFixture("hpa_no_status.json")}}};
    const auto hpas = decodeList<HorizontalPodAutoscaler>(list);
    QVERIFY2(hpas.ok(), hpas.ok() ? "" : hpas.error().message.c_str());
    QCOMPARE(hpas->items.size(), std::size_t(2));
    QCOMPARE(q(hpas->resourceVersion), QByteArray("90200"));
    QCOMPARE(q(hpas->continueToken), QByteArray("abc"));
    QCOMPARE(q(hpas->kind), QByteArray("HorizontalPodAutoscalerList"));
    QCOMPARE(q(hpas->items[1].metadata.name), QByteArray("fresh"));

    list["items"][1]["spec"]["maxReplicas"] = "x";
    const auto bad = decodeList<HorizontalPodAutoscaler>(list);
    QVERIFY(!bad.ok());
    QCOMPARE(q(bad.error().message),
             QByteArray("items[1].spec.maxReplicas: expected an integer, got string \"x\""));
}

void TestHpaDecode::times_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("seconds"); // formatTime, empty when invalid
    QTest::addColumn<QByteArray>("micro");
    QTest::newRow("utc") << QByteArray("2025-03-14T09:26:53Z") << QByteArray("2025-03-14T09:26:53Z")
                         << QByteArray("2025-03-14T09:26:53.000000Z");
    QTest::newRow("micro") << QByteArray("2025-03-14T12:00:00.123456Z")
                           << QByteArray("2025-03-14T12:00:00Z")
                           << QByteArray("2025-03-14T12:00:00.123456Z");
    QTest::newRow("nano digits") << QByteArray("2025-03-14T12:00:00.123456789Z")
                                 << QByteArray("2025-03-14T12:00:00Z")
                                 << QByteArray("2025-03-14T12:00:00.123456Z");
    QTest::newRow("positive offset") << QByteArray("2025-03-14T10:30:00+01:30")
                                     << QByteArray("2025-03-14T09:00:00Z")
                                     << QByteArray("2025-03-14T09:00:00.000000Z");
    QTest::newRow("negative offset over midnight") << QByteArray("2025-12-31T23:00:00-02:00")
                                                   << QByteArray("2026-01-01T01:00:00Z")
                                                   << QByteArray("2026-01-01T01:00:00.000000Z");
    QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << QByteArray("2024-02-29T00:00:00Z")
                              << QByteArray("2024-02-29T00:00:00.000000Z");
    QTest::newRow("no zone") << QByteArray("2025-03-14T09:26:53") << QByteArray() << QByteArray();
    QTest::newRow("bad day") << QByteArray("2025-02-30T00:00:00Z") << QByteArray() << QByteArray();
    QTest::newRow("bad hour") << QByteArray("2025-03-14T24:00:00Z") << QByteArray() << QByteArray();
    QTest::newRow("empty fraction") << QByteArray("2025-03-14T09:26:53.Z") << QByteArray() << QByteArray();
    QTest::newRow("trailing text") << QByteArray("2025-03-14T09:26:53Zx") << QByteArray() << QByteArray();
    QTest::newRow("date only") << QByteArray("2025-03-14") << QByteArray() << QByteArray();
    // Found by fuzz_watch_frame: the nanosecond count of year 9999 overflowed int64 (UB).
    QTest::newRow("year 9999") << QByteArray("9999-12-31T23:59:59Z") << QByteArray() << QByteArray();
    QTest::newRow("year 0") << QByteArray("0000-01-01T00:00:00Z") << QByteArray() << QByteArray();
    QTest::newRow("last whole second") << QByteArray("2262-04-11T23:47:15Z") << QByteArray("2262-04-11T23:47:15Z")
                                       << QByteArray("2262-04-11T23:47:15.000000Z");
    QTest::newRow("past the range") << QByteArray("2262-04-11T23:47:16.5Z") << QByteArray() << QByteArray();
    QTest::newRow("first whole second") << QByteArray("1677-09-21T00:12:44Z") << QByteArray("1677-09-21T00:12:44Z")
                                        << QByteArray("1677-09-21T00:12:44.000000Z");
}

void TestHpaDecode::times()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, seconds);
    QFETCH(QByteArray, micro);
    const auto t = parseTime(input.toStdString());
    QCOMPARE(t.has_value(), !seconds.isEmpty());
    if (!t)
        return;
    QCOMPARE(q(formatTime(*t)), seconds);
    QCOMPARE(q(formatMicroTime(*t)), micro);
}

void TestHpaDecode::selectorStrings_data()
{
    QTest::addColumn<QByteArray>("selectorJson");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray("{}") << QByteArray("");
    QTest::newRow("labels sorted") << QByteArray(R"({"matchLabels": {"b": "2", "a": "1"}})")
                                   << QByteArray("a=1,b=2");
    QTest::newRow("in sorted values") << QByteArray(R"({"matchExpressions": [{"key": "env", "operator": "In", "values": ["prod", "dev"]}]})")
                                      << QByteArray("env in (dev,prod)");
    QTest::newRow("notin") << QByteArray(R"({"matchExpressions": [{"key": "env", "operator": "NotIn", "values": ["qa"]}]})")
                           << QByteArray("env notin (qa)");
    QTest::newRow("exists and not") << QByteArray(R"({"matchExpressions": [{"key": "z", "operator": "Exists"}, {"key": "canary", "operator": "DoesNotExist"}]})")
                                    << QByteArray("!canary,z");
    QTest::newRow("mixed by key") << QByteArray(R"({"matchLabels": {"tier": "web"}, "matchExpressions": [{"key": "app", "operator": "In", "values": ["x"]}]})")
                                  << QByteArray("app in (x),tier=web");
}

void TestHpaDecode::selectorStrings()
{
    QFETCH(QByteArray, selectorJson);
    QFETCH(QByteArray, expected);
    const auto sel = decodeDocument<LabelSelector>(json::parse(selectorJson.toStdString()));
    QVERIFY(sel.ok());
    QCOMPARE(q(sel->toString()), expected);
}

QTEST_GUILESS_MAIN(TestHpaDecode)
#include "test_hpa_decode.moc"
