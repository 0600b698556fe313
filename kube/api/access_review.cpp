#include "kube/api/access_review.h"

#include <nlohmann/json.hpp>

namespace kube::api {

std::string selfSubjectAccessReviewBody(const ResourceAttributes &a)
{
    nlohmann::json attributes{{"verb", a.verb}, {"group", a.group}, {"resource", a.resource}};
    if (!a.namespaceName.empty())
        attributes["namespace"] = a.namespaceName;
    return nlohmann::json{{"apiVersion", "authorization.k8s.io/v1"},
                          {"kind", "SelfSubjectAccessReview"},
                          {"spec", {{"resourceAttributes", attributes}}}}
        .dump();
}

Result<bool> accessReviewAllowed(const std::string &body)
{
    const auto j = nlohmann::json::parse(body, nullptr, false);
    auto field = [](const nlohmann::json &o, const char *key) -> const nlohmann::json * {
        return o.is_object() && o.contains(key) ? &o[key] : nullptr;
    };
    const nlohmann::json *kind = field(j, "kind");
    const nlohmann::json *status = field(j, "status");
    const nlohmann::json *allowed = status ? field(*status, "allowed") : nullptr;
    if (!kind || *kind != "SelfSubjectAccessReview" || !allowed || !allowed->is_boolean())
        return makeError(Error::Kind::Decode, "not a SelfSubjectAccessReview with status.allowed");
    return allowed->get<bool>();
}

} // namespace kube::api
