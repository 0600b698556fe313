// The main window as a person meets it: with no kubeconfig, a broken one, an unreachable server,
// and an insecure context. Offscreen; waits on what the widgets show, never on fixed sleeps.
#include "app/core/cluster_session.h"
#include "app/window/main_window.h"
#include "widgets/connection_status_widget.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

// A port on which nothing listens: bind, remember, close.
quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost))
        qFatal("cannot bind");
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

QByteArray kubeconfigFor(const QString &server, bool insecure, const QString &second = {})
{
    QByteArray y = "apiVersion: v1\nkind: Config\ncurrent-context: main\nclusters:\n"
                   "- name: c1\n  cluster:\n    server: " + server.toUtf8() + "\n";
    if (insecure)
        y += "    insecure-skip-tls-verify: true\n";
    y += "users:\n- name: u1\n  user:\n    token: not-a-real-token\ncontexts:\n"
         "- name: main\n  context:\n    cluster: c1\n    user: u1\n    namespace: apps\n";
    if (!second.isEmpty())
        y += "- name: " + second.toUtf8() + "\n  context:\n    cluster: c1\n    user: u1\n";
    return y;
}

QLabel *banner(MainWindow &w)
{
    return w.findChild<QLabel *>(QStringLiteral("stateBanner"));
}

StartupOptions withFile(const QString &path)
{
    StartupOptions o;
    o.load.kubeconfigPath = path.toStdString();
    return o;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void noKubeconfigSaysSo()
    {
        QTemporaryDir home;
        StartupOptions o;
        o.load.env = {{"HOME", home.path().toStdString()}};
        MainWindow w(o);
        w.show();
        QTRY_VERIFY(banner(w)->isVisible());
        QVERIFY2(banner(w)->text().contains(QStringLiteral("No cluster configured")), qPrintable(banner(w)->text()));
        QVERIFY2(banner(w)->text().contains(QStringLiteral("kubeconfig")), qPrintable(banner(w)->text()));
        QCOMPARE(w.session()->state().kind, ConnectionState::Kind::NotConfigured);
        QVERIFY(w.statusWidget()->text().contains(QStringLiteral("No cluster configured")));
    }

    void malformedKubeconfigNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("broken.yaml"), "apiVersion: v1\nclusters: [ {name: x\n");
        MainWindow w(withFile(path));
        w.show();
        QTRY_VERIFY(banner(w)->isVisible());
        QVERIFY2(banner(w)->text().contains(QStringLiteral("broken.yaml")), qPrintable(banner(w)->text()));
        // A kubeconfig that is there but broken is not "no cluster configured".
        QVERIFY2(banner(w)->text().contains(QStringLiteral("Cannot connect with this kubeconfig")), qPrintable(banner(w)->text()));
        QVERIFY(!banner(w)->text().contains(QStringLiteral("No cluster configured")));
        QVERIFY(w.statusWidget()->text().contains(QStringLiteral("Cannot connect with this kubeconfig")));
    }

    void unreachableServerShowsReconnect()
    {
        QTemporaryDir dir;
        const QString server = QStringLiteral("https://127.0.0.1:%1").arg(closedPort());
        const QString path = writeFile(dir, QStringLiteral("config"), kubeconfigFor(server, false, QStringLiteral("other")));
        MainWindow w(withFile(path));
        w.show();
        QCOMPARE(w.contextPicker()->count(), 2);
        QCOMPARE(w.contextPicker()->currentText(), QStringLiteral("main"));
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->state().kind == ConnectionState::Kind::Reconnecting, 10000);
        const QString text = w.statusWidget()->text();
        QVERIFY2(text.contains(QStringLiteral("Reconnecting in")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("not-a-real-token")), "a secret reached the status bar");
        QVERIFY(!w.statusWidget()->insecureWarningVisible());
    }

    void insecureContextWarns()
    {
        QTemporaryDir dir;
        const QString server = QStringLiteral("https://127.0.0.1:%1").arg(closedPort());
        const QString path = writeFile(dir, QStringLiteral("config"), kubeconfigFor(server, true));
        MainWindow w(withFile(path));
        w.show();
        QTRY_VERIFY(w.statusWidget()->insecureWarningVisible());
    }

    void contextNamespaceIsPreselected()
    {
        QTemporaryDir dir;
        const QString server = QStringLiteral("https://127.0.0.1:%1").arg(closedPort());
        const QString path = writeFile(dir, QStringLiteral("config"), kubeconfigFor(server, false));
        StartupOptions o = withFile(path);
        o.namespaceName = QStringLiteral("apps");
        MainWindow w(o);
        QCOMPARE(w.namespacePicker()->currentText(), QStringLiteral("apps"));
        QCOMPARE(w.session()->namespaceName(), QStringLiteral("apps"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
