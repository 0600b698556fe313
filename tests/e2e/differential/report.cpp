#include "report.h"

#include <cstdio>

namespace diff {
namespace {

    std::string delays(const Trace &t)
    {
        // The push-to-change delays of every change after the first push: what the timing checks
        // see.
        std::string out;
        std::size_t phase = 0;
        for (std::size_t i = 1; i < t.replicas.size(); ++i) {
            while (phase + 1 < t.pushes.size() && t.pushes[phase + 1] <= t.replicas[i].first)
                ++phase;
            if (t.pushes.empty() || t.replicas[i].first < t.pushes[phase])
                continue;
            char delay[32];
            std::snprintf(delay, sizeof delay, "%.1f",
                (t.replicas[i].first - t.pushes[phase]).count() / 1000.0);
            out += (out.empty() ? "" : " ") + std::to_string(t.replicas[i].second) + "@+" + delay
                + "s";
        }
        return out;
    }

} // namespace

std::string rescalesText(const std::set<std::string> &messages)
{
    std::string out;
    for (const auto &m : messages)
        out += (out.empty() ? "" : " | ") + m;
    return out.empty() ? "(none)" : out;
}

Row compare(const Scenario &s, const Trace &real, const Trace &sim, const ControllerFlags &flags)
{
    Row row;
    row.scenario = s.name;
    row.what = s.what;
    row.real = sequenceText(real.sequence());
    row.sim = sequenceText(sim.sequence());
    row.conditionsReal = conditionsText(real.conditions);
    row.conditionsSim = conditionsText(sim.conditions);
    row.messagesReal = conditionMessagesText(real.conditions);
    row.rescalesReal = rescalesText(real.rescales);
    row.rescalesSim = rescalesText(sim.rescales);
    row.timing = delays(real) + " / " + delays(sim) + " (real writes took up to "
        + std::to_string(real.pushLatency.count()) + " ms)";
    for (const auto &[type, r] : real.conditions) {
        const auto it = sim.conditions.find(type);
        if (it != sim.conditions.end() && it->second.status == r.status
            && it->second.reason == r.reason && it->second.message != r.message)
            row.messageDiffs.push_back(
                type + ": real \"" + r.message + "\", sim \"" + it->second.message + "\"");
    }
    std::vector<std::string> problems;
    if (!real.error.empty())
        problems.push_back("real run: " + real.error);
    if (!sim.error.empty())
        problems.push_back(sim.error);
    if (real.sequence() != sim.sequence())
        problems.push_back("sequences differ");
    if (conditionsText(real.conditions) != conditionsText(sim.conditions))
        problems.push_back("conditions differ");
    else if (real.conditions != sim.conditions)
        problems.push_back("condition messages differ");
    if (real.rescales != sim.rescales)
        problems.push_back("rescale events differ");
    if (s.timing) {
        if (auto e = s.timing(real, flags); !e.empty())
            problems.push_back("real timing: " + e);
        if (auto e = s.timing(sim, flags); !e.empty())
            problems.push_back("sim timing: " + e);
    }
    row.agree = problems.empty();
    for (const auto &p : problems)
        row.note += (row.note.empty() ? "" : "; ") + p;
    if (!s.knownGap.empty())
        row.note += (row.note.empty() ? "" : "; ") + std::string("known gap: ") + s.knownGap;
    return row;
}

std::vector<std::string> markdownTable(
    const std::vector<Row> &rows, const ControllerFlags &flags, const std::string &runtime)
{
    std::vector<std::string> out;
    out.push_back("## kube/hpa + kube/sim vs the real HPA controller (Kubernetes 1.36)");
    out.push_back("");
    out.push_back("Controller flags (" + flags.source + "): sync period "
        + std::to_string(flags.syncPeriod.count()) + " ms, downscale stabilization "
        + std::to_string(flags.downscaleStabilization.count()) + " ms. Wall time: " + runtime
        + ".");
    out.push_back("");
    out.push_back("| scenario | real sequence | sim sequence | final conditions real / sim | "
                  "changes after push (real / sim) | agree? |");
    out.push_back("| --- | --- | --- | --- | --- | --- |");
    int agreeing = 0;
    for (const auto &r : rows) {
        agreeing += r.agree ? 1 : 0;
        const std::string conds = r.conditionsReal == r.conditionsSim
            ? "both: " + r.conditionsReal
            : r.conditionsReal + " / " + r.conditionsSim;
        out.push_back("| " + r.scenario + " | " + r.real + " | " + r.sim + " | " + conds + " | "
            + r.timing + " | " + (r.agree ? "yes" : "**no**: " + r.note) + " |");
    }
    out.push_back("");
    out.push_back(
        std::to_string(agreeing) + " of " + std::to_string(rows.size()) + " scenarios agree.");
    out.push_back("");
    out.push_back("Scenarios:");
    for (const auto &r : rows)
        out.push_back("- " + r.scenario + ": " + r.what);
    out.push_back("");
    out.push_back("SuccessfulRescale events (compared as sets of messages):");
    for (const auto &r : rows)
        out.push_back("- " + r.scenario + ": "
            + (r.rescalesReal == r.rescalesSim
                    ? "both: " + r.rescalesReal
                    : "real: " + r.rescalesReal + " / sim: " + r.rescalesSim));
    out.push_back("");
    out.push_back("Final condition messages (real; compared too):");
    for (const auto &r : rows)
        out.push_back("- " + r.scenario + ": " + r.messagesReal);
    out.push_back("");
    out.push_back("Condition messages that differ:");
    bool any = false;
    for (const auto &r : rows)
        for (const auto &d : r.messageDiffs) {
            out.push_back("- " + r.scenario + ": " + d);
            any = true;
        }
    if (!any)
        out.push_back("- none");
    return out;
}

} // namespace diff
