#include "kube/hpa/explainer.h"

#include "kube/api/hpa_metrics.h"
#include "kube/api/pod.h"
#include "kube/hpa/published_flags.h"
#include "kube/hpa/sync_model.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace kube::hpa {

using namespace kube::api;

namespace {

// The path ahead: at most this many changes are told, and never more than two hours ahead.
constexpr std::size_t kPathSteps = 4;
constexpr Seconds kMaxHorizon{2 * 3600};

std::string num(int64_t n) { return std::to_string(n); }

std::string percent(double fraction)
{
    char buf[32];
    const double p = fraction * 100.0;
    std::snprintf(buf, sizeof buf, std::fabs(p - std::round(p)) < 1e-9 ? "%.0f %%" : "%.1f %%", p);
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
    case MetricSourceType::Object: return spec.object ? spec.object->metric.name : std::string();
    case MetricSourceType::Pods: return spec.pods ? spec.pods->metric.name : std::string();
    case MetricSourceType::External: return spec.external ? spec.external->metric.name : std::string();
    case MetricSourceType::Resource: return spec.resource ? spec.resource->name : std::string();
    case MetricSourceType::ContainerResource:
        return spec.containerResource
                   ? spec.containerResource->name + " (container " + spec.containerResource->container + ")"
                   : std::string();
    default: return spec.typeName;
    }
}

