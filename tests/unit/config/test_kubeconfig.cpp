// Kubeconfig discovery, merging, per-context RestConfig, and the error for every malformed
// kubeconfig we know of (each must name the file, the entry and the problem).
#include "config_test_support.h"

#include "kube/config/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <optional>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

// While alive, this thread runs without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH in its
// effective set, so even root gets EACCES from a file's permissions (capabilities are per
// thread on Linux, and Kubeconfig::load reads on the calling thread). Restored after.
class WithoutPermissionOverride {
public:
    WithoutPermissionOverride()
    {
        if (syscall(SYS_capget, &m_header, m_saved) != 0)
            return;
        __user_cap_data_struct lowered[2] = {m_saved[0], m_saved[1]};
        lowered[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
        m_lowered = syscall(SYS_capset, &m_header, lowered) == 0;
    }
    ~WithoutPermissionOverride()
    {
        if (m_lowered)
            syscall(SYS_capset, &m_header, m_saved);
    }
    WithoutPermissionOverride(const WithoutPermissionOverride &) = delete;
    WithoutPermissionOverride &operator=(const WithoutPermissionOverride &) = delete;
    bool lowered() const { return m_lowered; }

private:
    __user_cap_header_struct m_header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct m_saved[2]{};
    bool m_lowered = false;
};

} // namespace

using kube::config::Kubeconfig;
using kube::config::LoadOptions;
using namespace testsupport;

