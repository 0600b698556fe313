#pragma once
// The agreement table: one row per scenario, printed to the test log and written as Markdown.
#include "scenario.h"

namespace diff {

struct Row {
    std::string scenario, what;
    std::string real, sim; // replica sequences
    std::string conditionsReal, conditionsSim;
    std::string rescalesReal, rescalesSim; // SuccessfulRescale messages
    std::string timing; // push-to-change delays (real / sim)
    std::string messagesReal; // the real final condition messages
    // Condition messages that differ where status and reason agree.
    std::vector<std::string> messageDiffs;
    bool agree = false;
    std::string note; // why not, or the known gap
};

// agree: the real run completed; sequences, final conditions (status/reason/message) and the
// set of SuccessfulRescale messages are equal; both traces pass the scenario's timing check.
Row compare(
    const Scenario &scenario, const Trace &real, const Trace &sim, const ControllerFlags &flags);

std::string rescalesText(const std::set<std::string> &messages); // "New size: 4; reason: ... | ..."

// Markdown: a header line, the table, the scenario list and the details.
std::vector<std::string> markdownTable(
    const std::vector<Row> &rows, const ControllerFlags &flags, const std::string &runtime);

} // namespace diff
