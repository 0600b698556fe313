#include "kube/api/event_scope.h"

namespace kube::api {

namespace {
// Generated name parts (pod-template-hash, pod suffixes, StatefulSet ordinals) are lower-case
// alphanumerics without dashes.
bool isNameToken(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    return true;
}
} // namespace

bool EventScope::matches(std::string_view ns, std::string_view kind, std::string_view name) const
{
    if (empty())
        return false;
    if (!namespace_.empty() && ns != namespace_)
        return false;
    if (!hpaName.empty() && kind == "HorizontalPodAutoscaler" && name == hpaName)
        return true;
    if (targetName.empty())
        return false;
    if (kind == targetKind && name == targetName)
        return true;
    const size_t prefix = targetName.size() + 1;
    if (name.size() <= prefix || name.substr(0, targetName.size()) != targetName || name[targetName.size()] != '-')
        return false;
    // The shape check keeps "web-api-..." out of the events of Deployment "web".
    const std::string_view rest = name.substr(prefix);
    const bool deployment = targetKind == "Deployment";
    if (kind == "ReplicaSet")
        return deployment && isNameToken(rest);
    if (kind == "Pod") {
        if (!deployment)
            return isNameToken(rest);
        const size_t dash = rest.find('-');
        return dash != std::string_view::npos && dash > 0 && isNameToken(rest.substr(0, dash))
            && isNameToken(rest.substr(dash + 1));
    }
    return false;
}

} // namespace kube::api
