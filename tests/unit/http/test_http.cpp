// kube/http against a scripted local HTTPS server: TLS, credentials, cancellation, streaming.
#include "kube/http/client.h"
#include "scripted_server.h"
#include "test_credentials.h"
#include "waiter.h"

#include <QTemporaryDir>
#include <QTest>

#include <QElapsedTimer>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>

using namespace kube;
using namespace hpascope::test;
using nlohmann::json;

Q_DECLARE_METATYPE(kube::Error::Kind)

namespace {

json okList(int n)
{
    json items = json::array();
    for (int i = 0; i < n; ++i)
        items.push_back({{"metadata", {{"name", "hpa-" + std::to_string(i)}, {"namespace", "default"}}}});
    return {{"kind", "HorizontalPodAutoscalerList"}, {"apiVersion", "autoscaling/v2"},
            {"metadata", {{"resourceVersion", "100"}}}, {"items", items}};
}

json forbiddenStatus()
{
    return {{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", json::object()}, {"status", "Failure"},
            {"message", "horizontalpodautoscalers.autoscaling is forbidden: User \"alice\" cannot list resource "
                        "\"horizontalpodautoscalers\" in API group \"autoscaling\" at the cluster scope"},
            {"reason", "Forbidden"},
            {"details", {{"group", "autoscaling"}, {"kind", "horizontalpodautoscalers"}}},
            {"code", 403}};
}

} // namespace

class TestHttp : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_mtls;  // requires a client certificate
    ScriptedServer m_token; // no client certificate, bearer token "new-token"

