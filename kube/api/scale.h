#pragma once
// autoscaling/v1 Scale: the subresource the HPA controller reads and writes.
#include "kube/api/meta.h"

namespace kube::api {

struct ScaleSpec {
    int32_t replicas = 0;
};
struct ScaleStatus {
    int32_t replicas = 0;
    std::string selector; // label selector in string form, e.g. "app=web"
};
struct Scale {
    ObjectMeta metadata;
    ScaleSpec spec;
    ScaleStatus status;
};

Result<Scale> decodeScale(const nlohmann::json &j);
void decodeInto(detail::Decoder &d, const nlohmann::json &j, const std::string &path, Scale &out);

} // namespace kube::api
