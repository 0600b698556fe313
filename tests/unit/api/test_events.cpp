// core/v1 and events.k8s.io/v1 Events decoded into one shape.
#include "kube/api/event.h"
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
QByteArray t(const std::optional<Time> &time)
{
    return time ? q(formatMicroTime(*time)) : QByteArray("<none>");
}
} // namespace

class TestEvents : public QObject {
    Q_OBJECT

private slots:
    void sameEventThroughBothApis_data();
    void sameEventThroughBothApis();
    void seriesCountsAndTimes();
    void coreListWithNewStyleEvent();
    void eventsV1List();
    void wrongTypes_data();
    void wrongTypes();
};

void TestEvents::sameEventThroughBothApis_data()
{
    QTest::addColumn<QByteArray>("fixture");
    QTest::addColumn<int>("decoder"); // 0: auto, 1: core/v1, 2: events.k8s.io/v1
    QTest::addColumn<EventApi>("api");
    QTest::newRow("core/v1 explicit") << QByteArray("event_core_v1.json") << 1 << EventApi::CoreV1;
    QTest::newRow("core/v1 auto") << QByteArray("event_core_v1.json") << 0 << EventApi::CoreV1;
    QTest::newRow("events.k8s.io/v1 explicit") << QByteArray("event_events_v1.json") << 2
                                               << EventApi::EventsV1;
    QTest::newRow("events.k8s.io/v1 auto") << QByteArray("event_events_v1.json") << 0
                                           << EventApi::EventsV1;
}

void TestEvents::sameEventThroughBothApis()
{
    QFETCH(QByteArray, fixture);
    QFETCH(int, decoder);
    QFETCH(EventApi, api);
    const json j = loadFixture(fixture.constData());
    const auto e = decoder == 1 ? decodeCoreV1Event(j)
        : decoder == 2          ? decodeEventsV1Event(j)
                                : decodeEvent(j);
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().message.c_str());
    QCOMPARE(e->api, api);
    QCOMPARE(q(e->namespace_), QByteArray("default"));
    QCOMPARE(q(e->name), QByteArray("sample-app.182c5a9e0f1d2b3c"));
    QCOMPARE(q(e->resourceVersion), QByteArray("48214"));
    QCOMPARE(q(e->regarding.kind), QByteArray("HorizontalPodAutoscaler"));
    QCOMPARE(q(e->regarding.name), QByteArray("sample-app"));
    QCOMPARE(q(e->regarding.namespace_), QByteArray("default"));
    QCOMPARE(q(e->regarding.uid), QByteArray("5f1c2b7e-8d3a-4c1e-9a7b-0e6f2d4c8b11"));
    QCOMPARE(q(e->reason), QByteArray("SuccessfulRescale"));
    QCOMPARE(q(e->message), QByteArray("New size: 4; reason: Service metric test-metric above target"));
    QCOMPARE(q(e->type), QByteArray("Normal"));
    QCOMPARE(e->count, 3);
    QCOMPARE(t(e->firstTimestamp), QByteArray("2025-03-14T09:31:23.000000Z"));
    QCOMPARE(t(e->lastTimestamp), QByteArray("2025-03-14T09:45:02.000000Z"));
    QCOMPARE(q(e->reportingController), QByteArray("horizontal-pod-autoscaler"));
}

void TestEvents::seriesCountsAndTimes()
{
    const auto e = decodeEvent(loadFixture("event_events_v1_series.json"));
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().message.c_str());
    QCOMPARE(e->api, EventApi::EventsV1);
    QCOMPARE(e->count, 12);
    QCOMPARE(t(e->firstTimestamp), QByteArray("2025-03-14T12:00:00.123456Z"));
    QCOMPARE(t(e->lastTimestamp), QByteArray("2025-03-14T12:05:30.500000Z"));
    QCOMPARE(q(e->reportingController), QByteArray("example.com/hpa-shadow"));
    QCOMPARE(q(e->reportingInstance), QByteArray("hpa-shadow-7d9f"));
    QCOMPARE(q(e->type), QByteArray("Warning"));
    QCOMPARE(q(e->message),
             QByteArray("the HPA was unable to compute the replica count: unable to get metric test-metric"));
}

