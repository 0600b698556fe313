#include "app/core/report/samples_csv.h"

#include "app/core/report/report_data.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace hpascope::report {

namespace {

const QStringList kReplicaColumns{QStringLiteral("time"), QStringLiteral("currentReplicas"),
                                  QStringLiteral("desiredReplicas"), QStringLiteral("minReplicas"),
                                  QStringLiteral("maxReplicas")};

// Each metric's column name: its display name, with its identity when another metric has it too.
QStringList metricNames(const std::vector<ReportMetricTrack> &tracks)
{
    QHash<QString, int> uses;
    for (const ReportMetricTrack &t : tracks)
        ++uses[t.name];
    QStringList names;
    for (const ReportMetricTrack &t : tracks)
        names << (uses.value(t.name) > 1 ? QStringLiteral("%1 [%2]").arg(t.name, t.identity) : t.name);
    return names;
}

QString number(const std::optional<double> &v)
{
    return v ? QLocale::c().toString(*v, 'g', QLocale::FloatingPointShortest) : QString();
}

QByteArray row(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << csvField(f);
    return quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

} // namespace

QString csvField(const QString &text)
{
    static const QString special = QStringLiteral(",\"\r\n");
    if (std::none_of(text.begin(), text.end(), [](QChar c) { return special.contains(c); }))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QStringList samplesCsvHeader(const std::vector<HpaSample> &samples)
{
    QStringList header = kReplicaColumns;
    for (const QString &m : metricNames(metricTracksOf(samples)))
        header << m + QStringLiteral(" current") << m + QStringLiteral(" current value") << m + QStringLiteral(" target")
               << m + QStringLiteral(" target value");
    return header;
}

QByteArray samplesCsv(const std::vector<HpaSample> &samples)
{
    const std::vector<ReportMetricTrack> tracks = metricTracksOf(samples);
    QByteArray out = row(samplesCsvHeader(samples));
    for (const HpaSample &s : samples) {
        QStringList fields{s.time.toUTC().toString(Qt::ISODateWithMs), QString::number(s.currentReplicas),
                           QString::number(s.desiredReplicas), QString::number(s.minReplicas),
                           QString::number(s.maxReplicas)};
        for (const ReportMetricTrack &t : tracks) {
            const auto m = std::find_if(s.metrics.begin(), s.metrics.end(),
                                        [&](const MetricSampleValue &v) { return v.identity == t.identity; });
            if (m == s.metrics.end())
                fields << QString() << QString() << QString() << QString();
            else
                fields << m->currentText << number(m->current) << m->targetText << number(m->target);
        }
        out += row(fields);
    }
    return out;
}

} // namespace hpascope::report
