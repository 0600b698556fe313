#pragma once
// Prometheus as the report tests script it: an answer to the HPA history query (current and
// desired replicas of default/web, a point every second as a 15 min range's step makes them),
// and a plain-HTTP server that wants a bearer token, like a Prometheus URL behind a proxy.
#include "scripted_server.h"

#include <nlohmann/json.hpp>

#include <QtGlobal>

namespace hpascope::test {

// From now - 1200 s to now + after s: `base` replicas, `high` in [now - 720, now - 480).
inline nlohmann::json ksmReplicasAnswer(qint64 nowS, const char *base, const char *high, qint64 after = 300)
{
    nlohmann::json values = nlohmann::json::array();
    for (qint64 t = nowS - 1200; t <= nowS + after; ++t)
        values.push_back({t, t >= nowS - 720 && t < nowS - 480 ? high : base});
    nlohmann::json result = nlohmann::json::array();
    for (const char *name : {"kube_horizontalpodautoscaler_status_current_replicas",
                             "kube_horizontalpodautoscaler_status_desired_replicas"})
        result.push_back({{"metric", {{"__name__", name}, {"namespace", "default"}, {"horizontalpodautoscaler", "web"}}},
                          {"values", values}});
    return {{"status", "success"}, {"data", {{"resultType", "matrix"}, {"result", result}}}};
}

// Plain HTTP, no client certificate, `token` required.
inline bool startPlainServer(ScriptedServer &server, const QString &certDir, const QString &token, QString *error)
{
    ScriptedServer::Options o;
    o.certDir = certDir;
    o.clientAuth = QStringLiteral("none");
    o.tokens = {token};
    o.tls = false;
    return server.start(o, error);
}

} // namespace hpascope::test
