#pragma once
// autoscaling/v2 HorizontalPodAutoscalerStatus as the API server serializes it (Go field names,
// omitempty where the Go struct has it), for the status the simulated controller writes.
#include "kube/api/hpa.h"

#include <nlohmann/json.hpp>

namespace kube::sim {

nlohmann::json toJson(const api::HorizontalPodAutoscalerStatus &status);
nlohmann::json toJson(const api::LabelSelector &selector);

} // namespace kube::sim
