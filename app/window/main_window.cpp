#include "app/window/main_window.h"

#include "app/core/cluster_session.h"
#include "app/core/event_model.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_format.h"
#include "app/core/recorder.h"
#include "app/core/demo_profile.h"
#include "app/core/kubeconfig_profile.h"
#include "widgets/hpa_detail_view.h"
#include "widgets/metric_slider_panel.h"
#include "widgets/timeline_panel.h"
#include "app/core/what_if.h"
#include "kube/api/hpa_metrics.h"
#include "widgets/connection_status_widget.h"
#include "widgets/hpa_table_view.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QLayout>
#include <QLoggingCategory>
#include <QSettings>
#include <QSplitter>
#include <QItemSelectionModel>
#include <QTableView>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace hpascope {

namespace {
const QString kAllNamespaces = QStringLiteral("*");
const QString kSettingContext = QStringLiteral("session/context");
// Splitter states (QSplitter::saveState), restored at start so the panels are where they were left.
const QString kSettingMainSplitter = QStringLiteral("layout/mainSplitter");
const QString kSettingDetailSplitter = QStringLiteral("layout/detailSplitter");
QString namespaceSettingKey(const QString &context)
{
    return QStringLiteral("session/namespace/") + context;
}
} // namespace

MainWindow::MainWindow(StartupOptions options, QWidget *parent)
    : QMainWindow(parent),
      m_options(std::move(options)),
      m_recorder(new Recorder(this)),
      m_session(new ClusterSession(this)),
      m_table(new HpaTableView(this)),
      m_detail(new HpaDetailModel(this)),
      m_eventModel(new EventModel(m_session->events(), this)),
      m_detailView(new HpaDetailView(this)),
      m_sliders(new MetricSliderPanel(m_session->metricWriter(), this)),
      m_timeline(new TimelinePanel(m_session->series(), this)),
      m_status(new ConnectionStatusWidget(this)),
      m_contextPicker(new QComboBox(this)),
      m_namespacePicker(new QComboBox(this)),
      m_banner(new QLabel(this)),
      m_demoButton(new QPushButton(tr("Open the demo cluster (simulated, no Kubernetes needed)"), this)),
      m_speedPicker(new QComboBox(this))
{
    setWindowTitle(tr("hpascope"));
    resize(1440, 900);

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
    // Time acceleration for the demo cluster, so a learner can watch the 5-minute window pass.
    m_speedPicker->setObjectName(QStringLiteral("speedPicker"));
    for (int speed : {1, 10, 60})
        m_speedPicker->addItem(tr("%1× speed").arg(speed), speed);
    m_speedAction = toolbar->addWidget(m_speedPicker);
    m_speedAction->setVisible(false);
    connect(m_speedPicker, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto &setSpeed = m_session->profile().setSpeed)
            setSpeed(m_speedPicker->currentData().toDouble());
    });

    m_banner->setObjectName(QStringLiteral("stateBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { padding: 16px; font-size: 14px; background: #fff4e5; border: 1px solid #f0c36d; }"));
    m_banner->hide();

    QString recorderError;
    if (m_recorder->open({}, &recorderError))
        m_session->setRecorder(m_recorder);
    else
        qWarning("history is not recorded: %s", qPrintable(recorderError));

    m_detailView->setModels(m_detail, m_eventModel, m_session->events());
    m_detail->setPodTracker(m_session->pods());
    m_detail->followSession(m_session);
    m_detailView->sliderSlot()->layout()->addWidget(m_sliders);
    m_detailView->chartSlot()->layout()->addWidget(m_timeline);
    m_detailView->setChartControls(m_timeline->controls());
    // What-if: a value in a slider's field, sent or not, draws the predicted replica path.
    connect(m_sliders, &MetricSliderPanel::previewChanged, this, [this](int specIndex, const QString &text) {
        const auto *hpa = m_detail->hpa();
        auto value = kube::api::Quantity::parse(text.toStdString());
        if (!hpa || !value) {
            m_timeline->clearPrediction();
            return;
        }
        m_timeline->setPrediction(predictReplicaPath(*hpa, m_session->controllerConfig(), m_detail->history(), specIndex,
                                                     value.value(), m_session->now()));
    });
    auto clock = [this] { return m_session->now(); };
    m_eventModel->setClock(clock);
    m_detailView->setClock(clock);
    // The table on top, full width (every column readable), the selected HPA's detail below:
    // its charts, and beside them the Why box above the sliders.
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detailView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({170, 10000});
    {
        QSettings settings;
        m_splitter->restoreState(settings.value(kSettingMainSplitter).toByteArray());
        m_detailView->splitter()->restoreState(settings.value(kSettingDetailSplitter).toByteArray());
    }

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    m_demoButton->setObjectName(QStringLiteral("demoButton"));
    m_demoButton->hide();
    connect(m_demoButton, &QPushButton::clicked, this, &MainWindow::startDemo);
    layout->addWidget(m_demoButton, 0, Qt::AlignLeft);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_status, 1);

    m_table->setModel(m_session->hpaModel());
    connect(m_table, &HpaTableView::selectionChangedTo, this, &MainWindow::showDetail);
    // The detail follows watch updates of the HPA it shows, and only of that one: with many HPAs
    // a change elsewhere must not rebuild the detail, the sliders and the explanation.
    auto refresh = [this] {
        if (m_detail->hasHpa())
            showDetail(m_detail->key());
    };
    connect(m_session->hpaModel(), &QAbstractItemModel::dataChanged, this,
            [this, refresh](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_session->hpaModel()->rowOf(m_detail->key());
                if (row >= topLeft.row() && row <= bottomRight.row())
                    refresh();
            });
    connect(m_session->hpaModel(), &QAbstractItemModel::modelReset, this, refresh);
    connect(m_session->hpaModel(), &QAbstractItemModel::rowsRemoved, this, [this, refresh] {
        if (m_session->hpaModel()->rowOf(m_detail->key()) < 0)
            refresh();
    });
    connect(m_session, &ClusterSession::stateChanged, this, &MainWindow::showState);
    // Open on something to look at: the seed experiment's HPA in the demo, else the first row.
    connect(m_session, &ClusterSession::hpasSynced, this, [this](int count) {
        QTableView *table = m_table->table();
        if (count == 0 || table->selectionModel()->currentIndex().isValid())
            return;
        QModelIndex pick = table->model()->index(0, HpaListModel::Name);
        if (m_session->profile().isDemo()) {
            const auto hits = table->model()->match(pick, Qt::DisplayRole, QStringLiteral("web"), 1, Qt::MatchExactly);
            if (!hits.isEmpty())
                pick = hits.first();
        }
        table->setCurrentIndex(pick);
    });
    connect(m_session, &ClusterSession::namespacesListed, this, [this](const QStringList &names) {
        if (m_session->profile().isDemo())
            return;
        // Add what the cluster has; keep the current choice and anything typed by hand.
        m_populating = true;
        for (const QString &name : names)
            if (m_namespacePicker->findData(name) < 0)
                m_namespacePicker->addItem(name, name);
        m_populating = false;
    });
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

    if (m_options.demo)
        startDemo();
    else
        loadKubeconfig();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(kSettingMainSplitter, m_splitter->saveState());
    settings.setValue(kSettingDetailSplitter, m_detailView->splitter()->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::startDemo()
{
    QString error;
    auto demo = startDemoProfile(m_speedPicker->currentData().toDouble(), &error);
    if (!demo) {
        m_session->setNotConfigured(tr("the demo cluster did not start: %1").arg(error));
        return;
    }
    m_kubeconfig.reset();
    m_populating = true;
    m_contextPicker->clear();
    m_contextPicker->addItem(tr("hpascope-demo (simulated)"));
    m_contextPicker->setEnabled(false);
    m_namespacePicker->clear();
    m_namespacePicker->addItem(demo->namespaceName, demo->namespaceName);
    m_namespacePicker->setEnabled(false);
    m_populating = false;
    m_demoButton->hide();
    connectProfile(*demo);
}

void MainWindow::connectProfile(const ClusterProfile &profile)
{
    m_speedAction->setVisible(bool(profile.setSpeed));
    // One namespace: its name in every row says nothing.
    m_table->table()->setColumnHidden(HpaListModel::Namespace, !profile.namespaceName.isEmpty());
    m_session->connectTo(profile);
}

void MainWindow::loadKubeconfig()
{
    auto loaded = kube::config::Kubeconfig::load(m_options.load);
    if (!loaded) {
        const bool none = loaded.error().reason == "NoKubeconfig";
        m_session->setNotConfigured(QString::fromStdString(loaded.error().toString()),
                                    none ? tr("Set KUBECONFIG or pass --kubeconfig FILE, or open the demo cluster below.")
                                         : tr("Fix the kubeconfig, or pass --kubeconfig FILE."));
        m_demoButton->setVisible(none);
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
    QString error;
    auto profile = kubeconfigProfile(*m_kubeconfig, ctx, ns == kAllNamespaces ? QString() : ns, settings, &error);
    if (!profile) {
        m_session->setNotConfigured(error);
        return;
    }
    connectProfile(*profile);
}

void MainWindow::showDetail(const QString &key)
{
    const HpaListModel *hpas = m_session->hpaModel();
    if (const auto *hpa = hpas->hpa(hpas->rowOf(key))) {
        m_detail->setHpa(*hpa, m_session->now());
        m_sliders->setHpa(*hpa);
        // Rebuild the charts only when the HPA or its metrics change, not on every status update.
        QList<TimelinePanel::Metric> metrics;
        QString timelineKey = key;
        for (const auto &pair : kube::api::pairMetrics(*hpa)) {
            const QString identity = QString::fromStdString(kube::api::identityOf(pair.spec).toString());
            metrics.append({identity, QString::fromStdString(kube::api::metricDisplayName(pair.spec))});
            timelineKey += QLatin1Char('|') + identity;
        }
        if (timelineKey != m_timelineKey) {
            m_timelineKey = timelineKey;
            m_timeline->setHpa(key, metrics);
        }
    } else {
        m_detail->clear();
        m_sliders->clear();
        m_timelineKey.clear();
        m_timeline->setHpa({}, {});
    }
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
    if (m_session->profile().isDemo() && !blocking) {
        m_banner->setText(tr("<b>Simulation.</b> This is hpascope's embedded demo cluster, not Kubernetes: the "
                             "HPA controller is hpascope's port of the real one, pods become ready after 10 s, and the "
                             "sliders feed its metrics. Use the speed control to watch the 5-minute scale-down window pass."));
        m_banner->setStyleSheet(QStringLiteral("QLabel { padding: 8px; background: #e8f0fe; border: 1px solid #8ab4f8; }"));
    } else {
        m_banner->setStyleSheet(QStringLiteral("QLabel { padding: 16px; font-size: 14px; background: #fff4e5; border: 1px solid #f0c36d; }"));
    }
    m_banner->setVisible(blocking || m_session->profile().isDemo());
    const QString title = m_session->profile().isDemo() ? tr("hpascope — demo cluster (simulation)") : state.context.isEmpty() ? tr("hpascope") : tr("hpascope — %1").arg(state.context);
    setWindowTitle(title);
}

} // namespace hpascope
