// The window on the embedded demo cluster, as a new user first sees it: four HPAs with live
// numbers, a simulation banner, the speed control; selecting an HPA shows its detail. Writes
// a screenshot (demo_window.png in the build dir) for a person to look at.
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_list_model.h"
#include "app/window/main_window.h"
#include "tests/support/window_driver.h"
#include "widgets/connection_status_widget.h"
#include "widgets/hpa_table_view.h"
#include "widgets/hpa_detail_view.h"
#include "widgets/metric_slider_panel.h"
#include "widgets/pods_panel.h"
#include "widgets/timeline_chart.h"
#include "widgets/timeline_panel.h"
#include "app/core/series_store.h"

#include <QComboBox>
#include <QLineSeries>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace hpascope;

class TestDemoWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void demoShowsTheSeedScenario()
    {
        const auto window = test::demoWindow();
        MainWindow &w = *window;
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->state().kind, ConnectionState::Kind::Live, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->hpaModel()->rowCount(), 4, 10000);
        QVERIFY(w.speedPicker()->isVisible());
        // The window opens on the seed experiment's HPA, not on an empty detail.
        QTRY_COMPARE(w.detailModel()->key(), QStringLiteral("default/web"));
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

        // The seed experiment, in the window alone: type 400m next to the slider and send it.
        w.speedPicker()->setCurrentIndex(w.speedPicker()->findData(60));
        QWidget *row = w.sliderPanel()->findChild<QWidget *>(QStringLiteral("metricRow0"));
        QVERIFY(row);
        auto *edit = row->findChild<QLineEdit *>(QStringLiteral("valueEdit"));
        auto *send = row->findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(edit && send);
        // What-if first: 900m typed but not sent draws the predicted path. An Object Value metric
        // held at 900m keeps the ratio at 3 however many pods run, so the controller climbs
        // 1 → 3 → 6 (legacy limit max(2×, 4)) → 10 (maxReplicas).
        edit->setText(QStringLiteral("900m"));
        const QString desiredKey = series_keys::replicas(QStringLiteral("default/web"), QStringLiteral("desired"));
        auto prediction = [&w, &desiredKey] { return w.timeline()->replicaChart()->predictionOf(desiredKey); };
        QTRY_VERIFY(prediction() && prediction()->count() > 0);
        QVERIFY(prediction()->isVisible());
        QList<double> steps;
        for (const QPointF &p : prediction()->points())
            if (steps.isEmpty() || steps.last() != p.y())
                steps.append(p.y());
        QCOMPARE(steps, (QList<double>{1, 3, 6, 10}));

        edit->setText(QStringLiteral("400m"));
        QTRY_VERIFY(send->isEnabled());
        send->click();
        auto *status = row->findChild<QLabel *>(QStringLiteral("statusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("read back 400m")), 10000);

        // 400m / 300m → 2 replicas at the next sync (15 s simulated = 0.25 s at 60×).
        QTRY_VERIFY_WITH_TIMEOUT(model->index(model->rowOf(QStringLiteral("default/web")), HpaListModel::Desired).data().toInt() == 2, 15000);
        auto *why = w.findChild<QLabel *>(QStringLiteral("whyLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(why->text().contains(QStringLiteral("replicas 1 → 2")), 10000);
        auto rescaled = [&w] {
            for (const EventRecord &e : w.session()->events()->events())
                if (e.reason == QLatin1String("SuccessfulRescale") && e.involvedName == QLatin1String("web"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rescaled(), 10000);

        // Then a low value: scale-down waits for the 300 s window, and the window says why.
        edit->setText(QStringLiteral("100m"));
        send->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("read back 100m")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(why->text().contains(QStringLiteral("stabilization window")), 15000);
        qInfo("why: %s", qPrintable(why->text()));
        const QString shot = QStringLiteral(QT_TESTCASE_BUILDDIR "/demo_window.png");
        QVERIFY(w.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }

    // The Pods tab: the seed HPA's target pods, and after the scale-up the new pods counted too.
    void podsTabShowsTheTargetsPods()
    {
        const auto window = test::demoWindow();
        MainWindow &w = *window;
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE_WITH_TIMEOUT(w.detailModel()->key(), QStringLiteral("default/web"), 10000);
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        QVERIFY(tabs);
        PodsPanel *pods = w.detailView()->podsPanel();
        tabs->setCurrentWidget(pods);
        QTRY_COMPARE_WITH_TIMEOUT(pods->summaryLabel()->text(), QStringLiteral("1 pod: 1 counted"), 10000);
        QCOMPARE(pods->table()->model()->rowCount(), 1);
        QVERIFY(pods->table()->model()->index(0, 0).data().toString().startsWith(QStringLiteral("web-")));
        w.speedPicker()->setCurrentIndex(w.speedPicker()->findData(60));
        QVERIFY(test::sendValue(w, QStringLiteral("400m")));
        // 400m stays 400m whatever the replicas (an Object metric), so the HPA keeps scaling up to
        // maxReplicas; each new pod is counted once it is Ready.
        QTRY_COMPARE_WITH_TIMEOUT(pods->summaryLabel()->text(), QStringLiteral("10 pods: 10 counted"), 20000);
        QCOMPARE(pods->table()->model()->rowCount(), 10);
    }
};

QTEST_MAIN(TestDemoWindow)
#include "test_demo_window.moc"
