#include "app/core/report/report_analysis.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace hpascope::report {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

const QString kRescaleReason = QStringLiteral("SuccessfulRescale");
const QString kHpaKind = QStringLiteral("HorizontalPodAutoscaler");

// Event timestamps have whole seconds and the status the controller writes after its event
// reaches hpascope later: the sample that carries a decision is looked for from one second
// before the event's time to this long after it (a few watch round trips).
constexpr qint64 kDecisionSampleWindowMs = 10'000;

// Milliseconds of [a, b) not inside any gap.
qint64 coveredMs(const QDateTime &a, const QDateTime &b, const std::vector<TimeSpan> &gaps)
{
    qint64 ms = a.msecsTo(b);
    for (const TimeSpan &g : gaps) {
        const QDateTime lo = std::max(a, g.from);
        const QDateTime hi = std::min(b, g.to);
        if (lo < hi)
            ms -= lo.msecsTo(hi);
    }
    return std::max<qint64>(ms, 0);
}

// Which metric drove the decision and what held it back, from the status written with it.
QString accountOf(const HpaSample &s, std::optional<int> from, int to, const Tolerance &tolerance)
{
    QStringList parts;
    std::optional<int> proposal;
    for (const MetricSampleValue &m : s.metrics) {
        if (!m.current || !m.target || *m.target <= 0) {
            parts << Tr::tr("%1: no value").arg(m.name);
            continue;
        }
        const double ratio = *m.current / *m.target;
        const bool within = ratio >= 1 - tolerance.down && ratio <= 1 + tolerance.up;
        QString part = Tr::tr("%1 %2 against %3: ratio %4, %5")
                           .arg(m.name, m.currentText, m.targetText, QString::number(ratio, 'f', 2),
                                within ? Tr::tr("within the tolerance") : Tr::tr("beyond the tolerance"));
        if (from && *from > 0) {
            const int p = within ? *from : int(std::ceil(ratio * *from - 1e-9));
            part += Tr::tr(" (about %1 pods)").arg(p);
            proposal = std::max(proposal.value_or(p), p);
        }
        parts << part;
    }
    QString limit;
    if (proposal && from) {
        const bool up = to > *from;
        if (up && *proposal > to)
            limit = to == s.maxReplicas ? Tr::tr("Capped at maxReplicas (%1).").arg(to)
                                        : Tr::tr("Limited to %1 by a scale-up policy.").arg(to);
        else if (!up && *proposal < to)
            limit = to == s.minReplicas ? Tr::tr("Held at minReplicas (%1).").arg(to)
                                        : Tr::tr("Went to %1, not %2: a scale-down policy or the stabilization window held it back.")
                                              .arg(to).arg(*proposal);
        else if (!up && *proposal > to)
            limit = Tr::tr("A stabilization window released an older, lower recommendation.");
    }
    QString text = parts.join(QStringLiteral("; "));
    if (!text.isEmpty())
        text += QStringLiteral(". ");
    return QString(text + limit).trimmed();
}

} // namespace

std::vector<TimeSpan> gapsOf(const ReportRequest &request, const std::vector<HpaSample> &samples)
{
    std::vector<TimeSpan> spans;
    if (samples.empty())
        spans.push_back({request.from, request.to});
    else if (samples.front().time > request.from)
        spans.push_back({request.from, std::min(samples.front().time, request.to)});
    for (const TimeSpan &g : request.knownGaps)
        spans.push_back({std::max(g.from, request.from), std::min(g.to, request.to)});
    return mergedSpans(std::move(spans));
}

