#pragma once
// What the status bar shows about the link to the cluster. Plain value type, Qt Core only.
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace hpascope {

struct ConnectionState {
    enum class Kind {
        NotConfigured, // no kubeconfig / no context: nothing to connect to
        Connecting,
        Live,
        Reconnecting,  // backing off after a failure; nextRetry says when
        Error,         // a failure that needs the user (RBAC, credentials, ...), retried slowly
    };
    Kind kind = Kind::NotConfigured;
    QString reason;       // why, in words a person can act on
    QString hint;         // how to fix it, when known (installHint, RBAC verb, ...)
    QDateTime nextRetry;  // for Reconnecting
    QString context;      // kubeconfig context name
    QString server;       // API server URL
    bool insecure = false; // insecure-skip-tls-verify is set for this context
    // Error: the server answered and refused (401: not authenticated, 403: not allowed), as
    // opposed to not answering at all.
    int refusedStatus = 0;
    // Error 403 for every namespace: the namespaces where the user may list and watch HPAs
    // (asked of the API server with SelfSubjectAccessReviews), for the banner to offer.
    QStringList readableNamespaces;
    // NotConfigured: a kubeconfig was found but cannot be used as it is (malformed, no contexts, a
    // missing exec plugin, an unreadable certificate file, ...), as opposed to no kubeconfig at all.
    bool contextUnusable = false;

    // One line for the status bar, e.g. "Reconnecting in 4 s: connection refused".
    QString summary(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    bool operator==(const ConnectionState &) const = default;
};

} // namespace hpascope
