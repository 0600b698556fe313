#pragma once
// core/v1 Pod: only what readiness and placement need.
#include "kube/api/meta.h"

namespace kube::api {

using PodCondition = Condition;

struct PodSpec {
    std::string nodeName;
};
struct PodStatus {
    std::string phase; // Pending, Running, Succeeded, Failed, Unknown
    std::vector<PodCondition> conditions;
    std::string podIP;
    std::optional<Time> startTime;
};
struct Pod {
    ObjectMeta metadata;
    PodSpec spec;
    PodStatus status;

    // The Ready condition is True.
    bool isReady() const;
    // When the Ready condition last changed, if it is True.
    std::optional<Time> readyTime() const;
};

Result<Pod> decodePod(const nlohmann::json &j);
void decodeInto(detail::Decoder &d, const nlohmann::json &j, const std::string &path, Pod &out);

} // namespace kube::api
