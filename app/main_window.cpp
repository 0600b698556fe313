#include "app/main_window.h"

#include "app/core/cluster_session.h"
#include "widgets/connection_status_widget.h"
#include "widgets/hpa_table_view.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace hpascope {

namespace {
const QString kAllNamespaces = QStringLiteral("*");
const QString kSettingContext = QStringLiteral("session/context");
QString namespaceSettingKey(const QString &context)
{
    return QStringLiteral("session/namespace/") + context;
}
} // namespace

MainWindow::MainWindow(StartupOptions options, QWidget *parent)
    : QMainWindow(parent),
      m_options(std::move(options)),
      m_session(new ClusterSession(this)),
      m_table(new HpaTableView(this)),
      m_status(new ConnectionStatusWidget(this)),
      m_contextPicker(new QComboBox(this)),
      m_namespacePicker(new QComboBox(this)),
      m_banner(new QLabel(this))
{
    setWindowTitle(tr("hpascope"));
    resize(1200, 720);

    auto *toolbar = addToolBar(tr("Cluster"));
    toolbar->setObjectName(QStringLiteral("clusterToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Context: "), this));
    m_contextPicker->setObjectName(QStringLiteral("contextPicker"));
    m_contextPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    toolbar->addWidget(m_contextPicker);
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr("Namespace: "), this));
    m_namespacePicker->setObjectName(QStringLiteral("namespacePicker"));
    m_namespacePicker->setEditable(true);
    m_namespacePicker->setInsertPolicy(QComboBox::InsertAtBottom);
    m_namespacePicker->setMinimumContentsLength(16);
    toolbar->addWidget(m_namespacePicker);

    m_banner->setObjectName(QStringLiteral("stateBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { padding: 16px; font-size: 14px; background: #fff4e5; border: 1px solid #f0c36d; }"));
    m_banner->hide();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_status, 1);

    m_table->setModel(m_session->hpaModel());
    connect(m_session, &ClusterSession::stateChanged, this, &MainWindow::showState);
    connect(m_contextPicker, &QComboBox::currentTextChanged, this, [this] {
        const QString ctx = m_contextPicker->currentText();
        if (m_populating || ctx.isEmpty())
            return;
        m_populating = true;
        const QString saved = QSettings().value(namespaceSettingKey(ctx)).toString();
        m_namespacePicker->clear();
        m_namespacePicker->addItem(tr("All namespaces"), kAllNamespaces);
        if (m_kubeconfig) {
            auto rc = m_kubeconfig->restConfig(ctx.toStdString());
            if (rc && !rc->namespaceName.empty())
                m_namespacePicker->addItem(QString::fromStdString(rc->namespaceName), QString::fromStdString(rc->namespaceName));
        }
        QString wanted = m_options.namespaceName.value_or(saved);
        m_options.namespaceName.reset(); // the command line applies to the first context only
        if (wanted.isEmpty() || wanted == kAllNamespaces) {
            m_namespacePicker->setCurrentIndex(0);
        } else {
            if (m_namespacePicker->findData(wanted) < 0)
                m_namespacePicker->addItem(wanted, wanted);
            m_namespacePicker->setCurrentIndex(m_namespacePicker->findData(wanted));
        }
        m_populating = false;
        connectSelected();
    });
    connect(m_namespacePicker, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_populating)
            connectSelected();
    });

    loadKubeconfig();
}

MainWindow::~MainWindow() = default;

void MainWindow::loadKubeconfig()
{
    auto loaded = kube::config::Kubeconfig::load(m_options.load);
    if (!loaded) {
        m_session->setNotConfigured(QString::fromStdString(loaded.error().toString()),
                                    tr("Set KUBECONFIG or pass --kubeconfig FILE."));
        return;
    }
    m_kubeconfig = std::move(loaded.value());
    QString current = QString::fromStdString(m_kubeconfig->currentContext());
    if (current.isEmpty() && m_options.load.context.empty())
        current = QSettings().value(kSettingContext).toString();
    m_populating = true;
    m_contextPicker->clear();
    for (const auto &name : m_kubeconfig->contextNames())
        m_contextPicker->addItem(QString::fromStdString(name));
    m_populating = false;
    if (m_contextPicker->count() == 0) {
        m_session->setNotConfigured(tr("the kubeconfig defines no contexts"), tr("Add a context, e.g. with kubectl config set-context."));
        return;
    }
    const int idx = m_contextPicker->findText(current);
    if (idx < 0 && !current.isEmpty()) {
        m_session->setNotConfigured(tr("current-context \"%1\" is not defined in the kubeconfig").arg(current),
                                    tr("Pick a context above."));
        m_contextPicker->setCurrentIndex(-1);
        return;
    }
    m_contextPicker->setCurrentIndex(-1);
    m_contextPicker->setCurrentIndex(std::max(0, idx)); // triggers connectSelected()
}

void MainWindow::connectSelected()
{
    if (!m_kubeconfig || m_contextPicker->currentIndex() < 0)
        return;
    const QString ctx = m_contextPicker->currentText();
    QString ns = m_namespacePicker->currentData().toString();
    if (ns.isEmpty()) // typed by hand
        ns = m_namespacePicker->currentText().trimmed();
    QSettings settings;
    settings.setValue(kSettingContext, ctx);
    settings.setValue(namespaceSettingKey(ctx), ns);
    auto rc = m_kubeconfig->restConfig(ctx.toStdString());
    if (!rc) {
        m_session->setNotConfigured(QString::fromStdString(rc.error().toString()));
        return;
    }
    m_session->connectTo(rc.value(), ns == kAllNamespaces ? QString() : ns);
}

void MainWindow::showState(const ConnectionState &state)
{
    m_status->setState(state);
    const bool blocking = state.kind == ConnectionState::Kind::NotConfigured || state.kind == ConnectionState::Kind::Error;
    if (blocking) {
        QString text = state.kind == ConnectionState::Kind::NotConfigured ? tr("<b>No cluster configured</b>") : tr("<b>Cluster unreachable</b>");
        text += QStringLiteral("<br>") + state.reason.toHtmlEscaped();
        if (!state.hint.isEmpty())
            text += QStringLiteral("<br><i>") + state.hint.toHtmlEscaped() + QStringLiteral("</i>");
        m_banner->setText(text);
    }
    m_banner->setVisible(blocking);
    setWindowTitle(state.context.isEmpty() ? tr("hpascope") : tr("hpascope — %1").arg(state.context));
}

} // namespace hpascope
