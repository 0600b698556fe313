#pragma once
// A report's history from the cluster's Prometheus (ReportRequest::prometheus): where hpascope
// was not watching, Prometheus' series fill in. Local samples win: Prometheus' part is only the
// report's gaps (hpascope recorded nothing) that Prometheus' replica counts cover. What these
// functions add, the text says (report_text.cpp): the times at maxReplicas and minReplicas
// count Prometheus' part; the scale-ups and scale-downs stay the SuccessfulRescale events.
#include "app/core/report/report_data.h"

#include <optional>
#include <utility>

namespace hpascope::report {

// The value of a step series at t (the last point at or before t), nullopt in a gap or before it.
std::optional<double> valueAt(const std::vector<TimedValue> &series, qint64 t);

// The runs of known values of a step series: [begin, end) indices, none of them NaN; a run's
// last value holds until series[end].t (a gap) or, at the end, the range's end.
std::vector<std::pair<std::size_t, std::size_t>> knownRuns(const std::vector<TimedValue> &series);

// The spans a step series has values over, clipped to [fromMs, toMs].
std::vector<TimeSpan> knownSpans(const std::vector<TimedValue> &series, qint64 fromMs, qint64 toMs);

// The gaps' parts Prometheus' current replicas cover (ReportData::fromPrometheus).
std::vector<TimeSpan> prometheusSpans(const ReportData &data);

// Tracks of the metrics only Prometheus has (appended after the samples' own).
void addPrometheusTracks(ReportData &data);

// A decision whose size before the samples cannot tell (it fell in a gap): Prometheus' desired
// replicas before it.
void decisionsFromPrometheus(ReportData &data);

// Adds Prometheus' part to the summary: prometheusMs, the time at max and min there, and how
// often its desired replicas rose and fell.
void summarizePrometheus(const ReportData &data, ReportSummary &summary);

} // namespace hpascope::report
