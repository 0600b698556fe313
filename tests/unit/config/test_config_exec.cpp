// Exec credential plugins end to end: real shell scripts written at test time, counting their
// runs through a file they append to.
#include "config_test_support.h"

#include "kube/config/exec_plugin.h"
#include "kube/config/kubeconfig.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <thread>

using kube::config::Kubeconfig;
using kube::config::LoadOptions;
using namespace testsupport;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// A plugin that records each run (and its args, env and KUBERNETES_EXEC_INFO) and prints a
// token ExecCredential whose expiry comes from $EXPIRY.
const QByteArray kCountingPlugin = R"(#!/bin/sh
echo run >> "$COUNT_FILE"
printf '%s' "$KUBERNETES_EXEC_INFO" > "$INFO_FILE"
printf '%s|%s|%s|%s' "$1" "$2" "$PLUGIN_VAR" "$BASE_VAR" > "$ARGS_FILE"
n=$(wc -l < "$COUNT_FILE")
printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"tok-%s","expirationTimestamp":"%s"}}\n' \
  "$API_VERSION" $n "$EXPIRY"
)";

} // namespace

class TestConfigExec : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Pki m_pki;
    QString path(const QString &rel) const { return m_dir.path() + QLatin1Char('/') + rel; }

    // Writes a kubeconfig whose user "u" runs `command` and loads it.
    kube::Result<kube::config::RestConfig> load(const QString &name, const QByteArray &exec,
                                                 std::map<std::string, std::string> env = {})
    {
        const QString file = path(name + QStringLiteral(".yaml"));
        const QByteArray yaml = "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
                                "clusters:\n- name: c\n  cluster:\n    server: https://k.example:6443\n"
                                "    certificate-authority: pki/ca.crt\n    tls-server-name: k.internal\n"
                                "    extensions:\n    - name: client.authentication.k8s.io/exec\n"
                                "      extension: {audience: hpascope, retries: 3}\n"
                                "users:\n- name: u\n  user:\n    exec:\n"
            + exec + "contexts:\n- name: c\n  context: {cluster: c, user: u}\n";
        if (!writeFile(file, yaml))
            return kube::makeError(kube::Error::Kind::Invalid, "cannot write " + toStd(file));
        LoadOptions o;
        o.kubeconfigPath = toStd(file);
        o.env = env.empty() ? baseEnv(path(QStringLiteral("home"))) : env;
        o.env["BASE_VAR"] = "from-process-env";
        auto kc = Kubeconfig::load(o);
        if (!kc)
            return kc.error();
        return kc->restConfig();
    }

    QByteArray countingExec(const QString &tag, const char *apiVersion, const QByteArray &expiry,
                            const QByteArray &extra = {})
    {
        return QByteArray("      apiVersion: ") + apiVersion + "\n      command: ./counting.sh\n"
            + "      args: [first-arg, \"second arg\"]\n" + extra + "      env:\n"
            + "      - {name: COUNT_FILE, value: " + path(tag + QStringLiteral(".count")).toUtf8() + "}\n"
            + "      - {name: INFO_FILE, value: " + path(tag + QStringLiteral(".info")).toUtf8() + "}\n"
            + "      - {name: ARGS_FILE, value: " + path(tag + QStringLiteral(".args")).toUtf8() + "}\n"
            + "      - {name: API_VERSION, value: " + apiVersion + "}\n"
            + "      - {name: EXPIRY, value: \"" + expiry + "\"}\n"
            + "      - {name: PLUGIN_VAR, value: plugin-value}\n";
    }

    int runs(const QString &tag) const
    {
        return readFile(path(tag + QStringLiteral(".count"))).count('\n');
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY(QDir().mkpath(path(QStringLiteral("pki"))));
        QVERIFY2(makePki(path(QStringLiteral("pki")), &m_pki, &error), qPrintable(error));
        QVERIFY(writeScript(path(QStringLiteral("counting.sh")), kCountingPlugin));
    }

    void v1TokenCachedUntilExpiry()
    {
        auto rc = load(QStringLiteral("v1"),
                       countingExec(QStringLiteral("v1"), "client.authentication.k8s.io/v1",
                                    "2999-01-01T00:00:00Z", "      interactiveMode: Never\n"));
        QVERIFY2(rc.ok(), rc.ok() ? "" : rc.error().toString().c_str());
        QCOMPARE(qs(rc->credentials->describe()), QStringLiteral("exec: ./counting.sh first-arg second arg"));
        auto first = rc->credentials->credentials(false);
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().toString().c_str());
        QCOMPARE(first->bearerToken, std::string("tok-1"));
        QVERIFY(first->expiry.has_value());
        auto second = rc->credentials->credentials(false);
        QCOMPARE(second->bearerToken, std::string("tok-1")); // cached: not expired
        QCOMPARE(runs(QStringLiteral("v1")), 1);
        auto forced = rc->credentials->credentials(true); // after a 401
        QCOMPARE(forced->bearerToken, std::string("tok-2"));
        QCOMPARE(runs(QStringLiteral("v1")), 2);

        // Arguments, the configured env and the inherited environment reach the plugin.
        QCOMPARE(readFile(path(QStringLiteral("v1.args"))),
                 QByteArray("first-arg|second arg|plugin-value|from-process-env"));
        // Without provideClusterInfo, KUBERNETES_EXEC_INFO has no cluster.
        const auto info = QJsonDocument::fromJson(readFile(path(QStringLiteral("v1.info")))).object();
        QCOMPARE(info.value(QStringLiteral("kind")).toString(), QStringLiteral("ExecCredential"));
        QCOMPARE(info.value(QStringLiteral("apiVersion")).toString(),
                 QStringLiteral("client.authentication.k8s.io/v1"));
        const auto spec = info.value(QStringLiteral("spec")).toObject();
        QCOMPARE(spec.value(QStringLiteral("interactive")), QJsonValue(false));
        QVERIFY(!spec.contains(QStringLiteral("cluster")));
    }

    void expiredCredentialsRunAgain()
    {
        auto rc = load(QStringLiteral("expired"),
                       countingExec(QStringLiteral("expired"), "client.authentication.k8s.io/v1",
                                    "2001-01-01T00:00:00+02:00", "      interactiveMode: IfAvailable\n"));
        QVERIFY2(rc.ok(), rc.ok() ? "" : rc.error().toString().c_str());
        QCOMPARE(rc->credentials->credentials(false)->bearerToken, std::string("tok-1"));
        QCOMPARE(rc->credentials->credentials(false)->bearerToken, std::string("tok-2"));
        QCOMPARE(runs(QStringLiteral("expired")), 2);
    }

    void v1beta1DefaultsToIfAvailableAndSendsClusterInfo()
    {
        auto rc = load(QStringLiteral("beta"),
                       countingExec(QStringLiteral("beta"), "client.authentication.k8s.io/v1beta1",
                                    "2999-01-01T00:00:00.5Z", "      provideClusterInfo: true\n"));
        QVERIFY2(rc.ok(), rc.ok() ? "" : rc.error().toString().c_str());
        QVERIFY(rc->credentials->credentials(false).ok());
        const auto info = QJsonDocument::fromJson(readFile(path(QStringLiteral("beta.info")))).object();
        QCOMPARE(info.value(QStringLiteral("apiVersion")).toString(),
                 QStringLiteral("client.authentication.k8s.io/v1beta1"));
        const auto cluster = info.value(QStringLiteral("spec")).toObject().value(QStringLiteral("cluster")).toObject();
        QCOMPARE(cluster.value(QStringLiteral("server")).toString(), QStringLiteral("https://k.example:6443"));
        QCOMPARE(cluster.value(QStringLiteral("tls-server-name")).toString(), QStringLiteral("k.internal"));
        QCOMPARE(QByteArray::fromBase64(cluster.value(QStringLiteral("certificate-authority-data")).toString().toLatin1()),
                 QByteArray::fromStdString(m_pki.caPem));
        const auto config = cluster.value(QStringLiteral("config")).toObject();
        QCOMPARE(config.value(QStringLiteral("audience")).toString(), QStringLiteral("hpascope"));
        QCOMPARE(config.value(QStringLiteral("retries")).toInt(), 3);
    }

    void clientCertificateFromPlugin()
    {
        const QByteArray script = "#!/bin/sh\ncert=$(awk 'BEGIN{ORS=\"\\\\n\"} {print}' " + path(QStringLiteral("pki/client.crt")).toUtf8()
            + ")\nkey=$(awk 'BEGIN{ORS=\"\\\\n\"} {print}' " + path(QStringLiteral("pki/client.key")).toUtf8()
            + ")\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
              "\"status\":{\"clientCertificateData\":\"%s\",\"clientKeyData\":\"%s\"}}' \"$cert\" \"$key\"\n";
        QVERIFY(writeScript(path(QStringLiteral("cert-plugin.sh")), script));
        auto rc = load(QStringLiteral("cert"), "      apiVersion: client.authentication.k8s.io/v1\n"
                                               "      command: ./cert-plugin.sh\n      interactiveMode: Never\n");
        QVERIFY2(rc.ok(), rc.ok() ? "" : rc.error().toString().c_str());
        auto creds = rc->credentials->credentials(false);
        QVERIFY2(creds.ok(), creds.ok() ? "" : creds.error().toString().c_str());
        QCOMPARE(creds->clientCertPem, m_pki.clientCertPem);
        QCOMPARE(creds->clientKeyPem, m_pki.clientKeyPem);
        QVERIFY(creds->bearerToken.empty());
        QVERIFY(!creds->expiry.has_value());
    }

    void pathFallbackThroughLoginShell()
    {
        // The plugin lives where only the login shell's PATH finds it.
        QVERIFY(writeScript(path(QStringLiteral("hidden/hpascope-test-auth")),
                            "#!/bin/sh\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                            "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s\"}}' \"$PATH\"\n"));
        QVERIFY(writeScript(path(QStringLiteral("fake-shell")),
                            "#!/bin/sh\n[ \"$1\" = -l ] || exit 9\necho 'Welcome banner'\nprintf '%s' '/usr/bin:/bin:"
                                + path(QStringLiteral("hidden")).toUtf8() + "'\n"));
        auto env = baseEnv(path(QStringLiteral("home")));
        env["SHELL"] = toStd(path(QStringLiteral("fake-shell")));
        auto rc = load(QStringLiteral("fallback"),
                       "      apiVersion: client.authentication.k8s.io/v1\n"
                       "      command: hpascope-test-auth\n      interactiveMode: Never\n",
                       env);
        QVERIFY2(rc.ok(), rc.ok() ? "" : rc.error().toString().c_str());
        auto creds = rc->credentials->credentials(false);
        QVERIFY2(creds.ok(), creds.ok() ? "" : creds.error().toString().c_str());
        // The plugin's own PATH gained the login shell's directories.
        QVERIFY2(qs(creds->bearerToken).contains(QStringLiteral(":") + path(QStringLiteral("hidden"))),
                 creds->bearerToken.c_str());
        QVERIFY(qs(creds->bearerToken).startsWith(QStringLiteral("/usr/bin:/bin")));
    }

    void pathFallbackThroughCommonDirectories()
    {
        QVERIFY(writeScript(path(QStringLiteral("home/.local/bin/hpascope-local-auth")),
                            "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                            "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"local\"}}'\n"));
        auto env = baseEnv(path(QStringLiteral("home")));
        env["SHELL"] = "/nonexistent/shell";
        auto rc = load(QStringLiteral("common"),
                       "      apiVersion: client.authentication.k8s.io/v1\n"
                       "      command: hpascope-local-auth\n      interactiveMode: Never\n",
                       env);
        QVERIFY2(rc.ok(), rc.ok() ? "" : rc.error().toString().c_str());
        QCOMPARE(rc->credentials->credentials(false)->bearerToken, std::string("local"));
    }

    void notFoundNamesTheDirectoriesAndTheHint()
    {
        QVERIFY(writeScript(path(QStringLiteral("empty-shell")), "#!/bin/sh\nprintf '%s' /opt/hpascope-nowhere\n"));
        auto env = baseEnv(path(QStringLiteral("home")));
        env["SHELL"] = toStd(path(QStringLiteral("empty-shell")));
        auto rc = load(QStringLiteral("missing"),
                       "      apiVersion: client.authentication.k8s.io/v1\n"
                       "      command: hpascope-absent-auth\n      interactiveMode: Never\n"
                       "      installHint: 'See https://example.invalid/install'\n",
                       env);
        QVERIFY(!rc.ok());
        const QString text = qs(rc.error().toString());
        QCOMPARE(rc.error().kind, kube::Error::Kind::Auth);
        QVERIFY2(text.contains(QStringLiteral("\"hpascope-absent-auth\" was not found in /usr/bin:/bin:/opt/hpascope-nowhere:")), qPrintable(text));
        QVERIFY(text.contains(path(QStringLiteral("home/.krew/bin"))));
        QVERIFY(text.contains(QStringLiteral("See https://example.invalid/install")));
    }

    void timeoutStopsAHungPlugin()
    {
        QVERIFY(writeScript(path(QStringLiteral("hang.sh")), "#!/bin/sh\necho waiting >&2\nexec sleep 30\n"));
        kube::config::ExecPluginConfig config;
        config.command = "hang.sh";
        config.program = toStd(path(QStringLiteral("hang.sh")));
        config.environment = kube::config::Environment::fromMap(baseEnv(m_dir.path()));
        config.entry = "users[u].exec";
        config.sourceFile = "/test/kubeconfig";
        config.timeout = std::chrono::milliseconds(300);
        kube::config::ExecCredentialProvider provider(config);
        QElapsedTimer timer;
        timer.start();
        auto creds = provider.credentials(false);
        QVERIFY(!creds.ok());
        QVERIFY2(timer.elapsed() < 10000, "the plugin was not stopped at its deadline");
        QCOMPARE(creds.error().reason, std::string("ExecTimeout"));
        const QString text = qs(creds.error().toString());
        QVERIFY2(text.contains(QStringLiteral("300 ms")) && text.contains(QStringLiteral("stderr: waiting")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("/test/kubeconfig")));
    }

    void concurrentCallersRunThePluginOnce()
    {
        auto rc = load(QStringLiteral("conc"),
                       countingExec(QStringLiteral("conc"), "client.authentication.k8s.io/v1",
                                    "2999-01-01T00:00:00Z", "      interactiveMode: Never\n"));
        QVERIFY(rc.ok());
        auto provider = rc->credentials;
        std::vector<std::thread> threads;
        std::atomic<int> ok{0};
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&] { ok += provider->credentials(false).ok() ? 1 : 0; });
        for (auto &t : threads)
            t.join();
        QCOMPARE(ok.load(), 4);
        QCOMPARE(runs(QStringLiteral("conc")), 1);
    }
};

QTEST_GUILESS_MAIN(TestConfigExec)
#include "test_config_exec.moc"
