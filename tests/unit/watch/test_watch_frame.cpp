// parseWatchFrame: frames decode to type + object, and object.metadata.managedFields (only that
// one) is cut before parsing, whatever the strings around it contain and however it is laid out.
#include "kube/watch/watch_frame.h"

#include <QTest>

#include <random>

using namespace kube::watch;
using nlohmann::json;

namespace {

json managedFields()
{
    return json::array({{{"manager", "kube-controller-manager"}, {"operation", "Update"},
                         {"fieldsType", "FieldsV1"},
                         {"fieldsV1", {{"f:status", {{"f:conditions", {{".", json::object()}, {"k:{\"type\":\"AbleToScale\"}", json::object()}}}}}}},
                         {"subresource", "status"}}});
}

// QCOMPARE cannot print a json (Qt's toString templates trip over its conversions).
#define COMPARE_JSON(actual, expected) \
    QVERIFY2((actual) == (expected), qPrintable(QString::fromStdString((actual).dump() + "\n   expected " + (expected).dump())))

std::string line(const json &frame, int indent = -1) { return frame.dump(indent); }

json frameOf(json object, const std::string &type = "MODIFIED") { return {{"type", type}, {"object", std::move(object)}}; }

// Strings that would fool a scanner that does not respect JSON strings.
const char *const kTricky[] = {"\"managedFields\":[", "]}", "{[", "\\", "\\\"", "a\"b", ",", "\\\\\"managedFields\\\":[1]"};

} // namespace

class TestWatchFrame : public QObject {
    Q_OBJECT

private slots:
    void decodesTypeAndObject()
    {
        const auto f = parseWatchFrame(R"({"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a"}}})");
        QVERIFY(f);
        QCOMPARE(f->type, std::string("ADDED"));
        COMPARE_JSON(f->object, (json{{"kind", "Pod"}, {"metadata", {{"name", "a"}}}}));
    }

