#pragma once
// HPA fixtures for the detail tests (unit and GUI): tests/unit/detail/data/*.json, optionally
// edited before decoding.
#include "kube/api/hpa.h"

#include <QDateTime>
#include <QFile>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace hpascope::test {

inline nlohmann::json hpaJson(const char *file = "multi_metric_hpa.json")
{
    QFile f(QStringLiteral(HPASCOPE_TESTS_DIR "/unit/detail/data/") + QString::fromLatin1(file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
}

inline kube::api::HorizontalPodAutoscaler decodeHpa(const nlohmann::json &j)
{
    auto hpa = kube::api::decodeHorizontalPodAutoscaler(j);
    return hpa ? hpa.value() : kube::api::HorizontalPodAutoscaler{};
}

// The multi-metric HPA with the Object metric unreadable, as the controller reports it: an
// empty-typed status entry and ScalingActive False / FailedGetObjectMetric.
inline nlohmann::json withUnreadableObjectMetric(nlohmann::json j)
{
    auto &metrics = j["status"]["currentMetrics"];
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        if ((*it)["type"] == "Object") {
            metrics.erase(it);
            break;
        }
    }
    metrics.push_back({{"type", ""}});
    for (auto &c : j["status"]["conditions"]) {
        if (c["type"] == "ScalingActive") {
            c["status"] = "False";
            c["reason"] = "FailedGetObjectMetric";
            c["message"] = "the HPA was unable to compute the replica count: unable to get metric requests-per-second: "
                           "Ingress on shop main-route/unable to fetch metrics from custom metrics API: the server could "
                           "not find the metric requests-per-second for ingresses.networking.k8s.io main-route";
        }
    }
    return j;
}

inline QDateTime fixtureNow()
{
    return QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00Z"), Qt::ISODate);
}

} // namespace hpascope::test
