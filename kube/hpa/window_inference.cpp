#include "kube/hpa/window_inference.h"

#include "kube/api/hpa_metrics.h"

#include <algorithm>
#include <string_view>

namespace kube::hpa {

using namespace kube::api;
using Observation = ObservedHistory::Observation;

namespace {

const Condition *conditionOf(const HorizontalPodAutoscalerStatus &s, std::string_view type)
{
    for (const auto &c : s.conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

bool hasReason(const Observation &o, std::string_view type, std::string_view reason)
{
    const Condition *c = conditionOf(o.status, type);
    return c && c->reason == reason;
}

bool hasStatus(const Observation &o, std::string_view type, std::string_view status)
{
    const Condition *c = conditionOf(o.status, type);
    return c && c->status == status;
}

bool explicitWindow(const Observation &o)
{
    return o.behavior && o.behavior->scaleDown && o.behavior->scaleDown->stabilizationWindowSeconds;
}

// The syncs while this status stood recorded a recommendation (a failed scale read or failed
// metrics record none).
bool recorded(const Observation &o)
{
    return !hasReason(o, "AbleToScale", "FailedGetScale") && hasStatus(o, "ScalingActive", "True");
}

// The controller recorded a recommendation above n while this status stood, whichever pod
// count it divided by.
bool certainlyAbove(const Observation &o, int32_t n) { return recorded(o) && o.lowest && *o.lowest > n; }

// It may have recorded one of at least c (unknown counts as may).
bool maybeAtLeast(const Observation &o, int32_t c)
{
    if (hasStatus(o, "ScalingActive", "False"))
        return false;
    return !o.highest || *o.highest >= c;
}

// The controller left the replicas at c because the scale-down window held them there (not a
// policy: with ScaleDownLimit the window may have held less than c).
bool heldAt(const Observation &o, int32_t c)
{
    return o.status.currentReplicas == c && o.status.desiredReplicas == c &&
           hasReason(o, "AbleToScale", "ScaleDownStabilized") && hasStatus(o, "ScalingActive", "True") &&
           !hasReason(o, "ScalingLimited", "ScaleDownLimit");
}

bool sameQuantity(const std::optional<Quantity> &a, const std::optional<Quantity> &b)
{
    return a.has_value() == b.has_value() && (!a || a->milliValue() == b->milliValue());
}

// The same status: a list, or an event for another change (the spec, labels), may show a status
// again long after it was written.
bool sameState(const Observation &a, const Observation &b)
{
    const auto &x = a.status, &y = b.status;
    if (x.currentReplicas != y.currentReplicas || x.desiredReplicas != y.desiredReplicas ||
        x.lastScaleTime != y.lastScaleTime || x.conditions.size() != y.conditions.size() ||
        x.currentMetrics.size() != y.currentMetrics.size())
        return false;
    for (std::size_t i = 0; i < x.conditions.size(); ++i) {
        const auto &c = x.conditions[i], &d = y.conditions[i];
        if (c.type != d.type || c.status != d.status || c.reason != d.reason || c.message != d.message)
            return false;
    }
    for (std::size_t i = 0; i < x.currentMetrics.size(); ++i) {
        const MetricValueStatus *m = currentOf(x.currentMetrics[i]), *n = currentOf(y.currentMetrics[i]);
        if (x.currentMetrics[i].type != y.currentMetrics[i].type || !m != !n)
            return false;
        if (m && (!sameQuantity(m->value, n->value) || !sameQuantity(m->averageValue, n->averageValue) ||
                  m->averageUtilization != n->averageUtilization))
            return false;
    }
    return true;
}

// The sync that wrote observations[i] ran at or after this; unknown when the status was first
// seen in a list.
std::optional<Time> writtenAfter(const std::deque<Observation> &obs, std::size_t i)
{
    while (i > 0 && sameState(obs[i], obs[i - 1]))
        --i;
    if (obs[i].seen == ObservedHistory::Seen::List)
        return std::nullopt;
    return obs[i].at - kWatchLatency;
}

std::optional<WindowEvidence::Hold> holdOf(const ObservedHistory &history, std::size_t k)
{
    const auto &obs = history.observations();
    const Observation &scaled = obs[k];
    const int32_t from = scaled.status.currentReplicas;
    if (!heldAt(obs[k - 1], from))
        return std::nullopt;
    // After the last status that may have asked for the old count (the hold's own included), or
    // else from the first status seen (the controller's first sync records the replicas it
    // found, and the statuses before are unknown), nothing asked for it.
    std::size_t next = 0;
    for (std::size_t i = k; i-- > 0;)
        if (maybeAtLeast(obs[i], from)) {
            next = i + 1;
            break;
        }
    // A list after a broken watch may hide statuses that asked for it later.
    for (std::size_t i = next + 1; i <= k; ++i)
        if (obs[i].seen == ObservedHistory::Seen::List)
            return std::nullopt;
    for (std::size_t i = next; i <= k; ++i)
        if (explicitWindow(obs[i]))
            return std::nullopt;
    const std::optional<Time> scaledFrom = writtenAfter(obs, k);
    if (!scaledFrom)
        return std::nullopt;
    WindowEvidence::Hold hold;
    hold.scaledFrom = *scaledFrom;
    hold.holdWritten = writtenAfter(obs, k - 1);
    hold.heldBefore = obs[next].at;
    return hold;
}

} // namespace

std::optional<WindowEvidence> windowEvidenceAt(const ObservedHistory &history, std::size_t k)
{
    const auto &obs = history.observations();
    if (k == 0 || k >= obs.size())
        return std::nullopt;
    const Observation &scaled = obs[k];
    const auto &at = scaled.status.lastScaleTime;
    const auto &before = obs[k - 1].status.lastScaleTime;
    if (!at || (before && *at <= *before) || scaled.status.desiredReplicas >= scaled.status.currentReplicas)
        return std::nullopt; // not a new scale-down
    if (explicitWindow(scaled) || hasReason(scaled, "ScalingLimited", "ScaleDownLimit"))
        return std::nullopt; // the flag does not apply, or a policy set the step
    if (!scaled.recommendation)
        return std::nullopt; // no metrics computed: replicas above a lowered maxReplicas, not a window
    // lastScaleTime is the sync's second: a status seen later than the latency allows says the
    // dashboard applied its statuses late (a busy GUI thread), or its clock runs ahead.
    if (scaled.seen == ObservedHistory::Seen::Event && scaled.at - *at > Seconds(1) + kWatchLatency)
        return std::nullopt;
    const int32_t to = scaled.status.desiredReplicas;
    // A policy that held the replicas at the sync before set the time of the scale-down.
    if (hasReason(obs[k - 1], "ScalingLimited", "ScaleDownLimit"))
        return std::nullopt;

    std::optional<std::size_t> high;
    for (std::size_t i = k; i-- > 0;)
        if (certainlyAbove(obs[i], to)) {
            high = i;
            break;
        }
    if (!high)
        return std::nullopt; // no recommendation above `to` seen: nothing bounds the window
    for (std::size_t i = *high; i <= k; ++i)
        if (explicitWindow(obs[i]))
            return std::nullopt;
    WindowEvidence e;
    e.releasedBy = scaled.at;
    e.highWritten = writtenAfter(obs, *high);
    e.nextWritten = writtenAfter(obs, *high + 1);
    if (!e.highWritten && !e.nextWritten)
        return std::nullopt;
    if (scaled.seen == ObservedHistory::Seen::Event)
        e.hold = holdOf(history, k);
    return e;
}

std::vector<WindowEvidence> windowEvidence(const ObservedHistory &history)
{
    std::vector<WindowEvidence> out;
    for (std::size_t k = 1; k < history.observations().size(); ++k)
        if (auto e = windowEvidenceAt(history, k))
            out.push_back(*e);
    return out;
}

WindowBounds boundsOf(const WindowEvidence &e, Seconds syncPeriod)
{
    using std::chrono::ceil;
    using std::chrono::floor;
    const auto gap = syncPeriod + kSyncLateness; // the longest time between two syncs of one HPA
    // The last high recommendation ran no earlier than this; the scale-down's sync before releasedBy.
    Time lastHigh = e.highWritten.value_or(Time::min());
    if (e.nextWritten)
        lastHigh = std::max(lastHigh, *e.nextWritten - gap);
    WindowBounds b;
    b.hi = ceil<Seconds>(e.releasedBy - lastHigh);
    if (e.hold) {
        Time before = e.hold->scaledFrom - gap; // the sync before the scale-down
        if (e.hold->holdWritten)
            before = std::max(before, *e.hold->holdWritten);
        b.lo = std::max(Seconds(0), floor<Seconds>(before - e.hold->heldBefore));
    }
    return b;
}

std::optional<WindowInference> inferWindow(const std::vector<WindowEvidence> &evidence, Seconds syncPeriod)
{
    if (evidence.empty())
        return std::nullopt;
    WindowInference w;
    w.lo = Seconds(0);
    w.hi = Seconds::max();
    for (const WindowEvidence &e : evidence) {
        const WindowBounds b = boundsOf(e, syncPeriod);
        w.lo = std::max(w.lo, b.lo);
        w.hi = std::min(w.hi, b.hi);
        ++w.count;
    }
    w.consistent = w.lo <= w.hi;
    if (!w.consistent)
        w.lo = w.hi = Seconds(0);
    return w;
}

std::optional<WindowInference> inferWindowFrom(const std::vector<const ObservedHistory *> &histories,
                                               Seconds syncPeriod)
{
    std::vector<WindowEvidence> all;
    for (const ObservedHistory *h : histories)
        if (h)
            for (const WindowEvidence &e : windowEvidence(*h))
                all.push_back(e);
    return inferWindow(all, syncPeriod);
}

} // namespace kube::hpa
