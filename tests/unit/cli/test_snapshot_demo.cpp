// `hpascope snapshot --demo`: the snapshot of the embedded demo cluster, the one headless command
// that needs no Kubernetes (tests/package/check runs it on the installed .deb). Runs the real
// command function against the demo's real HTTP server.
#include "app/cli/snapshot_command.h"

#include <QTest>
#include <nlohmann/json.hpp>
#include <set>

using namespace hpascope::cli;

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run snapshot(QStringList args)
{
    args.prepend(QStringLiteral("hpascope")); // as cli::run passes them
    Run r;
    QTextStream out(&r.out), err(&r.err);
    r.code = runSnapshot(args, out, err);
    out.flush();
    err.flush();
    return r;
}

} // namespace

class TestSnapshotDemo : public QObject {
    Q_OBJECT

private slots:
    void theDemosHpasInItsNamespace()
    {
        const Run r = snapshot({QStringLiteral("--demo"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto doc = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(doc["context"].get<std::string>(), std::string("hpascope-demo"));
        std::set<std::string> names;
        for (const auto &h : doc["hpas"]) {
            QCOMPARE(h["namespace"].get<std::string>(), std::string("default"));
            names.insert(h["name"].get<std::string>());
        }
        QCOMPARE(names, (std::set<std::string>{"api", "batch", "web", "worker"}));
    }

    void namespaceFlagPicksAnother()
    {
        const Run r = snapshot({QStringLiteral("--demo"), QStringLiteral("-n"), QStringLiteral("nowhere"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(nlohmann::json::parse(r.out.toStdString())["hpas"].empty());
    }

    void demoExcludesAKubeconfigContext()
    {
        const Run r = snapshot({QStringLiteral("--demo"), QStringLiteral("--context"), QStringLiteral("prod"), QStringLiteral("--json")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("--demo")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDemo)
#include "test_snapshot_demo.moc"
