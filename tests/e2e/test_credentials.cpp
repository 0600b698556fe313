// Credentials on the real control plane (issue #15), each through a kubeconfig file and the
// window or the session, as a user would meet them:
//  - a client certificate the cluster's CA did not sign: "Not signed in", a 401, not an outage;
//  - a ServiceAccount that may read HPAs in one namespace only: with all namespaces the banner says
//    what was refused and offers that namespace; clicking it shows the namespace's HPA;
//  - an exec plugin whose tokens last 20 s (each is bound to a Secret the plugin deletes two runs
//    later, so an old token really stops working, within the API server's 10 s token cache):
//    during a 2-minute watch with a request every
//    10 s nothing fails and the plugin runs about once per token, not once per request;
//  - an exec plugin that is not installed: the window shows its installHint.
#include "e2e_support.h"
#include "app/core/cluster_session.h"
#include "app/core/hpa_list_model.h"
#include "app/window/main_window.h"
#include "kube/api/paths.h"
#include "scripted_server.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <nlohmann/json.hpp>

using namespace hpascope;
using nlohmann::json;

namespace {

constexpr int kTimeoutMs = 60000;
const char *kViewer = "viewer";

} // namespace

class TestCredentials : public QObject {
    Q_OBJECT
    std::shared_ptr<kube::http::Client> m_admin = e2e::connect();
    const kube::config::RestConfig m_rest = e2e::restConfig();
    const std::string m_ns = "cred-" + std::to_string(QDateTime::currentMSecsSinceEpoch() % 100000);
    QTemporaryDir m_dir;

    int send(const std::string &method, const std::string &path, const json &body = nullptr, json *out = nullptr)
    {
        return e2e::send(*m_admin, method, path, body, out);
    }

    // A kubeconfig for the cluster with `user` (YAML lines under "user:"), its context in m_ns.
    QString writeKubeconfig(const QString &name, const QString &user)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".kubeconfig"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(QStringLiteral("apiVersion: v1\nkind: Config\n"
                               "clusters:\n- name: e2e\n  cluster:\n    server: %1\n    certificate-authority-data: %2\n"
                               "users:\n- name: u\n  user:\n%3\n"
                               "contexts:\n- name: e2e\n  context:\n    cluster: e2e\n    user: u\n    namespace: %4\n"
                               "current-context: e2e\n")
                    .arg(QString::fromStdString(m_rest.server),
                         QString::fromLatin1(QByteArray::fromStdString(m_rest.caPem).toBase64()), user,
                         QString::fromStdString(m_ns))
                    .toUtf8());
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    std::string viewerToken()
    {
        json out;
        const int code = send("POST", "/api/v1/namespaces/" + m_ns + "/serviceaccounts/" + kViewer + "/token",
                              {{"apiVersion", "authentication.k8s.io/v1"}, {"kind", "TokenRequest"},
                               {"spec", {{"expirationSeconds", 3600}}}},
                              &out);
        if (code != 201)
            qFatal("TokenRequest: HTTP %d %s", code, out.dump().c_str());
        return out["status"]["token"].get<std::string>();
    }

