#include "kube/hpa/explainer_messages.h"

namespace kube::hpa {

// Keep in step with app/core/explainer_text.cpp (a unit test compares the two tables).
const std::vector<MessageTemplate> &explainerMessages()
{
    static const std::vector<MessageTemplate> table = {
        {"unsynced", "The controller has not synced this HPA yet."},
        {"target.unavailable", "The controller cannot read the scale of its target %1: %2. Check that %3 exists "
                               "in namespace %4 (kubectl get %3 -n %4)."},
        {"rescale.failed", "The controller could not change the replicas of %1: %2."},
        {"scaling.disabled", "Autoscaling is off: %1 has 0 replicas, and the controller leaves a target at zero "
                             "alone while minReplicas is %2. Scale it above 0 to resume."},
        {"metric.unavailable", "Metric unavailable (%1): %2."},
        {"scaling.inactive", "Scaling is not active (%1): %2."},
        {"invalid.blocks.down", "While a metric is unavailable the controller never scales down; it still scales up "
                                "on the metrics it can read."},
        {"metric.within", "Metric %1 is %2 vs target %3 (ratio %4, within the %5 tolerance): replicas stay at %6."},
        {"metric.outside", "Metric %1 is %2 vs target %3 (ratio %4, outside the %5 tolerance): replicas %6 \u2192 %7."},
        {"metric.outside.kept", "Metric %1 is %2 vs target %3 (ratio %4, outside the %5 tolerance), but counting "
                                "the pods without a value keeps the replicas at %6."},
        {"metric.outside.rounded", "Metric %1 is %2 vs target %3 (ratio %4, outside the %5 tolerance), but the "
                                   "controller rounds up: %4 \u00d7 %6 replicas is still %6 after rounding up, so "
                                   "replicas stay at %6."},
        {"metric.novalue", "Metric %1 has no current value yet."},
        {"pods.missing", "%1 of %2 pods have no value of %3: the controller counts them as 0 on scale-up and as "
                         "at target on scale-down."},
        {"winner", "The largest proposal wins: %2 asks for %1."},
        {"limit.max", "At maxReplicas %1: the metrics ask for %2."},
        {"limit.min", "At minReplicas %1: the metrics ask for %2."},
        {"limit.max.window", "At maxReplicas %1: a higher recommendation of the stabilization window still "
                             "counts (the metrics now ask for %2)."},
        {"limit.min.window", "At minReplicas %1: a lower recommendation of the stabilization window still "
                             "counts (the metrics now ask for %2)."},
        {"limit.up.policy", "Scale-up is limited by policy %1 per %2 s (selectPolicy %3): the metrics ask for %4, "
                            "this period allows %5."},
        {"limit.up.legacy", "Scale-up is limited to %1 per sync (max(2 \u00d7 %2, 4), the rule while "
                            "spec.behavior is unset): the metrics ask for %3."},
        {"limit.down.policy", "Scale-down is limited by policy %1 per %2 s (selectPolicy %3): the metrics ask for "
                              "%4, this period allows %5."},
        {"disabled.up", "Scale-up is disabled by the HPA's behavior (scaleUp.selectPolicy: Disabled): the metrics "
                        "ask for %1, replicas stay at %2."},
        {"disabled.down", "Scale-down is disabled by the HPA's behavior (scaleDown.selectPolicy: Disabled): the "
                          "metrics ask for %1, replicas stay at %2."},
        {"held.down.explicit", "Scale-down is held by the %1 s stabilization window "
                               "(spec.behavior.scaleDown.stabilizationWindowSeconds)."},
        {"held.down.flag", "Scale-down is held by the %1 s stabilization window (the controller's "
                           "--horizontal-pod-autoscaler-downscale-stabilization: "
                           "spec.behavior.scaleDown.stabilizationWindowSeconds is unset)."},
        {"held.down.legacy", "Scale-down is held by the %1 s stabilization window (the controller's "
                             "--horizontal-pod-autoscaler-downscale-stabilization: spec.behavior is unset)."},
        {"held.up", "Scale-up is held by the %1 s scale-up stabilization window: the lowest recent "
                    "recommendation is %2."},
        {"path.one", "If %1 stays at %2: %3."},
        {"path.many", "If the metrics stay as they are: %1."},
        {"path.first", "%1 \u2192 %2 at %3 (in %4 s)"},
        {"path.first.range", "%1 \u2192 %2 between %3 and %4 (in %5 s at the latest)"},
        {"path.next", "\u2192 %1 at %2"},
        {"path.estimated", "hpascope has not watched this HPA for the whole window: these are the latest times, "
                           "the controller may act sooner."},
        {"path.uncertain", "Just after a rescale the controller may still count the old number of pods: the "
                           "next sync tells which of the possible paths holds."},
        {"scaled", "The controller's last sync changed the replicas %1 \u2192 %2."},
        {"stable", "Stable: replicas stay at %1; no metric asks for a change."},
        {"mismatch", "hpascope's replay of the last sync gives %1 (%2) where the controller decided %3 (%4); "
                     "this explanation follows the controller. Pods without metric values or not ready, or "
                     "controller flags other than these (sync %5 s, scale-down window %6 s, "
                     "tolerance %7), would explain it."},
        {"flags.assumed", "Assumed: Kubernetes' default controller flags (sync %1 s, scale-down window %2 s, "
                          "tolerance %3). If this cluster's controller runs with others, set them under "
                          "Controller flags."},
        {"flags.set", "Controller flags as set for this context in hpascope: sync %1 s, scale-down window %2 s, "
                      "tolerance %3."},
        {"flags.published", "Controller flags as the cluster publishes them (ConfigMap %4): sync %1 s, "
                            "scale-down window %2 s, tolerance %3."},
        {"flags.inferred", "From the scale-downs hpascope saw (%1), the controller's scale-down window is between "
                           "%2 and %3 s."},
        {"flags.inferred.other", "From the scale-downs hpascope saw (%1), the controller's scale-down window is "
                                 "between %2 and %3 s, not the assumed %4 s \u2014 set it under Controller flags."},
        {"flags.inferred.inconsistent", "The scale-downs hpascope saw (%1) fit no single scale-down window: the "
                                        "controller's sync period may be longer than the assumed %2 s, its flags "
                                        "may have changed, or it restarted while a window held."},
    };
    return table;
}

std::string substitute(std::string_view pattern, const std::vector<std::string> &args)
{
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (n < args.size())
                out += args[n];
            ++i;
            continue;
        }
        out += c;
    }
    return out;
}

std::string Sentence::text() const
{
    std::vector<std::string> all = args;
    if (!items.empty()) {
        std::string joined;
        for (const auto &item : items)
            joined += (joined.empty() ? "" : ", ") + item.text();
        all.push_back(joined);
    }
    for (const auto &m : explainerMessages())
        if (m.id == id)
            return substitute(m.english, all);
    return id;
}

} // namespace kube::hpa
