#pragma once
// The main window assembles panels; it owns no Kubernetes logic beyond choosing the context.
#include "kube/config/kubeconfig.h"

#include <QMainWindow>
#include <memory>
#include <optional>


class QComboBox;
class QPushButton;
class QLabel;
class QSplitter;

namespace hpascope {

class ClusterSession;
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
    QComboBox *contextPicker() const { return m_contextPicker; }
    QComboBox *namespacePicker() const { return m_namespacePicker; }
    QComboBox *speedPicker() const { return m_speedPicker; }
    // Starts the embedded simulated cluster and shows it (also offered when no kubeconfig exists).
    void startDemo();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void loadKubeconfig();
    void connectSelected();
    void connectProfile(const ClusterProfile &profile);
    void showState(const ConnectionState &state);
    void showDetail(const QString &key);

    StartupOptions m_options;
    std::optional<kube::config::Kubeconfig> m_kubeconfig;
    Recorder *m_recorder;
    ClusterSession *m_session;
    HpaTableView *m_table;
    HpaDetailModel *m_detail;
    EventModel *m_eventModel;
    HpaDetailView *m_detailView;
    MetricSliderPanel *m_sliders;
    TimelinePanel *m_timeline;
    QString m_timelineKey; // HPA and metric identities the timeline shows
    ConnectionStatusWidget *m_status;
    QComboBox *m_contextPicker;
    QComboBox *m_namespacePicker;
    QLabel *m_banner;
    QPushButton *m_demoButton;
    QComboBox *m_speedPicker;
    QAction *m_speedAction = nullptr;
    bool m_populating = false;
    QSplitter *m_splitter; // HPA table | detail
};

} // namespace hpascope
