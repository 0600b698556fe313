#pragma once
// How long the GUI thread's event loop went without running a timer: a 4 ms timer on the
// thread, and the time between its runs beyond its interval is the stall a person feels as a
// frozen window (a frame is 16 ms). For benchmarks and fault tests; the window turns it on with
// QT_LOGGING_RULES="hpascope.stall.debug=true" and then logs each new longest stall ("hpascope.stall:
// new longest 12 ms (busy 11 ms) at <epoch ms>") and, every second, the longest in that second.
// On a loaded machine a gap can be the scheduler's, not hpascope's: "busy" is the CPU time the
// thread itself spent in the gap (CLOCK_THREAD_CPUTIME_ID), the part hpascope's code is to blame for.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace hpascope {

class StallWatch : public QObject {
    Q_OBJECT
public:
    explicit StallWatch(QObject *parent = nullptr);
    void start();
    void stop();
    // The longest stall since start() or reset(), in ms, and how many were longer than a frame.
    qint64 longestMs() const { return m_longest; }
    // The most CPU time the thread spent inside one gap between runs of the timer, in ms.
    qint64 longestBusyMs() const { return m_longestBusy; }
    int overFrame() const { return m_overFrame; }
    void reset();
    // start() when the hpascope.stall category is enabled for debug; returns whether it did.
    bool startIfLogging();

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    qint64 m_longestBusy = 0;
    qint64 m_lastCpuUs = 0;
    qint64 m_secondLongest = 0;
    qint64 m_secondStart = 0;
    int m_overFrame = 0;
    bool m_log = false;
};

} // namespace hpascope
