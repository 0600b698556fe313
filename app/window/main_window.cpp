#include "app/window/main_window.h"

#include "app/core/app_settings.h"
#include "app/core/cluster_session.h"
#include "app/core/demo_profile.h"
#include "app/core/event_model.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_selection.h"
#include "app/core/recorder.h"
#include "app/core/kubeconfig_profile.h"
#include "app/window/cluster_toolbar.h"
#include "app/window/controller_flags_dialog.h"
#include "app/window/report_dialog.h"
#include "app/window/screenshot_actions.h"
#include "app/window/settings_dialog.h"
#include "app/window/window_shortcuts.h"
#include "app/window/state_banner.h"
#include "widgets/connection_status_widget.h"
#include "widgets/hpa_detail_view.h"
#include "widgets/hpa_table_view.h"
#include "widgets/metric_slider_panel.h"
#include "widgets/timeline_panel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace hpascope {

namespace {
// Splitter states (QSplitter::saveState), restored at start so the panels are where they were left.
const QString kSettingMainSplitter = QStringLiteral("layout/mainSplitter");
const QString kSettingDetailSplitter = QStringLiteral("layout/detailSplitter");
const QString kSettingGeometry = QStringLiteral("layout/geometry"); // QWidget::saveGeometry
} // namespace

MainWindow::MainWindow(StartupOptions options, QWidget *parent)
    : QMainWindow(parent),
      m_recorder(new Recorder(this)),
      m_session(new ClusterSession(this)),
      m_selection(new HpaSelection(m_session, this)),
      m_table(new HpaTableView(this)),
      m_detail(new HpaDetailModel(this)),
      m_eventModel(new EventModel(m_session->events(), this)),
      m_detailView(new HpaDetailView(this)),
      m_sliders(new MetricSliderPanel(m_session->metricWriter(), this)),
      m_timeline(new TimelinePanel(m_session->series(), this)),
      m_status(new ConnectionStatusWidget(this)),
      m_historySource(new QLabel(this)),
      m_toolbar(new ClusterToolbar(this)),
      m_banner(new StateBanner(this)),
      m_demoButton(new QPushButton(tr("Open the demo cluster (simulated, no Kubernetes needed)"), this))
{
    setWindowTitle(tr("hpascope"));
    resize(1440, 900);
    addToolBar(m_toolbar);

    m_recorder->setRetention(AppSettings::load(QSettings()).retention());

    m_detailView->setModels(m_detail, m_eventModel, m_session->events());
    m_detail->setPodTracker(m_session->pods());
    m_detail->setUsagePoller(m_session->podUsage());
    m_detail->followSession(m_session);
    m_detailView->sliderSlot()->layout()->addWidget(m_sliders);
    m_detailView->chartSlot()->layout()->addWidget(m_timeline);
    m_detailView->setChartControls(m_timeline->controls());
    auto clock = [this] { return m_session->now(); };
    m_eventModel->setClock(clock);
    m_detailView->setClock(clock);
    assembleLayout();
    m_table->setModel(m_session->hpaModel());
    wireSelection();

    connect(m_session, &ClusterSession::stateChanged, this, &MainWindow::showState);
    connect(m_session, &ClusterSession::namespacesListed, m_toolbar, &ClusterToolbar::addNamespaces);
    connect(m_toolbar, &ClusterToolbar::profileChosen, this, &MainWindow::connectProfile);
    connect(m_banner, &StateBanner::namespaceChosen, m_toolbar, &ClusterToolbar::chooseNamespace);
    connect(m_toolbar, &ClusterToolbar::notConfigured, this, [this](const QString &reason, const QString &hint, bool offerDemo) {
        m_session->setNotConfigured(reason, hint, !offerDemo);
        m_demoButton->setVisible(offerDemo);
    });
    connect(m_toolbar, &ClusterToolbar::speedChosen, this, [this](double speed) {
        if (const auto &setSpeed = m_session->profile().setSpeed)
            setSpeed(speed);
    });
    connect(m_toolbar, &ClusterToolbar::controllerFlagsRequested, this, &MainWindow::editControllerFlags);
    connect(m_demoButton, &QPushButton::clicked, this, &MainWindow::startDemo);
    m_toolbar->addAction(ReportDialog::createAction(m_session, m_selection, m_detail, this)); // Report… (Ctrl+R)
    m_toolbar->addAction(ScreenshotActions::createCopyAction(this));
    m_toolbar->addAction(ScreenshotActions::createSaveAction(this));
    auto *settingsAction = new QAction(tr("Settings…"), this);
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(QKeySequence(tr("Ctrl+,")));
    settingsAction->setToolTip(tr("Language, test adapter, history (%1)").arg(settingsAction->shortcut().toString(QKeySequence::NativeText)));
    connect(settingsAction, &QAction::triggered, this, &MainWindow::editSettings);
    m_toolbar->addAction(settingsAction);
    installWindowShortcuts(this, m_table, m_timeline);
    restoreWindowState();

    m_prometheusOverride = options.prometheus;
    if (options.demo)
        startDemo();
    else
        m_toolbar->loadKubeconfig(options.load, options.namespaceName);
}

