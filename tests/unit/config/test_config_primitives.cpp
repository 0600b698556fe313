// The small pieces under kube/config: strict base64, PEM checks, RFC 3339, server URLs and the
// token file cache (driven by a fake clock, no sleeping).
#include "config_test_support.h"

#include "kube/config/base64.h"
#include "kube/config/credentials.h"
#include "kube/config/exec_credential.h"
#include "kube/config/pem.h"
#include "kube/config/server_url.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace kube::config;
using namespace testsupport;

class TestConfigPrimitives : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Pki m_pki;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(makePki(m_dir.path(), &m_pki, &error), qPrintable(error));
    }

    void base64_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("decoded");
        QTest::newRow("empty") << QByteArray("") << true << QByteArray("");
        QTest::newRow("one byte") << QByteArray("YQ==") << true << QByteArray("a");
        QTest::newRow("two bytes") << QByteArray("YWI=") << true << QByteArray("ab");
        QTest::newRow("three bytes") << QByteArray("YWJj") << true << QByteArray("abc");
        QTest::newRow("line breaks ignored") << QByteArray("YW\r\nJj\n") << true << QByteArray("abc");
        QTest::newRow("no padding") << QByteArray("YQ") << false << QByteArray();
        QTest::newRow("space") << QByteArray("YW Jj") << false << QByteArray();
        QTest::newRow("url alphabet") << QByteArray("YW-_") << false << QByteArray();
        QTest::newRow("padding inside") << QByteArray("YQ==YWJj") << false << QByteArray();
        QTest::newRow("three pads") << QByteArray("Y===") << false << QByteArray();
        QTest::newRow("pad then data") << QByteArray("YW=j") << false << QByteArray();
    }

    void base64()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, valid);
        QFETCH(QByteArray, decoded);
        Base64Error error;
        const auto out = base64Decode(input.toStdString(), &error);
        QCOMPARE(out.has_value(), valid);
        if (valid)
            QCOMPARE(QByteArray::fromStdString(*out), decoded);
        else
            QVERIFY(!error.what.empty());
    }

    void base64RoundTrip()
    {
        for (const std::string s : {"", "a", "ab", "abc", "abcd", "\x00\xff\x10 binary"}) {
            const std::string enc = base64Encode(s);
            QCOMPARE(QByteArray::fromStdString(enc), QByteArray::fromStdString(s).toBase64());
            QCOMPARE(base64Decode(enc).value(), s);
        }
    }

    void pemChecks()
    {
        QVERIFY(checkCertificatesPem(m_pki.caPem).empty());
        QVERIFY(checkCertificatesPem(m_pki.caPem + m_pki.clientCertPem).empty()); // bundle
        QCOMPARE(countCertificates(m_pki.caPem + m_pki.clientCertPem), 2);
        QVERIFY(!checkCertificatesPem("hello").empty());
        QVERIFY(!checkCertificatesPem(m_pki.clientKeyPem).empty());
        std::string broken = m_pki.caPem;
        broken[broken.size() / 2] = '!';
        QVERIFY(!checkCertificatesPem(broken).empty());
        QVERIFY(checkPrivateKeyPem(m_pki.clientKeyPem).empty());
        QVERIFY(!checkPrivateKeyPem(m_pki.caPem).empty());
        QVERIFY(!checkPrivateKeyPem("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n").empty());
        QVERIFY(checkKeyMatchesCertificate(m_pki.clientCertPem, m_pki.clientKeyPem).empty());
        QVERIFY(!checkKeyMatchesCertificate(m_pki.clientCertPem, m_pki.otherKeyPem).empty());
    }

    void rfc3339_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("epochMs");
        QTest::newRow("utc") << QStringLiteral("2024-05-01T10:00:00Z") << true << Q_INT64_C(1714557600000);
        QTest::newRow("fraction") << QStringLiteral("2024-05-01T10:00:00.250Z") << true << Q_INT64_C(1714557600250);
        QTest::newRow("offset") << QStringLiteral("2024-05-01T12:00:00+02:00") << true << Q_INT64_C(1714557600000);
        QTest::newRow("negative offset") << QStringLiteral("2024-05-01T02:00:00-08:00") << true << Q_INT64_C(1714557600000);
        QTest::newRow("no zone") << QStringLiteral("2024-05-01T10:00:00") << false << Q_INT64_C(0);
        QTest::newRow("date only") << QStringLiteral("2024-05-01") << false << Q_INT64_C(0);
        QTest::newRow("bad month") << QStringLiteral("2024-13-01T10:00:00Z") << false << Q_INT64_C(0);
        QTest::newRow("trailing") << QStringLiteral("2024-05-01T10:00:00Zjunk") << false << Q_INT64_C(0);
    }

    void rfc3339()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, epochMs);
        const auto t = parseRfc3339(text.toStdString());
        QCOMPARE(t.has_value(), valid);
        if (valid) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t->time_since_epoch());
            QCOMPARE(qint64(ms.count()), epochMs);
        }
    }

    void serverUrl_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QString>("problem");
        QTest::newRow("plain") << QStringLiteral("https://10.0.0.1:6443") << false << QStringLiteral("https://10.0.0.1:6443") << QString();
        QTest::newRow("trailing slash") << QStringLiteral("https://h/") << false << QStringLiteral("https://h") << QString();
        QTest::newRow("path prefix") << QStringLiteral("https://rancher/k8s/clusters/c-1/") << false << QStringLiteral("https://rancher/k8s/clusters/c-1") << QString();
        QTest::newRow("upper scheme") << QStringLiteral("HTTPS://h:443") << false << QStringLiteral("https://h:443") << QString();
        QTest::newRow("ipv6") << QStringLiteral("https://[::1]:6443") << false << QStringLiteral("https://[::1]:6443") << QString();
        QTest::newRow("no scheme, tls") << QStringLiteral("h:6443") << true << QStringLiteral("https://h:6443") << QString();
        QTest::newRow("no scheme, plain") << QStringLiteral("h:8080") << false << QStringLiteral("http://h:8080") << QString();
        QTest::newRow("ftp") << QStringLiteral("ftp://h") << false << QString() << QStringLiteral("unsupported scheme");
        QTest::newRow("no host") << QStringLiteral("https://") << false << QString() << QStringLiteral("no host");
        QTest::newRow("bad port") << QStringLiteral("https://h:http") << false << QString() << QStringLiteral("invalid port");
        QTest::newRow("empty port") << QStringLiteral("https://h:") << false << QString() << QStringLiteral("invalid port");
        QTest::newRow("space") << QStringLiteral("https://h :1") << false << QString() << QStringLiteral("white space");
        QTest::newRow("userinfo") << QStringLiteral("https://u:p@h") << false << QString() << QStringLiteral("user name or password");
        QTest::newRow("query") << QStringLiteral("https://h/?a=b") << false << QString() << QStringLiteral("query");
    }

    void serverUrl()
    {
        QFETCH(QString, server);
        QFETCH(bool, tls);
        QFETCH(QString, normalized);
        QFETCH(QString, problem);
        const UrlCheck check = checkServerUrl(server.toStdString(), tls);
        QCOMPARE(QString::fromStdString(check.normalized), normalized);
        if (problem.isEmpty())
            QVERIFY(check.problem.empty());
        else
            QVERIFY2(QString::fromStdString(check.problem).contains(problem), check.problem.c_str());
    }

    void proxyAndRedaction()
    {
        QVERIFY(checkProxyUrl("socks5://127.0.0.1:1080").problem.empty());
        QVERIFY(checkProxyUrl("http://proxy:3128").problem.empty());
        QVERIFY(!checkProxyUrl("gopher://proxy").problem.empty());
        QCOMPARE(redactUrl("http://user:pw@proxy:3128/x"), std::string("http://***@proxy:3128/x"));
        QCOMPARE(redactUrl("https://h/a@b"), std::string("https://h/a@b"));
    }

    void tokenFileIsCachedAndReRead()
    {
        const QString file = m_dir.path() + QStringLiteral("/token");
        QVERIFY(writeFile(file, "first\n"));
        auto now = std::chrono::system_clock::time_point{} + std::chrono::hours(1000);
        TokenFileCredentialProvider provider(toStd(file), {}, "users[x].tokenFile", [&] { return now; });
        QCOMPARE(provider.credentials(false)->bearerToken, std::string("first"));

        QVERIFY(writeFile(file, "second"));
        now += std::chrono::seconds(49); // within period - leeway: cached
        QCOMPARE(provider.credentials(false)->bearerToken, std::string("first"));
        now += std::chrono::seconds(2); // 51 s: re-read
        QCOMPARE(provider.credentials(false)->bearerToken, std::string("second"));

        QVERIFY(writeFile(file, "third"));
        QCOMPARE(provider.credentials(true)->bearerToken, std::string("third")); // after a 401

        QVERIFY(QFile::remove(file)); // unreadable later: keep the last good token
        now += std::chrono::minutes(5);
        QCOMPARE(provider.credentials(false)->bearerToken, std::string("third"));
    }

    void tokenFileErrors()
    {
        TokenFileCredentialProvider missing("/nonexistent/token", {}, "users[x].tokenFile");
        const auto r = missing.credentials(false);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, kube::Error::Kind::Auth);
        QVERIFY(QString::fromStdString(r.error().message).contains(QStringLiteral("users[x].tokenFile /nonexistent/token")));

        Credentials fallback;
        fallback.bearerToken = "static";
        TokenFileCredentialProvider withFallback("/nonexistent/token", fallback, "users[x].tokenFile");
        QCOMPARE(withFallback.credentials(false)->bearerToken, std::string("static"));

        const QString empty = m_dir.path() + QStringLiteral("/empty-token");
        QVERIFY(writeFile(empty, " \n"));
        std::string problem;
        QVERIFY(readTokenFile(toStd(empty), &problem).empty());
        QVERIFY(QString::fromStdString(problem).contains(QStringLiteral("empty")));
    }
};

QTEST_GUILESS_MAIN(TestConfigPrimitives)
#include "test_config_primitives.moc"