void TestEvents::coreListWithNewStyleEvent()
{
    const auto list = decodeEventList(loadFixture("event_list_core_v1.json"));
    QVERIFY2(list.ok(), list.ok() ? "" : list.error().message.c_str());
    QCOMPARE(q(list->resourceVersion), QByteArray("50000"));
    QCOMPARE(q(list->continueToken), QByteArray("eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ"));
    QCOMPARE(list->items.size(), std::size_t(2));
    const Event &classic = list->items[0];
    QCOMPARE(classic.api, EventApi::CoreV1);
    QCOMPARE(classic.count, 1);
    QCOMPARE(q(classic.reportingController), QByteArray("horizontal-pod-autoscaler"));
    // Written through events.k8s.io: count 0 and null timestamps in core/v1.
    const Event &modern = list->items[1];
    QCOMPARE(modern.count, 4);
    QCOMPARE(t(modern.firstTimestamp), QByteArray("2025-03-14T09:55:00.000001Z"));
    QCOMPARE(t(modern.lastTimestamp), QByteArray("2025-03-14T09:58:00.000000Z"));
    QCOMPARE(q(modern.reportingController), QByteArray("horizontal-pod-autoscaler"));
}

void TestEvents::eventsV1List()
{
    const auto list = decodeEventList(loadFixture("event_list_events_v1.json"));
    QVERIFY2(list.ok(), list.ok() ? "" : list.error().message.c_str());
    QCOMPARE(list->items.size(), std::size_t(1));
    const Event &e = list->items[0];
    QCOMPARE(e.api, EventApi::EventsV1);
    QCOMPARE(q(e.message), QByteArray("New size: 2; reason: All metrics below target"));
    QCOMPARE(e.count, 1);
    QCOMPARE(t(e.lastTimestamp), QByteArray("2025-03-14T09:50:00.000000Z"));
    QCOMPARE(q(e.reportingController), QByteArray("horizontal-pod-autoscaler"));
}

void TestEvents::wrongTypes_data()
{
    QTest::addColumn<QByteArray>("fixture");
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<QByteArray>("replacement");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("core count") << QByteArray("event_core_v1.json") << QByteArray("/count")
                                << QByteArray("\"3\"")
                                << QByteArray("count: expected an integer, got string \"3\"");
    QTest::newRow("core involvedObject") << QByteArray("event_core_v1.json")
                                         << QByteArray("/involvedObject") << QByteArray("[]")
                                         << QByteArray("involvedObject: expected an object, got an array");
    QTest::newRow("v1 series count") << QByteArray("event_events_v1_series.json")
                                     << QByteArray("/series/count") << QByteArray("true")
                                     << QByteArray("series.count: expected an integer, got boolean true");
    QTest::newRow("v1 eventTime") << QByteArray("event_events_v1_series.json")
                                  << QByteArray("/eventTime") << QByteArray("\"noon\"")
                                  << QByteArray("eventTime: \"noon\" is not an RFC 3339 time");
    QTest::newRow("v1 regarding name") << QByteArray("event_events_v1.json")
                                       << QByteArray("/regarding/name") << QByteArray("7")
                                       << QByteArray("regarding.name: expected a string, got number 7");
}

void TestEvents::wrongTypes()
{
    QFETCH(QByteArray, fixture);
    QFETCH(QByteArray, pointer);
    QFETCH(QByteArray, replacement);
    QFETCH(QByteArray, message);
    json j = loadFixture(fixture.constData());
    j[json::json_pointer(pointer.toStdString())] = json::parse(replacement.toStdString());
    const auto e = decodeEvent(j);
    QVERIFY(!e.ok());
    QCOMPARE(e.error().kind, kube::Error::Kind::Decode);
    QCOMPARE(q(e.error().message), message);
}

QTEST_GUILESS_MAIN(TestEvents)
#include "test_events.moc"
