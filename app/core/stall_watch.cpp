#include "app/core/stall_watch.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <time.h>

Q_LOGGING_CATEGORY(lcStall, "hpascope.stall", QtWarningMsg)

namespace hpascope {

namespace {
constexpr int kIntervalMs = 4;
constexpr qint64 kFrameMs = 16;

qint64 threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}
} // namespace

StallWatch::StallWatch(QObject *parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallWatch::tick);
}

void StallWatch::start()
{
    reset();
    m_clock.start();
    m_last = 0;
    m_lastCpuUs = threadCpuUs();
    m_secondStart = 0;
    m_timer.start();
}

void StallWatch::stop()
{
    m_timer.stop();
    if (m_log)
        qCDebug(lcStall, "longest %lld ms overall (busy at most %lld ms), %d over %lld ms", m_longest, m_longestBusy,
                m_overFrame, kFrameMs);
}

void StallWatch::reset()
{
    m_longest = 0;
    m_longestBusy = 0;
    m_secondLongest = 0;
    m_overFrame = 0;
}

bool StallWatch::startIfLogging()
{
    m_log = lcStall().isDebugEnabled();
    if (m_log)
        start();
    return m_log;
}

void StallWatch::tick()
{
    const qint64 now = m_clock.elapsed();
    const qint64 stall = std::max<qint64>(0, now - m_last - kIntervalMs);
    m_last = now;
    const qint64 cpuUs = threadCpuUs();
    const qint64 busy = (cpuUs - m_lastCpuUs) / 1000;
    m_lastCpuUs = cpuUs;
    m_longestBusy = std::max(m_longestBusy, busy);
    if (stall > kFrameMs)
        ++m_overFrame;
    if (stall > m_longest) {
        m_longest = stall;
        if (m_log)
            qCDebug(lcStall, "new longest %lld ms (busy %lld ms) at %lld", stall, busy, QDateTime::currentMSecsSinceEpoch());
    }
    m_secondLongest = std::max(m_secondLongest, stall);
    if (now - m_secondStart >= 1000) {
        if (m_log && m_secondLongest > 0)
            qCDebug(lcStall, "longest %lld ms in the second to %lld", m_secondLongest, QDateTime::currentMSecsSinceEpoch());
        m_secondLongest = 0;
        m_secondStart = now;
    }
}

} // namespace hpascope
