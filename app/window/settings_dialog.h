#pragma once
// Settings… (Ctrl+,): the language (from the next start), the test adapter the sliders write to,
// how long the history keeps what it recorded (with the database's path and size), where the
// current context's Prometheus is (auto, off, a URL or a service), and a way to the current
// context's controller flags. OK writes them (AppSettings); the caller applies what
// can change while running (the adapter, the retention).
#include "app/core/app_settings.h"
#include "app/core/prometheus_choice.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace hpascope {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // historyPath: the open history database (empty when none is open).
    // context: the current kubeconfig context (empty: none, and no Prometheus fields).
    SettingsDialog(const AppSettings &current, const QString &historyPath, QWidget *parent = nullptr,
                   const QString &context = {}, const PrometheusChoice &prometheus = {});

    AppSettings settings() const; // what the fields say now
    PrometheusChoice prometheusChoice() const;
    QLineEdit *prometheusEdit() const { return m_prometheus; }
    QLineEdit *prometheusTokenEdit() const { return m_prometheusToken; }
    QComboBox *languageBox() const { return m_language; }
    QLineEdit *adapterNamespaceEdit() const { return m_adapterNamespace; }
    QLineEdit *adapterServiceEdit() const { return m_adapterService; }
    QLineEdit *adapterPortEdit() const { return m_adapterPort; }
    QSpinBox *retentionBox() const { return m_retention; }
    QLabel *historyLabel() const { return m_history; }
    QLabel *languageNote() const { return m_languageNote; }
    QPushButton *okButton() const { return m_ok; }

signals:
    // The "Controller flags…" button: the window opens that dialog for the current context.
    void controllerFlagsRequested();

private:
    void validate();

    QString m_startLanguage;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QLineEdit *m_adapterNamespace;
    QLineEdit *m_adapterService;
    QLineEdit *m_adapterPort;
    QSpinBox *m_retention;
    QLineEdit *m_prometheus = nullptr;
    QLineEdit *m_prometheusToken = nullptr;
    QLabel *m_history;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace hpascope
