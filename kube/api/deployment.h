#pragma once
// apps/v1 Deployment: replica counts and conditions.
#include "kube/api/meta.h"

namespace kube::api {

using DeploymentCondition = Condition;

struct DeploymentSpec {
    std::optional<int32_t> replicas; // the API server defaults it to 1
    std::optional<LabelSelector> selector;
};
struct DeploymentStatus {
    std::optional<int64_t> observedGeneration;
    int32_t replicas = 0;
    int32_t updatedReplicas = 0;
    int32_t readyReplicas = 0;
    int32_t availableReplicas = 0;
    int32_t unavailableReplicas = 0;
    std::vector<DeploymentCondition> conditions;
};
struct Deployment {
    ObjectMeta metadata;
    DeploymentSpec spec;
    DeploymentStatus status;
};

Result<Deployment> decodeDeployment(const nlohmann::json &j);
void decodeInto(detail::Decoder &d, const nlohmann::json &j, const std::string &path,
                Deployment &out);

} // namespace kube::api
