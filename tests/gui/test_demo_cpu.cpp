// CPU in the demo window, as a person meets it: the api HPA (CPU utilization) shows each pod's
// CPU and memory against its requests in the Pods tab, and the slider panel offers "CPU per pod"
// (the demo's pods run on a kwok-annotated node): setting 300m moves the pods' usage and the
// HPA scales up. Writes a screenshot of the Pods tab (pods_cpu.png in the build dir).
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_list_model.h"
#include "app/core/hpa_pods_model.h"
#include "app/window/main_window.h"
#include "tests/support/window_driver.h"
#include "widgets/hpa_detail_view.h"
#include "widgets/hpa_table_view.h"
#include "widgets/metric_slider_panel.h"
#include "widgets/pods_panel.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace hpascope;

namespace {

bool selectHpa(MainWindow &w, const QString &name)
{
    QTableView *table = w.hpaTable()->table();
    const QModelIndexList hits = table->model()->match(table->model()->index(0, HpaListModel::Name), Qt::DisplayRole,
                                                       name, 1, Qt::MatchExactly);
    if (hits.size() != 1)
        return false;
    table->setCurrentIndex(hits.first());
    return true;
}

QStringList column(QTableView *table, int col)
{
    QStringList out;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        out << table->model()->index(r, col).data().toString();
    return out;
}

} // namespace

class TestDemoCpu : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void podsTabShowsCpuAndTheSliderSetsIt()
    {
        const auto window = test::demoWindow();
        MainWindow &w = *window;
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->hpaModel()->rowCount(), 4, 10000);
        QTRY_VERIFY(selectHpa(w, QStringLiteral("api")));
        QTRY_COMPARE_WITH_TIMEOUT(w.detailModel()->key(), QStringLiteral("default/api"), 10000);
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        PodsPanel *pods = w.detailView()->podsPanel();
        tabs->setCurrentWidget(pods);
        QTableView *table = pods->table();
        // The demo's load model: 200m shared by 2 pods of a 200m request.
        const QString half = QStringLiteral("100m / 200m \u00b7 50%");
        QTRY_COMPARE_WITH_TIMEOUT(column(table, HpaPodsModel::Cpu), (QStringList{half, half}), 10000);
        QCOMPARE(column(table, HpaPodsModel::Memory).value(0), QStringLiteral("64Mi / 128Mi \u00b7 50%"));
        QVERIFY(pods->usageNoteLabel()->isHidden());
        const QString shot = QStringLiteral(QT_TESTCASE_BUILDDIR "/pods_cpu.png");
        QVERIFY(w.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));

        // The slider panel offers CPU per pod once the pods' node is known to be kwok's.
        QWidget *row = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((row = w.sliderPanel()->findChild<QWidget *>(QStringLiteral("metricRow0")))
                                     && row->findChild<QLineEdit *>(QStringLiteral("valueEdit")),
                                 10000);
        auto *name = row->findChild<QLabel *>(QStringLiteral("nameLabel"));
        QVERIFY2(name->text().startsWith(QStringLiteral("CPU per pod")), qPrintable(name->text()));
        // The target is 60 % of the 200m request per pod.
        QVERIFY2(name->toolTip().contains(QStringLiteral("target 120m per pod")), qPrintable(name->toolTip()));

        w.speedPicker()->setCurrentIndex(w.speedPicker()->findData(60));
        QVERIFY(test::sendValue(w, QStringLiteral("300m")));
        const test::SliderRow controls = test::sliderRow(w);
        QTRY_VERIFY_WITH_TIMEOUT(controls.status->text().contains(QStringLiteral("read back 300m per pod on 2 pods")), 10000);
        // 300m is 150 % against 60 %: the HPA scales up (2 → 4, the legacy limit, then 5).
        const HpaListModel *model = w.session()->hpaModel();
        auto desired = [&] { return model->index(model->rowOf(QStringLiteral("default/api")), HpaListModel::Desired).data().toInt(); };
        QTRY_VERIFY_WITH_TIMEOUT(desired() >= 4, 15000);
        // The new pods get the value too, and metrics.k8s.io shows it (at its next poll, ≤ 15 s).
        const QString high = QStringLiteral("300m / 200m \u00b7 150%");
        QTRY_VERIFY_WITH_TIMEOUT(column(table, HpaPodsModel::Cpu).size() >= 4
                                     && column(table, HpaPodsModel::Cpu).count(high) == column(table, HpaPodsModel::Cpu).size(),
                                 30000);
        QVERIFY(w.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/pods_cpu_scaled.png")));
    }
};

QTEST_MAIN(TestDemoCpu)
#include "test_demo_cpu.moc"