    static QLabel *banner(MainWindow &w) { return w.findChild<QLabel *>(QStringLiteral("stateBanner")); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const std::string nsPath = "/api/v1/namespaces/" + m_ns;
        QCOMPARE(send("POST", "/api/v1/namespaces", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", m_ns}}}}),
                 201);
        QCOMPARE(send("POST", nsPath + "/serviceaccounts",
                      {{"apiVersion", "v1"}, {"kind", "ServiceAccount"}, {"metadata", {{"name", kViewer}}}}),
                 201);
        const json read = json::array({"get", "list", "watch"});
        QCOMPARE(send("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/" + m_ns + "/roles",
                      {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                       {"kind", "Role"},
                       {"metadata", {{"name", "hpa-reader"}}},
                       {"rules", json::array({{{"apiGroups", {"autoscaling"}}, {"resources", {"horizontalpodautoscalers"}}, {"verbs", read}},
                                              {{"apiGroups", {"", "events.k8s.io"}}, {"resources", {"events", "pods"}}, {"verbs", read}}})}}),
                 201);
        QCOMPARE(send("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/" + m_ns + "/rolebindings",
                      {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                       {"kind", "RoleBinding"},
                       {"metadata", {{"name", "hpa-reader"}}},
                       {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "Role"}, {"name", "hpa-reader"}}},
                       {"subjects", json::array({{{"kind", "ServiceAccount"}, {"name", kViewer}, {"namespace", m_ns}}})}}),
                 201);
        QCOMPARE(send("POST", "/apis/autoscaling/v2/namespaces/" + m_ns + "/horizontalpodautoscalers",
                      {{"apiVersion", "autoscaling/v2"},
                       {"kind", "HorizontalPodAutoscaler"},
                       {"metadata", {{"name", "probe"}}},
                       {"spec",
                        {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "nothing"}}},
                         {"minReplicas", 1},
                         {"maxReplicas", 10},
                         {"metrics", json::array({{{"type", "Resource"},
                                                   {"resource", {{"name", "cpu"}, {"target", {{"type", "Utilization"}, {"averageUtilization", 50}}}}}}})}}}}),
                 201);
    }

    void untrustedClientCertificateIsNotSignedIn()
    {
        hpascope::test::TestCerts certs; // a CA of its own: the cluster never signed these
        QString error;
        QVERIFY2(certs.generate(m_dir.filePath(QStringLiteral("stranger")), &error), qPrintable(error));
        auto b64 = [](const std::string &pem) { return QString::fromLatin1(QByteArray::fromStdString(pem).toBase64()); };
        const QString path = writeKubeconfig(QStringLiteral("stranger"),
                                             QStringLiteral("    client-certificate-data: %1\n    client-key-data: %2")
                                                 .arg(b64(certs.clientCertPem), b64(certs.clientKeyPem)));
        StartupOptions o;
        o.load.kubeconfigPath = path.toStdString();
        MainWindow w(o);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->state().kind == ConnectionState::Kind::Error, kTimeoutMs);
        QCOMPARE(w.session()->state().refusedStatus, 401);
        QTRY_VERIFY_WITH_TIMEOUT(banner(w)->isVisible(), kTimeoutMs);
        QVERIFY2(banner(w)->text().contains(QStringLiteral("Not signed in")), qPrintable(banner(w)->text()));
        QVERIFY2(!banner(w)->text().contains(QStringLiteral("unreachable")), qPrintable(banner(w)->text()));
        qInfo("untrusted certificate: %s", qPrintable(w.session()->state().reason));
    }

    void namespaceLimitedUserIsOfferedItsNamespace()
    {
        const QString path = writeKubeconfig(QStringLiteral("viewer"),
                                             QStringLiteral("    token: %1").arg(QString::fromStdString(viewerToken())));
        StartupOptions o;
        o.load.kubeconfigPath = path.toStdString();
        o.namespaceName = QString(); // -A
        MainWindow w(o);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(!w.session()->state().readableNamespaces.isEmpty(), kTimeoutMs);
        const ConnectionState s = w.session()->state();
        QCOMPARE(s.refusedStatus, 403);
        QCOMPARE(s.readableNamespaces, QStringList{QString::fromStdString(m_ns)});
        // What was refused, in the API server's words: the verb, the resource, the scope.
        for (const char *word : {"list", "horizontalpodautoscalers", "cluster scope"})
            QVERIFY2(s.reason.contains(QLatin1String(word)), qPrintable(s.reason));
        QTRY_VERIFY_WITH_TIMEOUT(banner(w)->text().contains(QStringLiteral("Watch instead")), kTimeoutMs);
        QVERIFY2(banner(w)->text().contains(QStringLiteral("Access refused")), qPrintable(banner(w)->text()));
        w.resize(1200, 700);
        QTest::qWait(50); // one layout pass before the picture
        w.grab().save(QStringLiteral("credentials-namespace-offer.png")); // for a person to look at
        // The link, as a click on it delivers it.
        emit banner(w)->linkActivated(QStringLiteral("namespace:") + QString::fromStdString(m_ns));
        QTRY_COMPARE_WITH_TIMEOUT(w.namespacePicker()->currentData().toString(), QString::fromStdString(m_ns), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->state().kind == ConnectionState::Kind::Live, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->hpaModel()->rowOf(QString::fromStdString(m_ns + "/probe")) >= 0, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(banner(w)->isHidden(), kTimeoutMs);
    }

    void shortLivedExecTokensAreRefreshedUnnoticed()
    {
        const QString log = m_dir.filePath(QStringLiteral("plugin.log"));
        const QString plugin = m_dir.filePath(QStringLiteral("token-plugin"));
        QFile script(plugin);
        QVERIFY(script.open(QIODevice::WriteOnly));
        // Each run: a Secret of its own, a token bound to it, and the Secret of two runs ago
        // deleted, which invalidates that run's token at once (bound ServiceAccount tokens).
        script.write(QStringLiteral(R"SH(#!/bin/bash
set -euo pipefail
export KUBECONFIG=%1
ns=%2 log=%3
n=1
if [[ -f "$log" ]]; then n=$(( $(wc -l < "$log") + 1 )); fi
kubectl -n "$ns" create secret generic "tok-$n" >/dev/null
token=$(kubectl -n "$ns" create token viewer --bound-object-kind Secret --bound-object-name "tok-$n" --duration 10m)
if (( n > 2 )); then kubectl -n "$ns" delete secret "tok-$((n - 2))" --wait=false >/dev/null; fi
date +%s.%N >> "$log"
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}\n' \
    "$token" "$(date -u -d '+20 seconds' +%Y-%m-%dT%H:%M:%SZ)"
)SH")
                         .arg(e2e::kubeconfigPath(), QString::fromStdString(m_ns), log)
                         .toUtf8());
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString path = writeKubeconfig(
            QStringLiteral("exec"), QStringLiteral("    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                                                   "      command: %1\n      interactiveMode: Never")
                                        .arg(plugin));

        kube::config::LoadOptions load;
        load.kubeconfigPath = path.toStdString();
        auto kc = kube::config::Kubeconfig::load(load);
        QVERIFY2(kc, kc ? "" : kc.error().toString().c_str());
        auto rest = kc->restConfig();
        QVERIFY2(rest, rest ? "" : rest.error().toString().c_str());
        ClusterSession session;
        std::vector<ConnectionState> states;
        connect(&session, &ClusterSession::stateChanged, this, [&](const ConnectionState &s) { states.push_back(s); });
        session.connectTo(ClusterProfile::forRestConfig(rest.value(), QString::fromStdString(m_ns)));
        QTRY_VERIFY_WITH_TIMEOUT(session.state().kind == ConnectionState::Kind::Live, kTimeoutMs);
        states.clear();

        // Two minutes of use: every 10 s the HPA changes (the watch must show it) and the
        // session's client sends a request of its own (it must succeed).
        const QString key = QString::fromStdString(m_ns + "/probe");
        const HpaListModel *model = session.hpaModel();
        int ticks = 0;
        QStringList failures;
        for (int max = 11; max <= 22; ++max, ++ticks) {
            QCOMPARE(send("PATCH", kube::api::hpaPath(m_ns, "probe"), {{"spec", {{"maxReplicas", max}}}}), 200);
            QTRY_COMPARE_WITH_TIMEOUT(model->index(model->rowOf(key), HpaListModel::Max).data().toInt(), max, 10000);
            kube::http::Request get;
            get.path = kube::api::hpaPath(m_ns, "probe");
            auto r = session.client()->sendSync(get);
            if (!r)
                failures << QString::fromStdString(r.error().toString());
            QTest::qWait(10000); // the scenario's pace, not a wait for an outcome
        }
        QFile logFile(log);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        const int runs = int(logFile.readAll().count('\n'));
        QStringList seen;
        for (const ConnectionState &s : states)
            seen << QStringLiteral("%1 %2").arg(int(s.kind)).arg(s.reason);
        qInfo("exec plugin with 20 s tokens: %d runs over %d ticks (~%d s); %d failed requests; states after live: %s", runs,
              ticks, ticks * 10, int(failures.size()), qPrintable(seen.join(QStringLiteral("; "))));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
        QVERIFY2(std::none_of(states.begin(), states.end(), [](const ConnectionState &s) { return s.kind == ConnectionState::Kind::Error; }),
                 qPrintable(seen.join(QStringLiteral("; "))));
        // 120 s of 20 s tokens: about 7 runs; one per request would be far more than 2 per token.
        QVERIFY2(runs >= 5, qPrintable(QStringLiteral("only %1 plugin runs: the tokens were not refreshed").arg(runs)));
        QVERIFY2(runs <= 14, qPrintable(QStringLiteral("%1 plugin runs for %2 ticks").arg(runs).arg(ticks)));
        session.disconnectFromCluster();
    }

    void missingExecPluginShowsItsInstallHint()
    {
        const QString hint = QStringLiteral("hpascope-e2e-absent-plugin comes with no package: this test names it on purpose");
        const QString path = writeKubeconfig(
            QStringLiteral("absent"), QStringLiteral("    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                                                     "      command: hpascope-e2e-absent-plugin\n      interactiveMode: Never\n"
                                                     "      installHint: \"%1\"")
                                          .arg(hint));
        StartupOptions o;
        o.load.kubeconfigPath = path.toStdString();
        MainWindow w(o);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(banner(w)->isVisible(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(banner(w)->text().contains(hint), kTimeoutMs);
        QVERIFY2(banner(w)->text().contains(QStringLiteral("Cannot connect with this kubeconfig")), qPrintable(banner(w)->text()));
        qInfo("missing plugin: %s", qPrintable(banner(w)->text()));
    }

    void cleanupTestCase() { send("DELETE", "/api/v1/namespaces/" + m_ns); }
};

QTEST_MAIN(TestCredentials)
#include "test_credentials.moc"