// "deployments.apps/web" for kubectl, from the scaleTargetRef.
std::string resourceOf(const CrossVersionObjectReference &ref)
{
    std::string kind = ref.kind;
    std::transform(kind.begin(), kind.end(), kind.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    const auto slash = ref.apiVersion.find('/');
    const std::string group = slash == std::string::npos ? std::string() : ref.apiVersion.substr(0, slash);
    return kind + "s" + (group.empty() ? "" : "." + group) + "/" + ref.name;
}

// The controller's memory before its last sync, and when that sync ran.
struct Memory {
    Time syncAt{};
    HpaHistory before;
    // The same with each status' last sync one period earlier, and with the lowest and highest
    // of each status' possible recommendations: the replay's verdict must not depend on them.
    std::vector<HpaHistory> variants;
    bool known = false;                    // the memory reaches back far enough
};

Seconds reach(const EffectiveBehavior &b)
{
    int32_t s = std::max(b.scaleUp.stabilizationWindowSeconds, b.scaleDown.stabilizationWindowSeconds);
    for (const auto *rules : {&b.scaleUp, &b.scaleDown})
        for (const auto &p : rules->policies)
            s = std::max(s, p.periodSeconds);
    return Seconds(s);
}

Memory memoryFor(const ExplainInputs &in, const EffectiveBehavior &behavior, Time now)
{
    Memory m;
    m.syncAt = now;
    if (in.history) {
        // Every sync records a recommendation: the newest one is the last sync's.
        if (!in.history->recommendations.empty())
            m.syncAt = std::max_element(in.history->recommendations.begin(), in.history->recommendations.end(),
                                        [](const auto &x, const auto &y) { return x.timestamp < y.timestamp; })
                           ->timestamp;
        auto keep = [&](auto &v) { std::erase_if(v, [&](const auto &e) { return e.timestamp >= m.syncAt; }); };
        m.before = *in.history;
        keep(m.before.recommendations);
        keep(m.before.scaleUpEvents);
        keep(m.before.scaleDownEvents);
        m.known = true;
    } else if (in.observed && !in.observed->empty()) {
        m.syncAt = *in.observed->lastObservedAt();
        m.before = in.observed->reconstruct(m.syncAt, m.syncAt);
        using Pick = ObservedHistory::Pick;
        for (const bool early : {false, true})
            for (const Pick pick : {Pick::Nominal, Pick::Lowest, Pick::Highest})
                if (early || pick != Pick::Nominal)
                    m.variants.push_back(in.observed->reconstruct(m.syncAt, m.syncAt, early, pick));
        m.known = in.observed->fromCreation() || *in.observed->firstObservedAt() + reach(behavior) <= m.syncAt;
    }
    return m;
}

struct ReplayRun {
    Replay verdict;
    SyncResult result;
    HpaHistory after;
};

ReplayRun replay(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config, const HpaHistory &before,
                 const std::vector<std::optional<Quantity>> &values, const ObservedPods &pods, Time at,
                 const ExplainInputs &in, std::optional<int32_t> modelledPods = std::nullopt)
{
    Controller c(config);
    const std::string key = Controller::keyOf(hpa);
    c.history(key) = before;
    ReplayRun run;
    SyncInput input = syncInputFor(hpa, values, hpa.status.currentReplicas, pods, at, modelledPods);
    input.scaleError = in.scaleError;
    run.result = c.reconcile(hpa, input);
    run.verdict.limiters = limitersOf(hpa, run.result.status.conditions);
    run.verdict.desiredReplicas = run.result.desiredReplicas;
    run.verdict.metricReplicas = run.result.metricDesiredReplicas;
    run.after = c.history(key);
    return run;
}

// The policy whose limit the controller applied, and the replicas it allows this period.
struct Governing {
    std::optional<HPAScalingPolicy> policy;
    int32_t allowed = 0;
};
Governing governing(const HPAScalingRules &rules, bool up, int32_t current, const HpaHistory &h, Time t)
{
    auto limitOf = [&](const HPAScalingRules &r) {
        return up ? std::max(current, calculateScaleUpLimitWithScalingRules(current, h.scaleUpEvents,
                                                                             h.scaleDownEvents, r, t))
                  : std::min(current, calculateScaleDownLimitWithBehaviors(current, h.scaleUpEvents,
                                                                           h.scaleDownEvents, r, t));
    };
    Governing g;
    g.allowed = limitOf(rules);
    for (const auto &p : rules.policies) {
        HPAScalingRules single = rules;
        single.policies = {p};
        single.selectPolicy = ScalingPolicySelect::Max;
        if (limitOf(single) == g.allowed) {
            g.policy = p;
            break;
        }
    }
    return g;
}

std::string policyText(const HPAScalingPolicy &p)
{
    return std::string(nameOf(p.type)) + " " + num(p.value) + (p.type == HPAScalingPolicyType::Percent ? " %" : "");
}

void explainMetrics(Explanation &ex, const HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                    const SyncResult &r, const ExplainInputs &in)
{
    const Tolerances tol = tolerancesForHpa(hpa, config);
    const int32_t replicas = hpa.status.currentReplicas;
    int valid = 0;
    std::string winner;
    int32_t winning = -1;
    const auto values = rawValuesFromStatus(hpa);
    for (const MetricPair &pair : pairMetrics(hpa)) {
        MetricLine line;
        line.name = shortName(pair.spec);
        const MetricTarget *target = targetOf(pair.spec);
        line.target = target ? describeTarget(*target) : "<unset>";
        const MetricValueStatus *cur = pair.status ? currentOf(*pair.status) : nullptr;
        line.current = cur ? describeCurrent(*cur, target ? target->type : MetricTargetType::Unknown) : "<unknown>";
        const MetricProposal *p = pair.specIndex < r.proposals.size() ? &r.proposals[pair.specIndex] : nullptr;
        const bool known = pair.specIndex < values.size() && values[pair.specIndex] && target;
        if (!known || !p || !p->valid) {
            ex.metrics.push_back(line);
            ex.sentences.push_back({"metric.novalue", {line.name}});
            continue;
        }
        ++valid;
        double current = 0, wanted = 0;
        if (target->type == MetricTargetType::Utilization) {
            current = double(cur->averageUtilization.value_or(0));
            wanted = double(target->averageUtilization.value_or(0));
        } else {
            const auto *c = target->type == MetricTargetType::Value ? &cur->value : &cur->averageValue;
            const auto *t = target->type == MetricTargetType::Value ? &target->value : &target->averageValue;
            current = *c ? double((*c)->milliValue()) : 0;
            wanted = *t ? double((*t)->milliValue()) : 0;
        }
        if (wanted > 0) {
            line.ratio = current / wanted;
            line.withinTolerance = tol.isWithin(*line.ratio);
        }
        line.proposedReplicas = p->replicas;
        if (p->replicas > winning) {
            winning = p->replicas;
            winner = line.name;
        }
        const std::string ratio = line.ratio ? fixed2(*line.ratio) : "?";
        const std::string usedTol = percent(line.ratio && *line.ratio > 1.0 ? tol.scaleUp : tol.scaleDown);
        if (line.withinTolerance)
            ex.sentences.push_back({"metric.within", {line.name, line.current, line.target, ratio, usedTol, num(replicas)}});
        else if (p->replicas == replicas && line.ratio && *line.ratio < 1.0 &&
                 std::ceil(*line.ratio * replicas - 1e-9) >= replicas)
            // Outside the tolerance, yet the controller's ceil(ratio × pods) is the count it has:
            // 0.83 × 1 rounds up to 1. No pods are missing anything.
            ex.sentences.push_back({"metric.outside.rounded", {line.name, line.current, line.target, ratio, usedTol, num(replicas)}});
        else if (p->replicas == replicas)
            ex.sentences.push_back({"metric.outside.kept", {line.name, line.current, line.target, ratio, usedTol, num(replicas)}});
        else
            ex.sentences.push_back({"metric.outside", {line.name, line.current, line.target, ratio, usedTol,
                                                       num(replicas), num(p->replicas)}});
        ex.metrics.push_back(line);
        if (in.pods && !in.pods->empty()) {
            const auto with = in.pods->withValues.find(pair.specIndex);
            if (with != in.pods->withValues.end()) {
                int running = 0, missing = 0;
                for (const auto &pod : in.pods->pods)
                    if (kube::api::expectsMetricValue(pod.phase, pod.deleting)) {
                        ++running;
                        missing += with->second.count(pod.name) ? 0 : 1;
                    }
                if (missing > 0)
                    ex.sentences.push_back({"pods.missing", {num(missing), num(running), line.name}});
            }
        }
    }
    if (valid > 1 && winning >= 0)
        ex.sentences.push_back({"winner", {num(winning), winner}});
}

void explainProblems(Explanation &ex, const HorizontalPodAutoscaler &hpa)
{
    const auto &ref = hpa.spec.scaleTargetRef;
    const std::string target = ref.kind + "/" + ref.name;
    for (Limiter l : ex.reported) {
        if (l == Limiter::TargetUnavailable) {
            const auto *c = hpa.condition("AbleToScale");
            ex.sentences.push_back({"target.unavailable", {target, c ? c->message : std::string(), resourceOf(ref),
                                                           hpa.metadata.namespace_}});
        } else if (l == Limiter::RescaleFailed) {
            const auto *c = hpa.condition("AbleToScale");
            ex.sentences.push_back({"rescale.failed", {target, c ? c->message : std::string()}});
        } else if (l == Limiter::ScalingDisabled) {
            ex.sentences.push_back({"scaling.disabled", {target, num(hpa.spec.minReplicas.value_or(1))}});
        } else if (l == Limiter::MetricsUnavailable) {
            const auto *c = hpa.condition("ScalingActive");
            const std::string reason = c ? c->reason : std::string();
            const std::string message = c ? c->message : std::string();
            ex.sentences.push_back({reason.rfind("FailedGet", 0) == 0 ? "metric.unavailable" : "scaling.inactive",
                                    {reason, message}});
        }
    }
}

std::vector<ScaleStep> pathAhead(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config,
                                 const ReplayRun &run, const std::vector<std::optional<Quantity>> &values,
                                 const EffectiveBehavior &behavior, Time syncAt)
{
    HorizontalPodAutoscaler next = hpa;
    next.status = run.result.status;
    const Seconds period = config.syncPeriod.count() > 0 ? config.syncPeriod : Seconds(15);
    PredictOptions options;
    options.currentReplicas = run.result.rescale ? run.result.desiredReplicas : hpa.status.currentReplicas;
    const int32_t span = std::max(1, hpa.spec.maxReplicas - hpa.spec.minReplicas.value_or(1));
    Seconds longestPeriod{0};
    for (const auto *rules : {&behavior.scaleUp, &behavior.scaleDown})
        for (const auto &p : rules->policies)
            longestPeriod = std::max(longestPeriod, Seconds(p.periodSeconds));
    options.horizon = std::min(kMaxHorizon, Seconds(std::max(behavior.scaleUp.stabilizationWindowSeconds,
                                                             behavior.scaleDown.stabilizationWindowSeconds)) *
                                                    int(kPathSteps) +
                                                longestPeriod * std::min(span, 16) + period * 4);
    std::vector<ScaleStep> path;
    int32_t last = *options.currentReplicas;
    for (const auto &[t, n] : predictPartial(next, config, run.after, values, syncAt + period, options)) {
        if (n != last)
            path.push_back({t, last, n});
        last = n;
        if (path.size() >= kPathSteps)
            break;
    }
    return path;
}

Sentence pathSentence(const Explanation &ex, const std::vector<std::optional<Quantity>> &values, Time now)
{
    Sentence s;
    for (std::size_t i = 0; i < ex.path.size(); ++i) {
        const ScaleStep &step = ex.path[i];
        if (i == 0) {
            const auto in = std::chrono::duration_cast<Seconds>(step.at - now).count();
            if (ex.firstStepEarliest)
                s.items.push_back({"path.first.range", {num(step.from), num(step.to), formatClock(*ex.firstStepEarliest),
                                                        formatClock(step.at), num(std::max<int64_t>(0, in))}});
            else
                s.items.push_back({"path.first", {num(step.from), num(step.to), formatClock(step.at),
                                                  num(std::max<int64_t>(0, in))}});
        } else {
            s.items.push_back({"path.next", {num(step.to), formatClock(step.at)}});
        }
    }
    if (ex.metrics.size() == 1 && !values.empty() && values[0]) {
        s.id = "path.one";
        s.args = {ex.metrics[0].name, ex.metrics[0].current};
    } else {
        s.id = "path.many";
    }
    return s;
}

void explainLimiter(Explanation &ex, Limiter main, const HorizontalPodAutoscaler &hpa, const ReplayRun &run,
                    const Memory &memory)
{
    const int32_t current = hpa.status.currentReplicas;
    const int32_t asks = run.result.metricDesiredReplicas >= 0 ? run.result.metricDesiredReplicas
                                                                : hpa.status.desiredReplicas;
    const HorizontalPodAutoscalerBehavior rules = withDefaults(hpa.spec.behavior);
    switch (main) {
    case Limiter::TooManyReplicas:
        // The metrics may ask for fewer while a window still holds a higher recommendation.
        if (asks <= hpa.spec.maxReplicas)
            ex.sentences.push_back({"limit.max.window", {num(hpa.spec.maxReplicas), num(asks)}});
        else
            ex.sentences.push_back({"limit.max", {num(hpa.spec.maxReplicas), num(asks)}});
        break;
    case Limiter::TooFewReplicas:
        if (asks >= hpa.spec.minReplicas.value_or(1))
            ex.sentences.push_back({"limit.min.window", {num(hpa.spec.minReplicas.value_or(1)), num(asks)}});
        else
            ex.sentences.push_back({"limit.min", {num(hpa.spec.minReplicas.value_or(1)), num(asks)}});
        break;
    case Limiter::ScaleUpLimit:
    case Limiter::ScaleDownLimit: {
        const bool up = main == Limiter::ScaleUpLimit;
        if (!ex.behavior.explicitBehavior) {
            ex.sentences.push_back({"limit.up.legacy", {num(calculateScaleUpLimit(current)), num(current), num(asks)}});
            break;
        }
        const Governing g = governing(up ? *rules.scaleUp : *rules.scaleDown, up, current, memory.before, memory.syncAt);
        const auto &r = up ? ex.behavior.scaleUp : ex.behavior.scaleDown;
        const HPAScalingPolicy p = g.policy.value_or(r.policies.empty() ? HPAScalingPolicy{} : r.policies.front());
        ex.sentences.push_back({up ? "limit.up.policy" : "limit.down.policy",
                                {policyText(p), num(p.periodSeconds), std::string(nameOf(r.selectPolicy)), num(asks),
                                 num(g.allowed)}});
        break;
    }
    case Limiter::ScaleUpDisabled:
        ex.sentences.push_back({"disabled.up", {num(asks), num(current)}});
        break;
    case Limiter::ScaleDownDisabled:
        ex.sentences.push_back({"disabled.down", {num(asks), num(current)}});
        break;
    case Limiter::ScaleDownStabilized: {
        const int32_t window = ex.behavior.scaleDown.stabilizationWindowSeconds;
        const char *id = !ex.behavior.explicitBehavior              ? "held.down.legacy"
                         : ex.behavior.scaleDown.windowDefaulted() ? "held.down.flag"
                                                                  : "held.down.explicit";
        ex.sentences.push_back({id, {num(window)}});
        std::optional<Time> lastHigh;
        for (const auto &rec : run.after.recommendations)
            if (rec.recommendation >= current && (!lastHigh || rec.timestamp > *lastHigh))
                lastHigh = rec.timestamp;
        if (lastHigh)
            ex.heldUntil = *lastHigh + Seconds(window);
        break;
    }
    case Limiter::ScaleUpStabilized: {
        int32_t lowest = asks;
        const Time cutoff = memory.syncAt - Seconds(ex.behavior.scaleUp.stabilizationWindowSeconds);
        for (const auto &rec : run.after.recommendations)
            if (rec.timestamp > cutoff)
                lowest = std::min(lowest, rec.recommendation);
        ex.sentences.push_back({"held.up", {num(ex.behavior.scaleUp.stabilizationWindowSeconds), num(lowest)}});
        break;
    }
    default:
        if (hpa.status.desiredReplicas != current)
            ex.sentences.push_back({"scaled", {num(current), num(hpa.status.desiredReplicas)}});
        else if (std::none_of(ex.reported.begin(), ex.reported.end(), [](Limiter l) { return isProblem(l); }))
            ex.sentences.push_back({"stable", {num(current)}});
        break;
    }
}

} // namespace

