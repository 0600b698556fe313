#pragma once
// Always-visible connection status: a coloured dot, one line of text, the fix hint as tooltip,
// and a separate warning when the context skips TLS verification.
#include "app/core/connection_state.h"

#include <QWidget>

class QLabel;

namespace hpascope {

class ConnectionStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionStatusWidget(QWidget *parent = nullptr);
    void setState(const ConnectionState &state);
    QString text() const;         // what the label shows
    bool insecureWarningVisible() const;

private:
    QLabel *m_dot;
    QLabel *m_text;
    QLabel *m_insecure;
};

} // namespace hpascope
