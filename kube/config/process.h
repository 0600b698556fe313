#pragma once
// Run a helper program (exec credential plugin, login shell) with posix_spawn: no shell, stdin
// from /dev/null, stdout and stderr captured through pipes, a hard deadline after which the
// whole process group is killed.
#include <chrono>
#include <string>
#include <vector>

namespace kube::config {

struct ProcessResult {
    int spawnErrno = 0;   // non-zero: the program could not be started (ENOENT, EACCES, ...)
    bool timedOut = false;
    int exitCode = -1;    // valid when the process exited normally
    int termSignal = 0;   // non-zero when it was killed by a signal
    std::string out;
    std::string err;
    bool outTruncated = false;
};

// argv[0] is passed as is; `path` is the file executed (no PATH search).
ProcessResult runProcess(const std::string &path, const std::vector<std::string> &argv,
                         const std::vector<std::string> &env, std::chrono::milliseconds timeout);

} // namespace kube::config