MainWindow::~MainWindow() = default;

QComboBox *MainWindow::contextPicker() const { return m_toolbar->contextPicker(); }
QComboBox *MainWindow::namespacePicker() const { return m_toolbar->namespacePicker(); }
QComboBox *MainWindow::speedPicker() const { return m_toolbar->speedPicker(); }

void MainWindow::assembleLayout()
{
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

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    m_demoButton->setObjectName(QStringLiteral("demoButton"));
    m_demoButton->hide();
    layout->addWidget(m_demoButton, 0, Qt::AlignLeft);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_status, 1);
    m_historySource->setObjectName(QStringLiteral("historySource"));
    m_historySource->hide();
    statusBar()->addPermanentWidget(m_historySource);
}

void MainWindow::wireSelection()
{
    connect(m_table, &HpaTableView::selectionChangedTo, m_selection, &HpaSelection::select);
    connect(m_selection, &HpaSelection::changed, m_detail, &HpaDetailModel::setHpa);
    connect(m_selection, &HpaSelection::changed, m_sliders, &MetricSliderPanel::setHpa);
    connect(m_selection, &HpaSelection::cleared, m_detail, &HpaDetailModel::clear);
    connect(m_selection, &HpaSelection::cleared, m_sliders, &MetricSliderPanel::clear);
    connect(m_selection, &HpaSelection::tracksChanged, m_timeline, &TimelinePanel::setHpa);
    // What-if: a value in a slider's field, sent or not, draws the predicted replica path.
    connect(m_sliders, &MetricSliderPanel::previewChanged, m_selection, &HpaSelection::preview);
    connect(m_selection, &HpaSelection::predictionChanged, m_timeline, &TimelinePanel::setPrediction);
    connect(m_selection, &HpaSelection::predictionCleared, m_timeline, &TimelinePanel::clearPrediction);
    // History from the cluster's Prometheus for what the charts show, before hpascope watched.
    const auto showHistory = [this] {
        if (const kube::api::HorizontalPodAutoscaler *hpa = m_selection->hpa()) {
            const auto [t0, t1] = m_timeline->window();
            m_session->prometheus()->show(m_selection->key(), *hpa, t0, t1);
        }
    };
    connect(m_selection, &HpaSelection::changed, this, showHistory);
    connect(m_timeline, &TimelinePanel::windowChanged, this, showHistory);
    PrometheusHistory *prometheus = m_session->prometheus();
    connect(prometheus, &PrometheusHistory::statusChanged, this, [this, prometheus, showHistory] {
        m_historySource->setText(prometheus->status());
        m_historySource->setToolTip(prometheus->note());
        m_historySource->setVisible(!prometheus->status().isEmpty());
        if (prometheus->state() == PrometheusHistory::State::Ready)
            showHistory(); // found after the HPA was selected
    });
    // Open on something to look at: the seed experiment's HPA in the demo, else the first row.
    connect(m_session, &ClusterSession::hpasSynced, this, [this] { m_table->selectIfNone(m_selection->suggestedKey()); });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(kSettingGeometry, saveGeometry());
    settings.setValue(kSettingMainSplitter, m_splitter->saveState());
    settings.setValue(kSettingDetailSplitter, m_detailView->splitter()->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreWindowState()
{
    // Where the person left the window and its panels (the 1440×900 default otherwise).
    const QSettings settings;
    restoreGeometry(settings.value(kSettingGeometry).toByteArray());
    m_splitter->restoreState(settings.value(kSettingMainSplitter).toByteArray());
    m_detailView->splitter()->restoreState(settings.value(kSettingDetailSplitter).toByteArray());
}

void MainWindow::editSettings()
{
    const Recorder *history = m_session->recorder();
    const ClusterProfile &profile = m_session->profile();
    const QString context = profile.isDemo() ? QString() : QString::fromStdString(profile.rest.contextName);
    SettingsDialog dialog(AppSettings::load(QSettings()), history && history->isOpen() ? history->path() : QString(), this,
                          context, profile.prometheus);
    connect(&dialog, &SettingsDialog::controllerFlagsRequested, this, &MainWindow::editControllerFlags);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const AppSettings chosen = dialog.settings();
    QSettings settings;
    chosen.save(settings);
    m_session->metricWriter()->setAdapter(chosen.adapter);
    m_recorder->setRetention(chosen.retention());
    if (!context.isEmpty() && dialog.prometheusChoice() != profile.prometheus) {
        savePrometheusChoice(settings, context, dialog.prometheusChoice());
        m_prometheusOverride.reset(); // the user's choice now, over --prometheus
        m_session->setPrometheusChoice(dialog.prometheusChoice());
    }
}

void MainWindow::startDemo()
{
    QString error;
    auto demo = startDemoProfile(m_toolbar->speed(), &error);
    if (!demo) {
        m_session->setNotConfigured(tr("the demo cluster did not start: %1").arg(error));
        return;
    }
    m_toolbar->showDemo(demo->namespaceName);
    m_demoButton->hide();
    connectProfile(*demo);
}

void MainWindow::connectProfile(const ClusterProfile &profile)
{
    // The user's history is opened for the first real cluster: the demo records to a
    // throw-away history of its own and leaves no database behind.
    if (!profile.throwAwayHistory && !m_recorder->isOpen()) {
        QString recorderError;
        if (m_recorder->open({}, &recorderError))
            m_session->setRecorder(m_recorder);
        else
            qWarning("history is not recorded: %s", qPrintable(recorderError));
    }
    // One namespace: its name in every row says nothing.
    m_table->table()->setColumnHidden(HpaListModel::Namespace, !profile.namespaceName.isEmpty());
    if (m_prometheusOverride && !profile.isDemo()) {
        ClusterProfile p = profile;
        p.prometheus = *m_prometheusOverride;
        m_session->connectTo(p);
        return;
    }
    m_session->connectTo(profile);
}

void MainWindow::editControllerFlags()
{
    const ClusterProfile &profile = m_session->profile();
    const QString context = QString::fromStdString(profile.rest.contextName);
    ControllerFlagsDialog dialog(context, profile.controller, profile.controllerSource, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    saveControllerFlags(settings, context, dialog.flags());
    m_session->setControllerFlags(dialog.flags());
}

void MainWindow::showState(const ConnectionState &state)
{
    m_status->setState(state);
    const bool demo = m_session->profile().isDemo();
    m_banner->showState(state, demo);
    setWindowTitle(demo                     ? tr("hpascope — demo cluster (simulation)")
                   : state.context.isEmpty() ? tr("hpascope")
                                             : tr("hpascope — %1").arg(state.context));
}

} // namespace hpascope
