#pragma once
// QCOMPARE printers (found by argument-dependent lookup) for kube::api enums and keys.
#include "kube/api/event.h"
#include "kube/api/hpa.h"
#include "kube/api/hpa_metrics.h"

#include <QTest>

namespace kube::api {

inline char *toString(MetricSourceType t) { return qstrdup(std::string(nameOf(t)).c_str()); }
inline char *toString(MetricTargetType t) { return qstrdup(std::string(nameOf(t)).c_str()); }
inline char *toString(ScalingPolicySelect s) { return QTest::toString(static_cast<int>(s)); }
inline char *toString(HPAScalingPolicyType t) { return QTest::toString(static_cast<int>(t)); }
inline char *toString(EventApi a) { return qstrdup(a == EventApi::CoreV1 ? "core/v1" : "events.k8s.io/v1"); }
inline char *toString(const MetricIdentity &id) { return qstrdup(id.toString().c_str()); }

} // namespace kube::api