std::optional<RescaleMessage> parseRescaleMessage(const QString &message)
{
    static const QRegularExpression re(QStringLiteral("^New size: (\\d+)(?:; reason: (.*))?$"),
                                       QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(message.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return RescaleMessage{m.captured(1).toInt(), m.captured(2)};
}

std::vector<ReportDecision> decisionsOf(const std::vector<EventRecord> &events, const std::vector<HpaSample> &samples,
                                        const QString &hpaName, const Tolerance &tolerance)
{
    std::vector<ReportDecision> out;
    for (const EventRecord &e : events) {
        if (e.reason != kRescaleReason || e.involvedKind != kHpaKind || e.involvedName != hpaName)
            continue;
        const auto msg = parseRescaleMessage(e.message);
        if (!msg)
            continue;
        ReportDecision d;
        d.time = e.when();
        d.to = msg->newSize;
        d.count = std::max(e.count, 1);
        d.reason = msg->reason.isEmpty() ? e.message : msg->reason;
        // Before: the last desired count that is not the new size, recorded before the event's
        // second ended (a rescale always changes the size). Samples are in time order: search.
        const QDateTime before = d.time.addSecs(1);
        const auto byTime = [](const HpaSample &s, const QDateTime &t) { return s.time < t; };
        const auto end = std::lower_bound(samples.begin(), samples.end(), before, byTime);
        for (auto it = end; it != samples.begin();)
            if ((--it)->desiredReplicas != d.to) {
                d.from = it->desiredReplicas;
                break;
            }
        const HpaSample *carrier = nullptr;
        const QDateTime last = d.time.addMSecs(kDecisionSampleWindowMs);
        for (auto it = std::lower_bound(samples.begin(), samples.end(), d.time.addSecs(-1), byTime);
             it != samples.end() && it->time <= last; ++it)
            if (it->desiredReplicas == d.to) {
                carrier = &*it;
                break;
            }
        if (carrier)
            d.account = accountOf(*carrier, d.from, d.to, tolerance);
        out.push_back(std::move(d));
    }
    std::sort(out.begin(), out.end(), [](const ReportDecision &a, const ReportDecision &b) { return a.time < b.time; });
    return out;
}

ReportSummary summarize(const ReportData &data)
{
    ReportSummary s;
    const ReportRequest &r = data.request;
    if (r.hpa) {
        s.live = true;
        s.minReplicas = r.hpa->spec.minReplicas.value_or(1);
        s.maxReplicas = r.hpa->spec.maxReplicas;
        s.currentReplicas = r.hpa->status.currentReplicas;
        s.desiredReplicas = r.hpa->status.desiredReplicas;
    } else if (!data.samples.empty()) {
        const HpaSample &last = data.samples.back();
        s.minReplicas = last.minReplicas;
        s.maxReplicas = last.maxReplicas;
        s.currentReplicas = last.currentReplicas;
        s.desiredReplicas = last.desiredReplicas;
    }
    for (std::size_t i = 0; i < data.samples.size(); ++i) {
        const HpaSample &x = data.samples[i];
        const QDateTime a = std::max(x.time, r.from);
        const QDateTime b = std::min(i + 1 < data.samples.size() ? data.samples[i + 1].time : r.to, r.to);
        if (a >= b)
            continue;
        const qint64 ms = coveredMs(a, b, data.gaps);
        if (x.currentReplicas >= x.maxReplicas && x.maxReplicas > 0)
            s.atMaxMs += ms;
        if (x.currentReplicas <= x.minReplicas)
            s.atMinMs += ms;
        if (std::any_of(x.metrics.begin(), x.metrics.end(), [](const MetricSampleValue &m) { return !m.current; }))
            s.metricsUnavailableMs += ms;
    }
    s.coveredMs = coveredMs(r.from, r.to, data.gaps);
    int lastDirection = 0;
    for (const ReportDecision &d : data.decisions) {
        const int direction = d.isUp() ? 1 : d.isDown() ? -1 : 0;
        (direction > 0 ? s.scaleUps : s.scaleDowns) += direction ? d.count : 0;
        if (direction && lastDirection && direction != lastDirection)
            ++s.directionChanges;
        if (direction)
            lastDirection = direction;
    }
    if (s.coveredMs > 0)
        s.directionChangesPerHour = s.directionChanges * 3'600'000.0 / double(s.coveredMs);
    return s;
}

} // namespace hpascope::report