namespace {

enum Stage { AtLoad, AtRestConfig, AtCredentials };

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestKubeconfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Pki m_pki;
    QString path(const QString &rel) const { return m_dir.path() + QLatin1Char('/') + rel; }
    LoadOptions options(const QString &kubeconfig = {}) const
    {
        LoadOptions o;
        o.kubeconfigPath = toStd(kubeconfig);
        o.env = baseEnv(path(QStringLiteral("home")));
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(QStringLiteral("pki"))));
        QString error;
        QVERIFY2(makePki(path(QStringLiteral("pki")), &m_pki, &error), qPrintable(error));
        QVERIFY(installPlugins(m_dir.path()));
    }

    void noKubeconfigIsAClearState()
    {
        const auto kc = Kubeconfig::load(options());
        QVERIFY(!kc.ok());
        QCOMPARE(kc.error().kind, kube::Error::Kind::Config);
        QCOMPARE(kc.error().reason, std::string("NoKubeconfig"));
        QCOMPARE(kc.error().message,
                 std::string("no kubeconfig found: KUBECONFIG is unset and ~/.kube/config does not exist"));
    }

    void kubeconfigListWithOnlyMissingFiles()
    {
        LoadOptions o = options();
        o.env["KUBECONFIG"] = toStd(path(QStringLiteral("nope1")) + QLatin1Char(':') + path(QStringLiteral("nope2")));
        const auto kc = Kubeconfig::load(o);
        QVERIFY(!kc.ok());
        QCOMPARE(kc.error().reason, std::string("NoKubeconfig"));
        QVERIFY(qs(kc.error().message).contains(path(QStringLiteral("nope2"))));
    }

    void explicitMissingFileIsAnError()
    {
        const auto kc = Kubeconfig::load(options(path(QStringLiteral("missing.yaml"))));
        QVERIFY(!kc.ok());
        QCOMPARE(kc.error().reason, std::string("KubeconfigNotFound"));
        QVERIFY(qs(kc.error().message).contains(path(QStringLiteral("missing.yaml"))));
        QVERIFY(qs(kc.error().message).contains(QStringLiteral("--kubeconfig")));
    }

    void defaultHomeKubeconfig()
    {
        const QString home = path(QStringLiteral("home2"));
        QVERIFY(writeFile(home + QStringLiteral("/.kube/config"),
                          readFile(QStringLiteral(HPASCOPE_TEST_DATA_DIR "/merge/b.yaml"))));
        LoadOptions o;
        o.env = baseEnv(home);
        const auto kc = Kubeconfig::load(o);
        QVERIFY2(kc.ok(), kc.ok() ? "" : kc.error().toString().c_str());
        QCOMPARE(kc->files(), std::vector<std::string>{toStd(home + QStringLiteral("/.kube/config"))});
        QCOMPARE(kc->currentContext(), std::string("b-ctx"));
    }

    void mergeFirstFileWins()
    {
        const QString d = QStringLiteral(HPASCOPE_TEST_DATA_DIR "/merge/");
        LoadOptions o = options();
        // a.yaml listed twice and a missing file in between: deduplicated, skipped with a warning.
        o.env["KUBECONFIG"] = toStd(d + QStringLiteral("a.yaml:") + path(QStringLiteral("gone.yaml"))
                                    + QStringLiteral("::") + d + QStringLiteral("b.yaml:") + d
                                    + QStringLiteral("c.json:") + d + QStringLiteral("a.yaml"));
        const auto kc = Kubeconfig::load(o);
        QVERIFY2(kc.ok(), kc.ok() ? "" : kc.error().toString().c_str());
        const std::vector<std::string> files = {toStd(d + QStringLiteral("a.yaml")),
                                                toStd(d + QStringLiteral("b.yaml")),
                                                toStd(d + QStringLiteral("c.json"))};
        QCOMPARE(kc->files(), files);
        QCOMPARE(kc->warnings().size(), std::size_t(1));
        QVERIFY(qs(kc->warnings().front()).contains(QStringLiteral("gone.yaml")));
        QCOMPARE(kc->contextNames(), (std::vector<std::string>{"a-ctx", "b-ctx", "c-ctx"}));
        QCOMPARE(kc->currentContext(), std::string("b-ctx")); // a.yaml sets none; b.yaml is first

        auto a = kc->restConfig("a-ctx");
        QVERIFY(a.ok());
        QCOMPARE(a->server, std::string("https://a.example:6443")); // a.yaml's a-ctx and cluster
        QCOMPARE(a->namespaceName, std::string("team-a"));
        QVERIFY(a->insecureSkipTlsVerify);
        QCOMPARE(a->credentials->credentials(false)->bearerToken, std::string("token-a"));
        QCOMPARE(a->sourceFile, files[0]);

        auto b = kc->restConfig(); // current
        QVERIFY(b.ok());
        QCOMPARE(b->contextName, std::string("b-ctx"));
        QCOMPARE(b->server, std::string("https://a.example:6443")); // "shared" from a.yaml
        QCOMPARE(b->credentials->credentials(false)->bearerToken, std::string("token-bob"));
        QCOMPARE(b->namespaceName, std::string("default"));

        auto c = kc->restConfig("c-ctx");
        QVERIFY(c.ok());
        QCOMPARE(c->server, std::string("https://c.example:8443/prefix")); // JSON input, no slash
    }

    void currentContextFromFirstFileThatSetsIt()
    {
        const QString d = QStringLiteral(HPASCOPE_TEST_DATA_DIR "/merge/");
        LoadOptions o = options();
        o.env["KUBECONFIG"] = toStd(d + QStringLiteral("c.json:") + d + QStringLiteral("b.yaml"));
        const auto kc = Kubeconfig::load(o);
        QVERIFY(kc.ok());
        QCOMPARE(kc->currentContext(), std::string("c-ctx"));

        o.context = "b-ctx"; // --context overrides
        o.namespaceOverride = "kube-system";
        const auto kc2 = Kubeconfig::load(o);
        QVERIFY(kc2.ok());
        QCOMPARE(kc2->currentContext(), std::string("b-ctx"));
        QCOMPARE(kc2->restConfig()->namespaceName, std::string("kube-system"));
    }

    void explicitKubeconfigOverridesEnvironment()
    {
        LoadOptions o = options(QStringLiteral(HPASCOPE_TEST_DATA_DIR "/merge/c.json"));
        o.env["KUBECONFIG"] = HPASCOPE_TEST_DATA_DIR "/merge/a.yaml";
        const auto kc = Kubeconfig::load(o);
        QVERIFY(kc.ok());
        QCOMPARE(kc->files().size(), std::size_t(1));
        QCOMPARE(kc->contextNames(), std::vector<std::string>{"c-ctx"});
    }

    // The fuzzer's entry point: the same parse, merge and context choice as load(), from text.
    void fromTextReadsNoFile()
    {
        const std::string text = "current-context: dev\n"
                                 "clusters: [{name: dev, cluster: {server: \"https://10.0.0.1:6443\"}}]\n"
                                 "users: [{name: dev, user: {token: t0k3n}}]\n"
                                 "contexts: [{name: dev, context: {cluster: dev, user: dev, namespace: web}}]\n";
        const auto kc = Kubeconfig::fromText("/nonexistent/config", text, options());
        QVERIFY(kc.ok());
        QCOMPARE(kc->files(), std::vector<std::string>{"/nonexistent/config"});
        const auto rc = kc->restConfig();
        QVERIFY2(rc.ok(), rc.ok() ? "" : rc.error().toString().c_str());
        QCOMPARE(rc->server, std::string("https://10.0.0.1:6443"));
        QCOMPARE(rc->namespaceName, std::string("web"));
        LoadOptions other = options();
        other.context = "nope";
        const auto missing = Kubeconfig::fromText("/nonexistent/config", text, other);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().reason, std::string("ContextNotFound"));
        QVERIFY(!Kubeconfig::fromText("/nonexistent/config", "[a, b", options()).ok());
    }

    void relativePathsAndClusterFields()
    {
        const QString config = path(QStringLiteral("conf/config"));
        QVERIFY(instantiate(QStringLiteral("relative/config.yaml"), config, m_dir.path(), m_pki));
        QVERIFY(writeFile(path(QStringLiteral("secrets/token")), "  file-token-1\n"));
        QVERIFY(QDir::setCurrent(QDir::rootPath())); // relative to the file, not to the cwd
        const auto kc = Kubeconfig::load(options(config));
        QVERIFY2(kc.ok(), kc.ok() ? "" : kc.error().toString().c_str());

        auto rel = kc->restConfig();
        QVERIFY2(rel.ok(), rel.ok() ? "" : rel.error().toString().c_str());
        QCOMPARE(rel->server, std::string("https://10.0.0.1:6443")); // no scheme + CA → https
        QCOMPARE(rel->caPem, m_pki.caPem);
        QCOMPARE(rel->tlsServerName, std::string("api.internal"));
        QCOMPARE(rel->proxyUrl, std::string("http://proxyuser:proxypass@proxy.example:3128"));
        QVERIFY(!rel->insecureSkipTlsVerify);
        const auto creds = rel->credentials->credentials(false);
        QVERIFY(creds.ok());
        QCOMPARE(creds->clientCertPem, m_pki.clientCertPem);
        QCOMPARE(creds->clientKeyPem, m_pki.clientKeyPem);
        QVERIFY(creds->bearerToken.empty());
        const QString description = qs(kube::config::describe(rel.value()));
        QVERIFY(description.contains(QStringLiteral("https://10.0.0.1:6443")));
        QVERIFY(!description.contains(QStringLiteral("proxypass")));
        QVERIFY(!description.contains(QStringLiteral("PRIVATE")));

        auto tok = kc->restConfig("rel-token");
        QVERIFY2(tok.ok(), tok.ok() ? "" : tok.error().toString().c_str());
        QCOMPARE(tok->server, std::string("https://plain.example:6443"));
        QCOMPARE(tok->namespaceName, std::string("monitoring"));
        QCOMPARE(tok->credentials->credentials(false)->bearerToken, std::string("file-token-1"));
        QVERIFY(!qs(kube::config::describe(tok.value())).contains(QStringLiteral("file-token-1")));

        auto embedded = kc->restConfig("embedded");
        QVERIFY(embedded.ok());
        QCOMPARE(embedded->credentials->credentials(false)->clientKeyPem, m_pki.clientKeyPem);

        auto anonymous = kc->restConfig("anonymous");
        QVERIFY(anonymous.ok());
        QVERIFY(anonymous->credentials != nullptr);
        QVERIFY(anonymous->credentials->credentials(false)->bearerToken.empty());
    }

    void insecureFlagIsReported()
    {
        const auto kc = Kubeconfig::load(options(QStringLiteral(HPASCOPE_TEST_DATA_DIR "/merge/a.yaml")));
        QVERIFY(kc.ok());
        QVERIFY(!kc->currentContext().size()); // a.yaml sets no current-context
        auto none = kc->restConfig();
        QVERIFY(!none.ok());
        QCOMPARE(none.error().reason, std::string("NoContext"));
        auto rc = kc->restConfig("a-ctx");
        QVERIFY(rc.ok());
        QVERIFY(rc->insecureSkipTlsVerify);
        const QString d = qs(kube::config::describe(rc.value()));
        QVERIFY(d.contains(QStringLiteral("TLS verification DISABLED")));
        QVERIFY(!d.contains(QStringLiteral("token-a")));
    }

    void malformed_data();
    void malformed();
};

