#pragma once
// Shared by the end-to-end tests: they run inside the control plane's network namespace
// (tests/cluster/exec-in) and find the cluster through HPASCOPE_E2E_KUBECONFIG.
#include "kube/config/kubeconfig.h"
#include "kube/http/client.h"

#include <QString>
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

} // namespace e2e
