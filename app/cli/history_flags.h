#pragma once
// What `hpascope report` and `hpascope export` share on their command line: the cluster flags,
// one HPA, the time range (--since DURATION | --from TIME [--to TIME]), the history database
// (--history), --offline and --record-for DURATION (watch live first, recording into the history).
#include "app/cli/cluster_flags.h"
#include "app/core/time_span.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <chrono>
#include <optional>

namespace hpascope::cli {

// "2024-05-01T14:00:00", "2024-05-01 14:00", with or without an offset ("Z", "+02:00");
// without one, local time. Invalid when it is none of those.
QDateTime parseReportTime(const QString &text);

struct HistoryArgs {
    ClusterChoice cluster;
    QString name;                                // the HPA
    std::optional<std::chrono::milliseconds> since;
    QDateTime from;                              // --from, invalid with --since or neither
    QDateTime to;                                // --to, invalid: the end is "now"
    std::optional<std::chrono::milliseconds> recordFor;
    QString recordForText;                       // as typed ("5m"), for the progress line
    QString historyPath;                         // --history, else Recorder::defaultPath()
    bool offline = false;

    // The range once the end is known. Without --since and --from (allowed with --record-for
    // alone) the range is what was recorded.
    TimeSpan rangeAt(const QDateTime &now, const std::optional<TimeSpan> &recorded) const;
};

class HistoryFlags {
    Q_DECLARE_TR_FUNCTIONS(HistoryFlags)
public:
    HistoryFlags();

    // Adds these options and the command's own, parses args: the arguments, or nullopt having
    // written the help (*exitCode 0) or "hpascope <command>: why" to err (a usage error: 2).
    // `example` is a whole command line that works.
    std::optional<HistoryArgs> parse(QCommandLineParser &parser, const QList<QCommandLineOption> &own,
                                     const QStringList &args, const QString &command, const QString &example,
                                     QTextStream &out, QTextStream &err, int *exitCode) const;

private:
    std::optional<HistoryArgs> read(const QCommandLineParser &parser, const QString &command, const QString &example,
                                    QTextStream &err) const;

    ClusterFlags m_cluster;
    QCommandLineOption m_help, m_since, m_from, m_to, m_history, m_offline, m_recordFor;
};

} // namespace hpascope::cli