void TestKubeconfig::malformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *file, Stage stage, const char *reason, QStringList expected,
                        const char *context = "") {
        QTest::newRow(file) << QString::fromLatin1(file) << int(stage) << QString::fromLatin1(context)
                            << QString::fromLatin1(reason) << expected;
    };
    const auto S = [](const char *s) { return QString::fromUtf8(s); };
    row("bad-yaml", AtLoad, "InvalidYaml", {S("yaml:8:"), S("is not valid YAML"), S("line 8")});
    row("top-level-list", AtLoad, "InvalidKubeconfig", {S("top level is not a mapping")});
    row("wrong-kind", AtLoad, "InvalidKubeconfig", {S(":2: kind"), S("\"Pod\""), S("kind: Config")});
    row("wrong-api-version", AtLoad, "InvalidKubeconfig", {S("apiVersion"), S("\"v2\"")});
    row("clusters-not-list", AtLoad, "InvalidKubeconfig", {S(": clusters"), S("must be a list")});
    row("entry-without-name", AtLoad, "InvalidKubeconfig", {S("users[0]"), S("has no name")});
    row("duplicate-cluster", AtLoad, "InvalidKubeconfig",
        {S(":7: clusters[dev]"), S("defined twice"), S("line 5")});
    row("insecure-not-bool", AtLoad, "InvalidKubeconfig",
        {S("clusters[dev].insecure-skip-tls-verify"), S("must be true or false")});
    row("exec-args-not-strings", AtLoad, "InvalidKubeconfig",
        {S("users[dev].exec.args[0]"), S("must be a string")});
    row("exec-extension-aliases", AtLoad, "InvalidKubeconfig",
        {S(":12: clusters[dev].extensions[client.authentication.k8s.io/exec]"),
         S("over 100000 values once its aliases are expanded")});
    row("exec-extension-self-alias", AtLoad, "InvalidKubeconfig",
        {S("clusters[dev].extensions[client.authentication.k8s.io/exec]"), S("nests deeper than 64 levels")});
    row("is-a-directory", AtLoad, "KubeconfigUnreadable", {S("cannot be read"), S("directory")});
    row("unreadable", AtLoad, "KubeconfigUnreadable", {S("cannot be read"), S("Permission denied")});
    row("unknown-current-context", AtLoad, "ContextNotFound",
        {S("context \"nope\" given with --context"), S("available contexts: dev")}, "nope");
    row("empty", AtRestConfig, "EmptyConfig", {S("is empty"), S("no contexts")});
    row("context-missing-cluster", AtRestConfig, "InvalidKubeconfig",
        {S("contexts[dev].cluster"), S("is not set")});
    row("context-missing-user", AtRestConfig, "InvalidKubeconfig",
        {S("contexts[dev].user"), S("is not set")});
    row("context-unknown-cluster", AtRestConfig, "InvalidKubeconfig",
        {S("contexts[dev].cluster"), S("refers to cluster \"nope\""), S("not defined")});
    row("context-unknown-user", AtRestConfig, "InvalidKubeconfig",
        {S("contexts[dev].user"), S("refers to user \"nobody\"")});
    row("unknown-current-context", AtRestConfig, "ContextNotFound",
        {S(":3: current-context"), S("\"ghost\" is not defined"), S("available contexts: dev")});
    row("cluster-without-server", AtRestConfig, "InvalidKubeconfig",
        {S("clusters[dev].server"), S("is not set")});
    row("server-no-host", AtRestConfig, "InvalidKubeconfig",
        {S("clusters[dev].server"), S("has no host name")});
    row("server-bad-scheme", AtRestConfig, "InvalidKubeconfig",
        {S("clusters[dev].server"), S("unsupported scheme \"ftp\"")});
    row("server-bad-port", AtRestConfig, "InvalidKubeconfig",
        {S("clusters[dev].server"), S("invalid port")});
    row("missing-ca-file", AtRestConfig, "BadCertificate",
        {S("clusters[dev].certificate-authority"), S("no-such-ca.crt"), S("No such file")});
    row("bad-ca-base64", AtRestConfig, "BadCertificate",
        {S("clusters[dev].certificate-authority-data"), S("not valid base64")});
    row("ca-not-pem", AtRestConfig, "BadCertificate",
        {S("clusters[dev].certificate-authority-data"), S("is not PEM")});
    row("ca-and-insecure", AtRestConfig, "InvalidKubeconfig",
        {S("clusters[dev]"), S("insecure-skip-tls-verify and a certificate authority")});
    row("ca-file-and-data", AtRestConfig, "InvalidKubeconfig",
        {S("clusters[dev]"), S("both certificate-authority and certificate-authority-data")});
    row("bad-proxy-url", AtRestConfig, "InvalidKubeconfig",
        {S("clusters[dev].proxy-url"), S("unsupported scheme")});
    row("bad-namespace", AtRestConfig, "InvalidKubeconfig",
        {S("contexts[dev].namespace"), S("Not_A_Label"), S("DNS-1123")});
    row("cert-without-key", AtRestConfig, "InvalidKubeconfig",
        {S("users[dev].client-key"), S("is missing")});
    row("key-without-cert", AtRestConfig, "InvalidKubeconfig",
        {S("users[dev].client-certificate"), S("is missing")});
    row("bad-key-pem", AtRestConfig, "BadCertificate",
        {S("users[dev].client-key-data"), S("cannot be parsed")});
    row("key-is-a-certificate", AtRestConfig, "BadCertificate",
        {S("users[dev].client-key-data"), S("no private key")});
    row("cert-bad-base64", AtRestConfig, "BadCertificate",
        {S("users[dev].client-certificate-data"), S("not valid base64")});
    row("key-bad-base64", AtRestConfig, "BadCertificate",
        {S("users[dev].client-key-data"), S("not valid base64")});
    row("key-mismatch", AtRestConfig, "BadCertificate",
        {S("users[dev].client-key-data"), S("does not match")});
    row("missing-cert-file", AtRestConfig, "BadCertificate",
        {S("users[dev].client-certificate"), S("certs/missing.crt"), S("No such file")});
    row("token-file-missing", AtRestConfig, "TokenFileError",
        {S("users[dev].tokenFile"), S("secrets/no-such-token"), S("No such file")});
    row("token-file-endless", AtRestConfig, "TokenFileError",
        {S("users[dev].tokenFile"), S("/dev/zero cannot be read: File too large")});
    row("basic-auth", AtRestConfig, "UnsupportedAuth",
        {S("users[dev].username"),
         S("basic authentication is not supported by hpascope (removed from Kubernetes in 1.19); "
           "use a token or client certificate")});
    row("auth-provider-gcp", AtRestConfig, "UnsupportedAuth",
        {S("users[dev].auth-provider"), S("\"gcp\""), S("not support"), S("gke-gcloud-auth-plugin")});
    row("exec-unknown-api-version", AtRestConfig, "InvalidKubeconfig",
        {S("users[dev].exec.apiVersion"), S("v1alpha1"), S("not supported")});
    row("exec-no-command", AtRestConfig, "InvalidKubeconfig",
        {S("users[dev].exec.command"), S("is not set")});
    row("exec-no-api-version", AtRestConfig, "InvalidKubeconfig",
        {S("users[dev].exec.apiVersion"), S("is not set")});
    row("exec-v1-no-interactive-mode", AtRestConfig, "InvalidKubeconfig",
        {S("users[dev].exec.interactiveMode"), S("must be set")});
    row("exec-interactive-always", AtRestConfig, "ExecInteractive",
        {S("users[dev].exec.interactiveMode"), S("Always"), S("without a terminal")});
    row("exec-env-without-name", AtRestConfig, "InvalidKubeconfig",
        {S("users[dev].exec.env[0].name"), S("is not set")});
    row("exec-not-found", AtRestConfig, "ExecNotFound",
        {S("users[dev].exec.command"), S("\"hpascope-no-such-plugin\" was not found in /usr/bin:/bin"),
         S("Install it with: brew install hpascope-no-such-plugin")});
    row("exec-exit3", AtCredentials, "ExecFailed",
        {S("users[dev].exec"), S("exit code 3"),
         S("stderr: progress: refreshing\n  boom: token expired, run 'login' again)")});
    row("exec-invalid-json", AtCredentials, "ExecInvalidOutput",
        {S("users[dev].exec"), S("invalid JSON")});
    row("exec-wrong-kind", AtCredentials, "ExecInvalidOutput",
        {S("users[dev].exec"), S("kind \"Pod\""), S("expected ExecCredential")});
    row("exec-wrong-version", AtCredentials, "ExecInvalidOutput",
        {S("users[dev].exec"), S("plugin returned version client.authentication.k8s.io/v1beta1")});
    row("exec-no-status", AtCredentials, "ExecInvalidOutput",
        {S("users[dev].exec"), S("didn't return a status field")});
    row("exec-empty-status", AtCredentials, "ExecInvalidOutput",
        {S("users[dev].exec"), S("didn't return a token or cert/key pair")});
}

