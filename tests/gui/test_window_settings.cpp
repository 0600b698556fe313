// The window as a person sets it up: Settings… (Ctrl+,) writes the language, the test adapter
// and the history's retention, and applies the adapter at once; the keyboard moves between HPAs,
// to the filter and through the time windows; a dark desktop palette gives a dark Why box and
// charts; the window comes back at the size it was left. A screenshot of the dark window is
// saved in the build folder for a person to look at.
#include "app/core/app_settings.h"
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/metric_writer.h"
#include "app/window/main_window.h"
#include "app/window/screenshot_actions.h"
#include "app/window/settings_dialog.h"
#include "tests/support/window_driver.h"
#include "widgets/hpa_table_view.h"
#include "widgets/timeline_chart.h"
#include "widgets/timeline_panel.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace hpascope;

namespace {

constexpr int kTimeoutMs = 20000;

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

std::unique_ptr<MainWindow> liveDemo()
{
    auto w = test::demoWindow();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return {};
    w->activateWindow();
    return w;
}

} // namespace

class TestWindowSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void settingsAreSavedAndTheAdapterApplied()
    {
        const auto w = liveDemo();
        QVERIFY(w);
        auto *action = w->findChild<QAction *>(QStringLiteral("settingsAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+,")));
        bool seen = false;
        QString problem;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                problem = QStringLiteral("no settings dialog");
                return;
            }
            seen = true;
            // The history's database is named with its size.
            if (!dialog->historyLabel()->text().contains(QStringLiteral(".sqlite")))
                problem = dialog->historyLabel()->text();
            // A name Kubernetes would refuse: OK is disabled and the reason shown.
            dialog->adapterNamespaceEdit()->setText(QStringLiteral("-metrics"));
            if (dialog->okButton()->isEnabled())
                problem = QStringLiteral("OK enabled for -metrics");
            if (!dialog->findChild<QLabel *>(QStringLiteral("settingsError"))->text().contains(QStringLiteral("DNS label")))
                problem = QStringLiteral("no error for -metrics");
            dialog->adapterNamespaceEdit()->setText(QStringLiteral("metrics"));
            dialog->adapterPortEdit()->setText(QStringLiteral("8080"));
            dialog->retentionBox()->setValue(30);
            dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("ja")));
            if (!dialog->languageNote()->isVisible())
                problem = QStringLiteral("no note that the language changes at the next start");
            QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        });
        action->trigger(); // runs the dialog's event loop until OK
        QVERIFY2(seen && problem.isEmpty(), qPrintable(problem));
        const AppSettings saved = AppSettings::load(QSettings());
        QCOMPARE(saved.language, QStringLiteral("ja"));
        QCOMPARE(saved.retentionDays, 30);
        QCOMPARE(saved.adapter.namespaceName, QStringLiteral("metrics"));
        QCOMPARE(saved.adapter.port, QStringLiteral("8080"));
        QCOMPARE(w->session()->metricWriter()->adapter(), saved.adapter);
        QSettings().clear();
    }

    void theKeyboardMovesThroughTheWindow()
    {
        const auto w = liveDemo();
        QVERIFY(w);
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTRY_COMPARE_WITH_TIMEOUT(w->detailModel()->key(), QStringLiteral("default/web"), kTimeoutMs);
        // The table is sorted by name: api, batch, web, worker.
        QTest::keyClick(w.get(), Qt::Key_PageDown, Qt::ControlModifier);
        QTRY_COMPARE(w->detailModel()->key(), QStringLiteral("default/worker"));
        QTest::keyClick(w.get(), Qt::Key_PageDown, Qt::ControlModifier); // the last row stays
        QCOMPARE(w->hpaTable()->selectedKey(), QStringLiteral("default/worker"));
        QTest::keyClick(w.get(), Qt::Key_PageUp, Qt::ControlModifier);
        QTest::keyClick(w.get(), Qt::Key_PageUp, Qt::ControlModifier);
        QTRY_COMPARE(w->detailModel()->key(), QStringLiteral("default/batch"));

        QTest::keyClick(w.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(w->hpaTable()->filterEdit()->hasFocus());
        QTest::keyClicks(w->hpaTable()->filterEdit(), QStringLiteral("work"));
        QTRY_COMPARE(w->hpaTable()->table()->model()->rowCount(), 1);
        w->hpaTable()->filterEdit()->clear();

        const qint64 before = w->timeline()->windowMs();
        QTest::keyClick(w.get(), Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(w->timeline()->windowMs() > before);
        QTest::keyClick(w.get(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(w->timeline()->windowMs(), before);
    }

    void aDarkPaletteGivesADarkWindow()
    {
        const QPalette light = QApplication::palette();
        const auto w = liveDemo();
        QVERIFY(w);
        QTRY_COMPARE_WITH_TIMEOUT(w->detailModel()->key(), QStringLiteral("default/web"), kTimeoutMs);
        auto *why = w->findChild<QLabel *>(QStringLiteral("whyLabel"));
        QVERIFY(why);
        QVERIFY(why->styleSheet().contains(QStringLiteral("#f3f7ee")));
        QApplication::setPalette(darkPalette());
        QTRY_VERIFY(why->styleSheet().contains(QStringLiteral("#23301b")));
        TimelineChart *chart = w->timeline()->replicaChart();
        QVERIFY(chart);
        QCOMPARE(chart->chart()->backgroundBrush().color(), darkPalette().color(QPalette::Base));
        QTRY_VERIFY_WITH_TIMEOUT(!why->text().isEmpty(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!chart->segmentsOf(QStringLiteral("current")).isEmpty(), kTimeoutMs);
        QCOMPARE(ScreenshotActions::save(ScreenshotActions::render(w.get()),
                                         QStringLiteral(HPASCOPE_GUI_OUT_DIR "/dark-window.png")),
                 QString());
        QApplication::setPalette(light);
        QTRY_VERIFY(why->styleSheet().contains(QStringLiteral("#f3f7ee")));
    }

    void theWindowComesBackAsItWasLeft()
    {
        QSettings().clear();
        {
            StartupOptions o;
            o.demo = true;
            MainWindow w(o);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(1100, 760);
            QTRY_COMPARE(w.size(), QSize(1100, 760));
            w.close();
        }
        StartupOptions o;
        o.demo = true;
        MainWindow again(o);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1100, 760));
        QSettings().clear();
    }
};

QTEST_MAIN(TestWindowSettings)
#include "test_window_settings.moc"
