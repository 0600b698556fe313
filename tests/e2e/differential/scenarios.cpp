// The scenarios. Object metrics use an AverageValue target of 100 on the scenario's Service, so
// the proposal is ceil(value / 100) whatever the pod count (GetObjectPerPodMetricReplicas), and a
// sequence does not depend on how fast kwok's pods turn Ready: what differs between the real
// run and the simulation is only timing, which the comparison ignores except where a scenario
// is about timing (a window must hold, a policy period must pass).
#include "scenario.h"

#include <sstream>

namespace diff {
namespace {

    using namespace std::chrono_literals;

    // How late a scale may come after its window has passed: the next sync plus the watch and
    // API round trips of a loaded 2-core machine.
    constexpr Millis kLateSlack { 3000 };
    // Slack for comparing a controller timestamp with our observation of it through a watch: a
    // status is seen up to a second after the sync that wrote it (kube/hpa's kSeenLatency, as
    // measured on this sandbox), and two observations can lag unequally. At 500 ms, two
    // scale-downs a 3 s policy period apart were seen 2.1 s apart in 1 run of 5.
    constexpr Millis kEarlySlack { 1000 };
    // The last higher recommendation comes from the last sync before the push: one period
    // earlier at most on an idle machine, but the controller's queue runs late under load (a
    // hold of window - 1.5 s was measured with a 1 s period), so a second period is allowed.
    constexpr int kSyncsBeforePush = 2;

    json target(const char *type, const char *quantity)
    {
        return { { "type", type },
            { type == std::string("Value") ? "value" : "averageValue", quantity } };
    }

    json objectMetric(const char *metric, json tgt)
    {
        return { { "type", "Object" },
            { "object",
                { { "metric", { { "name", metric } } },
                    { "describedObject",
                        { { "apiVersion", "v1" }, { "kind", "Service" }, { "name", kService } } },
                    { "target", std::move(tgt) } } } };
    }

    json loadAverage()
    {
        return objectMetric(kMetric, target("AverageValue", "100"));
    }

    json spec(int minReplicas, int maxReplicas, json metrics, json behavior = nullptr)
    {
        json s { { "minReplicas", minReplicas }, { "maxReplicas", maxReplicas },
            { "metrics", std::move(metrics) } };
        if (!behavior.is_null())
            s["behavior"] = std::move(behavior);
        return s;
    }

    json downWindow(int seconds)
    {
        return { { "scaleDown", { { "stabilizationWindowSeconds", seconds } } } };
    }

    json upPolicies(json policies, const char *select)
    {
        return { { "scaleUp",
            { { "stabilizationWindowSeconds", 0 }, { "selectPolicy", select },
                { "policies", std::move(policies) } } } };
    }

    json policy(const char *type, int value, int period)
    {
        return { { "type", type }, { "value", value }, { "periodSeconds", period } };
    }

    Conditions conds(std::initializer_list<std::pair<const char *, ConditionState>> list)
    {
        Conditions c;
        for (const auto &[type, state] : list)
            c[type] = state;
        return c;
    }

    const ConditionState kReady { "True", "ReadyForNewScale" };
    const ConditionState kValid { "True", "ValidMetricFound" };
    const ConditionState kInRange { "False", "DesiredWithinRange" };

    std::string ms(Millis m)
    {
        return std::to_string(m.count()) + " ms";
    }

    using Timing = std::function<std::string(const Trace &, const ControllerFlags &)>;

    // The scale-down to `to` after phase `phase`'s push must wait for the stabilization window:
    // not earlier than the window less the syncs before the push (kSyncsBeforePush), and not
    // much later than the window.
    Timing downscaleHeld(
        std::size_t phase, int to, std::function<Millis(const ControllerFlags &)> window)
    {
        return [=](const Trace &t, const ControllerFlags &f) -> std::string {
            const auto delay = t.delayTo(phase, to);
            if (!delay)
                return "no scale-down to " + std::to_string(to) + " after phase "
                    + std::to_string(phase);
            const Millis w = window(f);
            if (*delay < w - kSyncsBeforePush * f.syncPeriod - kEarlySlack)
                return "scaled down to " + std::to_string(to) + " after " + ms(*delay)
                    + ", inside the " + ms(w) + " window";
            if (*delay > w + f.syncPeriod + kLateSlack)
                return "scaled down to " + std::to_string(to) + " only after " + ms(*delay)
                    + " (window " + ms(w) + ")";
            return { };
        };
    }

