#pragma once
// authorization.k8s.io/v1 SelfSubjectAccessReview: "may I <verb> <resource> in <namespace>?",
// asked of the API server for the current user. Every authenticated user may create one (the
// system:basic-user role), so it answers even where listing the resource itself was refused.
#include "kube/core/result.h"

#include <string>

namespace kube::api {

struct ResourceAttributes {
    std::string namespaceName; // empty: cluster scope
    std::string verb;          // "list"
    std::string group;         // "autoscaling"
    std::string resource;      // "horizontalpodautoscalers"
};

inline constexpr const char *kSelfSubjectAccessReviewPath = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

// The JSON body to POST to kSelfSubjectAccessReviewPath.
std::string selfSubjectAccessReviewBody(const ResourceAttributes &attributes);
// status.allowed of the server's answer; a Decode error when the body is not a review.
Result<bool> accessReviewAllowed(const std::string &body);

} // namespace kube::api
