#pragma once
// `--record-for DURATION`: the window's own ClusterSession, headless, watches the HPA's
// namespace for that long and records into the history what the window would (statuses,
// events, conditions, when it was watching), saying on stderr how it goes. Ctrl+C (SIGINT)
// stops it early; a refused watch (403, 401) or an HPA that is not there stops it at once.
// Needs a QCoreApplication; runs its own event loop.
#include "app/core/cluster_profile.h"
#include "app/core/time_span.h"

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

#include <chrono>

namespace hpascope {
class Recorder;
}

namespace hpascope::cli {

struct RecordingOutcome {
    QString error;        // why it stopped before its time; empty when it ran its course
    bool interrupted = false; // Ctrl+C
    int samples = 0;      // statuses of the HPA recorded
    int rescales = 0;     // SuccessfulRescale events of the HPA seen since the start
    // From the first status of the HPA to the stop (invalid without a status): the range a
    // report of "what was recorded" covers, with no moment of it outside the watch.
    TimeSpan span;
    bool ok() const { return error.isEmpty(); }
};

class LiveRecording {
    Q_DECLARE_TR_FUNCTIONS(LiveRecording)
public:
    // `command` for the messages ("report"); progress goes to err (rewritten in place on a
    // terminal, one line per change otherwise).
    LiveRecording(QString command, QTextStream &err);

    // Watches profile.namespaceName for `duration` (durationText as the user typed it).
    RecordingOutcome run(const ClusterProfile &profile, Recorder *recorder, const QString &name,
                         std::chrono::milliseconds duration, const QString &durationText);

private:
    void progress(const QString &what, qint64 elapsedMs, const RecordingOutcome &o, bool final);

    QString m_command;
    QTextStream &m_err;
    bool m_tty = false;
    QString m_lastLine;
};

} // namespace hpascope::cli
