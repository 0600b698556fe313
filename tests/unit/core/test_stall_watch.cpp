// StallWatch measures how long the event loop did not run: a GUI thread blocked for 60 ms must
// read as a stall of about 60 ms (one over a frame), and a loop that only waits as short ones;
// only a thread that computes (not one that sleeps) is "busy".
#include "app/core/stall_watch.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <QtTest>

using namespace hpascope;

class TestStallWatch : public QObject {
    Q_OBJECT
private slots:
    void aBlockedLoopIsOneLongStall()
    {
        StallWatch watch;
        watch.start();
        QTest::qWait(50); // the loop runs freely first
        const qint64 before = watch.longestMs();
        // The stimulus: work that holds the event loop for 60 ms.
        QTimer::singleShot(0, [] { QThread::msleep(60); });
        QTRY_VERIFY(watch.longestMs() >= 55);
        // Asleep, the thread used no CPU: the stall was not its own work.
        QVERIFY2(watch.longestBusyMs() < 30, qPrintable(QString::number(watch.longestBusyMs())));
        // Busy: 60 ms of the thread's own CPU time.
        QTimer::singleShot(0, [] {
            QElapsedTimer t;
            t.start();
            volatile quint64 x = 0;
            while (t.elapsed() < 60)
                x = x + 1;
        });
        QTRY_VERIFY(watch.longestBusyMs() >= 30);
        QVERIFY2(before < 55, qPrintable(QString::number(before)));
        QVERIFY2(watch.longestMs() < 500, qPrintable(QString::number(watch.longestMs())));
        QVERIFY(watch.overFrame() >= 1);
        watch.reset();
        QCOMPARE(watch.longestMs(), 0);
        watch.stop();
    }
};

QTEST_GUILESS_MAIN(TestStallWatch)
#include "test_stall_watch.moc"
