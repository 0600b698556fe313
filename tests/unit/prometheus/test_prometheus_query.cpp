// kube/prometheus queries: the step for a range (Prometheus' 11,000 points per series), PromQL
// string literals, sample values (NaN, +Inf, -Inf), matrix and vector answers, hostile shapes
// (never a throw, always an Error naming what is wrong), and Prometheus' error answers in words.
#include "kube/prometheus/query.h"
#include "kube/prometheus/reasons.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace kube;
using namespace kube::prometheus;

namespace {

const std::string kWhere = "service monitoring/prometheus-k8s port web";

Result<QueryAnswer> decode(const std::string &body, const char *type = "matrix")
{
    return decodeAnswer(body, type, kWhere);
}

} // namespace

class TestPrometheusQuery : public QObject {
    Q_OBJECT

private slots:
    void stepKeepsUnderTheLimit_data()
    {
        QTest::addColumn<qint64>("range");
        QTest::addColumn<qint64>("minStep");
        QTest::addColumn<qint64>("step");
        QTest::newRow("1 h") << qint64(3600) << qint64(1) << qint64(1);
        QTest::newRow("1 h, min 15 s") << qint64(3600) << qint64(15) << qint64(15);
        QTest::newRow("24 h") << qint64(86400) << qint64(1) << qint64(8);
        QTest::newRow("7 d") << qint64(7 * 86400) << qint64(1) << qint64(55);
        QTest::newRow("30 d") << qint64(30 * 86400) << qint64(1) << qint64(236);
        QTest::newRow("11,000 x 60") << qint64(11000 * 60) << qint64(1) << qint64(60);
        QTest::newRow("11,000 x 60 + 1") << qint64(11000 * 60 + 1) << qint64(1) << qint64(61);
        QTest::newRow("11,000") << qint64(11000) << qint64(0) << qint64(1);
        QTest::newRow("11,001") << qint64(11001) << qint64(0) << qint64(2);
        QTest::newRow("empty range") << qint64(0) << qint64(0) << qint64(1);
        QTest::newRow("negative min") << qint64(100) << qint64(-5) << qint64(1);
        QTest::newRow("huge") << qint64(INT64_MAX) << qint64(1) << qint64(INT64_MAX / 11000 + 1);
    }
    void stepKeepsUnderTheLimit()
    {
        QFETCH(qint64, range);
        QFETCH(qint64, minStep);
        QFETCH(qint64, step);
        const std::int64_t s = stepFor(range, minStep);
        QCOMPARE(qint64(s), step);
        QVERIFY(range / s <= kMaxPointsPerSeries); // what Prometheus checks
    }

    void promqlStringsAreEscaped()
    {
        QCOMPARE(promqlString("web-1"), std::string("\"web-1\""));
        QCOMPARE(promqlString("a\"b\\c"), std::string("\"a\\\"b\\\\c\""));
        QCOMPARE(promqlString(std::string("x\ny\x01", 4)), std::string("\"x\\ny\\x01\""));
    }

    void sampleValues()
    {
        double v = 0;
        QVERIFY(parseSampleValue("1.5", v) && v == 1.5);
        QVERIFY(parseSampleValue("-0.25", v) && v == -0.25);
        QVERIFY(parseSampleValue("1e+21", v) && v == 1e21);
        QVERIFY(parseSampleValue("NaN", v) && std::isnan(v));
        QVERIFY(parseSampleValue("+Inf", v) && std::isinf(v) && v > 0);
        QVERIFY(parseSampleValue("-Inf", v) && std::isinf(v) && v < 0);
        for (const char *bad : {"", "abc", "1.5x", " 1", "1 ", "--1", "+", "nan", "0x10", "1e999"})
            QVERIFY2(!parseSampleValue(bad, v), bad);
    }

