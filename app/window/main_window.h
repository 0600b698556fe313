#pragma once
// The main window assembles panels and wires them: the cluster toolbar chooses a profile, the
// session connects to it, the HpaSelection feeds the selected HPA to every panel.
#include "app/core/prometheus_choice.h"
#include "kube/config/kubeconfig.h"

#include <QMainWindow>
#include <memory>
#include <optional>


class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;

namespace hpascope {

class ClusterSession;
class ClusterToolbar;
class HpaSelection;
class StateBanner;
class ConnectionStatusWidget;
class EventModel;
class HpaDetailModel;
class HpaDetailView;
class HpaTableView;
class MetricSliderPanel;
class TimelinePanel;
class Recorder;
struct ConnectionState;
struct ClusterProfile;

struct StartupOptions {
    bool demo = false; // the embedded simulated cluster instead of a kubeconfig
    kube::config::LoadOptions load;
    std::optional<QString> namespaceName; // set by -n; empty string = all namespaces (-A)
    std::optional<PrometheusChoice> prometheus; // --prometheus: instead of each context's setting
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(StartupOptions options, QWidget *parent = nullptr);
    ~MainWindow() override;

    ClusterSession *session() const { return m_session; }
    HpaTableView *hpaTable() const { return m_table; }
    HpaDetailView *detailView() const { return m_detailView; }
    HpaDetailModel *detailModel() const { return m_detail; }
    MetricSliderPanel *sliderPanel() const { return m_sliders; }
    TimelinePanel *timeline() const { return m_timeline; }
    ConnectionStatusWidget *statusWidget() const { return m_status; }
    QLabel *historySourceLabel() const { return m_historySource; } // where the charts' history comes from
    HpaSelection *selection() const { return m_selection; }
    QComboBox *contextPicker() const;
    QComboBox *namespacePicker() const;
    QComboBox *speedPicker() const;
    // Starts the embedded simulated cluster and shows it (also offered when no kubeconfig exists).
    void startDemo();
    // Settings… (Ctrl+,): the settings dialog; OK saves them and applies the adapter and the
    // history's retention at once (the language from the next start).
    void editSettings();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void assembleLayout();
    void wireSelection();
    void connectProfile(const ClusterProfile &profile);
    void showState(const ConnectionState &state);
    void editControllerFlags();
    void restoreWindowState();

    Recorder *m_recorder;
    ClusterSession *m_session;
    HpaSelection *m_selection;
    HpaTableView *m_table;
    HpaDetailModel *m_detail;
    EventModel *m_eventModel;
    HpaDetailView *m_detailView;
    MetricSliderPanel *m_sliders;
    TimelinePanel *m_timeline;
    ConnectionStatusWidget *m_status;
    QLabel *m_historySource;
    ClusterToolbar *m_toolbar;
    StateBanner *m_banner;
    QPushButton *m_demoButton;
    QSplitter *m_splitter = nullptr; // HPA table | detail
    std::optional<PrometheusChoice> m_prometheusOverride;
};

} // namespace hpascope
