#pragma once
// Where the user may read HPAs when listing them in every namespace was refused (a 403 at the
// cluster scope): the namespace picker can then offer exactly those. One
// SelfSubjectAccessReview per candidate namespace (every authenticated user may ask); the
// candidates are the namespaces the cluster lists, or, when listing namespaces is refused too,
// `fallback` (the context's namespace and "default").
#include <QStringList>

#include <functional>
#include <memory>

namespace kube::http { class Client; }

namespace hpascope {

struct NamespaceAccess {
    QStringList readable; // sorted: the namespaces where list and watch on HPAs are allowed
    int checked = 0;      // how many namespaces were asked about
};

// The names in a NamespaceList body; an item of the wrong shape is skipped, never a throw (the
// body is the server's, and this runs on the network thread).
QStringList namespaceNamesIn(const std::string &body);

// At most this many reviews are sent; a cluster with more namespaces is checked in name order.
inline constexpr int kMaxNamespaceReviews = 100;

// done runs on the client's network thread, once.
void findReadableNamespaces(const std::shared_ptr<kube::http::Client> &client, QStringList fallback,
                            std::function<void(NamespaceAccess)> done);

} // namespace hpascope