void advanceTo(Explanation &ex, Time now)
{
    if (ex.path.empty())
        return;
    const auto in = std::chrono::duration_cast<Seconds>(ex.path.front().at - now).count();
    for (Sentence &s : ex.sentences)
        if ((s.id == "path.one" || s.id == "path.many") && !s.items.empty() && !s.items.front().args.empty())
            s.items.front().args.back() = num(std::max<int64_t>(0, in));
}

std::vector<std::string> Explanation::texts() const
{
    std::vector<std::string> out;
    for (const auto &s : sentences)
        out.push_back(s.text());
    return out;
}

std::string formatClock(Time t)
{
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&secs, &tm); // a person reads their own clock
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

namespace {

// The sentences whose numbers come from the controller's flags rather than from the HPA.
bool restsOnFlags(const Explanation &ex)
{
    return std::any_of(ex.sentences.begin(), ex.sentences.end(), [](const Sentence &s) {
        return s.id == "held.down.flag" || s.id == "held.down.legacy" || s.id == "mismatch";
    });
}

Explanation explainSync(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config, const ExplainInputs &in,
                        Time now);

Sentence inferredWindowSentence(const WindowInference &w, const ControllerConfig &config)
{
    const std::string count = num(w.count);
    if (!w.consistent)
        return {"flags.inferred.inconsistent", {count, num(config.syncPeriod.count())}};
    std::vector<std::string> args = {count, num(w.lo.count()), num(w.hi.count())};
    if (w.contains(config.downscaleStabilization))
        return {"flags.inferred", std::move(args)};
    args.push_back(num(config.downscaleStabilization.count()));
    return {"flags.inferred.other", std::move(args)};
}

} // namespace

