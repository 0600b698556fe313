// The Pods tab's model: each of the target's pods with what the HPA controller makes of it, by
// the rules the explainer applies (kube::api::hpaPodRole): Running and Ready counted; Running
// but not Ready counted (0 on a CPU scale-up); Pending not counted yet; being deleted or Failed
// ignored. The summary line counts them; ages move with the clock; an unchanged list keeps the
// rows (no reset, so a selection stays).
#include "app/core/hpa_pods_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hpascope;

namespace {

const QDateTime kNow(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);

TrackedPod pod(const QString &name, const QString &phase, bool ready, bool deleting = false, int ageSecs = 120)
{
    TrackedPod p;
    p.name = name;
    p.phase = phase;
    p.ready = ready;
    p.terminating = deleting;
    p.created = kNow.addSecs(-ageSecs);
    return p;
}

TrackedPod withRequests(TrackedPod p, qint64 cpuMilli, qint64 memoryMilli)
{
    p.requestsView.name = p.name.toStdString();
    p.requestsView.containers.push_back({"app", {{"cpu", cpuMilli}, {"memory", memoryMilli}}});
    return p;
}

constexpr qint64 kMi = 1024LL * 1024 * 1000; // one MiB in milli-bytes

PodUsageSample sample(qint64 cpuMilli, qint64 memoryMilli)
{
    return {cpuMilli, memoryMilli, kNow};
}

} // namespace

class TestHpaPodsModel : public QObject {
    Q_OBJECT

private slots:
    void eachPodSaysHowTheControllerTakesIt()
    {
        HpaPodsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setPods({pod(QStringLiteral("web-a"), QStringLiteral("Running"), true),
                   pod(QStringLiteral("web-b"), QStringLiteral("Running"), false),
                   pod(QStringLiteral("web-c"), QStringLiteral("Pending"), false, false, 5),
                   pod(QStringLiteral("web-d"), QStringLiteral("Running"), true, true),
                   pod(QStringLiteral("web-e"), QStringLiteral("Failed"), false)},
                  kNow);
        QCOMPARE(m.rowCount(), 5);
        const QStringList roles = {QStringLiteral("counted"), QStringLiteral("unready"), QStringLiteral("pending"),
                                   QStringLiteral("ignored"), QStringLiteral("ignored")};
        for (int r = 0; r < 5; ++r)
            QCOMPARE(m.index(r, 0).data(HpaPodsModel::RoleRole).toString(), roles[r]);
        QCOMPARE(m.index(0, HpaPodsModel::Controller).data().toString(), QStringLiteral("counted"));
        QCOMPARE(m.index(1, HpaPodsModel::Controller).data().toString(), QStringLiteral("counted, not Ready"));
        QCOMPARE(m.index(2, HpaPodsModel::Controller).data().toString(), QStringLiteral("not counted yet (0 on a scale-up)"));
        QCOMPARE(m.index(3, HpaPodsModel::Phase).data().toString(), QStringLiteral("Running, being deleted"));
        QCOMPARE(m.index(3, HpaPodsModel::Controller).data().toString(), QStringLiteral("ignored"));
        QCOMPARE(m.index(2, HpaPodsModel::Ready).data().toString(), QStringLiteral("no"));
        QCOMPARE(m.index(2, HpaPodsModel::Age).data().toString(), QStringLiteral("5 s ago"));
        QVERIFY(m.index(2, HpaPodsModel::Controller).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Pending")));
        QCOMPARE(m.summary(), QStringLiteral("5 pods: 1 counted, 1 not Ready, 1 pending, 2 ignored"));
    }

    void agesMoveAndAnUnchangedListKeepsItsRows()
    {
        HpaPodsModel m;
        const std::vector<TrackedPod> pods = {pod(QStringLiteral("web-a"), QStringLiteral("Running"), true)};
        m.setPods(pods, kNow);
        QCOMPARE(m.index(0, HpaPodsModel::Age).data().toString(), QStringLiteral("2 min ago"));
        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&m, &QAbstractItemModel::dataChanged);
        m.setNow(kNow.addSecs(3600));
        QCOMPARE(m.index(0, HpaPodsModel::Age).data().toString(), QStringLiteral("1 h 2 min ago"));
        QCOMPARE(changes.size(), 1);
        m.setPods(pods, kNow.addSecs(3600)); // the same pods: only the ages move
        QCOMPARE(changes.size(), 2);
        QCOMPARE(resets.size(), 0);
        std::vector<TrackedPod> unready = pods;
        unready[0].ready = false;
        m.setPods(unready, kNow.addSecs(3600));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(m.index(0, HpaPodsModel::Controller).data().toString(), QStringLiteral("counted, not Ready"));
        m.setPods(unready, kNow.addSecs(3600));
        QCOMPARE(resets.size(), 1); // unchanged again: no second reset
    }

