#include "app/window/state_banner.h"

#include "app/core/connection_state.h"

#include <QUrl>

namespace hpascope {

namespace {
const QString kWarningStyle = QStringLiteral("QLabel { padding: 16px; font-size: 14px; background: #fff4e5; border: 1px solid #f0c36d; }");
const QString kNamespaceLink = QStringLiteral("namespace:");
const QString kDemoStyle = QStringLiteral("QLabel { padding: 8px; background: #e8f0fe; border: 1px solid #8ab4f8; }");
} // namespace

StateBanner::StateBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("stateBanner"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setOpenExternalLinks(false);
    setStyleSheet(kWarningStyle);
    connect(this, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(kNamespaceLink))
            emit namespaceChosen(QUrl::fromPercentEncoding(link.mid(kNamespaceLink.size()).toUtf8()));
    });
    hide();
}

void StateBanner::showState(const ConnectionState &state, bool demo)
{
    const bool blocking = state.kind == ConnectionState::Kind::NotConfigured || state.kind == ConnectionState::Kind::Error;
    if (blocking) {
        // A server that answers and refuses is not an outage: say what was refused.
        QString text = state.kind == ConnectionState::Kind::NotConfigured
                           ? (state.contextUnusable ? tr("<b>Cannot connect with this kubeconfig</b>") : tr("<b>No cluster configured</b>"))
                       : state.refusedStatus == 403                       ? tr("<b>Access refused</b>")
                       : state.refusedStatus == 401                       ? tr("<b>Not signed in</b>")
                                                                          : tr("<b>Cluster unreachable</b>");
        text += QStringLiteral("<br>") + state.reason.toHtmlEscaped();
        if (!state.hint.isEmpty())
            text += QStringLiteral("<br><i>") + state.hint.toHtmlEscaped() + QStringLiteral("</i>");
        if (!state.readableNamespaces.isEmpty()) {
            QStringList links;
            for (const QString &ns : state.readableNamespaces)
                links << QStringLiteral("<a href=\"%1%2\">%3</a>")
                             .arg(kNamespaceLink, QString::fromLatin1(QUrl::toPercentEncoding(ns)), ns.toHtmlEscaped());
            text += QStringLiteral("<br>") + tr("Watch instead: %1").arg(links.join(QStringLiteral(" · ")));
        }
        setText(text);
    }
    if (demo && !blocking) {
        setText(tr("<b>Simulation.</b> This is hpascope's embedded demo cluster, not Kubernetes: the "
                   "HPA controller is hpascope's port of the real one, pods become ready after 10 s, and the "
                   "sliders feed its metrics. Use the speed control to watch the 5-minute scale-down window pass."));
        setStyleSheet(kDemoStyle);
    } else {
        setStyleSheet(kWarningStyle);
    }
    setVisible(blocking || demo);
}

} // namespace hpascope
