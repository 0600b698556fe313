#include "kube/api/hpa_metrics.h"

namespace kube::api {

namespace {

std::string selectorString(const std::optional<LabelSelector> &s)
{
    return s ? s->toString() : std::string();
}

void fillFrom(MetricIdentity &id, const MetricIdentifier &metric)
{
    id.metricName = metric.name;
    id.selector = selectorString(metric.selector);
}

void fillFrom(MetricIdentity &id, const CrossVersionObjectReference &ref)
{
    id.describedApiVersion = ref.apiVersion;
    id.describedKind = ref.kind;
    id.describedName = ref.name;
}

bool hasDescribedObject(const MetricIdentity &id)
{
    return !id.describedKind.empty() || !id.describedName.empty()
        || !id.describedApiVersion.empty();
}

// Same metric, ignoring the described object (absent from AverageValue Object status).
bool looseObjectMatch(const MetricIdentity &spec, const MetricIdentity &status)
{
    return spec.type == MetricSourceType::Object && status.type == MetricSourceType::Object
        && !hasDescribedObject(status) && spec.metricName == status.metricName
        && spec.selector == status.selector;
}

} // namespace

std::string MetricIdentity::toString() const
{
    std::string s(nameOf(type));
    if (!metricName.empty())
        s += " " + metricName;
    if (!selector.empty())
        s += "{" + selector + "}";
    if (hasDescribedObject(*this))
        s += " on " + describedKind + "/" + describedName
            + (describedApiVersion.empty() ? "" : " (" + describedApiVersion + ")");
    if (!resourceName.empty())
        s += " " + resourceName;
    if (!container.empty())
        s += " container " + container;
    return s;
}

MetricIdentity identityOf(const MetricSpec &spec)
{
    MetricIdentity id;
    id.type = spec.type;
    switch (spec.type) {
    case MetricSourceType::Object:
        if (spec.object) {
            fillFrom(id, spec.object->metric);
            fillFrom(id, spec.object->describedObject);
        }
        break;
    case MetricSourceType::Pods:
        if (spec.pods)
            fillFrom(id, spec.pods->metric);
        break;
    case MetricSourceType::Resource:
        if (spec.resource)
            id.resourceName = spec.resource->name;
        break;
    case MetricSourceType::ContainerResource:
        if (spec.containerResource) {
            id.resourceName = spec.containerResource->name;
            id.container = spec.containerResource->container;
        }
        break;
    case MetricSourceType::External:
        if (spec.external)
            fillFrom(id, spec.external->metric);
        break;
    case MetricSourceType::Unknown:
        id.metricName = spec.typeName;
        break;
    }
    return id;
}

MetricIdentity identityOf(const MetricStatus &status)
{
    MetricIdentity id;
    id.type = status.type;
    switch (status.type) {
    case MetricSourceType::Object:
        if (status.object) {
            fillFrom(id, status.object->metric);
            fillFrom(id, status.object->describedObject);
        }
        break;
    case MetricSourceType::Pods:
        if (status.pods)
            fillFrom(id, status.pods->metric);
        break;
    case MetricSourceType::Resource:
        if (status.resource)
            id.resourceName = status.resource->name;
        break;
    case MetricSourceType::ContainerResource:
        if (status.containerResource) {
            id.resourceName = status.containerResource->name;
            id.container = status.containerResource->container;
        }
        break;
    case MetricSourceType::External:
        if (status.external)
            fillFrom(id, status.external->metric);
        break;
    case MetricSourceType::Unknown:
        id.metricName = status.typeName;
        break;
    }
    return id;
}

std::vector<MetricPair> pairMetrics(const HorizontalPodAutoscaler &hpa)
{
    const auto &specs = hpa.spec.metrics;
    const auto &statuses = hpa.status.currentMetrics;
    std::vector<MetricIdentity> statusIds;
    statusIds.reserve(statuses.size());
    for (const auto &s : statuses)
        statusIds.push_back(identityOf(s));
    std::vector<bool> used(statuses.size(), false);
    const auto usable = [&](std::size_t j) {
        return !used[j] && statusIds[j].type != MetricSourceType::Unknown;
    };

    std::vector<MetricPair> pairs(specs.size());
    std::vector<MetricIdentity> specIds;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        pairs[i].specIndex = i;
        pairs[i].spec = specs[i];
        specIds.push_back(identityOf(specs[i]));
    }
    // Exact matches first, so a loose match can never steal an entry another spec owns.
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (specIds[i].type == MetricSourceType::Unknown)
            continue;
        for (std::size_t j = 0; j < statuses.size(); ++j) {
            if (usable(j) && statusIds[j] == specIds[i]) {
                used[j] = true;
                pairs[i].statusIndex = j;
                pairs[i].status = statuses[j];
                break;
            }
        }
    }
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (pairs[i].statusIndex)
            continue;
        for (std::size_t j = 0; j < statuses.size(); ++j) {
            if (usable(j) && looseObjectMatch(specIds[i], statusIds[j])) {
                used[j] = true;
                pairs[i].statusIndex = j;
                pairs[i].status = statuses[j];
                break;
            }
        }
    }
    return pairs;
}

