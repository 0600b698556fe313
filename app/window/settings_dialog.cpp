#include "app/window/settings_dialog.h"

#include "app/core/translations.h"
#include "kube/prometheus/endpoint.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hpascope {

namespace {

// A DNS-1123 label (namespace, service), or a port name or number.
const QRegularExpression kDnsLabel(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));

QLineEdit *labelEdit(const QString &text, const QString &tip, QWidget *parent)
{
    auto *e = new QLineEdit(text, parent);
    e->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[-a-z0-9]{0,63}")), e));
    e->setToolTip(tip);
    return e;
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings &current, const QString &historyPath, QWidget *parent,
                               const QString &context, const PrometheusChoice &prometheus)
    : QDialog(parent),
      m_startLanguage(currentLanguage()),
      m_language(new QComboBox(this)),
      m_languageNote(new QLabel(this)),
      m_adapterNamespace(labelEdit(current.adapter.namespaceName, tr("The namespace of the custom-metrics test adapter's Service."), this)),
      m_adapterService(labelEdit(current.adapter.service, tr("The name of the test adapter's Service (its write-metrics endpoint)."), this)),
      m_adapterPort(labelEdit(current.adapter.port, tr("The Service port, by name (http) or number."), this)),
      m_retention(new QSpinBox(this)),
      m_history(new QLabel(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    auto *general = new QGroupBox(tr("Language"), this);
    auto *generalForm = new QFormLayout(general);
    m_language->addItem(tr("The system's"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    m_language->setToolTip(tr("The language of the window, the explanations and the reports."));
    generalForm->addRow(tr("Language:"), m_language);
    m_languageNote->setWordWrap(true);
    generalForm->addRow(m_languageNote);

    auto *adapter = new QGroupBox(tr("Test adapter (the sliders write to it)"), this);
    auto *adapterForm = new QFormLayout(adapter);
    adapterForm->addRow(tr("Namespace:"), m_adapterNamespace);
    adapterForm->addRow(tr("Service:"), m_adapterService);
    adapterForm->addRow(tr("Port:"), m_adapterPort);
    auto *through = new QLabel(tr("hpascope writes through the API server's service proxy, with your kubeconfig's credentials."), adapter);
    through->setWordWrap(true);
    adapterForm->addRow(through);

    auto *history = new QGroupBox(tr("History"), this);
    auto *historyForm = new QFormLayout(history);
    m_retention->setRange(AppSettings::kMinRetentionDays, AppSettings::kMaxRetentionDays);
    m_retention->setValue(current.retentionDays);
    m_retention->setSuffix(tr(" days"));
    m_retention->setToolTip(tr("Older samples and events are deleted when hpascope starts. Kubernetes itself keeps events for 1 h."));
    historyForm->addRow(tr("Keep for:"), m_retention);
    m_history->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_history->setWordWrap(true);
    m_history->setText(historyPath.isEmpty()
                           ? tr("No history is open.")
                           : tr("%1 (%2)").arg(historyPath, QLocale().formattedDataSize(historyBytes(historyPath))));
    historyForm->addRow(tr("Database:"), m_history);

    QGroupBox *prometheusBox = nullptr;
    if (!context.isEmpty()) {
        prometheusBox = new QGroupBox(tr("Prometheus (history from before hpascope watched), for %1").arg(context), this);
        auto *form = new QFormLayout(prometheusBox);
        m_prometheus = new QLineEdit(prometheus.mode == PrometheusChoice::Mode::Auto ? QString() : prometheus.toText(), this);
        m_prometheus->setObjectName(QStringLiteral("prometheusEdit"));
        m_prometheus->setPlaceholderText(QStringLiteral("auto"));
        m_prometheus->setToolTip(tr("auto: find the cluster's Prometheus among its services; off: none; a URL "
                                    "(https://prometheus.example:9090); or NAMESPACE/SERVICE:PORT, reached through the API "
                                    "server's service proxy with your kubeconfig's credentials (monitoring/prometheus-k8s:web)."));
        form->addRow(tr("Where:"), m_prometheus);
        m_prometheusToken = new QLineEdit(prometheus.tokenFile, this);
        m_prometheusToken->setObjectName(QStringLiteral("prometheusTokenEdit"));
        m_prometheusToken->setToolTip(tr("For a URL: a file holding a bearer token (the token itself is never stored)."));
        form->addRow(tr("Token file:"), m_prometheusToken);
        connect(m_prometheus, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    }

    auto *flags = new QPushButton(tr("Controller flags…"), this);
    flags->setObjectName(QStringLiteral("controllerFlagsButton"));
    flags->setToolTip(tr("The HPA controller's flags the explanations use, for the current context"));
    connect(flags, &QPushButton::clicked, this, &SettingsDialog::controllerFlagsRequested);

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addWidget(adapter);
    layout->addWidget(history);
    if (prometheusBox)
        layout->addWidget(prometheusBox);
    layout->addWidget(flags, 0, Qt::AlignLeft);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    for (QLineEdit *e : {m_adapterNamespace, m_adapterService, m_adapterPort})
        connect(e, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::validate);
    validate();
}

PrometheusChoice SettingsDialog::prometheusChoice() const
{
    if (!m_prometheus)
        return {};
    return PrometheusChoice::fromText(m_prometheus->text(), m_prometheusToken->text());
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s;
    s.language = m_language->currentData().toString();
    s.retentionDays = m_retention->value();
    s.adapter.namespaceName = m_adapterNamespace->text();
    s.adapter.service = m_adapterService->text();
    s.adapter.port = m_adapterPort->text();
    return s;
}

void SettingsDialog::validate()
{
    QStringList problems;
    if (!kDnsLabel.match(m_adapterNamespace->text()).hasMatch())
        problems << tr("The adapter's namespace must be a DNS label (lower-case letters, digits and '-').");
    if (!kDnsLabel.match(m_adapterService->text()).hasMatch())
        problems << tr("The adapter's service must be a DNS label (lower-case letters, digits and '-').");
    if (!kDnsLabel.match(m_adapterPort->text()).hasMatch())
        problems << tr("The adapter's port must be a port name or number.");
    if (const PrometheusChoice p = prometheusChoice(); p.mode == PrometheusChoice::Mode::Given) {
        if (auto e = kube::prometheus::parseEndpoint(p.where.toStdString()); !e)
            problems << tr("Prometheus: %1").arg(QString::fromStdString(e.error().message));
    }
    m_error->setText(problems.join(QLatin1Char('\n')));
    m_error->setVisible(!problems.isEmpty());
    m_ok->setEnabled(problems.isEmpty());

    const QString chosen = m_language->currentData().toString();
    const bool changes = !chosen.isEmpty() && chosen != m_startLanguage;
    m_languageNote->setText(changes ? tr("The new language shows from the next start of hpascope.") : QString());
    m_languageNote->setVisible(changes);
}

} // namespace hpascope
