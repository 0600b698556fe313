// kube/http with a real exec credential plugin that is slow the way a browser sign-in is: it
// blocks (at most 10 s) until the test creates a release file. Runs are counted through a file
// the plugin appends to.
#include "kube/config/exec_plugin.h"
#include "kube/http/client.h"
#include "scripted_server.h"
#include "waiter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace kube;
using namespace hpascope::test;
using nlohmann::json;

namespace {

// From run $GATE_FROM on, waits for $RELEASE_FILE; $FAIL makes it fail after the wait.
const QByteArray kGatedPlugin = R"(#!/bin/sh
echo run >> "$COUNT_FILE"
n=$(wc -l < "$COUNT_FILE")
if [ "$n" -ge "$GATE_FROM" ]; then
  i=0
  while [ ! -e "$RELEASE_FILE" ] && [ "$i" -lt 500 ]; do sleep 0.02; i=$((i + 1)); done
fi
if [ -n "$FAIL" ]; then
  echo "sign-in refused" >&2
  echo done >> "$DONE_FILE"
  exit 3
fi
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"tok-%s","expirationTimestamp":"%s"}}\n' "$n" "$EXPIRY"
echo done >> "$DONE_FILE"
)";

constexpr const char *kNeverExpires = "2999-01-01T00:00:00Z";
constexpr const char *kExpired = "2001-01-01T00:00:00Z"; // every request runs the plugin again

json unauthorized()
{
    return {{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", json::object()}, {"status", "Failure"},
            {"message", "Unauthorized"}, {"reason", "Unauthorized"}, {"code", 401}};
}

json watchFrames()
{
    // 1000 frames 20 ms apart: the watch outlasts every test that uses it.
    json chunks = json::array();
    for (int i = 0; i < 1000; ++i)
        chunks.push_back("{\"type\":\"MODIFIED\",\"n\":" + std::to_string(i) + "}\n");
    return chunks;
}

} // namespace

