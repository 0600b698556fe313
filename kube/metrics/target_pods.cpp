#include "kube/metrics/target_pods.h"

#include "kube/api/paths.h"
#include "kube/api/scale.h"
#include "kube/http/client.h"

#include <nlohmann/json.hpp>

namespace kube::metrics {

Status fetchScaleSelector(http::Client &client, const std::string &ns, const api::CrossVersionObjectReference &target,
                          std::function<void(Result<std::string>)> done)
{
    auto path = api::scalePath(ns, target);
    if (!path)
        return path.error();
    http::Request req;
    req.path = path.value();
    client.send(req, [done = std::move(done)](Result<http::Response> r) {
        if (!r)
            done(r.error());
        else
            done(scaleSelectorOf(r->body));
    });
    return success();
}

Result<std::string> scaleSelectorOf(const std::string &body)
{
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded())
        return makeError(Error::Kind::Decode, "the Scale answer is not JSON");
    auto scale = api::decodeScale(j);
    if (!scale)
        return scale.error();
    return scale->status.selector;
}

std::string TargetPodIndex::keyOf(const std::string &ns, const api::CrossVersionObjectReference &target)
{
    return ns + "/" + target.apiVersion + "/" + target.kind + "/" + target.name;
}

bool TargetPodIndex::track(const std::string &ns, const api::CrossVersionObjectReference &target)
{
    const std::string key = keyOf(ns, target);
    auto &space = m_namespaces[ns];
    const auto it = m_targets.find(key);
    if (it != m_targets.end() && !it->second.error)
        return false; // resolved or resolving
    space.targets.insert(key);
    m_targets[key] = Target{ns, std::nullopt, std::nullopt};
    return true;
}

bool TargetPodIndex::untrack(const std::string &ns, const api::CrossVersionObjectReference &target)
{
    const std::string key = keyOf(ns, target);
    m_targets.erase(key);
    const auto it = m_namespaces.find(ns);
    if (it == m_namespaces.end())
        return false;
    it->second.targets.erase(key);
    if (!it->second.targets.empty())
        return false;
    m_namespaces.erase(it);
    return true;
}

bool TargetPodIndex::setSelector(const std::string &key, const Result<std::string> &selector)
{
    const auto it = m_targets.find(key);
    if (it == m_targets.end())
        return false;
    if (selector) {
        it->second.selector = selector.value();
        it->second.error.reset();
    } else {
        it->second.error = selector.error().toString();
    }
    return true;
}

void TargetPodIndex::clear()
{
    m_targets.clear();
    m_namespaces.clear();
}

std::optional<std::string> TargetPodIndex::selectorOf(const std::string &key) const
{
    const auto it = m_targets.find(key);
    return it == m_targets.end() ? std::nullopt : it->second.selector;
}

std::optional<std::string> TargetPodIndex::lookupError(const std::string &key) const
{
    const auto it = m_targets.find(key);
    return it == m_targets.end() ? std::nullopt : it->second.error;
}

void TargetPodIndex::setPods(const std::string &ns, std::vector<api::Pod> pods)
{
    const auto it = m_namespaces.find(ns);
    if (it == m_namespaces.end())
        return;
    it->second.pods.clear();
    for (auto &p : pods) {
        std::string name = p.metadata.name;
        it->second.pods.insert_or_assign(std::move(name), std::move(p));
    }
    it->second.listed = true;
}

void TargetPodIndex::applyEvent(const std::string &ns, bool deleted, api::Pod pod)
{
    const auto it = m_namespaces.find(ns);
    if (it == m_namespaces.end())
        return;
    if (deleted)
        it->second.pods.erase(pod.metadata.name);
    else
        it->second.pods.insert_or_assign(pod.metadata.name, std::move(pod));
}

bool TargetPodIndex::isListed(const std::string &ns) const
{
    const auto it = m_namespaces.find(ns);
    return it != m_namespaces.end() && it->second.listed;
}

std::vector<const api::Pod *> TargetPodIndex::podsOf(const std::string &key) const
{
    const auto it = m_targets.find(key);
    // An empty Scale selector would select every pod: the HPA controller refuses it.
    if (it == m_targets.end() || !it->second.selector || it->second.selector->empty())
        return {};
    return podsMatching(it->second.ns, *it->second.selector);
}

std::vector<const api::Pod *> TargetPodIndex::podsMatching(const std::string &ns, const std::string &selector) const
{
    const auto it = m_namespaces.find(ns);
    if (it == m_namespaces.end())
        return {};
    auto parsed = Selector::parse(selector);
    if (!parsed)
        return {};
    std::vector<const api::Pod *> out;
    for (const auto &[name, pod] : it->second.pods)
        if (parsed->matches(pod.metadata.labels))
            out.push_back(&pod);
    return out;
}

WriteTargets TargetPodIndex::writeTargets(const std::string &key) const
{
    WriteTargets w;
    const auto it = m_targets.find(key);
    if (it == m_targets.end())
        return w;
    if (it->second.error) {
        w.state = WriteTargets::State::LookupFailed;
        w.error = *it->second.error;
        return w;
    }
    if (!it->second.selector || !isListed(it->second.ns))
        return w;
    w.selector = *it->second.selector;
    for (const api::Pod *pod : podsOf(key))
        if (api::takesWrittenValue(*pod))
            w.pods.push_back(pod->metadata.name);
    w.state = w.pods.empty() ? WriteTargets::State::NoPods : WriteTargets::State::Ready;
    return w;
}

} // namespace kube::metrics
