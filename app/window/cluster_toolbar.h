#pragma once
// The toolbar that chooses the cluster: kubeconfig context, namespace (all, the context's own,
// any the cluster lists, or one typed by hand), and for the demo cluster its speed. Remembers the
// last context and each context's namespace in QSettings. It turns a choice into a ClusterProfile
// (kubeconfigProfile) and hands it on; it connects nothing itself.
#include "app/core/cluster_profile.h"
#include "kube/config/kubeconfig.h"

#include <QToolBar>

#include <optional>

class QAction;
class QComboBox;

namespace hpascope {

class ClusterToolbar : public QToolBar {
    Q_OBJECT
public:
    explicit ClusterToolbar(QWidget *parent = nullptr);

    // Loads the kubeconfig and picks its current context (or the one last used); -n/-A
    // (namespaceName) apply to that first context only. Emits profileChosen or notConfigured.
    void loadKubeconfig(const kube::config::LoadOptions &load, std::optional<QString> namespaceName);
    // The demo cluster is shown: one fixed context and namespace, the speed picker visible.
    void showDemo(const QString &namespaceName);
    // Adds namespaces the cluster listed; keeps the current choice and anything typed.
    void addNamespaces(const QStringList &names);
    // Switches to the namespace (adding it to the picker if needed), which connects to it.
    void chooseNamespace(const QString &name);
    double speed() const;

    QComboBox *contextPicker() const { return m_context; }
    QComboBox *namespacePicker() const { return m_namespace; }
    QComboBox *speedPicker() const { return m_speed; }
    QAction *controllerFlagsAction() const { return m_flagsAction; }

signals:
    void profileChosen(const hpascope::ClusterProfile &profile);
    // offerDemo: there is no kubeconfig at all, so the demo cluster is the way forward.
    void notConfigured(const QString &reason, const QString &hint, bool offerDemo);
    void speedChosen(double speed);
    // "Controller flags…" (kubeconfig contexts only).
    void controllerFlagsRequested();

private:
    void contextChanged();
    void connectSelected();

    QComboBox *m_context;
    QComboBox *m_namespace;
    QComboBox *m_speed;
    QAction *m_speedAction;
    QAction *m_flagsAction;
    std::optional<kube::config::Kubeconfig> m_kubeconfig;
    std::optional<QString> m_firstNamespace; // -n / -A, for the first context
    bool m_populating = false;
};

} // namespace hpascope