class TestHttpCredentials : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;    // accepts tok-1 and tok-2
    ScriptedServer m_onlyFresh; // accepts tok-2 only
    int m_case = 0;

    struct Plugin {
        QString countFile, releaseFile, doneFile;
    };

    QString file(const QString &name) const { return m_tmp.filePath(name); }

    // A plugin with its own count/release/done files (one set per test).
    Plugin plugin(std::shared_ptr<config::CredentialProvider> *provider, int gateFrom, const char *expiry,
                  bool fail = false)
    {
        const QString tag = QString::number(++m_case);
        Plugin p{file(tag + QStringLiteral(".count")), file(tag + QStringLiteral(".release")),
                 file(tag + QStringLiteral(".done"))};
        config::ExecPluginConfig c;
        c.command = "gated.sh";
        c.program = file(QStringLiteral("gated.sh")).toStdString();
        c.environment = config::Environment::fromMap({{"PATH", "/usr/bin:/bin"}});
        c.env = {{"COUNT_FILE", p.countFile.toStdString()},
                 {"RELEASE_FILE", p.releaseFile.toStdString()},
                 {"DONE_FILE", p.doneFile.toStdString()},
                 {"GATE_FROM", std::to_string(gateFrom)},
                 {"EXPIRY", expiry}};
        if (fail)
            c.env.emplace_back("FAIL", "1");
        c.entry = "users[u].exec";
        c.sourceFile = "/test/kubeconfig";
        c.timeout = std::chrono::seconds(30);
        *provider = std::make_shared<config::ExecCredentialProvider>(c);
        return p;
    }
    static int lines(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? int(f.readAll().count('\n')) : 0;
    }
    static bool touch(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly);
    }
    static bool release(const Plugin &p) { return touch(p.releaseFile); }
    std::shared_ptr<http::Client> client(ScriptedServer &server, std::shared_ptr<config::CredentialProvider> provider)
    {
        config::RestConfig cfg;
        cfg.server = server.url();
        cfg.caPem = m_certs.caPem;
        cfg.credentials = std::move(provider);
        auto c = http::Client::create(cfg);
        if (!c.ok())
            qFatal("Client::create failed: %s", c.error().toString().c_str());
        return c.value();
    }
    int requestsWith(ScriptedServer &server, const std::string &path, const std::string &token)
    {
        int n = 0;
        for (const auto &r : server.requests())
            n += r.path == path && r.authorization == "Bearer " + token ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QFile script(file(QStringLiteral("gated.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly) && script.write(kGatedPlugin) == kGatedPlugin.size());
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
        QString error;
        QVERIFY2(m_certs.generate(m_tmp.filePath(QStringLiteral("certs")), &error), qPrintable(error));
        ScriptedServer::Options o;
        o.certDir = m_certs.dir;
        o.clientAuth = QStringLiteral("none");
        o.tokens = {QStringLiteral("tok-1"), QStringLiteral("tok-2")};
        QVERIFY2(m_server.start(o, &error), qPrintable(error));
        o.tokens = {QStringLiteral("tok-2")};
        QVERIFY2(m_onlyFresh.start(o, &error), qPrintable(error));
    }

    void init()
    {
        const json routes = json::array({
            {{"path", "/watch"}, {"responses", {{{"chunks", watchFrames()}, {"chunkDelayMs", 20}, {"end", "hang"}}}}},
            {{"path", "/list"}, {"responses", {{{"json", {{"kind", "List"}}}}}}},
            {{"path", "/reject-once"}, {"responses", {{{"status", 401}, {"json", unauthorized()}}, {{"json", {{"kind", "List"}}}}}}},
            {{"path", "/held-401"},
             {"responses", {{{"waitForFile", file(QStringLiteral("held.release")).toStdString()}, {"status", 401}, {"json", unauthorized()}},
                            {{"json", {{"kind", "List"}}}}}}},
        });
        QVERIFY(m_server.setRoutes(routes));
        QVERIFY(m_onlyFresh.setRoutes(routes));
        m_server.clearRequests();
        m_onlyFresh.clearRequests();
    }

    // The real case: a watch streams with the plugin's token; then the token expires (or a 401
    // comes back) and the next request runs the plugin, which waits for a person to sign in.
    void watchGoesOnWhileThePluginRuns_data()
    {
        QTest::addColumn<QString>("expiry");
        QTest::addColumn<QString>("path");
        QTest::newRow("token expired, next request runs the plugin") << kExpired << "/list";
        QTest::newRow("401, forced refresh") << kNeverExpires << "/reject-once";
    }
    void watchGoesOnWhileThePluginRuns()
    {
        QFETCH(QString, expiry);
        QFETCH(QString, path);
        std::shared_ptr<config::CredentialProvider> provider;
        const Plugin p = plugin(&provider, 2, expiry.toUtf8().constData());
        auto c = client(m_server, provider);
        std::atomic<int> frames{0};
        auto watchDone = std::make_shared<Waiter<Status>>();
        const auto watch = c->stream({.path = "/watch", .timeoutMs = 0}, [&](std::string_view) { ++frames; },
                                     [watchDone](Status s) { watchDone->set(std::move(s)); });
        QVERIFY(waitUntil([&] { return frames.load() >= 3; }));
        QCOMPARE(lines(p.countFile), 1);

        auto sent = std::make_shared<Waiter<Result<http::Response>>>();
        c->send({.path = path.toStdString()}, [sent](Result<http::Response> r) { sent->set(std::move(r)); });
        QVERIFY(waitUntil([&] { return lines(p.countFile) == 2; })); // the plugin is signing in

        const int before = frames.load();
        QVERIFY2(waitUntil([&] { return frames.load() >= before + 10; }, 5000),
                 "the watch stalled while the plugin ran");
        std::atomic<bool> timerFired{false};
        c->schedule(std::chrono::milliseconds(0), [&] { timerFired = true; });
        QVERIFY2(waitUntil([&] { return timerFired.load(); }, 5000), "a timer stalled while the plugin ran");
        QVERIFY(!sent->done());
        QCOMPARE(lines(p.doneFile), 1); // still signing in: the assertions ran while it was slow

        QVERIFY(release(p));
        QVERIFY(sent->wait());
        QVERIFY2(sent->value->ok(), sent->value->ok() ? "" : sent->value->error().toString().c_str());
        QCOMPARE(requestsWith(m_server, path.toStdString(), "tok-2"), 1);
        QCOMPARE(lines(p.countFile), 2);
        QVERIFY(!watchDone->done());
        c->cancel(watch);
        QVERIFY(watchDone->wait());
        QCOMPARE(watchDone->value->error().kind, Error::Kind::Cancelled);
    }

    void concurrentUnauthorizedRunThePluginOnce()
    {
        constexpr int kRequests = 8;
        std::shared_ptr<config::CredentialProvider> provider;
        const Plugin p = plugin(&provider, 2, kNeverExpires);
        auto c = client(m_onlyFresh, provider); // tok-1 from the first run is rejected
        std::atomic<int> ok{0}, failed{0};
        for (int i = 0; i < kRequests; ++i)
            c->send({.path = "/list"}, [&](Result<http::Response> r) { (r.ok() ? ok : failed)++; });
        // Every request has had its 401 before the refresh ends, so all of them wait on it.
        QVERIFY(waitUntil([&] { return requestsWith(m_onlyFresh, "/list", "tok-1") == kRequests; }));
        QVERIFY(waitUntil([&] { return lines(p.countFile) == 2; }));
        QVERIFY(release(p));
        QVERIFY(waitUntil([&] { return ok + failed == kRequests; }));
        QCOMPARE(failed.load(), 0);
        QCOMPARE(lines(p.countFile), 2); // the first fetch and one refresh
        QCOMPARE(requestsWith(m_onlyFresh, "/list", "tok-2"), kRequests);
    }

    void staleUnauthorizedRetriesWithoutAnotherRun()
    {
        std::shared_ptr<config::CredentialProvider> provider;
        const Plugin p = plugin(&provider, 1000, kNeverExpires);
        auto c = client(m_server, provider);
        auto held = std::make_shared<Waiter<Result<http::Response>>>();
        c->send({.path = "/held-401"}, [held](Result<http::Response> r) { held->set(std::move(r)); });
        QVERIFY(waitUntil([&] { return requestsWith(m_server, "/held-401", "tok-1") == 1; }));
        // Another request's 401 makes the plugin sign in again: tok-2.
        auto other = c->sendSync({.path = "/reject-once"});
        QVERIFY2(other.ok(), other.ok() ? "" : other.error().toString().c_str());
        QCOMPARE(lines(p.countFile), 2);
        // Only now does the held request get its 401 for tok-1, which tok-2 has replaced already.
        QVERIFY(touch(file(QStringLiteral("held.release"))));
        QVERIFY(held->wait());
        QVERIFY2(held->value->ok(), held->value->ok() ? "" : held->value->error().toString().c_str());
        QCOMPARE(requestsWith(m_server, "/held-401", "tok-2"), 1);
        QCOMPARE(lines(p.countFile), 2);
    }

    void pluginFailureReachesEveryWaitingRequest()
    {
        std::shared_ptr<config::CredentialProvider> provider;
        const Plugin p = plugin(&provider, 1, kNeverExpires, true);
        auto c = client(m_server, provider);
        auto first = std::make_shared<Waiter<Result<http::Response>>>();
        auto second = std::make_shared<Waiter<Status>>();
        c->send({.path = "/list"}, [first](Result<http::Response> r) { first->set(std::move(r)); });
        c->stream({.path = "/watch", .timeoutMs = 0}, [](std::string_view) {},
                  [second](Status s) { second->set(std::move(s)); });
        QVERIFY(waitUntil([&] { return lines(p.countFile) == 1; }));
        QVERIFY(release(p));
        QVERIFY(first->wait());
        QVERIFY(second->wait());
        // What the provider itself says, as the old design passed it on from the network thread.
        std::shared_ptr<config::CredentialProvider> direct;
        plugin(&direct, 1000, kNeverExpires, true);
        const auto expected = direct->credentials(false);
        QVERIFY(!expected.ok());
        QCOMPARE(expected.error().reason, std::string("ExecFailed"));
        QVERIFY2(expected.error().toString().find("exit code 3") != std::string::npos, expected.error().toString().c_str());
        for (const Error &e : {first->value->error(), second->value->error()}) {
            QCOMPARE(e.kind, expected.error().kind);
            QCOMPARE(e.reason, expected.error().reason);
            QCOMPARE(e.message, expected.error().message);
            QCOMPARE(e.detail, expected.error().detail);
        }
        QCOMPARE(lines(p.countFile), 1);
        QCOMPARE(int(m_server.requests().size()), 0);
    }

    void cancelWhileWaitingForThePlugin()
    {
        std::shared_ptr<config::CredentialProvider> provider;
        const Plugin p = plugin(&provider, 1, kNeverExpires);
        auto c = client(m_server, provider);
        auto sent = std::make_shared<Waiter<Result<http::Response>>>();
        auto streamed = std::make_shared<Waiter<Status>>();
        const auto id = c->send({.path = "/list"}, [sent](Result<http::Response> r) { sent->set(std::move(r)); });
        const auto streamId = c->stream({.path = "/watch", .timeoutMs = 0}, [](std::string_view) {},
                                        [streamed](Status s) { streamed->set(std::move(s)); });
        QVERIFY(waitUntil([&] { return lines(p.countFile) == 1; }));
        c->cancel(id);
        c->cancel(streamId);
        QVERIFY(sent->wait(5000));
        QVERIFY(streamed->wait(5000));
        QCOMPARE(sent->value->error().kind, Error::Kind::Cancelled);
        QCOMPARE(streamed->value->error().kind, Error::Kind::Cancelled);
        QCOMPARE(lines(p.doneFile), 0); // cancelled while the plugin was still running

        // The plugin's answer finds nobody waiting; the next request uses the cached token.
        QVERIFY(release(p));
        QVERIFY(waitUntil([&] { return lines(p.doneFile) == 1; }));
        auto later = c->sendSync({.path = "/list"});
        QVERIFY2(later.ok(), later.ok() ? "" : later.error().toString().c_str());
        QCOMPARE(lines(p.countFile), 1);
        QCOMPARE(sent->calls, 1);
        QCOMPARE(streamed->calls, 1);
        QCOMPARE(int(m_server.requests().size()), 1);
    }

    void destroyWhileThePluginRuns()
    {
        std::shared_ptr<config::CredentialProvider> provider;
        const Plugin p = plugin(&provider, 1, kNeverExpires);
        auto sent = std::make_shared<Waiter<Result<http::Response>>>();
        {
            auto c = client(m_server, provider);
            provider.reset(); // only the client (and its worker) keep the plugin alive
            c->send({.path = "/list"}, [sent](Result<http::Response> r) { sent->set(std::move(r)); });
            QVERIFY(waitUntil([&] { return lines(p.countFile) == 1; }));
        }
        QCOMPARE(sent->calls, 1); // delivered before the destructor returned
        QCOMPARE(sent->value->error().kind, Error::Kind::Cancelled);
        QCOMPARE(lines(p.doneFile), 0); // the destructor did not wait for the sign-in
        // The detached worker finishes the run and delivers to nobody.
        QVERIFY(release(p));
        QVERIFY(waitUntil([&] { return lines(p.doneFile) == 1; }));
        QCOMPARE(sent->calls, 1);
    }

    void cleanupTestCase()
    {
        m_server.stop();
        m_onlyFresh.stop();
    }
};

QTEST_GUILESS_MAIN(TestHttpCredentials)
#include "test_http_credentials.moc"
