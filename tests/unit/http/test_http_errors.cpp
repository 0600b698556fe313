// errorFromResponse: realistic metav1.Status bodies (and non-Status bodies) to user-facing errors.
#include "kube/http/errors.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace kube;

class TestHttpErrors : public QObject {
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("retryAfterHeader");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("detailPart");
        QTest::addColumn<int>("retryAfter");
        // Status bodies as kube-apiserver, the aggregator and an nginx proxy send them.
        QFile f(QStringLiteral(HPASCOPE_TEST_DATA_DIR "/status_cases.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto cases = nlohmann::json::parse(f.readAll().toStdString());
        QVERIFY(cases.size() >= 10);
        auto s = [](const nlohmann::json &j, const char *k) { return QString::fromStdString(j.at(k).get<std::string>()); };
        for (const auto &c : cases)
            QTest::newRow(c.at("name").get<std::string>().c_str())
                << c.at("status").get<int>() << s(c, "method") << s(c, "body") << s(c, "retryAfterHeader")
                << s(c, "reason") << s(c, "message") << s(c, "detailPart") << c.at("retryAfter").get<int>();
    }

    void decode()
    {
        QFETCH(int, status);
        QFETCH(QString, method);
        QFETCH(QString, body);
        QFETCH(QString, retryAfterHeader);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        QFETCH(QString, detailPart);
        QFETCH(int, retryAfter);
        std::map<std::string, std::string> headers{{"content-type", "application/json"}};
        if (!retryAfterHeader.isEmpty())
            headers["retry-after"] = retryAfterHeader.toStdString();
        Error e = http::errorFromResponse(status, headers, body.toStdString(), method.toStdString(),
                                          "/apis/autoscaling/v2/horizontalpodautoscalers?limit=500");
        QCOMPARE(e.kind, Error::Kind::Http);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(QString::fromStdString(e.reason), reason);
        QCOMPARE(QString::fromStdString(e.message), message);
        QVERIFY2(QString::fromStdString(e.detail).contains(detailPart), e.detail.c_str());
        QVERIFY2(e.detail.find("limit=500") == std::string::npos, "query strings stay out of messages");
        QCOMPARE(e.retryAfterSeconds, retryAfter);
    }

    void longBodiesAreShortened()
    {
        std::string body(100000, 'x');
        Error e = http::errorFromResponse(500, {}, body, "GET", "/api");
        QVERIFY(e.detail.size() < 400);
    }

    void parseForbidden()
    {
        http::ForbiddenInfo f;
        QVERIFY(http::parseForbiddenMessage(
            "User \"u\" cannot get resource \"horizontalpodautoscalers\" in API group \"autoscaling\" in the "
            "namespace \"n\"",
            f));
        QCOMPARE(f.user, std::string("u"));
        QCOMPARE(f.verb, std::string("get"));
        QCOMPARE(f.namespaceName, std::string("n"));
        QVERIFY(!f.clusterScope);
        QVERIFY(!http::parseForbiddenMessage("something else entirely", f));
    }
};

QTEST_GUILESS_MAIN(TestHttpErrors)
#include "test_http_errors.moc"
