#include "widgets/connection_status_widget.h"

#include <QHBoxLayout>
#include <QLabel>

namespace hpascope {

namespace {
QString colourFor(ConnectionState::Kind kind)
{
    switch (kind) {
    case ConnectionState::Kind::Live: return QStringLiteral("#2e9d3a");
    case ConnectionState::Kind::Connecting: return QStringLiteral("#d0a000");
    case ConnectionState::Kind::Reconnecting: return QStringLiteral("#e07000");
    case ConnectionState::Kind::Error: return QStringLiteral("#c62828");
    case ConnectionState::Kind::NotConfigured: return QStringLiteral("#808080");
    }
    return QStringLiteral("#808080");
}
} // namespace

ConnectionStatusWidget::ConnectionStatusWidget(QWidget *parent)
    : QWidget(parent), m_dot(new QLabel(this)), m_text(new QLabel(this)), m_insecure(new QLabel(this))
{
    m_dot->setFixedSize(12, 12);
    m_text->setObjectName(QStringLiteral("connectionText"));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_insecure->setObjectName(QStringLiteral("insecureWarning"));
    m_insecure->setText(tr("⚠ TLS verification disabled (insecure-skip-tls-verify)"));
    m_insecure->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_insecure->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_dot);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_insecure);
    setState({});
}

void ConnectionStatusWidget::setState(const ConnectionState &state)
{
    m_dot->setStyleSheet(QStringLiteral("background: %1; border-radius: 6px;").arg(colourFor(state.kind)));
    QString text = state.summary();
    if (!state.hint.isEmpty())
        text += QStringLiteral(" — ") + state.hint;
    m_text->setText(text);
    m_text->setToolTip(state.server.isEmpty() ? text : state.server + QLatin1Char('\n') + text);
    m_insecure->setVisible(state.insecure);
}

QString ConnectionStatusWidget::text() const
{
    return m_text->text();
}

bool ConnectionStatusWidget::insecureWarningVisible() const
{
    return !m_insecure->isHidden();
}

} // namespace hpascope
