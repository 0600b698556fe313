#include "app/cli/history_flags.h"

#include "app/core/recorder.h"
#include "kube/hpa/published_flags.h"

namespace hpascope::cli {

namespace {

std::optional<std::chrono::milliseconds> positiveDuration(const QString &text)
{
    const auto d = kube::hpa::parseGoDuration(text.toStdString());
    return d && d->count() > 0 ? d : std::nullopt;
}

} // namespace

QDateTime parseReportTime(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!dt.isValid())
        dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd HH:mm"));
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

TimeSpan HistoryArgs::rangeAt(const QDateTime &now, const std::optional<TimeSpan> &recorded) const
{
    if (since)
        return {now.addMSecs(-since->count()), now};
    if (from.isValid())
        return {from, to.isValid() ? to : now};
    return recorded ? *recorded : TimeSpan{now, now};
}

HistoryFlags::HistoryFlags()
    : m_cluster(tr("The HPA's namespace.")),
      m_help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")),
      m_since(QStringLiteral("since"), tr("The last DURATION (30m, 2h, 1h30m)."), QStringLiteral("DURATION")),
      m_from(QStringLiteral("from"), tr("Start (2024-05-01T14:00, local time unless an offset is given)."), QStringLiteral("TIME")),
      m_to(QStringLiteral("to"), tr("End (default: now)."), QStringLiteral("TIME")),
      m_history(QStringLiteral("history"), tr("The history database (default: hpascope's own)."), QStringLiteral("FILE")),
      m_offline(QStringLiteral("offline"), tr("Do not contact the cluster: the history alone.")),
      m_recordFor(QStringLiteral("record-for"),
                  tr("First watch the cluster live for DURATION (5m), recording into the history; Ctrl+C stops "
                     "early. Without --since or --from the range is what was recorded."),
                  QStringLiteral("DURATION"))
{
}

std::optional<HistoryArgs> HistoryFlags::parse(QCommandLineParser &parser, const QList<QCommandLineOption> &own,
                                               const QStringList &args, const QString &command, const QString &example,
                                               QTextStream &out, QTextStream &err, int *exitCode) const
{
    parser.addOption(m_help);
    m_cluster.addTo(parser);
    parser.addOptions({m_since, m_from, m_to, m_history, m_offline, m_recordFor});
    parser.addOptions(own);
    parser.addPositionalArgument(QStringLiteral("HPA"), tr("The HorizontalPodAutoscaler's name."));
    *exitCode = 2;
    if (!parser.parse(args)) {
        err << QStringLiteral("hpascope %1: ").arg(command) << parser.errorText() << "\n";
        return std::nullopt;
    }
    if (parser.isSet(m_help)) {
        out << parser.helpText();
        *exitCode = 0;
        return std::nullopt;
    }
    return read(parser, command, example, err);
}

std::optional<HistoryArgs> HistoryFlags::read(const QCommandLineParser &parser, const QString &command,
                                              const QString &example, QTextStream &err) const
{
    const QString cmd = QStringLiteral("hpascope %1: ").arg(command);
    const auto usage = [&](const QString &why) {
        err << cmd << why << "\n";
        return std::nullopt;
    };
    if (parser.positionalArguments().size() != 1)
        return usage(tr("name one HPA (%1)").arg(example));
    if (const QString conflict = m_cluster.conflict(parser); !conflict.isEmpty())
        return usage(conflict);
    HistoryArgs a;
    a.cluster = m_cluster.read(parser);
    a.name = parser.positionalArguments().first();
    a.offline = parser.isSet(m_offline);
    a.historyPath = parser.isSet(m_history) ? parser.value(m_history) : Recorder::defaultPath();
    if (parser.isSet(m_recordFor)) {
        a.recordForText = parser.value(m_recordFor);
        a.recordFor = positiveDuration(a.recordForText);
        if (!a.recordFor)
            return usage(tr("--record-for %1 is not a duration (30s, 5m, 1h)").arg(a.recordForText));
        if (a.offline)
            return usage(tr("--record-for watches the cluster: it cannot go with --offline"));
    }
    if (parser.isSet(m_since) && parser.isSet(m_from))
        return usage(tr("give either --since DURATION or --from TIME"));
    if (!parser.isSet(m_since) && !parser.isSet(m_from) && !a.recordFor)
        return usage(tr("give either --since DURATION or --from TIME"));
    if (parser.isSet(m_since)) {
        a.since = positiveDuration(parser.value(m_since));
        if (!a.since)
            return usage(tr("--since %1 is not a duration (30m, 2h, 1h30m)").arg(parser.value(m_since)));
    } else if (parser.isSet(m_from)) {
        a.from = parseReportTime(parser.value(m_from));
        if (parser.isSet(m_to))
            a.to = parseReportTime(parser.value(m_to));
        const bool toBad = parser.isSet(m_to) ? !a.to.isValid() || a.from >= a.to
                                              : !a.recordFor && a.from >= QDateTime::currentDateTimeUtc();
        if (!a.from.isValid() || toBad)
            return usage(tr("--from and --to must be times (2024-05-01T14:00), --from before --to"));
    }
    return a;
}

} // namespace hpascope::cli
