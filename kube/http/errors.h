#pragma once
// Turns failed HTTP exchanges and curl failures into user-facing kube::Error values.
#include "kube/core/result.h"

#include <map>
#include <string>
#include <string_view>

namespace kube::http {

// Decodes a metav1.Status body (or any other body, e.g. from a proxy) of a non-2xx answer.
// headers use lower-case names. Never copies request headers, so no credential can leak.
Error errorFromResponse(int status, const std::map<std::string, std::string> &headers,
                        std::string_view body, std::string_view method, std::string_view path);

// The parts of a "User ... cannot VERB resource ..." RBAC denial (apiserver's forbiddenMessage).
struct ForbiddenInfo {
    std::string user, verb, resource, group, nonResourcePath, namespaceName;
    bool clusterScope = false;
};
bool parseForbiddenMessage(std::string_view message, ForbiddenInfo &out);

} // namespace kube::http