    // Successive scale-ups (or scale-downs), after the first, must be at least one policy period
    // apart. Seen through watches, two steps can each arrive late by a different amount (2 s of
    // a 3 s period were measured under load); then the controller's own stamps decide: the i-th
    // replica change is the i-th lastScaleTime when the counts agree, and whole seconds put two
    // stamps at most 1 s closer than the rescales were.
    Timing stepsSpaced(Millis period, bool up)
    {
        return [=](const Trace &t, const ControllerFlags &) -> std::string {
            const bool stamped = !t.scaleStamps.empty() && t.scaleStamps.size() == t.replicas.size() - 1;
            std::optional<std::size_t> last;
            for (std::size_t i = 1; i < t.replicas.size(); ++i) {
                if ((t.replicas[i].second > t.replicas[i - 1].second) != up)
                    continue;
                if (last) {
                    const Millis seen = t.replicas[i].first - t.replicas[*last].first;
                    const bool stampsAgree
                        = stamped && t.scaleStamps[i - 1] - t.scaleStamps[*last - 1] >= period - Millis(1000);
                    if (seen < period - kEarlySlack && !stampsAgree)
                        return std::string(up ? "scale-ups " : "scale-downs ") + ms(seen) + " apart, policy period "
                            + ms(period)
                            + (stamped ? ", lastScaleTime " + ms(t.scaleStamps[i - 1] - t.scaleStamps[*last - 1]) + " apart"
                                       : ", no lastScaleTime per step");
                }
                last = i;
            }
            return { };
        };
    }
    Timing upsSpaced(Millis period)
    {
        return stepsSpaced(period, true);
    }

