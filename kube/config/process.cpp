#include "kube/config/process.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kube::config {
namespace {

// An ExecCredential is a few KiB (a token or a certificate chain); anything beyond 4 MiB is a
// misbehaving program and must not grow our memory without bound.
constexpr std::size_t kMaxCapture = 4 * 1024 * 1024;
// Between closing its output and exiting a program needs microseconds; 5 ms keeps the wait
// responsive without spinning.
constexpr useconds_t kReapPollMicros = 5000;

struct Fd {
    int fd = -1;
    Fd() = default;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    ~Fd() { reset(); }
    void reset()
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
};

std::vector<char *> cStrings(const std::vector<std::string> &v)
{
    std::vector<char *> out;
    out.reserve(v.size() + 1);
    for (const auto &s : v)
        out.push_back(const_cast<char *>(s.c_str()));
    out.push_back(nullptr);
    return out;
}

// A child may close its pipes and keep running; it still gets only until the deadline.
void reap(pid_t pid, std::chrono::steady_clock::time_point deadline, ProcessResult &r)
{
    int status = 0;
    for (;;) {
        const pid_t got = ::waitpid(pid, &status, r.timedOut ? 0 : WNOHANG);
        if (got == pid)
            break;
        if (got < 0 && errno != EINTR)
            return;
        if (got == 0) {
            if (std::chrono::steady_clock::now() >= deadline) {
                r.timedOut = true;
                ::kill(-pid, SIGKILL);
                continue;
            }
            // Exit is imminent once the pipes are closed; poll the status at a short interval.
            ::usleep(kReapPollMicros);
        }
    }
    if (WIFEXITED(status))
        r.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        r.termSignal = WTERMSIG(status);
}

} // namespace

ProcessResult runProcess(const std::string &path, const std::vector<std::string> &argv,
                         const std::vector<std::string> &env, std::chrono::milliseconds timeout)
{
    ProcessResult r;
    int outPipe[2];
    int errPipe[2];
    // O_CLOEXEC: other threads spawning at the same moment must not inherit our pipe ends.
    if (::pipe2(outPipe, O_CLOEXEC) != 0) {
        r.spawnErrno = errno;
        return r;
    }
    Fd outRead(outPipe[0]), outWrite(outPipe[1]);
    if (::pipe2(errPipe, O_CLOEXEC) != 0) {
        r.spawnErrno = errno;
        return r;
    }
    Fd errRead(errPipe[0]), errWrite(errPipe[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, outWrite.fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errWrite.fd, STDERR_FILENO);

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t empty;
    sigemptyset(&empty);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE); // the GUI (or libcurl) may ignore SIGPIPE; children must not
    posix_spawnattr_setsigmask(&attr, &empty);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setpgroup(&attr, 0); // own group, so a timeout kills its children too
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
                                 | POSIX_SPAWN_SETPGROUP);

    auto args = cStrings(argv);
    auto envp = cStrings(env);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, path.c_str(), &actions, &attr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    outWrite.reset();
    errWrite.reset();
    if (rc != 0) {
        r.spawnErrno = rc;
        return r;
    }

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    pollfd fds[2] = {{outRead.fd, POLLIN, 0}, {errRead.fd, POLLIN, 0}};
    std::string *sinks[2] = {&r.out, &r.err};
    int open = 2;
    char buf[16384];
    while (open > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            r.timedOut = true;
            break;
        }
        const int n = ::poll(fds, 2, static_cast<int>(left.count()));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                const std::size_t room = kMaxCapture - std::min(kMaxCapture, sinks[i]->size());
                sinks[i]->append(buf, std::min<std::size_t>(room, static_cast<std::size_t>(got)));
                if (static_cast<std::size_t>(got) > room && i == 0)
                    r.outTruncated = true;
            } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
                fds[i].fd = -1; // closed by the child
                --open;
            }
        }
    }
    if (r.timedOut)
        ::kill(-pid, SIGKILL);
    reap(pid, deadline, r);
    return r;
}

} // namespace kube::config
