#pragma once
// Reading small files (kubeconfigs, certificates, keys) with errno-based problem texts.
#include <string>

namespace kube::config::detail {

// Returns 0 and fills *content, or an errno value (EISDIR for directories).
int readWholeFile(const std::string &path, std::string *content);
// "cannot be read: Permission denied" style text for an errno value.
std::string readProblem(int err);

} // namespace kube::config::detail
