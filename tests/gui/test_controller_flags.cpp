// The controller flags of a kubeconfig context, as a person sets them: the dialog shows the values
// in use and where they come from, OK sets them (per context, also for a context name with '/'),
// Forget goes back; the session applies them without reconnecting, and the detail shows them.
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/kubeconfig_profile.h"
#include "app/window/controller_flags_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace hpascope;
using namespace std::chrono_literals;

class TestControllerFlags : public QObject {
    Q_OBJECT

    // Runs the dialog as a person would: the action is taken once it is on screen.
    template <typename Act>
    static std::pair<int, std::optional<kube::hpa::ControllerConfig>> runDialog(kube::hpa::ConfigSource source, Act act)
    {
        ControllerFlagsDialog dialog(QStringLiteral("kind-kind"), kube::hpa::ControllerConfig{}, source);
        QTimer::singleShot(0, &dialog, [&] { act(dialog); });
        const int result = dialog.exec();
        return {result, dialog.flags()};
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void settingsPerContext()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        const QString arn = QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod");
        QVERIFY(!controllerFlagsFor(settings, arn));
        kube::hpa::ControllerConfig c;
        c.downscaleStabilization = 30s;
        c.syncPeriod = 5s;
        c.tolerance = 0.05;
        saveControllerFlags(settings, arn, c);
        const auto back = controllerFlagsFor(settings, arn);
        QVERIFY(back);
        QCOMPARE(back->downscaleStabilization, 30s);
        QCOMPARE(back->syncPeriod, 5s);
        QCOMPARE(back->tolerance, 0.05);
        QVERIFY(!controllerFlagsFor(settings, QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/dev"))); // the other context
        saveControllerFlags(settings, arn, std::nullopt);
        QVERIFY(!controllerFlagsFor(settings, arn));
    }

    void dialogSetsAndForgets()
    {
        auto [result, flags] = runDialog(kube::hpa::ConfigSource::Assumed, [](ControllerFlagsDialog &d) {
            auto *source = d.findChild<QLabel *>(QStringLiteral("sourceLabel"));
            QVERIFY(source && source->text().contains(QStringLiteral("assumed: Kubernetes' defaults")));
            QVERIFY(!d.findChild<QPushButton *>(QStringLiteral("forgetButton"))->isEnabled()); // nothing set yet
            auto *window = d.findChild<QSpinBox *>(QStringLiteral("downscaleStabilization"));
            QCOMPARE(window->value(), 300);
            window->selectAll();
            QTest::keyClicks(window, QStringLiteral("30"));
            auto *tolerance = d.findChild<QDoubleSpinBox *>(QStringLiteral("tolerance"));
            tolerance->setValue(0.05);
            d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        });
        QCOMPARE(result, int(QDialog::Accepted));
        QVERIFY(flags);
        QCOMPARE(flags->downscaleStabilization, 30s);
        QCOMPARE(flags->syncPeriod, 15s);
        QCOMPARE(flags->tolerance, 0.05);

        auto [forgotResult, forgot] = runDialog(kube::hpa::ConfigSource::Set, [](ControllerFlagsDialog &d) {
            d.findChild<QPushButton *>(QStringLiteral("forgetButton"))->click();
        });
        QCOMPARE(forgotResult, int(QDialog::Accepted));
        QVERIFY(!forgot);
    }

    void sessionAppliesWithoutReconnecting()
    {
        ClusterSession session;
        HpaDetailModel detail;
        detail.followSession(&session);
        kube::api::HorizontalPodAutoscaler hpa;
        hpa.metadata.name = "web";
        hpa.metadata.namespace_ = "default";
        hpa.spec.maxReplicas = 10;
        detail.setHpa(hpa, QDateTime::currentDateTimeUtc());
        QCOMPARE(detail.behaviorModel()->index(1, HpaBehaviorModel::Window).data().toString(), QStringLiteral("300 s (controller flag)"));
        QSignalSpy changed(&session, &ClusterSession::profileChanged);
        kube::hpa::ControllerConfig c;
        c.downscaleStabilization = 30s;
        session.setControllerFlags(c);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(session.profile().controllerSource, kube::hpa::ConfigSource::Set);
        QCOMPARE(detail.behaviorModel()->index(1, HpaBehaviorModel::Window).data().toString(), QStringLiteral("30 s (controller flag)"));
        session.setControllerFlags(std::nullopt);
        QCOMPARE(session.profile().controllerSource, kube::hpa::ConfigSource::Assumed);
        QCOMPARE(detail.behaviorModel()->index(1, HpaBehaviorModel::Window).data().toString(), QStringLiteral("300 s (controller flag)"));
    }
};

QTEST_MAIN(TestControllerFlags)
#include "test_controller_flags.moc"
