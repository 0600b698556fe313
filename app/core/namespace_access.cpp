#include "app/core/namespace_access.h"

#include "kube/api/access_review.h"
#include "kube/http/client.h"

#include <nlohmann/json.hpp>

#include <mutex>

namespace hpascope {

namespace {

struct Pending {
    std::mutex mutex;
    int remaining = 0;
    NamespaceAccess result;
    std::function<void(NamespaceAccess)> done;
};

} // namespace

QStringList namespaceNamesIn(const std::string &body)
{
    QStringList names;
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("items") && j["items"].is_array())
        for (const auto &item : j["items"])
            if (item.is_object() && item.contains("metadata") && item["metadata"].is_object()
                && item["metadata"].contains("name") && item["metadata"]["name"].is_string())
                names << QString::fromStdString(item["metadata"]["name"].get<std::string>());
    return names;
}

namespace {

// Asks whether each namespace allows both verbs the session needs; a namespace counts when both do.
void review(const std::shared_ptr<kube::http::Client> &client, QStringList candidates,
            std::function<void(NamespaceAccess)> done)
{
    candidates.removeAll(QString());
    candidates.removeDuplicates();
    candidates.sort();
    candidates = candidates.mid(0, kMaxNamespaceReviews);
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    pending->result.checked = int(candidates.size());
    if (candidates.isEmpty()) {
        pending->done(pending->result);
        return;
    }
    pending->remaining = int(candidates.size()) * 2;
    for (const QString &ns : std::as_const(candidates)) {
        auto allowedBoth = std::make_shared<int>(0);
        for (const char *verb : {"list", "watch"}) {
            kube::http::Request req;
            req.method = "POST";
            req.path = kube::api::kSelfSubjectAccessReviewPath;
            req.body = kube::api::selfSubjectAccessReviewBody({ns.toStdString(), verb, "autoscaling", "horizontalpodautoscalers"});
            client->send(std::move(req), [pending, ns, allowedBoth](kube::Result<kube::http::Response> r) {
                std::unique_lock lock(pending->mutex);
                if (r) {
                    auto allowed = kube::api::accessReviewAllowed(r->body);
                    if (allowed && allowed.value() && ++*allowedBoth == 2)
                        pending->result.readable << ns;
                }
                if (--pending->remaining > 0)
                    return;
                pending->result.readable.sort();
                NamespaceAccess result = pending->result;
                auto finish = std::move(pending->done);
                lock.unlock();
                finish(std::move(result));
            });
        }
    }
}

} // namespace

void findReadableNamespaces(const std::shared_ptr<kube::http::Client> &client, QStringList fallback,
                            std::function<void(NamespaceAccess)> done)
{
    kube::http::Request req;
    req.path = "/api/v1/namespaces";
    client->send(std::move(req), [weak = std::weak_ptr(client), fallback, done = std::move(done)](
                                     kube::Result<kube::http::Response> r) mutable {
        auto client = weak.lock();
        if (!client)
            return;
        QStringList names = r ? namespaceNamesIn(r->body) : QStringList();
        review(client, names.isEmpty() ? fallback : names, std::move(done));
    });
}

} // namespace hpascope
