#pragma once
// Internal: turning validated raw entries into RestConfig parts.
#include "kube/config/environment.h"
#include "kube/config/raw_config.h"
#include "kube/config/rest_config.h"

#include <memory>

namespace kube::config::detail {

// Fills server, CA, TLS and proxy fields. `userHasCert` matters for scheme-less servers.
Status applyCluster(const RawCluster &cluster, bool userHasCert, RestConfig &out);

// The user's credentials; `cluster` is the RestConfig filled by applyCluster (exec plugins may
// receive it as spec.cluster).
Result<std::shared_ptr<CredentialProvider>> buildCredentials(const RawUser &user,
                                                             const RawCluster &rawCluster,
                                                             const RestConfig &cluster,
                                                             const Environment &env);

// Reads and checks a PEM file or a base64 *-data field (a private key when isKey).
// Returns the PEM or an error naming the entry.
Result<std::string> loadPem(const Where &where, const std::string &entry,
                            const std::string &filePath, const std::string &data, bool isKey);

} // namespace kube::config::detail
