// A server that answers and refuses is not an outage: for a 403 on the HPA list the session says
// what was refused with a way forward (another namespace, the RBAC to ask for), for a 401 that
// the credentials were not accepted, and the window's banner heads it "Access refused" / "Not
// signed in", never "Cluster unreachable". A closed port stays "unreachable".
#include "app/core/cluster_profile.h"
#include "app/core/cluster_session.h"
#include "app/window/state_banner.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;

namespace {

json status(int code, const char *reason, const char *message)
{
    return {{"status", code},
            {"json", {{"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"}, {"reason", reason}, {"code", code}, {"message", message}}}};
}

} // namespace

class TestRefused : public QObject {
    Q_OBJECT

    // The session's state once the HPA list was refused (Kind::Error), else the last state seen.
    ConnectionState connectAndWait(const QString &ns)
    {
        ClusterSession session;
        session.connectTo(ClusterProfile::forRestConfig(restConfigFor(m_server, m_certs), ns));
        QDeadlineTimer deadline(10000);
        while (session.state().kind != ConnectionState::Kind::Error && !deadline.hasExpired())
            QTest::qWait(20);
        return session.state();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_certs.generate(m_tmp.filePath(QStringLiteral("certs")), &error), qPrintable(error));
        ScriptedServer::Options o;
        o.certDir = m_certs.dir;
        QVERIFY2(m_server.start(o, &error), qPrintable(error));
    }

    void forbiddenListSaysWhatWasRefused()
    {
        QVERIFY(m_server.setRoutes(json::array({
            {{"path", "/apis/autoscaling/v2/horizontalpodautoscalers"},
             {"responses", json::array({status(403, "Forbidden",
                                               "horizontalpodautoscalers.autoscaling is forbidden: User \"dev\" cannot list "
                                               "resource \"horizontalpodautoscalers\" in API group \"autoscaling\" at the cluster scope")})}},
        })));
        const ConnectionState s = connectAndWait({});
        QCOMPARE(s.kind, ConnectionState::Kind::Error);
        QCOMPARE(s.refusedStatus, 403);
        QVERIFY2(s.reason.contains(QStringLiteral("cannot list")), qPrintable(s.reason));
        QVERIFY2(s.hint.contains(QStringLiteral("pick one namespace you can read")), qPrintable(s.hint));
        StateBanner banner;
        banner.showState(s, false);
        QVERIFY(!banner.isHidden());
        QVERIFY2(banner.text().contains(QStringLiteral("Access refused")), qPrintable(banner.text()));
        QVERIFY2(!banner.text().contains(QStringLiteral("unreachable")), qPrintable(banner.text()));
        QVERIFY2(banner.text().contains(QStringLiteral("at the cluster scope")), qPrintable(banner.text()));
    }

    void forbiddenNamespaceNamesIt()
    {
        QVERIFY(m_server.setRoutes(json::array({
            {{"path", "/apis/autoscaling/v2/namespaces/prod/horizontalpodautoscalers"},
             {"responses", json::array({status(403, "Forbidden", "horizontalpodautoscalers.autoscaling is forbidden")})}},
        })));
        const ConnectionState s = connectAndWait(QStringLiteral("prod"));
        QCOMPARE(s.refusedStatus, 403);
        QVERIFY2(s.hint.contains(QStringLiteral("namespace prod")), qPrintable(s.hint));
    }

    void unauthorizedSaysNotSignedIn()
    {
        QVERIFY(m_server.setRoutes(json::array({
            {{"path", "/apis/autoscaling/v2/horizontalpodautoscalers"}, {"responses", json::array({status(401, "Unauthorized", "Unauthorized")})}},
        })));
        const ConnectionState s = connectAndWait({});
        QCOMPARE(s.kind, ConnectionState::Kind::Error);
        QCOMPARE(s.refusedStatus, 401);
        StateBanner banner;
        banner.showState(s, false);
        QVERIFY2(banner.text().contains(QStringLiteral("Not signed in")), qPrintable(banner.text()));
        QVERIFY2(s.hint.contains(QStringLiteral("Sign in again")), qPrintable(s.hint));
    }

    void anOutageIsStillUnreachable()
    {
        ConnectionState s;
        s.kind = ConnectionState::Kind::Error;
        s.reason = QStringLiteral("connection refused");
        StateBanner banner;
        banner.showState(s, false);
        QVERIFY2(banner.text().contains(QStringLiteral("Cluster unreachable")), qPrintable(banner.text()));
    }

private:
    QTemporaryDir m_tmp;
    TestCerts m_certs;
    ScriptedServer m_server;
};

QTEST_MAIN(TestRefused)
#include "test_refused.moc"
