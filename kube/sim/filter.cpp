// Label and field selectors of list and watch requests, and the adapter's resource names.
#include "kube/sim/world.h"

#include <map>

namespace kube::sim {
namespace {

// Walks a dotted path ("involvedObject.name"); missing members compare as "".
std::string fieldValue(const json &object, const std::string &path)
{
    const json *cur = &object;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t dot = path.find('.', start);
        const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!cur->is_object() || !cur->contains(part))
            return {};
        cur = &(*cur)[part];
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    if (cur->is_string())
        return cur->get<std::string>();
    if (cur->is_null())
        return {};
    return cur->dump();
}

metrics::Labels labelsOf(const json &object)
{
    metrics::Labels out;
    const auto meta = object.find("metadata");
    if (meta == object.end())
        return out;
    const auto labels = meta->find("labels");
    if (labels == meta->end() || !labels->is_object())
        return out;
    for (auto it = labels->begin(); it != labels->end(); ++it)
        if (it.value().is_string())
            out[it.key()] = it.value().get<std::string>();
    return out;
}

} // namespace

std::string normalizeResource(const std::string &resource)
{
    // The adapter's RESTMapper turns a bare resource into its group-qualified form.
    static const std::map<std::string, std::string> kGroups = {
        {"deployments", "deployments.apps"},   {"replicasets", "replicasets.apps"},
        {"statefulsets", "statefulsets.apps"}, {"daemonsets", "daemonsets.apps"},
        {"horizontalpodautoscalers", "horizontalpodautoscalers.autoscaling"},
        {"ingresses", "ingresses.networking.k8s.io"},
    };
    const auto it = kGroups.find(resource);
    return it == kGroups.end() ? resource : it->second;
}

Result<Filter> Filter::parse(const std::string &labelSelector, const std::string &fieldSelector)
{
    Filter f;
    auto labels = metrics::Selector::parse(labelSelector);
    if (!labels)
        return labels.error();
    f.labels = *labels;
    std::size_t start = 0;
    while (start < fieldSelector.size()) {
        std::size_t comma = fieldSelector.find(',', start);
        if (comma == std::string::npos)
            comma = fieldSelector.size();
        const std::string term = fieldSelector.substr(start, comma - start);
        start = comma + 1;
        if (term.empty())
            continue;
        Field field;
        std::size_t op = term.find("!=");
        std::size_t valueAt = 0;
        if (op != std::string::npos) {
            field.negate = true;
            valueAt = op + 2;
        } else if ((op = term.find("==")) != std::string::npos) {
            valueAt = op + 2;
        } else if ((op = term.find('=')) != std::string::npos) {
            valueAt = op + 1;
        } else {
            return makeError(Error::Kind::Invalid, "invalid field selector: '" + term + "'");
        }
        field.path = term.substr(0, op);
        field.value = term.substr(valueAt);
        f.fields.push_back(std::move(field));
    }
    return f;
}

bool Filter::matches(const json &object) const
{
    if (!labels.matches(labelsOf(object)))
        return false;
    for (const auto &field : fields)
        if ((fieldValue(object, field.path) == field.value) == field.negate)
            return false;
    return true;
}

} // namespace kube::sim
