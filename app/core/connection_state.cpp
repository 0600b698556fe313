#include "app/core/connection_state.h"

#include <QCoreApplication>

namespace hpascope {

QString ConnectionState::summary(const QDateTime &now) const
{
    auto withReason = [this](const QString &head) {
        return reason.isEmpty() ? head : head + QStringLiteral(": ") + reason;
    };
    switch (kind) {
    case Kind::NotConfigured:
        return withReason(contextUnusable ? QCoreApplication::translate("ConnectionState", "Cannot connect with this kubeconfig")
                                          : QCoreApplication::translate("ConnectionState", "No cluster configured"));
    case Kind::Connecting:
        return QCoreApplication::translate("ConnectionState", "Connecting to %1…").arg(server);
    case Kind::Live:
        return QCoreApplication::translate("ConnectionState", "Live: %1").arg(context);
    case Kind::Reconnecting: {
        const qint64 secs = nextRetry.isValid() ? std::max<qint64>(0, (now.msecsTo(nextRetry) + 999) / 1000) : 0;
        return withReason(QCoreApplication::translate("ConnectionState", "Reconnecting in %1 s").arg(secs));
    }
    case Kind::Error:
        return withReason(QCoreApplication::translate("ConnectionState", "Error"));
    }
    return {};
}

} // namespace hpascope