    Millis flagWindow(const ControllerFlags &f)
    {
        return f.downscaleStabilization;
    }

} // namespace

std::vector<Scenario> scenarios()
{
    std::vector<Scenario> out;
    const json avg = json::array({ loadAverage() });

    out.push_back(
        { "step-up", "100 -> 300 on 1 pod: one step to 3 (default behavior)", MetricKind::Object, 1,
            "100", spec(1, 10, avg, json::object()), { { "300", 3, 3000ms } }, { 1, 3 },
            conds({ { "AbleToScale", kReady }, { "ScalingActive", kValid },
                { "ScalingLimited", kInRange } }) });

    out.push_back({ "tolerance-hold",
        "400 -> 4, then 380 (ratio 0.95 inside the 10 % tolerance): stays 4", MetricKind::Object, 1,
        "100", spec(1, 10, avg, downWindow(5)), { { "400", 4, 2000ms }, { "380", 4, 9000ms } },
        { 1, 4 }, conds({ { "AbleToScale", kReady }, { "ScalingLimited", kInRange } }) });

    out.push_back({ "step-down", "400 -> 4, then 200 (ratio 0.5): down to 2 after the 5 s window",
        MetricKind::Object, 1, "100", spec(1, 10, avg, downWindow(5)),
        { { "400", 4, 2000ms }, { "200", 2, 3000ms } }, { 1, 4, 2 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", kInRange } }),
        downscaleHeld(1, 2, [](const ControllerFlags &) { return Millis(5000); }) });

    out.push_back({ "stabilization", "500 -> 5, then 100: held at 5 for the 15 s window, then 1",
        MetricKind::Object, 1, "100", spec(1, 10, avg, downWindow(15)),
        { { "500", 5, 2000ms }, { "100", 1, 3000ms } }, { 1, 5, 1 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", kInRange } }),
        downscaleHeld(1, 1, [](const ControllerFlags &) { return Millis(15000); }) });

    out.push_back({ "up-pods-policy", "1000 on 1 pod, scaleUp Pods 2 / 4 s: 1, 3, 5, 7 (max 7)",
        MetricKind::Object, 1, "100",
        spec(1, 7, avg, upPolicies(json::array({ policy("Pods", 2, 4) }), "Max")),
        { { "1000", 7, 3000ms } }, { 1, 3, 5, 7 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", { "True", "TooManyReplicas" } } }),
        upsSpaced(4000ms) });

    const json percentOrPods = json::array({ policy("Percent", 50, 4), policy("Pods", 1, 4) });
    out.push_back({ "policy-max",
        "2000 on 4 pods, Percent 50 vs Pods 1 per 4 s, Max: 4, 6, 9 (max 9)", MetricKind::Object, 4,
        "400", spec(1, 9, avg, upPolicies(percentOrPods, "Max")), { { "2000", 9, 3000ms } },
        { 4, 6, 9 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", { "True", "TooManyReplicas" } } }),
        upsSpaced(4000ms) });

    out.push_back({ "policy-min",
        "2000 on 4 pods, Percent 50 vs Pods 1 per 4 s, Min: 4, 5, 6, 7 (max 7)", MetricKind::Object,
        4, "400", spec(1, 7, avg, upPolicies(percentOrPods, "Min")), { { "2000", 7, 3000ms } },
        { 4, 5, 6, 7 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", { "True", "TooManyReplicas" } } }),
        upsSpaced(4000ms) });

    out.push_back({ "max-cap", "1000 on 1 pod (wants 10), maxReplicas 3", MetricKind::Object, 1,
        "100", spec(1, 3, avg, json { { "scaleUp", { { "stabilizationWindowSeconds", 0 } } } }),
        { { "1000", 3, 3000ms } }, { 1, 3 },
        conds(
            { { "AbleToScale", kReady }, { "ScalingLimited", { "True", "TooManyReplicas" } } }) });

    out.push_back({ "min-floor", "50 on 3 pods (wants 1), minReplicas 2", MetricKind::Object, 3,
        "300", spec(2, 10, avg, downWindow(5)), { { "50", 2, 3000ms } }, { 3, 2 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", { "True", "TooFewReplicas" } } }) });

    out.push_back({ "legacy",
        "no behavior: 2000 -> max(2x, 4) per sync 1, 4, 8, 12 (max); 100 -> 1 after the flag's "
        "window",
        MetricKind::Object, 1, "100", spec(1, 12, avg),
        { { "2000", 12, 2000ms }, { "100", 1, 3000ms } }, { 1, 4, 8, 12, 1 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", kInRange } }),
        downscaleHeld(1, 1, flagWindow) });

    out.push_back(
        { "pods-metric", "Pods AverageValue 100, every pod 200: 1, 2, 4, 6 (max); then 40: 3, 2, 1",
            MetricKind::Pods, 1, "100",
            spec(1, 6,
                json::array({ { { "type", "Pods" },
                    { "pods",
                        { { "metric", { { "name", kMetric } } },
                            { "target", target("AverageValue", "100") } } } } })),
            { { "200", 6, 2000ms }, { "40", 1, 3000ms } }, { 1, 2, 4, 6, 3, 2, 1 },
            conds({ { "AbleToScale", kReady }, { "ScalingActive", kValid },
                { "ScalingLimited", kInRange } }),
            downscaleHeld(1, 3, flagWindow) });

    out.push_back({ "object-average",
        "3 pods: 320 (1.07 of 3 x 100, inside tolerance) stays; 450 -> 5; 180 -> 2",
        MetricKind::Object, 3, "300", spec(1, 10, avg, downWindow(5)),
        { { "320", 3, 3000ms }, { "450", 5, 2000ms }, { "180", 2, 3000ms } }, { 3, 5, 2 },
        conds({ { "AbleToScale", kReady }, { "ScalingActive", kValid },
            { "ScalingLimited", kInRange } }) });

    out.push_back({ "object-value",
        "Object Value 100 on 4 ready pods, 50: ceil(0.5 x ready) -> 2, then 1", MetricKind::Object,
        4, "100",
        spec(1, 10, json::array({ objectMetric(kMetric, target("Value", "100")) }), downWindow(5)),
        { { "50", 1, 3000ms } }, { 4, 2, 1 },
        conds({ { "AbleToScale", kReady }, { "ScalingActive", kValid },
            { "ScalingLimited", kInRange } }) });

    out.push_back({ "missing-metric",
        "load + absent (never written): 400 scales up to 4; 100 cannot scale down",
        MetricKind::Object, 1, "100",
        spec(1, 10,
            json::array({ loadAverage(), objectMetric(kAbsentMetric, target("Value", "100")) }),
            downWindow(5)),
        { { "400", 4, 2000ms }, { "100", 4, 9000ms } }, { 1, 4 },
        conds({ { "AbleToScale", { "True", "SucceededGetScale" } },
            { "ScalingActive", { "False", "FailedGetObjectMetric" } } }) });

    // Beyond the list: scale-down policies, a disabled direction, a per-HPA tolerance.
    out.push_back({ "down-pods-policy",
        "500 -> 5, then 100 with scaleDown Pods 1 / 3 s, window 0: 5, 4, 3, 2, 1",
        MetricKind::Object, 1, "100",
        spec(1, 10, avg,
            json { { "scaleDown",
                { { "stabilizationWindowSeconds", 0 },
                    { "policies", json::array({ policy("Pods", 1, 3) }) } } } }),
        // 4 s quiet: the scale-up event has left the 3 s period before the scale-down starts.
        { { "500", 5, 4000ms }, { "100", 1, 3000ms } }, { 1, 5, 4, 3, 2, 1 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", kInRange } }),
        stepsSpaced(3000ms, false) });

    out.push_back({ "down-disabled",
        "400 -> 4, then 100 with scaleDown selectPolicy Disabled: stays 4", MetricKind::Object, 1,
        "100", spec(1, 10, avg, json { { "scaleDown", { { "selectPolicy", "Disabled" } } } }),
        { { "400", 4, 2000ms }, { "100", 4, 9000ms } }, { 1, 4 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", { "True", "ScaleDownLimit" } } }) });

    out.push_back({ "up-tolerance",
        "2 pods, scaleUp tolerance 0.5 (KEP-4951): 280 (1.4) stays; 320 (1.6) -> 4",
        MetricKind::Object, 2, "200",
        spec(1, 10, avg, json { { "scaleUp", { { "tolerance", "500m" } } } }),
        { { "280", 2, 4000ms }, { "320", 4, 3000ms } }, { 2, 4 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", kInRange } }) });

    // Pods without a value: on scale-up the controller counts them as 0 (calcPlainMetricReplicas).
    const json podsAverage = json::array({ { { "type", "Pods" },
        { "pods",
            { { "metric", { { "name", kMetric } } },
                { "target", target("AverageValue", "100") } } } } });
    out.push_back({ "pods-missing",
        "6 pods, 3 with a value: 200 stays 6 ((3 x 200 + 3 x 0) / 6 = 100); 300 -> 9, where 3 of 9 "
        "valued at 300 is 100 again",
        MetricKind::Pods, 6, "200", spec(1, 20, podsAverage), { { "300", 9, 4000ms } }, { 6, 9 },
        conds({ { "AbleToScale", kReady }, { "ScalingActive", kValid },
            { "ScalingLimited", kInRange } }),
        { }, { }, kDeploymentName, 3 });

    // The whole scale-down path: an Object Value target proposes ceil(ratio x ready pods), so
    // as the pods go the proposal falls again, and each step waits for the window once more.
    out.push_back({ "multi-step",
        "Object Value 100 on 10 pods, 35 with a 30 s window: 10 -> 4 -> 2 -> 1, each step held",
        MetricKind::Object, 10, "100",
        spec(1, 10, json::array({ objectMetric(kMetric, target("Value", "100")) }), downWindow(30)),
        { { "35", 1, 3000ms } }, { 10, 4, 2, 1 },
        conds({ { "AbleToScale", kReady }, { "ScalingLimited", kInRange } }), { }, { },
        kDeploymentName, -1, true });

    // The target does not exist: the controller cannot read its scale, and nothing moves.
    out.push_back({ "missing-target",
        "scaleTargetRef names a Deployment that does not exist: AbleToScale False FailedGetScale",
        MetricKind::Object, 1, "100", spec(1, 10, avg, downWindow(5)), { { "400", 1, 4000ms } },
        { 1 }, conds({ { "AbleToScale", { "False", "FailedGetScale" } } }), { }, { },
        "absent-app" });
    return out;
}

std::vector<int> Trace::sequence() const
{
    std::vector<int> seq;
    for (const auto &[t, r] : replicas)
        if (seq.empty() || seq.back() != r)
            seq.push_back(r);
    return seq;
}

std::optional<Millis> Trace::delayTo(std::size_t phase, int to) const
{
    if (phase >= pushes.size())
        return std::nullopt;
    for (const auto &[t, r] : replicas)
        if (t >= pushes[phase] && r == to)
            return t - pushes[phase];
    return std::nullopt;
}

std::string sequenceText(const std::vector<int> &seq)
{
    std::string s;
    for (int v : seq)
        s += (s.empty() ? "" : "→") + std::to_string(v);
    return s;
}

std::string conditionMessagesText(const Conditions &c)
{
    std::string out;
    for (const auto &[type, state] : c)
        out += (out.empty() ? "" : "; ") + type + ": " + state.message;
    return out;
}

std::string conditionsText(const Conditions &c)
{
    std::ostringstream s;
    for (const auto &[type, state] : c)
        s << (s.tellp() ? ", " : "") << type << "=" << state.status << "/" << state.reason;
    return s.str();
}

} // namespace diff