void TestKubeconfig::malformed()
{
    QFETCH(QString, file);
    QFETCH(int, stage);
    QFETCH(QString, context);
    QFETCH(QString, reason);
    QFETCH(QStringList, expected);

    const QString target = path(file + QStringLiteral(".yaml"));
    if (file == QLatin1String("is-a-directory")) {
        QVERIFY(QDir().mkpath(target));
    } else if (file == QLatin1String("unreadable")) {
        QVERIFY(instantiate(QStringLiteral("merge/b.yaml"), target, m_dir.path(), m_pki));
        QVERIFY(QFile::setPermissions(target, QFileDevice::Permissions()));
    } else {
        QVERIFY(instantiate(QStringLiteral("malformed/") + file + QStringLiteral(".yaml"), target,
                            m_dir.path(), m_pki));
    }

    LoadOptions o = options(target);
    o.context = toStd(context);
    // Root (CI runs as root) reads files whatever their permissions, unless it gives that up.
    std::optional<WithoutPermissionOverride> asUser;
    if (file == QLatin1String("unreadable") && ::geteuid() == 0) {
        asUser.emplace();
        QVERIFY2(asUser->lowered(), "could not drop CAP_DAC_OVERRIDE for this thread");
    }
    const auto kc = Kubeconfig::load(o);
    asUser.reset();
    kube::Error error;
    if (stage == AtLoad) {
        QVERIFY2(!kc.ok(), "load() succeeded");
        error = kc.error();
    } else {
        QVERIFY2(kc.ok(), kc.ok() ? "" : kc.error().toString().c_str());
        const auto rc = kc->restConfig();
        if (stage == AtRestConfig) {
            QVERIFY2(!rc.ok(), "restConfig() succeeded");
            error = rc.error();
        } else {
            QVERIFY2(rc.ok(), rc.ok() ? "" : rc.error().toString().c_str());
            const auto creds = rc->credentials->credentials(false);
            QVERIFY2(!creds.ok(), "credentials() succeeded");
            error = creds.error();
        }
    }
    const QString text = qs(error.toString());
    if (qEnvironmentVariableIsSet("HPASCOPE_TEST_VERBOSE")) // to review the wording by eye
        qInfo().noquote() << text;
    QVERIFY2(text.contains(target), qPrintable(QStringLiteral("no file name in: ") + text));
    for (const QString &part : expected)
        QVERIFY2(text.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, text)));
    QCOMPARE(qs(error.reason), reason);
    for (const char *secret : {"hunter2", "secret-tok", "s3cr3t"})
        QVERIFY2(!text.contains(QLatin1String(secret)), qPrintable(QStringLiteral("secret in: ") + text));
}

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "test_kubeconfig.moc"
