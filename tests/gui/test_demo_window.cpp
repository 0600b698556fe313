// The window on the embedded demo cluster, as a new user first sees it: four HPAs with live
// numbers, a simulation banner, the speed control; selecting an HPA shows its detail. Writes
// a screenshot (demo_window.png in the build dir) for a person to look at.
#include "app/core/cluster_session.h"
#include "app/core/hpa_list_model.h"
#include "app/main_window.h"
#include "widgets/connection_status_widget.h"
#include "widgets/hpa_table_view.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace hpascope;

class TestDemoWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void demoShowsTheSeedScenario()
    {
        StartupOptions o;
        o.demo = true;
        MainWindow w(o);
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->state().kind, ConnectionState::Kind::Live, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->hpaModel()->rowCount(), 4, 10000);
        QVERIFY(w.speedPicker()->isVisible());
        auto *banner = w.findChild<QLabel *>(QStringLiteral("stateBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("Simulation")), qPrintable(banner->text()));
        QVERIFY(w.windowTitle().contains(QStringLiteral("simulation")));

        const HpaListModel *model = w.session()->hpaModel();
        const int web = model->rowOf(QStringLiteral("default/web"));
        QVERIFY(web >= 0);
        const QString metrics = model->index(web, HpaListModel::Metrics).data().toString();
        QVERIFY2(metrics.endsWith(QStringLiteral("/300m")), qPrintable(metrics));

        // Select web in the (sorted, filtered) table: the detail follows.
        QTableView *table = w.hpaTable()->table();
        const QModelIndexList hits = table->model()->match(table->model()->index(0, HpaListModel::Name), Qt::DisplayRole,
                                                           QStringLiteral("web"), 1, Qt::MatchExactly);
        QCOMPARE(hits.size(), 1);
        table->setCurrentIndex(hits.first());
        QTRY_VERIFY(w.windowTitle().contains(QStringLiteral("demo")));
        QTest::qWait(0);
        const QString shot = QStringLiteral(QT_TESTCASE_BUILDDIR "/demo_window.png");
        QVERIFY(w.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }
};

QTEST_MAIN(TestDemoWindow)
#include "test_demo_window.moc"
