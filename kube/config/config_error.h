#pragma once
// Every kubeconfig problem names the file, the entry and what is wrong, compiler style:
//   /home/me/.kube/config:12: users[alice].client-key-data is not valid base64 (...)
#include "kube/core/result.h"

#include <string>

namespace kube::config::detail {

struct Where {
    std::string file;
    int line = 0; // 1-based; 0 when unknown
};

inline std::string locationOf(const Where &where)
{
    std::string s = where.file;
    if (where.line > 0)
        s += ":" + std::to_string(where.line);
    return s;
}

// `entry` may be empty for file-level problems; `problem` continues the sentence after it.
inline Error entryError(Error::Kind kind, std::string reason, const Where &where,
                        const std::string &entry, const std::string &problem,
                        std::string detail = {})
{
    std::string message = locationOf(where) + ": ";
    message += entry.empty() ? problem : entry + " " + problem;
    Error e = makeError(kind, std::move(message), std::move(detail));
    e.reason = std::move(reason);
    return e;
}

inline Error configError(std::string reason, const Where &where, const std::string &entry,
                         const std::string &problem, std::string detail = {})
{
    return entryError(Error::Kind::Config, std::move(reason), where, entry, problem,
                      std::move(detail));
}

// Machine-readable reasons, stable for the UI and tests.
namespace reason {
inline constexpr const char *NoKubeconfig = "NoKubeconfig";
inline constexpr const char *FileNotFound = "KubeconfigNotFound";
inline constexpr const char *Unreadable = "KubeconfigUnreadable";
inline constexpr const char *InvalidYaml = "InvalidYaml";
inline constexpr const char *Invalid = "InvalidKubeconfig";
inline constexpr const char *EmptyConfig = "EmptyConfig";
inline constexpr const char *NoContext = "NoContext";
inline constexpr const char *ContextNotFound = "ContextNotFound";
inline constexpr const char *Unsupported = "UnsupportedAuth";
inline constexpr const char *BadCertificate = "BadCertificate";
inline constexpr const char *TokenFile = "TokenFileError";
inline constexpr const char *ExecNotFound = "ExecNotFound";
inline constexpr const char *ExecFailed = "ExecFailed";
inline constexpr const char *ExecTimeout = "ExecTimeout";
inline constexpr const char *ExecInvalidOutput = "ExecInvalidOutput";
inline constexpr const char *ExecInteractive = "ExecInteractive";
} // namespace reason

} // namespace kube::config::detail
