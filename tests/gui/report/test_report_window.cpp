// Reports and screenshots from the window, as a learner makes them on the demo cluster: the
// seed experiment (400m, scale-up, 100m, the 300 s window, scale-down), then Report… writes a
// PDF from the demo's throw-away history while the window keeps painting, and the screenshot
// actions put a PNG of the window on the clipboard and in a file.
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_list_model.h"
#include "app/core/recorder.h"
#include "app/window/main_window.h"
#include "app/window/report_dialog.h"
#include "app/window/screenshot_actions.h"
#include "tests/support/window_driver.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace hpascope;

namespace {
constexpr int kTimeoutMs = 20000;

int replicasOf(MainWindow &w, int column)
{
    const HpaListModel *model = w.session()->hpaModel();
    return model->index(model->rowOf(QStringLiteral("default/web")), column).data().toInt();
}

void push(MainWindow &w, const QString &value)
{
    QVERIFY(test::sendValue(w, value));
    QTRY_VERIFY_WITH_TIMEOUT(test::sliderRow(w).status->text().contains(QStringLiteral("read back ") + value), kTimeoutMs);
}
} // namespace

class TestReportWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(Recorder::defaultPath()); // left by an earlier run
    }

    void demoExperimentIsReportedFromTheWindow()
    {
        QTemporaryDir out;
        QString historyPath;
        {
            const auto window = test::demoWindow();
            MainWindow &w = *window;
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QTRY_COMPARE_WITH_TIMEOUT(w.session()->state().kind, ConnectionState::Kind::Live, kTimeoutMs);
            QTRY_COMPARE(w.detailModel()->key(), QStringLiteral("default/web"));

            // The demo records to a throw-away database of its own, not the user's history.
            Recorder *history = w.session()->recorder();
            QVERIFY(history && history->isOpen());
            historyPath = history->path();
            QVERIFY2(historyPath != Recorder::defaultPath(), qPrintable(historyPath));
            // ... and opens no user history at all (an older hpascope made an empty one).
            QVERIFY2(!QFile::exists(Recorder::defaultPath()), qPrintable(Recorder::defaultPath()));
            QVERIFY(QFile::exists(historyPath));

            w.speedPicker()->setCurrentIndex(w.speedPicker()->findData(60));
            push(w, QStringLiteral("400m"));
            QTRY_VERIFY_WITH_TIMEOUT(replicasOf(w, HpaListModel::Current) == 2, kTimeoutMs);
            push(w, QStringLiteral("100m"));
            // 300 s of simulated window: 5 s at 60×.
            QTRY_VERIFY_WITH_TIMEOUT(replicasOf(w, HpaListModel::Current) == 1, kTimeoutMs);

            // Report…: the window's action, enabled on the selected HPA, with its shortcut.
            auto *action = w.findChild<QAction *>(QStringLiteral("reportAction"));
            QVERIFY(action && action->isEnabled());
            QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+R")));
            ReportDialog dialog(w.session(), w.selection(), w.detailModel(), &w);
            dialog.show();
            dialog.rangePicker()->setCurrentIndex(0); // the last 15 minutes
            const QString pdf = out.filePath(QStringLiteral("demo web.pdf"));
            dialog.pathEdit()->setText(pdf);
            QSignalSpy finished(&dialog, &ReportDialog::finished);
            // The window keeps painting while the report is read and rendered: the longest
            // gap between 5 ms ticks of the GUI thread's event loop, printed.
            QElapsedTimer gap;
            qint64 longest = 0;
            QTimer tick;
            tick.setInterval(5);
            connect(&tick, &QTimer::timeout, this, [&] {
                longest = std::max(longest, gap.restart());
            });
            gap.start();
            tick.start();
            QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
            QVERIFY(dialog.isWriting());
            QVERIFY(!dialog.saveButton()->isEnabled());
            QCOMPARE(dialog.statusLabel()->text(), QStringLiteral("Writing the report…"));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
            tick.stop();
            qInfo("longest GUI-thread gap while the report was written: %lld ms", longest);
            QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
            QCOMPARE(dialog.statusLabel()->text(), QStringLiteral("Wrote %1").arg(pdf));

            QProcess text;
            text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
            QVERIFY(text.waitForFinished());
            const QString body = QString::fromUtf8(text.readAllStandardOutput());
            for (const QString &want : {QStringLiteral("default/web"), QStringLiteral("SuccessfulRescale"),
                                        QStringLiteral("400m"), QStringLiteral("100m"), QStringLiteral("300 s")})
                QVERIFY2(body.contains(want), qPrintable(want + QStringLiteral(" not in the PDF:\n") + body.left(3000)));

            // Screenshots: Ctrl+Shift+C puts the window on the clipboard at twice its density.
            auto *copy = w.findChild<QAction *>(QStringLiteral("copyScreenshotAction"));
            QVERIFY(copy);
            QCOMPARE(copy->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+C")));
            QGuiApplication::clipboard()->clear();
            copy->trigger();
            const QImage clip = QGuiApplication::clipboard()->image();
            QCOMPARE(clip.size(), w.size() * 2 * w.devicePixelRatioF());
            const QString png = out.filePath(QStringLiteral("window.png"));
            QCOMPARE(ScreenshotActions::save(ScreenshotActions::render(&w), png), QString());
            QImage saved(png);
            QCOMPARE(saved.size(), w.size() * 2 * w.devicePixelRatioF());
            QVERIFY(!ScreenshotActions::save(saved, out.filePath(QStringLiteral("window.jpg"))).isEmpty());
            QVERIFY(ScreenshotActions::save(saved, out.filePath(QStringLiteral("no/such/dir/w.png"))).contains(QStringLiteral("does not exist")));
            QVERIFY(saved.save(QStringLiteral(QT_TESTCASE_BUILDDIR "/report_window.png")));
            QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                                                          QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("2"),
                                                          pdf, QStringLiteral(QT_TESTCASE_BUILDDIR "/report_window_pdf")});
        }
        // The throw-away history goes with the demo.
        QVERIFY2(!QFile::exists(historyPath), qPrintable(historyPath));
    }
};

QTEST_MAIN(TestReportWindow)
#include "test_report_window.moc"
