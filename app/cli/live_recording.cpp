#include "app/cli/live_recording.h"

#include "app/core/cluster_session.h"
#include "app/core/recorder.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace hpascope::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
}

// Ctrl+C sets a flag the event loop polls, for the guard's lifetime; then it kills again.
class InterruptGuard {
public:
    InterruptGuard()
    {
        g_interrupted = 0;
        m_previous = std::signal(SIGINT, onInterrupt);
    }
    ~InterruptGuard()
    {
        if (m_previous != SIG_ERR)
            std::signal(SIGINT, m_previous);
    }
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    void (*m_previous)(int) = SIG_ERR;
};

// How often the loop looks at the Ctrl+C flag, and how often a terminal's line is rewritten.
constexpr int kPollMs = 100;
constexpr qint64 kProgressMs = 1000;

QString clockText(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

bool isRescaleOf(const EventRecord &e, const QString &ns, const QString &name)
{
    return e.reason == QLatin1String("SuccessfulRescale") && e.involvedKind == QLatin1String("HorizontalPodAutoscaler")
        && e.involvedName == name && e.involvedNamespace == ns;
}

} // namespace

LiveRecording::LiveRecording(QString command, QTextStream &err) : m_command(std::move(command)), m_err(err)
{
    const auto *file = qobject_cast<QFile *>(err.device());
    m_tty = file && file->handle() >= 0 && ::isatty(file->handle());
}

void LiveRecording::progress(const QString &what, qint64 elapsedMs, const RecordingOutcome &o, bool final)
{
    // English plurals without a loaded translation ("%n sample(s)" would print literally).
    const QString samples = o.samples == 1 ? tr("1 sample") : tr("%1 samples").arg(o.samples);
    const QString rescales = o.rescales == 1 ? tr("1 rescale") : tr("%1 rescales").arg(o.rescales);
    const QString counts = tr("%1, %2").arg(samples, rescales);
    const QString line = QStringLiteral("hpascope %1: %2 %3, %4").arg(m_command, what, clockText(elapsedMs), counts);
    if (m_tty) {
        m_err << '\r' << line << "\x1b[K";
        if (final)
            m_err << '\n';
    } else if (counts != m_lastLine || final) {
        m_err << line << '\n';
        m_lastLine = counts;
    }
    m_err.flush();
}

RecordingOutcome LiveRecording::run(const ClusterProfile &profile, Recorder *recorder, const QString &name,
                                    std::chrono::milliseconds duration, const QString &durationText)
{
    // The session's notes for a debugging window ("controller flags not published: …") are
    // noise in a command's output; QT_LOGGING_RULES still brings them back.
    QLoggingCategory::setFilterRules(QStringLiteral("hpascope.session.info=false"));
    RecordingOutcome o;
    const QString ns = profile.namespaceName;
    const QString key = ns + QLatin1Char('/') + name;
    const QString what = tr("recording %1 for %2…").arg(key, durationText);
    QString lastReason = tr("the watch never came up");
    QSet<QString> rescales;
    bool warned = false;

    ClusterSession session;
    session.setRecorder(recorder);
    // Events carry whole seconds: those of the second the recording starts in count.
    const qint64 startSecs = session.now().toSecsSinceEpoch();
    QEventLoop loop;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto stop = [&](const QString &error) {
        if (o.error.isEmpty())
            o.error = error;
        loop.quit();
    };
    QObject::connect(&session, &ClusterSession::stateChanged, &loop, [&](const ConnectionState &s) {
        if (!s.reason.isEmpty())
            lastReason = s.reason;
        if (s.kind == ConnectionState::Kind::Error) {
            stop(s.hint.isEmpty() ? s.reason : s.reason + QLatin1Char(' ') + s.hint);
        } else if (s.kind == ConnectionState::Kind::Reconnecting && !warned) {
            warned = true;
            m_err << (m_tty ? "\n" : "") << tr("hpascope %1: the watch dropped (%2); reconnecting: until it is back, "
                                               "the history has a gap").arg(m_command, s.reason) << '\n';
            m_err.flush();
        } else if (s.kind == ConnectionState::Kind::Live) {
            warned = false;
        }
    });
    QObject::connect(&session, &ClusterSession::hpasSynced, &loop, [&] {
        if (session.hpaModel()->rowOf(key) < 0)
            stop(tr("there is no HPA %1 in namespace %2").arg(name, ns));
    });
    QObject::connect(&session, &ClusterSession::sampled, &loop, [&](const HpaSample &s) {
        if (s.key() != key)
            return;
        if (o.samples++ == 0)
            o.span.from = s.time;
    });
    QObject::connect(session.events(), &EventStore::eventsChanged, &loop, [&](const QList<EventRecord> &changed) {
        for (const EventRecord &e : changed)
            if (isRescaleOf(e, ns, name) && e.when().toSecsSinceEpoch() >= startSecs)
                rescales.insert(e.uid);
        o.rescales = int(rescales.size());
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    qint64 shown = -kProgressMs;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (g_interrupted) {
            o.interrupted = true;
            loop.quit();
        } else if (elapsed.elapsed() - shown >= kProgressMs) {
            shown = elapsed.elapsed();
            progress(what, shown, o, false);
        }
    });

    const InterruptGuard interrupt;
    session.connectTo(profile);
    deadline.start(duration);
    poll.start(kPollMs);
    if (o.error.isEmpty())
        loop.exec();
    o.span.to = session.now();
    session.disconnectFromCluster(); // records the watched span up to now
    progress(what, elapsed.elapsed(), o, true);
    if (o.interrupted) {
        m_err << tr("hpascope %1: stopped by Ctrl+C after %2").arg(m_command, clockText(elapsed.elapsed())) << '\n';
        m_err.flush();
    }
    if (!recorder->flush() && o.error.isEmpty())
        o.error = tr("the history could not be written");
    if (o.ok() && o.samples == 0)
        o.error = tr("recorded no status of %1 in %2 (%3)").arg(key, clockText(elapsed.elapsed()), lastReason);
    if (o.samples == 0)
        o.span = TimeSpan();
    return o;
}

} // namespace hpascope::cli
