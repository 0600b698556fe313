// A server that answers and refuses is not an outage: for a 403 on the HPA list the session says
// what was refused with a way forward (another namespace, the RBAC to ask for), for a 401 that
// the credentials were not accepted, and the window's banner heads it "Access refused" / "Not
// signed in", never "Cluster unreachable". A closed port stays "unreachable".
#include "app/core/cluster_profile.h"
#include "app/core/cluster_session.h"
#include "app/window/state_banner.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QSignalSpy>
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

    void forbiddenEverywhereOffersTheNamespacesItCanRead()
    {
        // Three namespaces listed; the user may list and watch HPAs in two of them (team-a only
        // list, so it is not offered). The banner links them; a click connects to that namespace.
        auto review = [](bool allowed) {
            return json{{"status", 201},
                        {"json", {{"apiVersion", "authorization.k8s.io/v1"}, {"kind", "SelfSubjectAccessReview"},
                                  {"status", {{"allowed", allowed}}}}}};
        };
        auto ask = [&](const char *ns, const char *verb, bool allowed) {
            return json{{"method", "POST"},
                        {"path", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"},
                        {"bodyContains", std::string("\"namespace\":\"") + ns + "\",\"resource\":\"horizontalpodautoscalers\",\"verb\":\"" + verb + "\""},
                        {"responses", json::array({review(allowed)})}};
        };
        QVERIFY(m_server.setRoutes(json::array({
            {{"path", "/apis/autoscaling/v2/horizontalpodautoscalers"},
             {"responses", json::array({status(403, "Forbidden", "horizontalpodautoscalers.autoscaling is forbidden: User \"dev\" cannot list resource \"horizontalpodautoscalers\" in API group \"autoscaling\" at the cluster scope")})}},
            {{"path", "/api/v1/namespaces"},
             {"responses", json::array({{{"status", 200}, {"json", {{"kind", "NamespaceList"}, {"items", json::array({
                 {{"metadata", {{"name", "default"}}}}, {{"metadata", {{"name", "team-a"}}}}, {{"metadata", {{"name", "team-b"}}}}})}}}}})}},
            ask("default", "list", true), ask("default", "watch", true),
            ask("team-a", "list", true), ask("team-a", "watch", false),
            ask("team-b", "list", true), ask("team-b", "watch", true),
            {{"method", "POST"}, {"path", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"}, {"responses", json::array({review(false)})}},
        })));
        ClusterSession session;
        session.connectTo(ClusterProfile::forRestConfig(restConfigFor(m_server, m_certs), {}));
        QTRY_VERIFY_WITH_TIMEOUT(!session.state().readableNamespaces.isEmpty(), 10000);
        const ConnectionState s = session.state();
        QCOMPARE(s.refusedStatus, 403);
        QCOMPARE(s.readableNamespaces, QStringList({QStringLiteral("default"), QStringLiteral("team-b")}));
        QVERIFY2(s.hint.contains(QStringLiteral("2 namespaces only")), qPrintable(s.hint));
        StateBanner banner;
        banner.showState(s, false);
        QVERIFY2(banner.text().contains(QStringLiteral("Watch instead")), qPrintable(banner.text()));
        QSignalSpy chosen(&banner, &StateBanner::namespaceChosen);
        emit banner.linkActivated(QStringLiteral("namespace:team-b"));
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("team-b"));
    }

    void aNamespaceListOfTheWrongShapeIsSkippedNotThrown()
    {
        // A hostile or broken server: a name that is a number, an item that is not an object.
        // The names that are names reach the picker; nothing throws on the network thread.
        QVERIFY(m_server.setRoutes(json::array({
            {{"path", "/apis/autoscaling/v2/horizontalpodautoscalers"},
             {"responses", json::array({status(403, "Forbidden", "horizontalpodautoscalers.autoscaling is forbidden")})}},
            {{"path", "/api/v1/namespaces"},
             {"responses", json::array({{{"status", 200}, {"json", {{"kind", "NamespaceList"}, {"items", json::array({
                 {{"metadata", {{"name", 5}}}}, 7, {{"metadata", "x"}}, {{"metadata", {{"name", "ok"}}}}})}}}}})}},
        })));
        ClusterSession session;
        QSignalSpy listed(&session, &ClusterSession::namespacesListed);
        session.connectTo(ClusterProfile::forRestConfig(restConfigFor(m_server, m_certs), {}));
        QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 1, 10000);
        QCOMPARE(listed.at(0).at(0).toStringList(), QStringList{QStringLiteral("ok")});
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
