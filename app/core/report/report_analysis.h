#pragma once
// The report's figures computed from recorded samples and events (ReportGatherer::build uses
// these; tests call them directly). Samples are steps: a status holds until the next one.
#include "app/core/report/report_data.h"

namespace hpascope::report {

// The unrecorded periods inside [from, to]: before the first sample unless one was carried in,
// plus the caller's known gaps, merged and clipped, oldest first.
std::vector<TimeSpan> gapsOf(const ReportRequest &request, const std::vector<HpaSample> &samples);

// "New size: 5; reason: cpu resource utilization (percentage of request) above target"
struct RescaleMessage {
    int newSize = 0;
    QString reason;
};
std::optional<RescaleMessage> parseRescaleMessage(const QString &message);

struct Tolerance {
    double up = 0.1;
    double down = 0.1;
};

// One row per SuccessfulRescale event of the HPA, oldest first; `from` and the account come
// from the samples around the event.
std::vector<ReportDecision> decisionsOf(const std::vector<EventRecord> &events, const std::vector<HpaSample> &samples,
                                        const QString &hpaName, const Tolerance &tolerance);

ReportSummary summarize(const ReportData &data);

} // namespace hpascope::report