Explanation explain(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config, const ExplainInputs &in,
                    Time now)
{
    Explanation ex = explainSync(hpa, config, in, now);
    if (in.configSource == ConfigSource::Simulator || !restsOnFlags(ex))
        return ex;
    std::vector<std::string> args = {num(config.syncPeriod.count()), num(config.downscaleStabilization.count()),
                                     fixed2(config.tolerance)};
    const char *id = "flags.assumed";
    if (in.configSource == ConfigSource::Set) {
        id = "flags.set";
    } else if (in.configSource == ConfigSource::Published) {
        id = "flags.published";
        args.push_back(std::string(kPublishedFlagsNamespace) + "/" + std::string(kPublishedFlagsName));
    }
    ex.sentences.push_back({id, std::move(args)});
    if (in.configSource == ConfigSource::Assumed && in.inferredWindow)
        ex.sentences.push_back(inferredWindowSentence(*in.inferredWindow, config));
    return ex;
}

namespace {

Explanation explainSync(const HorizontalPodAutoscaler &hpa, const ControllerConfig &config, const ExplainInputs &in,
                        Time now)
{
    Explanation ex;
    ex.behavior = effectiveBehavior(hpa, config);
    ex.reported = limitersOf(hpa);
    const ObservedPods noPods;
    const ObservedPods &pods = in.pods ? *in.pods : noPods;
    // The pods the controller divided by, as inferred from the statuses watched (see ObservedHistory).
    const std::optional<int32_t> podCount = in.observed && pods.empty() ? in.observed->newestPodCount() : std::nullopt;
    const auto values = rawValuesFromStatus(hpa, podCount);

    Memory memory = memoryFor(in, ex.behavior, now);
    const bool stabilizedReported =
        std::find(ex.reported.begin(), ex.reported.end(), Limiter::ScaleDownStabilized) != ex.reported.end();
    if (!memory.known && stabilizedReported) // the latest the window can end: a high recommendation just now
        memory.before.recommendations.push_back({hpa.status.currentReplicas, memory.syncAt - Seconds(1)});
    const ReplayRun run = replay(hpa, config, memory.before, values, pods, memory.syncAt, in, podCount);
    ex.computed = run.verdict;
    ex.computed->determined = memory.known;

    // What the statuses do not tell, as other readings of them: when the unseen syncs between
    // two statuses ran (memory variants), and, right after a rescale, whether the controller
    // still divided by the old number of pods (the Deployment's status trails its spec).
    struct Reading {
        const HpaHistory *memory;
        std::vector<std::optional<Quantity>> values;
        std::optional<int32_t> pods;
        ObservedPods observed;
    };
    std::vector<Reading> readings;
    for (const HpaHistory &variant : memory.variants)
        readings.push_back({&variant, values, podCount, pods});
    if (!pods.recent.empty()) { // the recent pods' values unseen, or the recent pods unseen
        ObservedPods noValues = pods, absent = pods;
        for (auto &[index, names] : noValues.withValues)
            for (const auto &name : pods.recent)
                names.erase(name);
        std::erase_if(absent.pods, [&](const PodInfo &p) { return pods.recent.count(p.name) > 0; });
        readings.push_back({&memory.before, values, podCount, noValues});
        if (!absent.pods.empty())
            readings.push_back({&memory.before, values, podCount, absent});
    }
    // The pods seen disagree with the target's count of them: the controller's lister may hold
    // that count (see ObservedHistory::observe).
    if (!pods.empty() && activePodCount(pods) != hpa.status.currentReplicas)
        readings.push_back({&memory.before, values, hpa.status.currentReplicas, ObservedPods{}});
    if (in.observed && pods.empty()) {
        std::vector<int32_t> counts = in.observed->podCountsAfterRecentRescales(podCountLag(config));
        if (podCount)
            counts.push_back(hpa.status.currentReplicas);
        for (const int32_t count : counts)
            if (count != podCount.value_or(hpa.status.currentReplicas))
                readings.push_back({&memory.before, rawValuesFromStatus(hpa, count), count, pods});
    }
    std::vector<ReplayRun> alternatives;
    for (const Reading &r : readings) {
        alternatives.push_back(replay(hpa, config, *r.memory, r.values, r.observed, memory.syncAt, in, r.pods));
        const Replay &v = alternatives.back().verdict;
        if (v.limiters != run.verdict.limiters || v.desiredReplicas != run.verdict.desiredReplicas)
            ex.computed->determined = false;
    }

    if (ex.reported == std::vector<Limiter>{Limiter::Unknown})
        ex.sentences.push_back({"unsynced", {}});
    explainProblems(ex, hpa);
    explainMetrics(ex, hpa, config, run.result, in);
    const bool blocked = std::find(ex.reported.begin(), ex.reported.end(), Limiter::MetricsUnavailable) != ex.reported.end();
    if (blocked && std::any_of(ex.metrics.begin(), ex.metrics.end(), [](const MetricLine &m) { return m.proposedReplicas.has_value(); }))
        ex.sentences.push_back({"invalid.blocks.down", {}});

    const bool synced = ex.reported != std::vector<Limiter>{Limiter::Unknown};
    const auto &limiters = synced ? ex.reported : run.verdict.limiters;
    // Every limiter the controller names, most decisive first (at maxReplicas, and the window
    // that keeps it there).
    bool said = false;
    for (const Limiter l : limiters)
        if (!isProblem(l) && l != Limiter::ScalingDisabled && l != Limiter::Unknown && l != Limiter::None) {
            explainLimiter(ex, l, hpa, run, memory);
            said = true;
        }
    if (!said)
        explainLimiter(ex, Limiter::None, hpa, run, memory);

    const bool problem = std::any_of(ex.reported.begin(), ex.reported.end(),
                                     [](Limiter l) { return isProblem(l) || l == Limiter::ScalingDisabled; });
    const bool disabled = std::find_if(limiters.begin(), limiters.end(), [](Limiter l) {
                              return l == Limiter::ScaleDownDisabled || l == Limiter::ScaleUpDisabled;
                          }) != limiters.end();
    if (!problem && !disabled) {
        ex.path = pathAhead(hpa, config, run, values, ex.behavior, memory.syncAt);
        ex.pathEstimated = !memory.known;
        // The path under every other reading: the first step must go to the same count; its
        // time lies between the earliest and the latest of them.
        for (std::size_t i = 0; i < readings.size() && !ex.path.empty(); ++i) {
            const auto other = pathAhead(hpa, config, alternatives[i], readings[i].values, ex.behavior, memory.syncAt);
            if (other.empty() || other.front().to != ex.path.front().to) {
                ex.pathUncertain = true;
                continue;
            }
            if (other.front().at < ex.firstStepEarliest.value_or(ex.path.front().at))
                ex.firstStepEarliest = other.front().at;
            ex.path.front().at = std::max(ex.path.front().at, other.front().at);
        }
        if (ex.firstStepEarliest && ex.path.size() > 0 && *ex.firstStepEarliest >= ex.path.front().at)
            ex.firstStepEarliest.reset();
        for (const auto &step : ex.path)
            if (step.to < step.from) {
                ex.scaleDownAt = step.at;
                ex.scaleDownTo = step.to;
                break;
            }
        if (!ex.path.empty()) {
            ex.sentences.push_back(pathSentence(ex, values, now));
            if (ex.pathEstimated)
                ex.sentences.push_back({"path.estimated", {}});
            if (ex.pathUncertain)
                ex.sentences.push_back({"path.uncertain", {}});
        }
    }
    ex.heldUntilEstimated = !memory.known;

    if (synced && !problem && ex.computed->determined &&
        (ex.computed->limiters != ex.reported || ex.computed->desiredReplicas != hpa.status.desiredReplicas)) {
        auto names = [](const std::vector<Limiter> &ls) {
            std::string s;
            for (Limiter l : ls)
                s += (s.empty() ? "" : ", ") + std::string(nameOf(l));
            return s;
        };
        ex.sentences.push_back({"mismatch", {num(ex.computed->desiredReplicas), names(ex.computed->limiters),
                                             num(hpa.status.desiredReplicas), names(ex.reported),
                                             num(config.syncPeriod.count()), num(config.downscaleStabilization.count()),
                                             fixed2(config.tolerance)}});
    }
    return ex;
}

} // namespace

} // namespace kube::hpa
