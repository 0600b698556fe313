#include "kube/config/file_util.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kube::config::detail {
namespace {

// A kubeconfig with hundreds of clusters and embedded certificates stays well under 16 MiB;
// anything larger is not a kubeconfig (a device, a log file given by mistake).
constexpr off_t kMaxFileSize = 16 * 1024 * 1024;

} // namespace

int readWholeFile(const std::string &path, std::string *content)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    struct stat st;
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return err;
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        return EISDIR;
    }
    if (st.st_size > kMaxFileSize) {
        ::close(fd);
        return EFBIG;
    }
    content->clear();
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            return err;
        }
        content->append(buf, static_cast<std::size_t>(n));
        if (content->size() > static_cast<std::size_t>(kMaxFileSize)) {
            ::close(fd);
            return EFBIG;
        }
    }
    ::close(fd);
    return 0;
}

std::string readProblem(int err)
{
    if (err == EISDIR)
        return "cannot be read: it is a directory";
    return std::string("cannot be read: ") + std::strerror(err);
}

} // namespace kube::config::detail