std::string describeTarget(const MetricTarget &target)
{
    switch (target.type) {
    case MetricTargetType::Utilization:
        if (target.averageUtilization)
            return std::to_string(*target.averageUtilization) + "%";
        break;
    case MetricTargetType::Value:
        if (target.value)
            return target.value->toString();
        break;
    case MetricTargetType::AverageValue:
        if (target.averageValue)
            return "avg " + target.averageValue->toString();
        break;
    case MetricTargetType::Unknown:
        break;
    }
    return "<unset>";
}

std::string describeCurrent(const MetricValueStatus &current, MetricTargetType preferred)
{
    const auto utilization = [&]() { return std::to_string(*current.averageUtilization) + "%"; };
    const auto average = [&]() { return "avg " + current.averageValue->toString(); };
    switch (preferred) {
    case MetricTargetType::Utilization:
        if (current.averageUtilization)
            return utilization();
        break;
    case MetricTargetType::Value:
        if (current.value)
            return current.value->toString();
        break;
    case MetricTargetType::AverageValue:
        if (current.averageValue)
            return average();
        break;
    case MetricTargetType::Unknown:
        break;
    }
    if (current.averageUtilization)
        return utilization();
    if (current.averageValue)
        return average();
    if (current.value)
        return current.value->toString();
    return "<unknown>";
}

std::optional<double> targetNumber(const MetricTarget &target)
{
    switch (target.type) {
    case MetricTargetType::Utilization:
        if (target.averageUtilization)
            return double(*target.averageUtilization);
        break;
    case MetricTargetType::Value:
        if (target.value)
            return target.value->asDouble();
        break;
    case MetricTargetType::AverageValue:
        if (target.averageValue)
            return target.averageValue->asDouble();
        break;
    case MetricTargetType::Unknown:
        break;
    }
    return std::nullopt;
}

std::optional<double> currentNumber(const MetricValueStatus &current, MetricTargetType preferred)
{
    if (preferred == MetricTargetType::Utilization && current.averageUtilization)
        return double(*current.averageUtilization);
    if (preferred == MetricTargetType::Value && current.value)
        return current.value->asDouble();
    if (preferred == MetricTargetType::AverageValue && current.averageValue)
        return current.averageValue->asDouble();
    if (current.averageUtilization)
        return double(*current.averageUtilization);
    if (current.averageValue)
        return current.averageValue->asDouble();
    if (current.value)
        return current.value->asDouble();
    return std::nullopt;
}

