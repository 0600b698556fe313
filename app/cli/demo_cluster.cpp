#include "app/cli/demo_cluster.h"

#include "app/core/demo_profile.h"
#include "kube/http/client.h"

namespace hpascope::cli {

kube::Result<Cluster> connectToDemo(const ClusterChoice &choice)
{
    QString why;
    auto profile = startDemoProfile(1.0, &why);
    if (!profile)
        return kube::Error{.kind = kube::Error::Kind::Network, .reason = "DemoFailed", .message = why.toStdString()};
    auto client = kube::http::Client::create(profile->rest);
    if (!client)
        return client.error();
    Cluster c;
    c.namespaceName = choice.namespaceName ? choice.namespaceName->toStdString() : profile->rest.namespaceName;
    c.rest = profile->rest;
    c.client = std::move(client.value());
    c.owner = std::move(profile->owner);
    return c;
}

} // namespace hpascope::cli
