#include "app/core/error_text.h"

#include "app/core/translations.h"

#include <QCoreApplication>
#include <QHash>

namespace hpascope {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KubeError)
};

QString byReason(const std::string &reason)
{
    static const QHash<QString, const char *> leads = {
        {QStringLiteral("NoKubeconfig"), QT_TRANSLATE_NOOP("KubeError", "No kubeconfig was found")},
        {QStringLiteral("KubeconfigNotFound"), QT_TRANSLATE_NOOP("KubeError", "The kubeconfig file does not exist")},
        {QStringLiteral("KubeconfigUnreadable"), QT_TRANSLATE_NOOP("KubeError", "The kubeconfig cannot be read")},
        {QStringLiteral("InvalidYaml"), QT_TRANSLATE_NOOP("KubeError", "The kubeconfig is not valid YAML")},
        {QStringLiteral("InvalidKubeconfig"), QT_TRANSLATE_NOOP("KubeError", "The kubeconfig is invalid")},
        {QStringLiteral("EmptyConfig"), QT_TRANSLATE_NOOP("KubeError", "The kubeconfig is empty")},
        {QStringLiteral("NoContext"), QT_TRANSLATE_NOOP("KubeError", "The kubeconfig names no context")},
        {QStringLiteral("ContextNotFound"), QT_TRANSLATE_NOOP("KubeError", "The context is not in the kubeconfig")},
        {QStringLiteral("UnsupportedAuth"), QT_TRANSLATE_NOOP("KubeError", "This kind of credentials is not supported")},
        {QStringLiteral("BadCertificate"), QT_TRANSLATE_NOOP("KubeError", "A certificate or key is invalid")},
        {QStringLiteral("TokenFileError"), QT_TRANSLATE_NOOP("KubeError", "The token file cannot be read")},
        {QStringLiteral("ExecNotFound"), QT_TRANSLATE_NOOP("KubeError", "The credential plugin was not found")},
        {QStringLiteral("ExecFailed"), QT_TRANSLATE_NOOP("KubeError", "The credential plugin failed")},
        {QStringLiteral("ExecTimeout"), QT_TRANSLATE_NOOP("KubeError", "The credential plugin did not answer in time")},
        {QStringLiteral("ExecInvalidOutput"), QT_TRANSLATE_NOOP("KubeError", "The credential plugin's output is invalid")},
        {QStringLiteral("ExecInteractive"), QT_TRANSLATE_NOOP("KubeError", "The credential plugin needs a terminal")},
        {QStringLiteral("Unresponsive"), QT_TRANSLATE_NOOP("KubeError", "The API server stopped answering")},
        {QStringLiteral("ConnectionRefused"), QT_TRANSLATE_NOOP("KubeError", "The connection was refused")},
        {QStringLiteral("ResponseTooLarge"), QT_TRANSLATE_NOOP("KubeError", "The answer is too large")},
        // kube/prometheus/reasons.h
        {QStringLiteral("PrometheusEndpointInvalid"), QT_TRANSLATE_NOOP("KubeError", "The Prometheus address is invalid")},
        {QStringLiteral("PrometheusUnreachable"), QT_TRANSLATE_NOOP("KubeError", "Prometheus cannot be reached")},
        {QStringLiteral("PrometheusForbidden"), QT_TRANSLATE_NOOP("KubeError", "Access to Prometheus was refused")},
        {QStringLiteral("PrometheusQueryRefused"), QT_TRANSLATE_NOOP("KubeError", "Prometheus refused the query")},
        {QStringLiteral("PrometheusQueryFailed"), QT_TRANSLATE_NOOP("KubeError", "The Prometheus query failed")},
        {QStringLiteral("PrometheusNotPrometheus"), QT_TRANSLATE_NOOP("KubeError", "The answer is not from Prometheus")},
        {QStringLiteral("KsmMissing"), QT_TRANSLATE_NOOP("KubeError", "Prometheus has no kube-state-metrics HPA data")},
        {QStringLiteral("KsmTooOld"), QT_TRANSLATE_NOOP("KubeError", "kube-state-metrics is too old for metric values")},
    };
    const auto it = leads.constFind(QString::fromStdString(reason));
    return it == leads.constEnd() ? QString() : QCoreApplication::translate("KubeError", it.value());
}

} // namespace

QString errorLead(const kube::Error &e)
{
    if (QString lead = byReason(e.reason); !lead.isEmpty())
        return lead;
    using Kind = kube::Error::Kind;
    switch (e.kind) {
    case Kind::Config: return Tr::tr("The kubeconfig has a problem");
    case Kind::Auth: return Tr::tr("The credentials could not be obtained");
    case Kind::Network: return Tr::tr("The API server cannot be reached");
    case Kind::Dns: return Tr::tr("The host name could not be resolved");
    case Kind::Tls: return Tr::tr("The TLS connection failed");
    case Kind::Http:
        switch (e.httpStatus) {
        case 401: return Tr::tr("Not signed in (401)");
        case 403: return Tr::tr("Access refused (403)");
        case 404: return Tr::tr("Not found (404)");
        default: return Tr::tr("The API server answered %1").arg(e.httpStatus);
        }
    case Kind::Decode: return Tr::tr("The answer could not be read");
    case Kind::Cancelled: return Tr::tr("Cancelled");
    case Kind::Invalid: return Tr::tr("Invalid input");
    }
    return {};
}

QString errorText(const kube::Error &e, bool withDetail)
{
    const QString own = QString::fromStdString(withDetail ? e.toString() : e.message);
    if (currentLanguage() == QLatin1String("en"))
        return own;
    return Tr::tr("%1: %2", "an error's translated lead, then kube's own English text").arg(errorLead(e), own);
}

QString watchStateText(const kube::watch::ConnectionState &state)
{
    using Kind = kube::watch::ConnectionState::Kind;
    if (state.kind == Kind::Live)
        return {};
    if (state.relistCause == kube::watch::kRelistWatchExpired)
        return Tr::tr("the watch expired (410 Gone); listing again");
    if (state.relistCause == kube::watch::kRelistContinueExpired)
        return Tr::tr("the list continuation expired; listing again");
    if (!state.error.message.empty())
        return errorText(state.error, false);
    return QString::fromStdString(state.reason);
}

} // namespace hpascope