    void matrixAnswer()
    {
        auto r = decode(R"({"status":"success","warnings":["w1"],"data":{"resultType":"matrix","result":[
            {"metric":{"__name__":"kube_horizontalpodautoscaler_status_current_replicas","namespace":"default"},
             "values":[[1435781430.781,"1"],[1435781445.781,"NaN"],[1435781460,"+Inf"]]},
            {"metric":{},"values":[]}]}})");
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->resultType, std::string("matrix"));
        QCOMPARE(r->series.size(), std::size_t(2));
        const Series &s = r->series[0];
        QCOMPARE(s.labels.at("namespace"), std::string("default"));
        QCOMPARE(s.points.size(), std::size_t(3));
        QCOMPARE(s.points[0].t, 1435781430.781);
        QCOMPARE(s.points[0].v, 1.0);
        QVERIFY(std::isnan(s.points[1].v));
        QVERIFY(std::isinf(s.points[2].v));
        QVERIFY(r->series[1].points.empty());
        QCOMPARE(r->warnings, std::vector<std::string>{"w1"});
    }

    void vectorAnswer()
    {
        auto r = decode(R"({"status":"success","data":{"resultType":"vector","result":[
            {"metric":{"__name__":"x"},"value":[1700000000,"-Inf"]}]}})", "vector");
        QVERIFY(r.ok());
        QCOMPARE(r->series.size(), std::size_t(1));
        QCOMPARE(r->series[0].points.size(), std::size_t(1));
        QVERIFY(std::isinf(r->series[0].points[0].v) && r->series[0].points[0].v < 0);
    }

    void hostileShapes_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("detailPart");
        QTest::newRow("html") << "<html><body>Sign in</body></html>" << "answer starts: <html><body>Sign in";
        QTest::newRow("empty") << "" << "empty answer";
        QTest::newRow("array") << "[1,2]" << "answer starts";
        QTest::newRow("no status") << R"({"data":{}})" << "status";
        QTest::newRow("status number") << R"({"status":1})" << "status";
        QTest::newRow("data string") << R"({"status":"success","data":"x"})" << "data is not an object";
        QTest::newRow("wrong type") << R"({"status":"success","data":{"resultType":"vector","result":[]}})"
                                    << "data.resultType is \"vector\", not \"matrix\"";
        QTest::newRow("type number") << R"({"status":"success","data":{"resultType":5,"result":[]}})" << "resultType";
        QTest::newRow("result object") << R"({"status":"success","data":{"resultType":"matrix","result":{}}})"
                                       << "data.result is not an array";
        QTest::newRow("item number") << R"({"status":"success","data":{"resultType":"matrix","result":[7]}})"
                                     << "data.result[0] is not an object";
        QTest::newRow("metric array") << R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":[],"values":[]}]}})"
                                      << "data.result[0].metric is not an object";
        QTest::newRow("label number") << R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":1},"values":[]}]}})"
                                      << "data.result[0].metric.a is not a string";
        QTest::newRow("no values") << R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{}}]}})"
                                   << "data.result[0].values is missing";
        QTest::newRow("values object") << R"({"status":"success","data":{"resultType":"matrix","result":[{"values":{}}]}})"
                                       << "values is not an array";
        QTest::newRow("point short") << R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[[1]]}]}})"
                                     << "data.result[0].values[0] is not [time, \"number\"]";
        QTest::newRow("time string") << R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[["1","2"]]}]}})"
                                     << "values[0]";
        QTest::newRow("value number") << R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[[1,2]]}]}})"
                                      << "values[0]";
        QTest::newRow("value words") << R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[[1,"2"],[2,"lots"]]}]}})"
                                     << "values[1]";
        QTest::newRow("vector value missing") << R"({"status":"success","data":{"resultType":"matrix","result":[{"value":[1,"2"]}]}})"
                                              << "values is missing";
    }
    void hostileShapes()
    {
        QFETCH(QString, body);
        QFETCH(QString, detailPart);
        auto r = decode(body.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Decode);
        QCOMPARE(r.error().reason, std::string(kReasonPrometheusNotPrometheus));
        QVERIFY2(QString::fromStdString(r.error().message).contains(QString::fromStdString(kWhere)), r.error().message.c_str());
        QVERIFY2(QString::fromStdString(r.error().detail).contains(detailPart), r.error().detail.c_str());
    }

    void hugeAnswersDecode()
    {
        // 11,000 points of each of 20 series: the most one history query can bring.
        std::string body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
        for (int s = 0; s < 20; ++s) {
            body += std::string(s ? "," : "") + "{\"metric\":{\"i\":\"" + std::to_string(s) + "\"},\"values\":[";
            for (int i = 0; i < 11000; ++i)
                body += (i ? ",[" : "[") + std::to_string(1700000000 + i * 55) + ",\"" + std::to_string(i % 7) + "\"]";
            body += "]}";
        }
        body += "]}}";
        auto r = decode(body);
        QVERIFY(r.ok());
        QCOMPARE(r->series.size(), std::size_t(20));
        QCOMPARE(r->series[19].points.size(), std::size_t(11000));
        // Cut anywhere, it is an error, never a throw.
        for (std::size_t cut : {std::size_t(1), body.size() / 3, body.size() - 1})
            QVERIFY(!decode(body.substr(0, cut)).ok());
    }

    void errorAnswersInWords_data()
    {
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("points limit") << "bad_data"
                                      << "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"
                                      << QString::fromLatin1(kReasonPrometheusQueryRefused.data())
                                      << "the range holds too many points for Prometheus (at most 11,000 per series)";
        QTest::newRow("parse error") << "bad_data" << "1:5: parse error: unexpected character"
                                     << QString::fromLatin1(kReasonPrometheusQueryRefused.data()) << "refused the query";
        QTest::newRow("timeout") << "timeout" << "query timed out in expression evaluation"
                                 << QString::fromLatin1(kReasonPrometheusQueryFailed.data()) << "in time";
        QTest::newRow("execution") << "execution" << "many-to-many matching not allowed"
                                   << QString::fromLatin1(kReasonPrometheusQueryFailed.data()) << "(execution)";
        QTest::newRow("unavailable") << "unavailable" << "TSDB not ready"
                                     << QString::fromLatin1(kReasonPrometheusQueryFailed.data()) << "not ready";
    }
    void errorAnswersInWords()
    {
        QFETCH(QString, errorType);
        QFETCH(QString, error);
        QFETCH(QString, reason);
        QFETCH(QString, messagePart);
        const Error e = queryError(errorType.toStdString(), error.toStdString(), 400);
        QCOMPARE(e.kind, Error::Kind::Http);
        QCOMPARE(e.httpStatus, 400);
        QCOMPARE(QString::fromStdString(e.reason), reason);
        QVERIFY2(QString::fromStdString(e.message).contains(messagePart), e.message.c_str());
        QCOMPARE(QString::fromStdString(e.detail), error);
        // The same inside a 200 answer.
        const nlohmann::json body{{"status", "error"}, {"errorType", errorType.toStdString()}, {"error", error.toStdString()}};
        auto r = decode(body.dump());
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().reason), reason);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusQuery)
#include "test_prometheus_query.moc"
