// A ClusterSession destroyed while its requests are still in flight: the client outlives it (the
// metric writer's pushes hold it), so late answers must never reach the destroyed session. Run it
// under the asan preset to see a use-after-free if a callback keeps a raw pointer to the session.
#include "app/core/cluster_session.h"
#include "kube/http/client.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;

class TestSessionLifetime : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_certs.generate(m_tmp.filePath(QStringLiteral("certs")), &error), qPrintable(error));
        ScriptedServer::Options o;
        o.certDir = m_certs.dir;
        QVERIFY2(m_server.start(o, &error), qPrintable(error));
        const json namespaces = {{"kind", "NamespaceList"},
                                 {"items", json::array({{{"metadata", {{"name", "shop"}}}}})}};
        QVERIFY(m_server.setRoutes(json::array({
            {{"path", "/api/v1/namespaces"}, {"responses", json::array({{{"json", namespaces}, {"delayMs", 300}}})}},
            {{"path", "/probe"}, {"responses", json::array({{{"body", "ok"}, {"delayMs", 900}}})}},
        })));
    }

    // The control: a session that stays gets the (slow) namespace list.
    void aLiveSessionGetsTheLateAnswer()
    {
        ClusterSession session;
        QSignalSpy listed(&session, &ClusterSession::namespacesListed);
        session.connectTo(ClusterProfile::forRestConfig(restConfigFor(m_server, m_certs), {}));
        QVERIFY(listed.wait(10000));
        QCOMPARE(listed.first().first().toStringList(), QStringList{QStringLiteral("shop")});
    }

    void aDestroyedSessionIsNotReached()
    {
        m_server.clearRequests();
        auto *session = new ClusterSession;
        session->connectTo(ClusterProfile::forRestConfig(restConfigFor(m_server, m_certs), {}));
        std::shared_ptr<kube::http::Client> client = session->client();
        // The namespace list itself, not the other reads under /api/v1/namespaces/ (published flags).
        auto namespaceLists = [&] {
            int n = 0;
            for (const auto &r : m_server.requests())
                n += r.path == "/api/v1/namespaces" ? 1 : 0;
            return n;
        };
        QVERIFY(waitUntil([&] { return namespaceLists() == 1; }));
        delete session; // the namespace list is still on its way (300 ms)

        // A slower request on the same client: when it is answered, the namespace list has been
        // answered and its callback has run on the network thread.
        std::atomic<bool> probed{false};
        kube::http::Request probe;
        probe.path = "/probe";
        client->send(probe, [&](kube::Result<kube::http::Response>) { probed = true; });
        QVERIFY(waitUntil([&] { return probed.load(); }));
        // Whatever the callbacks posted to the GUI thread runs now, and must find no session.
        QCoreApplication::processEvents();
        QCOMPARE(namespaceLists(), 1);
    }

private:
    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;
};

QTEST_GUILESS_MAIN(TestSessionLifetime)
#include "test_session_lifetime.moc"
