#include "kube/config/command_lookup.h"

#include "kube/config/process.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace kube::config {
namespace {

// Login shells that load nvm, conda or similar take a second or two; a shell still running after
// 5 s is waiting for something (a prompt, a network mount) and must not hold up credentials.
constexpr std::chrono::milliseconds kLoginShellTimeout{5000};

bool isExecutableFile(const std::string &path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

std::vector<std::string> splitPath(const std::string &value)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= value.size()) {
        const auto end = value.find(':', start);
        const std::string part = value.substr(start, end == std::string::npos ? end : end - start);
        // An empty element means the current directory in POSIX; never search it implicitly.
        if (!part.empty() && part.front() == '/')
            out.push_back(part);
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}

void appendUnique(std::vector<std::string> &dirs, const std::vector<std::string> &more)
{
    for (const auto &d : more) {
        if (std::find(dirs.begin(), dirs.end(), d) == dirs.end())
            dirs.push_back(d);
    }
}

std::string findIn(const std::string &command, const std::vector<std::string> &dirs)
{
    for (const auto &dir : dirs) {
        const std::string candidate = dir + "/" + command;
        if (isExecutableFile(candidate))
            return candidate;
    }
    return {};
}

} // namespace

std::string loginShellPath(const Environment &env)
{
    const std::string shell = env.get("SHELL");
    if (shell.empty() || shell.front() != '/' || !isExecutableFile(shell))
        return {};

    static std::mutex mutex;
    static std::map<std::string, std::string> cache; // shell -> PATH; the shell's files rarely change
    std::lock_guard lock(mutex);
    if (const auto it = cache.find(shell); it != cache.end())
        return it->second;

    const ProcessResult r = runProcess(shell, {shell, "-l", "-c", "printf %s \"$PATH\""},
                                       env.entries(), kLoginShellTimeout);
    std::string path;
    if (r.spawnErrno == 0 && !r.timedOut && r.exitCode == 0) {
        // Profile scripts may print banners first; the PATH is what follows the last newline.
        const auto nl = r.out.rfind('\n');
        path = nl == std::string::npos ? r.out : r.out.substr(nl + 1);
    }
    cache.emplace(shell, path);
    return path;
}

CommandLookup lookupCommand(const std::string &command, const Environment &env)
{
    CommandLookup result;
    if (command.find('/') != std::string::npos) {
        if (isExecutableFile(command))
            result.path = command;
        return result;
    }

    const std::vector<std::string> own = splitPath(env.get("PATH"));
    result.searched = own;
    result.path = findIn(command, own);
    if (!result.path.empty())
        return result;

    std::vector<std::string> extra;
    appendUnique(extra, splitPath(loginShellPath(env)));
    const std::string home = env.home();
    std::vector<std::string> common;
    if (!home.empty()) {
        common = {home + "/.local/bin", home + "/go/bin", home + "/.krew/bin", home + "/bin"};
    }
    common.insert(common.end(), {"/usr/local/bin", "/opt/homebrew/bin", "/snap/bin"});
    appendUnique(extra, common);
    std::vector<std::string> fresh;
    for (const auto &d : extra) {
        if (std::find(own.begin(), own.end(), d) == own.end())
            fresh.push_back(d);
    }
    appendUnique(result.searched, fresh);
    result.path = findIn(command, fresh);
    if (!result.path.empty()) {
        for (const auto &d : fresh)
            result.extraPath += (result.extraPath.empty() ? "" : ":") + d;
    }
    return result;
}

} // namespace kube::config