    config::RestConfig mtlsConfig(std::shared_ptr<TestCredentialProvider> *providerOut = nullptr)
    {
        config::Credentials c;
        c.clientCertPem = m_certs.clientCertPem;
        c.clientKeyPem = m_certs.clientKeyPem;
        auto provider = std::make_shared<TestCredentialProvider>(c);
        if (providerOut)
            *providerOut = provider;
        config::RestConfig cfg;
        cfg.contextName = "test";
        cfg.server = m_mtls.url();
        cfg.caPem = m_certs.caPem;
        cfg.credentials = provider;
        return cfg;
    }
    config::RestConfig tokenConfig(std::shared_ptr<TestCredentialProvider> provider)
    {
        config::RestConfig cfg;
        cfg.server = m_token.url();
        cfg.caPem = m_certs.caPem;
        cfg.credentials = std::move(provider);
        return cfg;
    }
    static std::shared_ptr<http::Client> makeClient(const config::RestConfig &cfg)
    {
        auto c = http::Client::create(cfg);
        if (!c.ok())
            qFatal("Client::create failed: %s", c.error().toString().c_str());
        return c.value();
    }
    static config::Credentials token(const std::string &t)
    {
        config::Credentials c;
        c.bearerToken = t;
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_certs.generate(m_tmp.filePath(QStringLiteral("certs")), &error), qPrintable(error));
        ScriptedServer::Options o;
        o.certDir = m_certs.dir;
        QVERIFY2(m_mtls.start(o, &error), qPrintable(error));
        o.clientAuth = QStringLiteral("none");
        o.tokens = QStringList{QStringLiteral("new-token")};
        QVERIFY2(m_token.start(o, &error), qPrintable(error));
        json routes = json::array({
            {{"path", "/apis/autoscaling/v2/horizontalpodautoscalers"}, {"responses", {{{"json", okList(3)}}}}},
            {{"path", "/slow"}, {"responses", {{{"delayMs", 8000}, {"json", json::object()}}}}},
            {{"path", "/forbidden"}, {"responses", {{{"status", 403}, {"json", forbiddenStatus()}}}}},
            {{"method", "POST"}, {"path", "/echo"}, {"responses", {{{"status", 201}, {"json", {{"created", true}}}}}}},
            {{"path", "/html404"}, {"responses", {{{"status", 404}, {"body", "<html><body>404 page not found</body></html>"}}}}},
            {{"path", "/stream"}, {"responses", {{{"body", "{\"type\":\"ADDED\",\"object\":{\"name\":\"h\u00e9\"}}\n"}, {"splitEvery", 1}, {"chunkDelayMs", 2}}}}},
            {{"path", "/stream-drop"}, {"responses", {{{"chunks", {"{\"a\":1}\n", "{\"b\""}}, {"end", "close"}}}}},
            {{"path", "/stream-hang"}, {"responses", {{{"chunks", {"{\"a\":1}\n"}}, {"end", "hang"}}}}},
            // 3 MiB of one list, sent in 64 KiB chunks.
            {{"path", "/huge"}, {"responses", {{{"body", std::string(3u << 20, 'x')}, {"splitEvery", 65536}}}}},
        });
        QVERIFY(m_mtls.setRoutes(routes));
        QVERIFY(m_token.setRoutes(routes));
    }

    void clientCertificateSucceeds()
    {
        auto client = makeClient(mtlsConfig());
        http::Request req;
        req.path = "/apis/autoscaling/v2/horizontalpodautoscalers?limit=500";
        auto r = client->sendSync(req);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->status, 200);
        QCOMPARE(r->httpVersion, std::string("1.1"));
        QCOMPARE(r->headers.at("content-type"), std::string("application/json"));
        auto body = json::parse(r->body);
        QCOMPARE(body["items"].size(), std::size_t(3));
        auto reqs = m_mtls.requests();
        QVERIFY(!reqs.empty());
        QCOMPARE(reqs.back().clientCN, std::string("test-user"));
        QCOMPARE(reqs.back().path, req.path);
        QCOMPARE(reqs.back().authorization, std::string());
    }

    void tlsFailures_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("messagePart");
        // TLS 1.3: the rejection arrives as an alert or as a bare close, depending on timing.
        QTest::newRow("no client certificate") << 0 << "" << "client certificate";
        QTest::newRow("certificate from another CA") << 1 << "" << "client certificate";
        QTest::newRow("server signed by an untrusted CA") << 2 << "CertificateUntrusted" << "not trusted by the kubeconfig's certificate-authority";
        QTest::newRow("tls-server-name not in the certificate") << 3 << "CertificateNameMismatch" << "does not match the host name";
    }
    void tlsFailures()
    {
        QFETCH(int, variant);
        QFETCH(QString, reason);
        QFETCH(QString, messagePart);
        std::shared_ptr<TestCredentialProvider> provider;
        auto cfg = mtlsConfig(&provider);
        config::Credentials c;
        if (variant == 1) {
            c.clientCertPem = m_certs.strangerCertPem;
            c.clientKeyPem = m_certs.strangerKeyPem;
        } else if (variant != 0) {
            c.clientCertPem = m_certs.clientCertPem;
            c.clientKeyPem = m_certs.clientKeyPem;
        }
        cfg.credentials = std::make_shared<TestCredentialProvider>(c);
        if (variant == 2)
            cfg.caPem = m_certs.otherCaPem;
        if (variant == 3)
            cfg.tlsServerName = "wrong.example";
        auto client = makeClient(cfg);
        auto r = client->sendSync({.path = "/apis/autoscaling/v2/horizontalpodautoscalers"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Tls);
        if (!reason.isEmpty())
            QCOMPARE(QString::fromStdString(r.error().reason), reason);
        QVERIFY2(QString::fromStdString(r.error().message).contains(messagePart), r.error().message.c_str());
        QVERIFY(r.error().toString().find("BEGIN") == std::string::npos); // no PEM in messages
    }

    void tlsServerNameOverride()
    {
        auto cfg = mtlsConfig();
        cfg.tlsServerName = "kube.test"; // in the server certificate, never resolvable
        auto client = makeClient(cfg);
        auto r = client->sendSync({.path = "/apis/autoscaling/v2/horizontalpodautoscalers"});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->status, 200);
    }

    void insecureSkipsVerification()
    {
        auto cfg = mtlsConfig();
        cfg.caPem = m_certs.otherCaPem;
        cfg.insecureSkipTlsVerify = true;
        auto client = makeClient(cfg);
        auto r = client->sendSync({.path = "/apis/autoscaling/v2/horizontalpodautoscalers"});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
    }

    void invalidCaRejectedAtCreate()
    {
        auto cfg = mtlsConfig();
        cfg.caPem = "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n";
        auto c = http::Client::create(cfg);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().kind, Error::Kind::Tls);
        cfg = mtlsConfig();
        cfg.server = "ftp://example.com";
        c = http::Client::create(cfg);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().kind, Error::Kind::Config);
    }

    void bearerToken()
    {
        auto provider = std::make_shared<TestCredentialProvider>(token("new-token"));
        auto client = makeClient(tokenConfig(provider));
        auto r = client->sendSync({.path = "/apis/autoscaling/v2/horizontalpodautoscalers"});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(m_token.requests().back().authorization, std::string("Bearer new-token"));
        QCOMPARE(provider->forcedCalls.load(), 0);
    }

    void unauthorizedRefreshesOnceAndRetries()
    {
        auto provider = std::make_shared<TestCredentialProvider>(token("old-token"));
        provider->setRefreshed(token("new-token"));
        auto client = makeClient(tokenConfig(provider));
        m_token.clearRequests();
        auto r = client->sendSync({.path = "/apis/autoscaling/v2/horizontalpodautoscalers"});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(provider->forcedCalls.load(), 1);
        auto reqs = m_token.requests();
        QCOMPARE(reqs.size(), std::size_t(2));
        QCOMPARE(reqs[0].authorization, std::string("Bearer old-token"));
        QCOMPARE(reqs[1].authorization, std::string("Bearer new-token"));
        // The next request uses the refreshed token straight away.
        QVERIFY(client->sendSync({.path = "/apis/autoscaling/v2/horizontalpodautoscalers"}).ok());
        QCOMPARE(provider->forcedCalls.load(), 1);
    }

    void unauthorizedAfterRefresh_data()
    {
        QTest::addColumn<QString>("refreshed");
        QTest::addColumn<int>("expectedRequests");
        QTest::newRow("refresh returns the same token: no retry") << "stale" << 1;
        QTest::newRow("refresh returns another bad token: one retry") << "also-bad" << 2;
    }
    void unauthorizedAfterRefresh()
    {
        QFETCH(QString, refreshed);
        QFETCH(int, expectedRequests);
        auto provider = std::make_shared<TestCredentialProvider>(token("stale"));
        provider->setRefreshed(token(refreshed.toStdString()));
        auto client = makeClient(tokenConfig(provider));
        m_token.clearRequests();
        auto r = client->sendSync({.path = "/apis/autoscaling/v2/horizontalpodautoscalers"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Http);
        QCOMPARE(r.error().httpStatus, 401);
        QCOMPARE(r.error().message, std::string("the server rejected the credentials (expired token or certificate?)"));
        QVERIFY(r.error().toString().find("stale") == std::string::npos);
        QCOMPARE(provider->forcedCalls.load(), 1);
        QCOMPARE(int(m_token.requests().size()), expectedRequests);
    }

    void providerFailurePassesThrough()
    {
        auto provider = std::make_shared<TestCredentialProvider>();
        provider->setFailure(makeError(Error::Kind::Auth, "exec plugin aws failed", "exit code 1"));
        auto client = makeClient(tokenConfig(provider));
        auto r = client->sendSync({.path = "/apis/autoscaling/v2/horizontalpodautoscalers"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Auth);
        QCOMPARE(r.error().message, std::string("exec plugin aws failed"));
    }

    void forbiddenDecoded()
    {
        auto client = makeClient(mtlsConfig());
        auto r = client->sendSync({.path = "/forbidden"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus, 403);
        QCOMPARE(r.error().message,
                 std::string("forbidden: cannot list horizontalpodautoscalers.autoscaling at the cluster scope (RBAC)"));
        auto html = client->sendSync({.path = "/html404"});
        QVERIFY(!html.ok());
        QCOMPARE(html.error().httpStatus, 404);
        QVERIFY(html.error().message.find("/html404") != std::string::npos);
    }

    void nonSuccessAsResponseKeepsTheBody()
    {
        // For servers with error JSON of their own (Prometheus): the answer as it came.
        auto client = makeClient(mtlsConfig());
        auto r = client->sendSync({.path = "/html404", .nonSuccessAsResponse = true});
        QVERIFY(r.ok());
        QCOMPARE(r->status, 404);
        QCOMPARE(r->body, std::string("<html><body>404 page not found</body></html>"));
    }

    void oversizedBodyIsRefused()
    {
        // A hostile or broken server cannot make hpascope hold an unbounded body: past
        // maxBodyBytes the transfer stops with an error naming the limit.
        auto client = makeClient(mtlsConfig());
        http::Request req;
        req.path = "/huge";
        req.maxBodyBytes = 1u << 20;
        auto r = client->sendSync(req);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Decode);
        QCOMPARE(r.error().reason, std::string("ResponseTooLarge"));
        QVERIFY2(r.error().message.find("larger than 1 MiB") != std::string::npos, r.error().message.c_str());
        // Within the limit (the default, 64 MiB), the same body is read whole.
        auto whole = client->sendSync({.path = "/huge"});
        QVERIFY2(whole.ok(), whole.ok() ? "" : whole.error().toString().c_str());
        QCOMPARE(whole->body.size(), std::size_t(3u << 20));
    }

    void postBody()
    {
        auto client = makeClient(mtlsConfig());
        http::Request req;
        req.method = "POST";
        req.path = "/echo";
        req.body = R"({"value":"42"})";
        auto r = client->sendSync(req);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->status, 201);
        auto last = m_mtls.requests().back();
        QCOMPARE(last.method, std::string("POST"));
        QCOMPARE(last.body, req.body);
        QCOMPARE(last.contentType, std::string("application/json"));
    }

    void cancelSlowRequest()
    {
        auto client = makeClient(mtlsConfig());
        auto w = std::make_shared<Waiter<Result<http::Response>>>();
        QElapsedTimer timer;
        timer.start();
        auto id = client->send({.path = "/slow"}, [w](Result<http::Response> r) { w->set(std::move(r)); });
        QVERIFY(waitUntil([&] { return m_mtls.countRequests("/slow") > 0; }));
        client->cancel(id);
        QVERIFY(w->wait());
        QVERIFY(timer.elapsed() < 7000); // well before the server would answer
        QVERIFY(!w->value->ok());
        QCOMPARE(w->value->error().kind, Error::Kind::Cancelled);
        client->cancel(id); // already completed: nothing happens
        QCOMPARE(w->calls, 1);
    }

    void destructorCancelsPending()
    {
        auto w = std::make_shared<Waiter<Result<http::Response>>>();
        {
            auto client = makeClient(mtlsConfig());
            client->send({.path = "/slow"}, [w](Result<http::Response> r) { w->set(std::move(r)); });
        }
        QCOMPARE(w->calls, 1); // delivered before the destructor returned
        QCOMPARE(w->value->error().kind, Error::Kind::Cancelled);
    }

    void manyConcurrentRequests()
    {
        auto client = makeClient(mtlsConfig());
        constexpr int kRequests = 40;
        std::atomic<int> ok{0}, failed{0};
        for (int i = 0; i < kRequests; ++i)
            client->send({.path = "/apis/autoscaling/v2/horizontalpodautoscalers?i=" + std::to_string(i)},
                         [&](Result<http::Response> r) { (r.ok() && r->status == 200 ? ok : failed)++; });
        QVERIFY(waitUntil([&] { return ok + failed == kRequests; }, 60000));
        QCOMPARE(failed.load(), 0);
    }

    void streamingDeliversChunks()
    {
        auto client = makeClient(mtlsConfig());
        std::mutex m;
        std::string received;
        int chunks = 0;
        bool headersSeen = false;
        auto w = std::make_shared<Waiter<Status>>();
        client->stream(
            {.path = "/stream", .timeoutMs = 0},
            [&](std::string_view data) {
                std::lock_guard lock(m);
                received.append(data);
                ++chunks;
            },
            [w](Status s) { w->set(std::move(s)); },
            [&](const http::Response &r) {
                std::lock_guard lock(m);
                headersSeen = r.status == 200;
            });
        QVERIFY(w->wait());
        QVERIFY2(w->value->ok(), w->value->ok() ? "" : w->value->error().toString().c_str());
        std::lock_guard lock(m);
        QVERIFY(headersSeen);
        QCOMPARE(received, std::string("{\"type\":\"ADDED\",\"object\":{\"name\":\"h\xc3\xa9\"}}\n"));
        QVERIFY2(chunks > 5, "the body should arrive in many pieces");
    }

    void streamErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<bool>("expectChunks");
        QTest::newRow("dropped mid-stream") << "/stream-drop" << Error::Kind::Network << 0 << true;
        QTest::newRow("403 Status") << "/forbidden" << Error::Kind::Http << 403 << false;
    }
    void streamErrors()
    {
        QFETCH(QString, path);
        QFETCH(Error::Kind, kind);
        QFETCH(int, httpStatus);
        QFETCH(bool, expectChunks);
        auto client = makeClient(mtlsConfig());
        std::atomic<int> chunks{0};
        auto w = std::make_shared<Waiter<Status>>();
        client->stream({.path = path.toStdString(), .timeoutMs = 0}, [&](std::string_view) { ++chunks; },
                       [w](Status s) { w->set(std::move(s)); });
        QVERIFY(w->wait());
        QVERIFY(!w->value->ok());
        QCOMPARE(w->value->error().kind, kind);
        QCOMPARE(w->value->error().httpStatus, httpStatus);
        QCOMPARE(chunks > 0, expectChunks);
    }

    void cancelStreamFromChunkCallback()
    {
        auto client = makeClient(mtlsConfig());
        auto w = std::make_shared<Waiter<Status>>();
        std::atomic<http::RequestId> id{0};
        std::atomic<int> chunks{0};
        id = client->stream(
            {.path = "/stream-hang", .timeoutMs = 0},
            [&](std::string_view) {
                ++chunks;
                client->cancel(id);
            },
            [w](Status s) { w->set(std::move(s)); });
        QVERIFY(w->wait());
        QCOMPARE(w->value->error().kind, Error::Kind::Cancelled);
        QCOMPARE(w->calls, 1);
    }

    void connectionErrors_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<Error::Kind>("kind");
        QTest::addColumn<QString>("message");
        // Port 1 (tcpmux) has no listener on a test machine.
        QTest::newRow("refused") << "https://127.0.0.1:1" << Error::Kind::Network
                                 << "cannot connect to https://127.0.0.1:1: connection refused";
        QTest::newRow("unresolvable") << "https://nonexistent.invalid:6443" << Error::Kind::Dns
                                      << "cannot resolve host nonexistent.invalid";
    }
    void connectionErrors()
    {
        QFETCH(QString, server);
        QFETCH(Error::Kind, kind);
        QFETCH(QString, message);
        auto cfg = mtlsConfig();
        cfg.server = server.toStdString();
        auto client = makeClient(cfg);
        auto r = client->sendSync({.path = "/api"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, kind);
        QCOMPARE(QString::fromStdString(r.error().message), message);
    }

    void timers()
    {
        auto client = makeClient(mtlsConfig());
        std::atomic<int> fired{0};
        std::atomic<bool> onNetworkThread{false};
        auto cancelled = client->schedule(std::chrono::milliseconds(20), [&] { fired += 100; });
        client->schedule(std::chrono::milliseconds(50), [&] {
            onNetworkThread = client->onNetworkThread();
            ++fired;
        });
        client->cancel(cancelled);
        QVERIFY(waitUntil([&] { return fired.load() > 0; }));
        QCOMPARE(fired.load(), 1);
        QVERIFY(onNetworkThread.load());
    }

    void sendSyncOnNetworkThreadRefused()
    {
        auto client = makeClient(mtlsConfig());
        auto w = std::make_shared<Waiter<Error::Kind>>();
        client->schedule(std::chrono::milliseconds(0), [&client, w] {
            auto r = client->sendSync({.path = "/api"});
            w->set(r.ok() ? Error::Kind::Http : r.error().kind);
        });
        QVERIFY(w->wait());
        QCOMPARE(*w->value, Error::Kind::Invalid);
    }

    void cleanupTestCase()
    {
        m_mtls.stop();
        m_token.stop();
    }
};

QTEST_GUILESS_MAIN(TestHttp)
#include "test_http.moc"
