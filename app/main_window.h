#pragma once
// The main window assembles panels; it owns no Kubernetes logic beyond choosing the context.
#include "kube/config/kubeconfig.h"

#include <QMainWindow>
#include <optional>

class QComboBox;
class QLabel;

namespace hpascope {

class ClusterSession;
class ConnectionStatusWidget;
class HpaTableView;
struct ConnectionState;

struct StartupOptions {
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
    ConnectionStatusWidget *statusWidget() const { return m_status; }
    QComboBox *contextPicker() const { return m_contextPicker; }
    QComboBox *namespacePicker() const { return m_namespacePicker; }

private:
    void loadKubeconfig();
    void connectSelected();
    void showState(const ConnectionState &state);

    StartupOptions m_options;
    std::optional<kube::config::Kubeconfig> m_kubeconfig;
    ClusterSession *m_session;
    HpaTableView *m_table;
    ConnectionStatusWidget *m_status;
    QComboBox *m_contextPicker;
    QComboBox *m_namespacePicker;
    QLabel *m_banner;
    bool m_populating = false;
};

} // namespace hpascope
