#pragma once
// Which events concern an HPA: those about the HPA itself, its scale target, and (for a
// Deployment) the target's ReplicaSets "<name>-<hash>" and Pods "<name>-<hash>-<suffix>".
// One rule for the dashboard's event list and for `hpascope snapshot`.
#include <string>
#include <string_view>

namespace kube::api {

struct EventScope {
    std::string namespace_; // empty: any namespace
    std::string hpaName;
    std::string targetKind;
    std::string targetName;

    bool empty() const { return hpaName.empty() && targetName.empty(); }
    // ns: the involved object's namespace (the event's own when that is empty).
    bool matches(std::string_view ns, std::string_view kind, std::string_view name) const;
};

} // namespace kube::api
