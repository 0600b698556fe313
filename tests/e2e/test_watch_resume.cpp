// A watch resumed from a compacted resourceVersion (issue #15), on the real control plane: the
// session watches a namespace through a relay in this process; the relay is cut, and while the
// session cannot reach the server its HPAs change (one deleted, one created, one edited), etcd
// is compacted past the session's last resourceVersion (etcd's JSON gateway, /v3/kv/compaction)
// and kube-apiserver restarted, so its watch cache starts after the changes too. When the relay
// is back, the resumed watch gets 410 Gone; the session must say so, list again, and show exactly
// what the API server holds: nothing lost, nothing twice, the deleted HPA gone.
#include "e2e_support.h"
#include "tcp_relay.h"
#include "app/core/cluster_session.h"
#include "app/core/hpa_list_model.h"
#include "kube/api/paths.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

#include <nlohmann/json.hpp>

using namespace hpascope;
using nlohmann::json;

namespace {

constexpr int kTimeoutMs = 60000;
const char *kEtcd = "http://127.0.0.1:2379";

json hpa(const std::string &name, int maxReplicas)
{
    return {{"apiVersion", "autoscaling/v2"},
            {"kind", "HorizontalPodAutoscaler"},
            {"metadata", {{"name", name}}},
            {"spec",
             {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "nothing"}}},
              {"minReplicas", 1},
              {"maxReplicas", maxReplicas},
              {"metrics",
               json::array({{{"type", "Resource"},
                             {"resource", {{"name", "cpu"}, {"target", {{"type", "Utilization"}, {"averageUtilization", 50}}}}}}})}}}};
}

// etcd's gRPC gateway: POST JSON, read JSON (curl: the test runs inside the cluster's namespace).
json etcd(const QString &path, const json &body)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("-sf"), QStringLiteral("-XPOST"), QString::fromLatin1(kEtcd) + path,
                                        QStringLiteral("--data-binary"), QString::fromStdString(body.dump())});
    if (!curl.waitForFinished(30000) || curl.exitCode() != 0)
        return {{"error", curl.readAllStandardError().toStdString()}};
    return json::parse(curl.readAllStandardOutput().toStdString(), nullptr, false);
}

} // namespace

class TestWatchResume : public QObject {
    Q_OBJECT
    std::shared_ptr<kube::http::Client> m_admin = e2e::connect();
    const std::string m_ns = "resume-" + std::to_string(QDateTime::currentMSecsSinceEpoch() % 100000);

    int send(const std::string &method, const std::string &path, const json &body = nullptr, json *out = nullptr)
    {
        return e2e::send(*m_admin, method, path, body, out);
    }
    std::string hpas() { return "/apis/autoscaling/v2/namespaces/" + m_ns + "/horizontalpodautoscalers"; }

    // What the API server holds: "name max" per HPA, sorted.
    QStringList truth()
    {
        kube::http::Request r;
        r.path = hpas();
        auto res = m_admin->sendSync(r);
        QStringList out;
        if (!res || res->status != 200)
            return {QStringLiteral("list failed")};
        const json list = json::parse(res->body, nullptr, false);
        if (!list.is_object() || !list.contains("items"))
            return {QStringLiteral("not a list")};
        for (const auto &item : list["items"])
            out << QStringLiteral("%1 %2").arg(QString::fromStdString(item["metadata"].value("name", "")))
                       .arg(item["spec"].value("maxReplicas", 0));
        out.sort();
        return out;
    }
    static QStringList shown(const HpaListModel *m)
    {
        QStringList out;
        for (int row = 0; row < m->rowCount(); ++row)
            out << QStringLiteral("%1 %2").arg(m->index(row, HpaListModel::Name).data().toString(),
                                               m->index(row, HpaListModel::Max).data().toString());
        out.sort();
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCOMPARE(send("POST", "/api/v1/namespaces", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", m_ns}}}}),
                 201);
        for (const char *name : {"stays", "edited", "deleted"})
            QCOMPARE(send("POST", hpas(), hpa(name, 5)), 201);
    }

    void compactedResumeRelistsWithoutLossOrDuplicates()
    {
        const auto rest = e2e::restConfig();
        const QUrl server(QString::fromStdString(rest.server));
        e2e::TcpRelay relay(server.host(), quint16(server.port()));
        QVERIFY(relay.listen());
        auto relayed = rest;
        relayed.server = "https://127.0.0.1:" + std::to_string(relay.port());

        ClusterSession session;
        std::vector<ConnectionState> states;
        connect(&session, &ClusterSession::stateChanged, this, [&](const ConnectionState &s) { states.push_back(s); });
        session.connectTo(ClusterProfile::forRestConfig(relayed, QString::fromStdString(m_ns)));
        QTRY_VERIFY_WITH_TIMEOUT(session.state().kind == ConnectionState::Kind::Live, kTimeoutMs);
        const HpaListModel *model = session.hpaModel();
        QTRY_COMPARE_WITH_TIMEOUT(shown(model), truth(), kTimeoutMs);

        relay.cut();
        QTRY_VERIFY_WITH_TIMEOUT(session.state().kind != ConnectionState::Kind::Live, kTimeoutMs);
        states.clear();
        QCOMPARE(send("DELETE", hpas() + "/deleted"), 200);
        QCOMPARE(send("POST", hpas(), hpa("created", 7)), 201);
        QCOMPARE(send("PATCH", hpas() + "/edited", {{"spec", {{"maxReplicas", 9}}}}), 200);

        // Compact etcd up to now: every revision the session saw is gone from storage.
        const json head = etcd(QStringLiteral("/v3/kv/range"), {{"key", "Lw=="}, {"count_only", true}}); // "/"
        QVERIFY2(head.contains("header"), head.dump().c_str());
        const std::string revision = head["header"].value("revision", "");
        QVERIFY(!revision.empty());
        const json compacted = etcd(QStringLiteral("/v3/kv/compaction"), {{"revision", revision}, {"physical", true}});
        QVERIFY2(!compacted.contains("error"), compacted.dump().c_str());
        // A restarted API server's watch cache begins after the changes as well.
        QCOMPARE(QProcess::execute(QStringLiteral(HPASCOPE_SOURCE_DIR "/tests/cluster/fault"),
                                   {QStringLiteral("restart"), QStringLiteral("kube-apiserver")}),
                 0);

        QVERIFY(relay.resume());
        QTRY_VERIFY_WITH_TIMEOUT(session.state().kind == ConnectionState::Kind::Live, kTimeoutMs);
        QStringList seen;
        for (const ConnectionState &s : states)
            seen << QStringLiteral("%1 %2").arg(int(s.kind)).arg(s.reason);
        QVERIFY2(std::any_of(states.begin(), states.end(),
                             [](const ConnectionState &s) { return s.reason.contains(QStringLiteral("410")); }),
                 qPrintable(QStringLiteral("no 410 relist among: ") + seen.join(QStringLiteral("; "))));
        // Exactly the server's HPAs, each once, with the edit: the model is keyed, so a
        // duplicate would show as an extra row.
        QTRY_COMPARE_WITH_TIMEOUT(shown(model), truth(), kTimeoutMs);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->rowOf(QString::fromStdString(m_ns + "/deleted")), -1);
        qInfo("compacted etcd at revision %s; states after the cut: %s", revision.c_str(),
              qPrintable(seen.join(QStringLiteral("; "))));
        session.disconnectFromCluster();
    }

    void cleanupTestCase() { send("DELETE", "/api/v1/namespaces/" + m_ns); }
};

QTEST_MAIN(TestWatchResume)
#include "test_watch_resume.moc"
