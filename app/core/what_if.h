#pragma once
// What-if: where the replicas would go if one metric held a hypothetical value, predicted with
// the ported controller (kube/hpa/predictor.h). The other metrics keep their current values.
#include "kube/hpa/predictor.h"

#include <QDateTime>
#include <QList>
#include <QPointF>
#include <optional>

namespace hpascope {

// Step points (ms since epoch, replicas) from now to now + horizon, ready for
// TimelineChart::setPrediction. Empty when the HPA cannot be predicted (no spec metric there).
QList<QPointF> predictReplicaPath(const kube::api::HorizontalPodAutoscaler &hpa,
                                  const kube::hpa::ControllerConfig &config,
                                  const std::optional<kube::hpa::HpaHistory> &history, int specIndex,
                                  const kube::api::Quantity &value, const QDateTime &now,
                                  std::chrono::seconds horizon = std::chrono::seconds(600));

} // namespace hpascope
