// The cluster flags and the kubeconfig → RestConfig → Client chain that `snapshot`, `push` and
// the window share: what the flags ask for, what connectToCluster() builds, and that every command
// words a bad kubeconfig the same way. No server: creating a client does not connect.
#include "app/cli/cluster_flags.h"
#include "app/cli/push_command.h"
#include "app/cli/snapshot_command.h"
#include "kube/http/client.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope::cli;

namespace {

const QByteArray kKubeconfig = "apiVersion: v1\nkind: Config\ncurrent-context: test\n"
                               "clusters:\n- name: test\n  cluster:\n    server: https://127.0.0.1:1\n"
                               "    insecure-skip-tls-verify: true\n"
                               "users:\n- name: test\n  user:\n    token: not-a-secret\n"
                               "contexts:\n- name: test\n  context:\n    cluster: test\n    user: test\n    namespace: shop\n"
                               "- name: other\n  context:\n    cluster: test\n    user: test\n";

const QString kUnset = QStringLiteral("<unset>");

QStringList withProgram(QStringList args)
{
    args.prepend(QStringLiteral("hpascope")); // as cli::run passes them
    return args;
}

} // namespace

class TestClusterFlags : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_good, m_malformed;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    // The flags as the window and `snapshot` declare them, read from args.
    ClusterChoice choose(const QStringList &args, QString *conflict = nullptr)
    {
        const ClusterFlags flags(QStringLiteral("one namespace"), QStringLiteral("all of them"));
        QCommandLineParser parser;
        flags.addTo(parser);
        if (!parser.parse(withProgram(args)))
            qFatal("parse: %s", qPrintable(parser.errorText()));
        if (conflict)
            *conflict = flags.conflict(parser);
        ClusterChoice c = flags.read(parser);
        c.load.env = {{"HOME", m_tmp.filePath(QStringLiteral("home")).toStdString()}}; // not this machine's
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_good = write(QStringLiteral("kubeconfig"), kKubeconfig);
        m_malformed = write(QStringLiteral("malformed"), "clusters: [\n  - name: {\n");
    }

    void readsTheFlags_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("kubeconfig");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("namespaceName");
        QTest::addColumn<QString>("conflict");
        QTest::newRow("nothing") << QStringList{} << "" << "" << kUnset << "";
        QTest::newRow("everything")
            << QStringList{QStringLiteral("--kubeconfig"), QStringLiteral("/k/config"), QStringLiteral("--context"),
                           QStringLiteral("prod"), QStringLiteral("-n"), QStringLiteral("shop")}
            << "/k/config" << "prod" << "shop" << "";
        QTest::newRow("--namespace") << QStringList{QStringLiteral("--namespace=web")} << "" << "" << "web" << "";
        QTest::newRow("-A") << QStringList{QStringLiteral("-A")} << "" << "" << "" << "";
        QTest::newRow("--all-namespaces") << QStringList{QStringLiteral("--all-namespaces")} << "" << "" << "" << "";
        QTest::newRow("-n \"\" is no choice") << QStringList{QStringLiteral("-n"), QString()} << "" << "" << kUnset << "";
        QTest::newRow("-n and -A")
            << QStringList{QStringLiteral("-n"), QStringLiteral("shop"), QStringLiteral("-A")} << "" << "" << ""
            << "-n and -A exclude each other";
    }
    void readsTheFlags()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, kubeconfig);
        QFETCH(QString, context);
        QFETCH(QString, namespaceName);
        QFETCH(QString, conflict);
        QString seenConflict;
        const ClusterChoice c = choose(args, &seenConflict);
        QCOMPARE(QString::fromStdString(c.load.kubeconfigPath), kubeconfig);
        QCOMPARE(QString::fromStdString(c.load.context), context);
        QCOMPARE(c.namespaceName.value_or(kUnset), namespaceName);
        QVERIFY(c.load.namespaceOverride.empty()); // the window applies -n to its first context only
        QCOMPARE(seenConflict, conflict);
    }

    void noAllNamespacesUnlessOffered()
    {
        const ClusterFlags flags(QStringLiteral("the object's namespace"));
        QCommandLineParser parser;
        flags.addTo(parser);
        QVERIFY(!parser.parse(withProgram({QStringLiteral("-A")})));
        QCOMPARE(parser.errorText(), QStringLiteral("Unknown option 'A'."));
        QVERIFY(parser.parse(withProgram({QStringLiteral("-n"), QStringLiteral("shop")})));
        QVERIFY(flags.conflict(parser).isEmpty());
        QCOMPARE(flags.read(parser).namespaceName.value_or(kUnset), QStringLiteral("shop"));
    }

    void connects_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("namespaceName");
        QTest::newRow("current context, its namespace") << QStringList{} << "test" << "shop";
        QTest::newRow("--context without a namespace: default")
            << QStringList{QStringLiteral("--context"), QStringLiteral("other")} << "other" << "default";
        QTest::newRow("-n wins") << QStringList{QStringLiteral("-n"), QStringLiteral("prod")} << "test" << "prod";
        QTest::newRow("-A: every namespace") << QStringList{QStringLiteral("-A")} << "test" << "";
    }
    void connects()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, context);
        QFETCH(QString, namespaceName);
        auto c = connectToCluster(choose(QStringList{QStringLiteral("--kubeconfig"), m_good} + args));
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().toString().c_str());
        QCOMPARE(QString::fromStdString(c->rest.contextName), context);
        QCOMPARE(QString::fromStdString(c->namespaceName), namespaceName);
        QCOMPARE(c->rest.server, std::string("https://127.0.0.1:1"));
        QVERIFY(c->client);
    }

    void refuses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message"); // part of it
        const QString missing = m_tmp.filePath(QStringLiteral("missing"));
        QTest::newRow("no kubeconfig at all") << QStringList{} << "NoKubeconfig" << "no kubeconfig found";
        QTest::newRow("missing --kubeconfig") << QStringList{QStringLiteral("--kubeconfig"), missing}
                                              << "KubeconfigNotFound" << missing + ": does not exist (given with --kubeconfig)";
        QTest::newRow("malformed") << QStringList{QStringLiteral("--kubeconfig"), m_malformed} << "InvalidYaml" << m_malformed;
        QTest::newRow("unknown context")
            << QStringList{QStringLiteral("--kubeconfig"), m_good, QStringLiteral("--context"), QStringLiteral("nope")}
            << "ContextNotFound" << "context \"nope\" given with --context is not defined in " + m_good;
        QTest::newRow("bad namespace")
            << QStringList{QStringLiteral("--kubeconfig"), m_good, QStringLiteral("-n"), QStringLiteral("Bad_NS")}
            << "InvalidKubeconfig" << "\"Bad_NS\" is not a valid namespace name";
    }
    void refuses()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        QFETCH(QString, message);
        auto c = connectToCluster(choose(args));
        QVERIFY(!c.ok());
        QCOMPARE(QString::fromStdString(c.error().reason), reason);
        const QString text = connectFailure(QStringLiteral("snapshot"), c.error());
        QVERIFY2(text.startsWith(QStringLiteral("hpascope snapshot: ")) && text.contains(message), qPrintable(text));
        const bool hint = text.contains(QStringLiteral("Set KUBECONFIG or pass --kubeconfig FILE.\n"));
        QCOMPARE(hint, reason == QStringLiteral("NoKubeconfig"));
    }

    // Both commands go through connectToCluster(): the same words for the same bad kubeconfig.
    void everyCommandSaysTheSame_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::newRow("unknown context") << QStringList{QStringLiteral("--kubeconfig"), m_good, QStringLiteral("--context"), QStringLiteral("nope")};
        QTest::newRow("malformed") << QStringList{QStringLiteral("--kubeconfig"), m_malformed};
        QTest::newRow("bad namespace") << QStringList{QStringLiteral("--kubeconfig"), m_good, QStringLiteral("-n"), QStringLiteral("Bad_NS")};
    }
    void everyCommandSaysTheSame()
    {
        QFETCH(QStringList, flags);
        QString snapshotOut, snapshotErr, pushOut, pushErr;
        QTextStream so(&snapshotOut), se(&snapshotErr), po(&pushOut), pe(&pushErr);
        const int snapshot = runSnapshot(withProgram(flags + QStringList{QStringLiteral("--json")}), so, se);
        const int push = runPush(withProgram(flags + QStringList{QStringLiteral("svc/web"), QStringLiteral("requests"), QStringLiteral("1")}), po, pe);
        se.flush();
        pe.flush();
        QCOMPARE(snapshot, 1);
        QCOMPARE(push, int(PushNoConfig));
        QVERIFY(snapshotOut.isEmpty() && pushOut.isEmpty());
        QVERIFY2(snapshotErr.startsWith(QStringLiteral("hpascope snapshot: ")), qPrintable(snapshotErr));
        QVERIFY2(pushErr.startsWith(QStringLiteral("hpascope push: ")), qPrintable(pushErr));
        QCOMPARE(pushErr.mid(15), snapshotErr.mid(19));
    }
};

QTEST_GUILESS_MAIN(TestClusterFlags)
#include "test_cluster_flags.moc"