    void rejectsWhatIsNotAFrame_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("not json") << "{\"type\":";
        QTest::newRow("array") << "[1]";
        QTest::newRow("no type") << R"({"object":{}})";
        QTest::newRow("type not a string") << R"({"type":1,"object":{}})";
        QTest::newRow("object not an object") << R"({"type":"ADDED","object":[]})";
        QTest::newRow("cut short inside managedFields") // (no raw string: moc trips over its unbalanced brackets)
            << "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"managedFields\":[{\"a\":\"]\"}";
        QTest::newRow("cut short after the key") << "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"managedFields\":";
    }
    void rejectsWhatIsNotAFrame()
    {
        QFETCH(QString, text);
        QVERIFY(!parseWatchFrame(text.toStdString()));
    }

    // managedFields first, in the middle, last and alone in metadata; compact and indented.
    void cutsManagedFieldsFromMetadata_data()
    {
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("indent");
        for (int indent : {-1, 2})
            for (int position : {0, 1, 2, 3})
                QTest::addRow("position %d indent %d", position, indent) << position << indent;
    }
    void cutsManagedFieldsFromMetadata()
    {
        QFETCH(int, position);
        QFETCH(int, indent);
        // nlohmann's dump sorts keys, so these members put managedFields at the row's position.
        const std::vector<std::vector<std::string>> members = {
            {"name", "namespace"}, {"labels", "name"}, {"annotations", "labels"}, {}};
        json meta = json::object();
        for (const auto &m : members[std::size_t(position)])
            meta[m] = m == "name" || m == "namespace" ? json("web") : json{{"k", "v"}};
        json object = {{"kind", "HorizontalPodAutoscaler"}, {"metadata", meta}, {"spec", {{"maxReplicas", 3}}}};
        json withFields = object;
        withFields["metadata"]["managedFields"] = managedFields();
        const auto f = parseWatchFrame(line(frameOf(withFields), indent));
        QVERIFY(f);
        COMPARE_JSON(f->object, object);
    }

    void keepsManagedFieldsElsewhere()
    {
        // Not directly in object.metadata: a custom resource may well have such a field.
        const json object = {{"managedFields", managedFields()},
                             {"metadata", {{"name", "a"}, {"labels", {{"managedFields", "x"}}}}},
                             {"spec", {{"managedFields", managedFields()}}}};
        const auto f = parseWatchFrame(line(frameOf(object)));
        QVERIFY(f);
        COMPARE_JSON(f->object, object);
    }

    void bookmarkAndErrorFramesDecode()
    {
        const auto bookmark = parseWatchFrame(R"({"type":"BOOKMARK","object":{"kind":"HorizontalPodAutoscaler","metadata":{"resourceVersion":"12","annotations":{"k8s.io/initial-events-end":"true"}}}})");
        QVERIFY(bookmark);
        COMPARE_JSON(bookmark->object["metadata"]["resourceVersion"], json("12"));
        const auto error = parseWatchFrame(R"({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","code":410}})");
        QVERIFY(error);
        COMPARE_JSON(error->object["code"], json(410));
    }

    // A Status code of the wrong type threw nlohmann::type_error out of the reflector's
    // network-thread callback (value("code", 0)), which ended the process.
    void statusCodeOfAnyShape_data()
    {
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("410") << QByteArray(R"({"code":410})") << 410;
        QTest::newRow("negative") << QByteArray(R"({"code":-1})") << -1;
        QTest::newRow("absent") << QByteArray(R"({"status":"Failure"})") << 0;
        QTest::newRow("null") << QByteArray(R"({"code":null})") << 0;
        QTest::newRow("string") << QByteArray(R"({"code":"410"})") << 0;
        QTest::newRow("float") << QByteArray(R"({"code":410.0})") << 0;
        QTest::newRow("object") << QByteArray(R"({"code":{"value":410}})") << 0;
        QTest::newRow("beyond int32") << QByteArray(R"({"code":4294967706})") << 0;
        QTest::newRow("beyond int64") << QByteArray(R"({"code":18446744073709551615})") << 0;
        QTest::newRow("below int32") << QByteArray(R"({"code":-2147483649})") << 0;
    }

    void statusCodeOfAnyShape()
    {
        QFETCH(QByteArray, status);
        QFETCH(int, code);
        QCOMPARE(statusCode(json::parse(status.toStdString())), code);
    }

    // Random metadata whose strings hold quotes, backslashes, brackets and the key itself: the cut
    // must remove exactly metadata.managedFields, never a byte more or less.
    void randomFramesLoseOnlyManagedFields()
    {
        std::mt19937 rng(14);
        auto pick = [&](int n) { return int(rng() % unsigned(n)); };
        std::function<json(int)> value = [&](int depth) -> json {
            switch (depth > 2 ? pick(3) : pick(5)) {
            case 0: return kTricky[pick(std::size(kTricky))];
            case 1: return pick(1000) - 500;
            case 2: return pick(2) == 0 ? json(nullptr) : json(true);
            case 3: {
                json a = json::array();
                for (int i = pick(3); i > 0; --i)
                    a.push_back(value(depth + 1));
                return a;
            }
            default: {
                json o = json::object();
                for (int i = pick(3); i > 0; --i)
                    o[kTricky[pick(std::size(kTricky))]] = value(depth + 1);
                return o;
            }
            }
        };
        for (int round = 0; round < 500; ++round) {
            json meta = json::object();
            for (int i = pick(4); i > 0; --i)
                meta[std::string(kTricky[pick(std::size(kTricky))]) + std::to_string(i)] = value(0);
            json object = {{"apiVersion", kTricky[pick(std::size(kTricky))]}, {"metadata", meta}, {"status", value(0)}};
            json withFields = object;
            withFields["metadata"]["managedFields"] = json::array({value(0), managedFields()});
            const auto f = parseWatchFrame(line(frameOf(withFields), pick(2) == 0 ? -1 : 1));
            QVERIFY(f);
            COMPARE_JSON(f->object, object);
        }
    }
};

QTEST_GUILESS_MAIN(TestWatchFrame)
#include "test_watch_frame.moc"
