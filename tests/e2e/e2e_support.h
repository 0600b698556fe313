#pragma once
// Shared by the end-to-end tests: they run inside the control plane's network namespace
// (tests/cluster/exec-in) and find the cluster through HPASCOPE_E2E_KUBECONFIG.
#include "kube/config/kubeconfig.h"
#include "kube/http/client.h"

#include <QString>
#include <random>
#include <string>
#include <nlohmann/json.hpp>
#include <QtTest>

namespace e2e {

inline QString kubeconfigPath()
{
    const QByteArray path = qgetenv("HPASCOPE_E2E_KUBECONFIG");
    if (path.isEmpty())
        qFatal("HPASCOPE_E2E_KUBECONFIG is not set: run the e2e tier through ./dev.sh test (it starts tests/cluster)");
    return QString::fromLocal8Bit(path);
}

inline kube::config::RestConfig restConfig()
{
    kube::config::LoadOptions opts;
    opts.kubeconfigPath = kubeconfigPath().toStdString();
    auto cfg = kube::config::Kubeconfig::load(opts);
    if (!cfg)
        qFatal("kubeconfig: %s", cfg.error().toString().c_str());
    auto rest = cfg->restConfig();
    if (!rest)
        qFatal("kubeconfig: %s", rest.error().toString().c_str());
    return rest.value();
}

inline std::shared_ptr<kube::http::Client> connect()
{
    auto client = kube::http::Client::create(restConfig());
    if (!client)
        qFatal("client: %s", client.error().toString().c_str());
    return client.value();
}

// A request as the cluster admin makes it in a test's set-up: the HTTP status (or the error's,
// 0 when none came back); a PATCH is a JSON merge patch; *out gets the parsed answer.
inline int send(kube::http::Client &client, const std::string &method, const std::string &path,
                const nlohmann::json &body = nullptr, nlohmann::json *out = nullptr)
{
    kube::http::Request r;
    r.method = method;
    r.path = path;
    if (!body.is_null())
        r.body = body.dump();
    if (method == "PATCH")
        r.contentType = "application/merge-patch+json";
    auto res = client.sendSync(r);
    if (res && out)
        *out = nlohmann::json::parse(res->body, nullptr, false);
    return res ? res->status : res.error().httpStatus;
}

inline void post(kube::http::Client &client, const std::string &path, const nlohmann::json &body)
{
    kube::http::Request req;
    req.method = "POST";
    req.path = path;
    req.body = body.dump();
    auto resp = client.sendSync(req);
    QVERIFY2(resp, resp ? "" : resp.error().toString().c_str());
}

inline nlohmann::json deployment(const std::string &name, int replicas)
{
    return { { "metadata", { { "name", name } } },
        { "spec",
            { { "replicas", replicas }, { "selector", { { "matchLabels", { { "app", name } } } } },
                { "template",
                    { { "metadata", { { "labels", { { "app", name } } } } },
                        { "spec",
                            { { "containers",
                                { { { "name", "app" }, { "image", "registry.k8s.io/pause:3.10" } } } } } } } } } } };
}

// Object metric <name>-load on Service load, AverageValue 100: the proposal is ceil(value / 100).
inline nlohmann::json objectHpa(const std::string &name, const std::string &target, int max, nlohmann::json behavior = nullptr)
{
    nlohmann::json spec { { "scaleTargetRef", { { "apiVersion", "apps/v1" }, { "kind", "Deployment" }, { "name", target } } },
        { "minReplicas", 1 }, { "maxReplicas", max },
        { "metrics",
            { { { "type", "Object" },
                { "object",
                    { { "metric", { { "name", name + "-load" } } },
                        { "describedObject", { { "apiVersion", "v1" }, { "kind", "Service" }, { "name", "load" } } },
                        { "target", { { "type", "AverageValue" }, { "averageValue", "100" } } } } } } } } };
    if (!behavior.is_null())
        spec["behavior"] = std::move(behavior);
    return { { "apiVersion", "autoscaling/v2" }, { "kind", "HorizontalPodAutoscaler" },
        { "metadata", { { "name", name } } }, { "spec", spec } };
}

// A namespace of its own, "<prefix>-N" (N random below 100,000), with the Service "load" that
// objectHpa's metrics describe. Returns its name.
inline std::string loadNamespace(kube::http::Client &client, const std::string &prefix)
{
    std::random_device rd;
    const std::string ns = prefix + "-" + std::to_string(rd() % 100000);
    post(client, "/api/v1/namespaces", {{"metadata", {{"name", ns}}}});
    post(client, "/api/v1/namespaces/" + ns + "/services",
         {{"metadata", {{"name", "load"}}}, {"spec", {{"ports", {{{"port", 80}}}}}}});
    return ns;
}

} // namespace e2e
