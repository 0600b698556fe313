#include "kube/hpa/explainer.h"

#include "kube/api/hpa_metrics.h"
#include "kube/hpa/go_compat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace kube::hpa {

using namespace kube::api;

namespace {

std::string pods(int32_t n) { return std::to_string(n) + (n == 1 ? " pod" : " pods"); }

std::string percent(double fraction)
{
    char buf[32];
    const double p = fraction * 100.0;
    if (std::fabs(p - std::round(p)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f %%", p);
    else
        std::snprintf(buf, sizeof buf, "%.1f %%", p);
    return buf;
}

std::string fixed2(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string shortName(const MetricSpec &spec)
{
    switch (spec.type) {
    case MetricSourceType::Object:
        return spec.object ? spec.object->metric.name : std::string();
    case MetricSourceType::Pods:
        return spec.pods ? spec.pods->metric.name : std::string();
    case MetricSourceType::External:
        return spec.external ? spec.external->metric.name : std::string();
    case MetricSourceType::Resource:
        return spec.resource ? spec.resource->name : std::string();
    case MetricSourceType::ContainerResource:
        return spec.containerResource
                   ? spec.containerResource->name + " (container " + spec.containerResource->container + ")"
                   : std::string();
    default:
        return spec.typeName;
    }
}

// The compared pair in milli-units (utilization: percent * 1000), as the replica calculator sees it.
struct Compared {
    double current = 0;
    double target = 0;
    Quantity raw; // the value predict() should hold constant
};

std::optional<Compared> compare(const MetricPair &pair, int32_t replicas)
{
    const MetricTarget *target = targetOf(pair.spec);
    if (!target || !pair.status)
        return std::nullopt;
    const MetricValueStatus *cur = currentOf(*pair.status);
    if (!cur)
        return std::nullopt;
    const bool perPodObject = (pair.spec.type == MetricSourceType::Object ||
                               pair.spec.type == MetricSourceType::External) &&
                              target->type == MetricTargetType::AverageValue;
    Compared c;
    switch (target->type) {
    case MetricTargetType::Value:
        if (!target->value || !cur->value)
            return std::nullopt;
        c = {double(cur->value->milliValue()), double(target->value->milliValue()), *cur->value};
        break;
    case MetricTargetType::AverageValue:
        if (!target->averageValue || !cur->averageValue)
            return std::nullopt;
        c = {double(cur->averageValue->milliValue()), double(target->averageValue->milliValue()),
             *cur->averageValue};
        if (perPodObject) // status shows value / replicas; the metric itself is the total
            c.raw = Quantity::fromMilli(cur->averageValue->milliValue() * std::max(replicas, 1));
        break;
    case MetricTargetType::Utilization:
        if (!target->averageUtilization || !cur->averageUtilization)
            return std::nullopt;
        c = {double(*cur->averageUtilization), double(*target->averageUtilization),
             Quantity::fromInt64(*cur->averageUtilization)};
        break;
    default:
        return std::nullopt;
    }
    if (c.target == 0)
        return std::nullopt;
    return c;
}

std::string windowSource(const EffectiveBehavior &b)
{
    if (!b.explicitBehavior)
        return "default: spec.behavior is unset";
    if (b.scaleDown.windowDefaulted)
        return "default: spec.behavior.scaleDown.stabilizationWindowSeconds is unset";
    return "spec.behavior.scaleDown.stabilizationWindowSeconds";
}

} // namespace

std::string formatClock(Time t)
{
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&secs, &tm); // a person reads their own clock
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

Explanation explain(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                    const HpaHistory *history, Time now)
{
    Explanation ex;
    ex.behavior = effectiveBehavior(hpa, config);
    const Tolerances tol = tolerancesForHpa(hpa, config);
    const int32_t replicas = hpa.status.currentReplicas;
    const int32_t minReplicas = hpa.spec.minReplicas.value_or(1);

    std::optional<int32_t> desired;
    std::vector<Quantity> rawValues;
    bool allKnown = true;
    for (const MetricPair &pair : pairMetrics(hpa)) {
        MetricLine line;
        line.name = shortName(pair.spec);
        const MetricTarget *target = targetOf(pair.spec);
        line.target = target ? describeTarget(*target) : "<unset>";
        line.current = pair.status ? describeCurrent(*currentOf(*pair.status),
                                                     target ? target->type : MetricTargetType::Unknown)
                                   : "<unknown>";
        const auto c = compare(pair, replicas);
        if (!c) {
            allKnown = false;
            rawValues.emplace_back();
            ex.sentences.push_back("Metric " + line.name + " has no current value yet.");
            ex.metrics.push_back(line);
            continue;
        }
        rawValues.push_back(c->raw);
        const double ratio = c->current / c->target;
        line.ratio = ratio;
        line.withinTolerance = tol.isWithin(ratio);
        const bool perPodObject = (pair.spec.type == MetricSourceType::Object ||
                                   pair.spec.type == MetricSourceType::External) &&
                                  target->type == MetricTargetType::AverageValue;
        int32_t proposal = replicas;
        if (perPodObject) // GetObjectPerPodMetricReplicas / GetExternalPerPodMetricReplicas
            proposal = line.withinTolerance ? replicas
                                            : go::ceilToInt32(c->current * std::max(replicas, 1) / c->target);
        else if (replicas == 0 && target->type == MetricTargetType::Value) // getUsageRatioReplicaCount
            proposal = go::ceilToInt32(ratio);
        else if (!line.withinTolerance)
            proposal = go::ceilToInt32(ratio * replicas);
        line.proposedReplicas = proposal;
        desired = desired ? std::max(*desired, proposal) : proposal;

        const double usedTolerance = ratio > 1.0 ? tol.scaleUp : tol.scaleDown;
        std::string s = "Metric " + line.name + " is " + line.current + " vs target " + line.target +
                        " (ratio " + fixed2(ratio) + ", " +
                        (line.withinTolerance ? "within" : "outside") + " the " + percent(usedTolerance) +
                        " tolerance): ";
        s += proposal == replicas ? "stays at " + pods(replicas) + "."
                                  : pods(replicas) + " \u2192 " + pods(proposal) + ".";
        ex.sentences.push_back(s);
        ex.metrics.push_back(line);
    }

    if (const auto *active = hpa.condition("ScalingActive"); active && active->status == "False") {
        if (active->reason == "ScalingDisabled")
            ex.sentences.push_back("Scaling is disabled: " + active->message + ".");
        else if (active->reason.rfind("FailedGet", 0) == 0)
            ex.sentences.push_back("Metric unavailable: " + active->reason + ": " + active->message + ".");
        else
            ex.sentences.push_back("Scaling is not active: " + active->reason + ": " + active->message + ".");
    }

    if (!desired)
        return ex;
    const std::string asks = ex.metrics.size() == 1 ? "the metric asks for " : "the metrics ask for ";
    if (*desired > hpa.spec.maxReplicas)
        ex.sentences.push_back("At maxReplicas " + std::to_string(hpa.spec.maxReplicas) + ": " + asks +
                               std::to_string(*desired) + ".");
    else if (*desired < minReplicas)
        ex.sentences.push_back("At minReplicas " + std::to_string(minReplicas) + ": " + asks +
                               std::to_string(*desired) + ".");

    const int32_t clamped = std::clamp(*desired, minReplicas, std::max(minReplicas, hpa.spec.maxReplicas));
    const int32_t window = ex.behavior.scaleDown.stabilizationWindowSeconds;
    if (clamped >= replicas || window <= 0 || !allKnown)
        return ex;

    // Scale-down wanted: when does the window let it through?
    HpaHistory hist = history ? *history : HpaHistory{};
    ex.heldUntilEstimated = !history || history->recommendations.empty();
    if (!ex.heldUntilEstimated) {
        std::optional<Time> lastHigh;
        for (const auto &rec : hist.recommendations)
            if (rec.recommendation >= replicas && (!lastHigh || rec.timestamp > *lastHigh))
                lastHigh = rec.timestamp;
        if (lastHigh && *lastHigh + Seconds(window) > now)
            ex.heldUntil = *lastHigh + Seconds(window);
    } else {
        ex.heldUntil = now + Seconds(window);
    }
    if (!ex.heldUntil)
        return ex; // the window has already released; the next sync scales down

    PredictOptions options;
    options.horizon = Seconds(window) + 4 * config.syncPeriod;
    const auto steps = predict(hpa, config, hist, rawValues, now, options);
    for (const auto &[t, n] : steps)
        if (n < replicas) {
            ex.scaleDownAt = t;
            ex.scaleDownTo = n;
            break;
        }
    std::string s = "Scale-down is held by the " + std::to_string(window) + " s stabilization window (" +
                    windowSource(ex.behavior) + ")";
    const std::string stays = ex.metrics.size() == 1 ? "if the metric stays at " + ex.metrics[0].current
                                                     : "if the metrics stay as they are";
    if (ex.scaleDownAt)
        s += "; " + stays + ", replicas go to " + std::to_string(*ex.scaleDownTo) +
             (ex.heldUntilEstimated ? " by " : " at ") + formatClock(*ex.scaleDownAt) +
             (ex.heldUntilEstimated ? " at the latest." : ".");
    else
        s += ".";
    ex.sentences.push_back(s);
    return ex;
}

} // namespace kube::hpa