std::optional<Quantity> impliedTotal(const MetricSpec &spec, const MetricValueStatus &current,
                                     int32_t replicas)
{
    const MetricTarget *target = targetOf(spec);
    const bool perPod = spec.type == MetricSourceType::Object || spec.type == MetricSourceType::External;
    if (!perPod || !target || target->type != MetricTargetType::AverageValue || !current.averageValue
        || replicas < 1)
        return std::nullopt;
    // The controller writes ceil(total / replicas) in milli-units (GetObjectPerPodMetricReplicas,
    // GetExternalPerPodMetricReplicas), so the total lies in [(avg - 1) x n + 1, avg x n].
    // People push round numbers: the roundest one in that range (1000 rather than 1000.002 for
    // an average of 166.667 over 6 pods).
    const int64_t avg = current.averageValue->milliValue();
    int64_t hi = 0;
    if (__builtin_mul_overflow(avg, int64_t(replicas), &hi))
        return std::nullopt; // beyond int64 milli-units: nothing sensible to show
    const int64_t lo = hi - replicas + 1;
    for (int64_t p = 1000000000000000000LL; p > 1; p /= 10) {
        const int64_t candidate = lo <= 0 ? 0 : (lo / p + (lo % p != 0)) * p;
        if (candidate >= lo && candidate <= hi)
            return Quantity::fromMilli(candidate);
    }
    return Quantity::fromMilli(hi);
}

const MetricValueStatus *currentOf(const MetricStatus &status)
{
    switch (status.type) {
    case MetricSourceType::Object: return status.object ? &status.object->current : nullptr;
    case MetricSourceType::Pods: return status.pods ? &status.pods->current : nullptr;
    case MetricSourceType::Resource: return status.resource ? &status.resource->current : nullptr;
    case MetricSourceType::ContainerResource:
        return status.containerResource ? &status.containerResource->current : nullptr;
    case MetricSourceType::External: return status.external ? &status.external->current : nullptr;
    case MetricSourceType::Unknown: break;
    }
    return nullptr;
}

const MetricTarget *targetOf(const MetricSpec &spec)
{
    switch (spec.type) {
    case MetricSourceType::Object: return spec.object ? &spec.object->target : nullptr;
    case MetricSourceType::Pods: return spec.pods ? &spec.pods->target : nullptr;
    case MetricSourceType::Resource: return spec.resource ? &spec.resource->target : nullptr;
    case MetricSourceType::ContainerResource:
        return spec.containerResource ? &spec.containerResource->target : nullptr;
    case MetricSourceType::External: return spec.external ? &spec.external->target : nullptr;
    case MetricSourceType::Unknown: break;
    }
    return nullptr;
}

MetricName metricNameOf(const MetricSpec &spec)
{
    const auto withSelector = [](const MetricIdentifier &m) {
        const std::string sel = selectorString(m.selector);
        return sel.empty() ? m.name : m.name + "{" + sel + "}";
    };
    switch (spec.type) {
    case MetricSourceType::Object:
        if (spec.object)
            return {"object", {withSelector(spec.object->metric),
                               spec.object->describedObject.kind + "/" + spec.object->describedObject.name}};
        break;
    case MetricSourceType::Pods:
        if (spec.pods)
            return {"pods", {withSelector(spec.pods->metric)}};
        break;
    case MetricSourceType::Resource:
        if (spec.resource)
            return {"resource", {spec.resource->name}};
        break;
    case MetricSourceType::ContainerResource:
        if (spec.containerResource)
            return {"container", {spec.containerResource->name, spec.containerResource->container}};
        break;
    case MetricSourceType::External:
        if (spec.external)
            return {"external", {withSelector(spec.external->metric)}};
        break;
    case MetricSourceType::Unknown:
        return spec.typeName.empty() ? MetricName{"unknown.unnamed", {}} : MetricName{"unknown", {spec.typeName}};
    }
    return {"nosource", {std::string(nameOf(spec.type))}};
}

std::string metricDisplayName(const MetricSpec &spec)
{
    const MetricName n = metricNameOf(spec);
    const auto arg = [&n](std::size_t i) { return i < n.args.size() ? n.args[i] : std::string(); };
    if (n.id == "object")
        return arg(0) + " on " + arg(1);
    if (n.id == "pods")
        return arg(0) + " on pods";
    if (n.id == "container")
        return arg(0) + " (container " + arg(1) + ")";
    if (n.id == "external")
        return arg(0) + " (external)";
    if (n.id == "unknown")
        return arg(0) + " metric";
    if (n.id == "unknown.unnamed")
        return "<unknown metric>";
    if (n.id == "nosource")
        return arg(0) + " metric (no source)";
    return arg(0); // resource
}

} // namespace kube::api
