#include "app/window/cluster_toolbar.h"
#include "app/core/error_text.h"

#include "app/core/kubeconfig_profile.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSettings>

namespace hpascope {

namespace {
const QString kAllNamespaces = QStringLiteral("*");
const QString kSettingContext = QStringLiteral("session/context");
QString namespaceSettingKey(const QString &context)
{
    return QStringLiteral("session/namespace/") + context;
}
} // namespace

ClusterToolbar::ClusterToolbar(QWidget *parent)
    : QToolBar(tr("Cluster"), parent), m_context(new QComboBox(this)), m_namespace(new QComboBox(this)),
      m_speed(new QComboBox(this))
{
    setObjectName(QStringLiteral("clusterToolbar"));
    setMovable(false);
    addWidget(new QLabel(tr("Context: "), this));
    m_context->setObjectName(QStringLiteral("contextPicker"));
    m_context->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addWidget(m_context);
    addSeparator();
    addWidget(new QLabel(tr("Namespace: "), this));
    m_namespace->setObjectName(QStringLiteral("namespacePicker"));
    m_namespace->setEditable(true);
    m_namespace->setInsertPolicy(QComboBox::InsertAtBottom);
    m_namespace->setMinimumContentsLength(16);
    addWidget(m_namespace);
    // Time acceleration for the demo cluster, so a learner can watch the 5-minute window pass.
    m_speed->setObjectName(QStringLiteral("speedPicker"));
    for (int speed : {1, 10, 60})
        m_speed->addItem(tr("%1× speed").arg(speed), speed);
    m_speedAction = addWidget(m_speed);
    m_speedAction->setVisible(false);
    addSeparator();
    m_flagsAction = addAction(tr("Controller flags…"));
    m_flagsAction->setObjectName(QStringLiteral("controllerFlagsAction"));
    m_flagsAction->setToolTip(tr("The HPA controller's flags the explanations use, for this context"));
    m_flagsAction->setVisible(false);
    connect(m_flagsAction, &QAction::triggered, this, &ClusterToolbar::controllerFlagsRequested);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { emit speedChosen(speed()); });
    connect(m_context, &QComboBox::currentTextChanged, this, &ClusterToolbar::contextChanged);
    connect(m_namespace, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_populating)
            connectSelected();
    });
}

void ClusterToolbar::chooseNamespace(const QString &name)
{
    if (m_namespace->findData(name) < 0)
        m_namespace->addItem(name, name);
    m_namespace->setCurrentIndex(m_namespace->findData(name));
}

double ClusterToolbar::speed() const { return m_speed->currentData().toDouble(); }

void ClusterToolbar::showDemo(const QString &namespaceName)
{
    m_kubeconfig.reset();
    m_populating = true;
    m_context->clear();
    m_context->addItem(tr("hpascope-demo (simulated)"));
    m_context->setEnabled(false);
    m_namespace->clear();
    m_namespace->addItem(namespaceName, namespaceName);
    m_namespace->setEnabled(false);
    m_populating = false;
    m_speedAction->setVisible(true);
    m_flagsAction->setVisible(false);
}

void ClusterToolbar::addNamespaces(const QStringList &names)
{
    if (!m_kubeconfig)
        return;
    m_populating = true;
    for (const QString &name : names)
        if (m_namespace->findData(name) < 0)
            m_namespace->addItem(name, name);
    m_populating = false;
}

void ClusterToolbar::loadKubeconfig(const kube::config::LoadOptions &load, std::optional<QString> namespaceName)
{
    m_speedAction->setVisible(false);
    m_firstNamespace = std::move(namespaceName);
    auto loaded = kube::config::Kubeconfig::load(load);
    if (!loaded) {
        const bool none = loaded.error().reason == "NoKubeconfig";
        emit notConfigured(errorText(loaded.error()),
                           none ? tr("Set KUBECONFIG or pass --kubeconfig FILE, or open the demo cluster below.")
                                : tr("Fix the kubeconfig, or pass --kubeconfig FILE."),
                           none);
        return;
    }
    m_kubeconfig = std::move(loaded.value());
    QString current = QString::fromStdString(m_kubeconfig->currentContext());
    if (current.isEmpty() && load.context.empty())
        current = QSettings().value(kSettingContext).toString();
    m_populating = true;
    m_context->clear();
    for (const auto &name : m_kubeconfig->contextNames())
        m_context->addItem(QString::fromStdString(name));
    m_populating = false;
    if (m_context->count() == 0) {
        emit notConfigured(tr("the kubeconfig defines no contexts"), tr("Add a context, e.g. with kubectl config set-context."), false);
        return;
    }
    const int idx = m_context->findText(current);
    if (idx < 0 && !current.isEmpty()) {
        emit notConfigured(tr("current-context \"%1\" is not defined in the kubeconfig").arg(current), tr("Pick a context above."), false);
        m_context->setCurrentIndex(-1);
        return;
    }
    m_context->setCurrentIndex(-1);
    m_context->setCurrentIndex(std::max(0, idx)); // contextChanged() connects
}

void ClusterToolbar::contextChanged()
{
    const QString ctx = m_context->currentText();
    if (m_populating || ctx.isEmpty() || !m_kubeconfig)
        return;
    m_populating = true;
    const QString saved = QSettings().value(namespaceSettingKey(ctx)).toString();
    m_namespace->clear();
    m_namespace->addItem(tr("All namespaces"), kAllNamespaces);
    auto rc = m_kubeconfig->restConfig(ctx.toStdString());
    if (rc && !rc->namespaceName.empty())
        m_namespace->addItem(QString::fromStdString(rc->namespaceName), QString::fromStdString(rc->namespaceName));
    const QString wanted = m_firstNamespace.value_or(saved);
    m_firstNamespace.reset(); // the command line applies to the first context only
    if (wanted.isEmpty() || wanted == kAllNamespaces) {
        m_namespace->setCurrentIndex(0);
    } else {
        if (m_namespace->findData(wanted) < 0)
            m_namespace->addItem(wanted, wanted);
        m_namespace->setCurrentIndex(m_namespace->findData(wanted));
    }
    m_populating = false;
    connectSelected();
}

void ClusterToolbar::connectSelected()
{
    if (!m_kubeconfig || m_context->currentIndex() < 0)
        return;
    const QString ctx = m_context->currentText();
    QString ns = m_namespace->currentData().toString();
    if (ns.isEmpty()) // typed by hand
        ns = m_namespace->currentText().trimmed();
    QSettings settings;
    settings.setValue(kSettingContext, ctx);
    settings.setValue(namespaceSettingKey(ctx), ns);
    QString error;
    auto profile = kubeconfigProfile(*m_kubeconfig, ctx, ns == kAllNamespaces ? QString() : ns, settings, &error);
    if (!profile) {
        emit notConfigured(error, {}, false);
        return;
    }
    m_flagsAction->setVisible(true);
    emit profileChosen(*profile);
}

} // namespace hpascope