    // kubectl top's numbers against the requests the HPA controller divides by, "—" where there is
    // nothing to show, and the explainer's missing-metric rule for a Resource metric.
    void cpuAndMemoryAgainstRequests()
    {
        HpaPodsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TrackedPod noRequest = pod(QStringLiteral("api-c"), QStringLiteral("Running"), true);
        noRequest.requestsView.name = "api-c";
        noRequest.requestsView.containers.push_back({"app", {}});
        m.setPods({withRequests(pod(QStringLiteral("api-a"), QStringLiteral("Running"), true), 500, 128 * kMi),
                   withRequests(pod(QStringLiteral("api-b"), QStringLiteral("Running"), true), 500, 128 * kMi),
                   noRequest,
                   withRequests(pod(QStringLiteral("api-d"), QStringLiteral("Pending"), false), 500, 128 * kMi)},
                  kNow);
        const QString dash = QStringLiteral("\u2014");
        // Before any answer: a dash, and the note once above the table.
        QCOMPARE(m.index(0, HpaPodsModel::Cpu).data().toString(), dash);
        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy summaries(&m, &HpaPodsModel::summaryChanged);
        HpaPodsModel::Usage notServed;
        notServed.why = QStringLiteral("metrics.k8s.io is not served (metrics-server not installed)");
        notServed.resourceMetric = true;
        m.setUsage(notServed);
        QCOMPARE(m.usageNote(), notServed.why);
        QCOMPARE(m.index(0, HpaPodsModel::Cpu).data(Qt::ToolTipRole).toString(), notServed.why);
        QCOMPARE(m.index(0, HpaPodsModel::Controller).data().toString(), QStringLiteral("counted")); // not "missing"
        QCOMPARE(summaries.size(), 1);

        HpaPodsModel::Usage usage;
        usage.known = true;
        usage.resourceMetric = true;
        usage.pods[QStringLiteral("api-a")] = sample(250, 64 * kMi);
        usage.pods[QStringLiteral("api-c")] = sample(7, 3 * kMi + 5);
        m.setUsage(usage);
        QCOMPARE(resets.size(), 0); // the rows stay
        QVERIFY(changes.size() >= 2);
        QVERIFY(m.usageNote().isEmpty());
        QCOMPARE(m.index(0, HpaPodsModel::Cpu).data().toString(), QStringLiteral("250m / 500m \u00b7 50%"));
        QCOMPARE(m.index(0, HpaPodsModel::Memory).data().toString(), QStringLiteral("64Mi / 128Mi \u00b7 50%"));
        QVERIFY(m.index(0, HpaPodsModel::Cpu).data(Qt::ToolTipRole).toString().contains(QStringLiteral("CPU request")));
        // Running and counted, but metrics-server has no sample: the controller's "missing".
        QCOMPARE(m.index(1, HpaPodsModel::Cpu).data().toString(), dash);
        QCOMPARE(m.index(1, HpaPodsModel::Controller).data().toString(), QStringLiteral("no metrics"));
        QCOMPARE(m.index(1, 0).data(HpaPodsModel::RoleRole).toString(), QStringLiteral("nometrics"));
        // No request: the usage, no percentage, and why.
        QCOMPARE(m.index(2, HpaPodsModel::Cpu).data().toString(), QStringLiteral("7m / ") + dash);
        QCOMPARE(m.index(2, HpaPodsModel::Memory).data().toString(), QStringLiteral("3Mi / ") + dash);
        QVERIFY(m.index(2, HpaPodsModel::Cpu).data(Qt::ToolTipRole).toString().contains(QStringLiteral("no CPU request")));
        // Pending: no sample expected, so not "missing".
        QCOMPARE(m.index(3, 0).data(HpaPodsModel::RoleRole).toString(), QStringLiteral("pending"));
        QCOMPARE(m.summary(), QStringLiteral("4 pods: 2 counted, 1 pending, 1 without metrics"));

        // An HPA without Resource metrics does not miss a pod's CPU.
        usage.resourceMetric = false;
        m.setUsage(usage);
        QCOMPARE(m.index(1, 0).data(HpaPodsModel::RoleRole).toString(), QStringLiteral("counted"));
        QCOMPARE(m.summary(), QStringLiteral("4 pods: 3 counted, 1 pending"));
        // Unchanged pods keep their rows and their usage.
        m.setPods(m.pods(), kNow);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(m.index(0, HpaPodsModel::Cpu).data().toString(), QStringLiteral("250m / 500m \u00b7 50%"));
    }

    void noPodsOrNotKnownYetIsSaid()
    {
        HpaPodsModel m;
        m.setPods({}, kNow);
        QCOMPARE(m.summary(), QStringLiteral("The target has no pods."));
        m.setUnknown(QStringLiteral("Finding the target's pods…"));
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(m.summary(), QStringLiteral("Finding the target's pods…"));
        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
        m.setPods({}, kNow); // known now, though as empty as while unknown: the summary changes
        QCOMPARE(resets.size(), 1);
        QCOMPARE(m.summary(), QStringLiteral("The target has no pods."));
    }
};

QTEST_MAIN(TestHpaPodsModel)
#include "test_hpa_pods_model.moc"
