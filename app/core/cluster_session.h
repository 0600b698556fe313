#pragma once
// ClusterSession owns the kube/ objects for one context and scope (one namespace or all), and
// turns their network-thread callbacks into model updates on the GUI thread. A new connectTo()
// bumps the generation so late results from the previous connection are dropped.
#include "app/core/connection_state.h"
#include "app/core/hpa_list_model.h"
#include "kube/config/rest_config.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace kube::http { class Client; }
namespace kube::watch { class Reflector; struct ConnectionState; }

namespace hpascope {

class ClusterSession : public QObject {
    Q_OBJECT
public:
    explicit ClusterSession(QObject *parent = nullptr);
    ~ClusterSession() override;

    // namespaceName empty = all namespaces.
    void connectTo(const kube::config::RestConfig &config, const QString &namespaceName);
    // Shows a state without connecting (no kubeconfig, bad context, ...).
    void setNotConfigured(const QString &reason, const QString &hint = {});
    void disconnectFromCluster();

    HpaListModel *hpaModel() { return &m_hpas; }
    const ConnectionState &state() const { return m_state; }
    QString namespaceName() const { return m_namespace; }
    quint64 generation() const { return m_generation; }
    std::shared_ptr<kube::http::Client> client() const { return m_client; }

signals:
    void stateChanged(const hpascope::ConnectionState &state);
    void hpasSynced(int count);

private:
    void setState(ConnectionState state);
    void applyWatchState(quint64 generation, const kube::watch::ConnectionState &s);

    HpaListModel m_hpas;
    ConnectionState m_state;
    QString m_namespace;
    quint64 m_generation = 0;
    std::shared_ptr<kube::http::Client> m_client;
    std::unique_ptr<kube::watch::Reflector> m_hpaReflector;
    QTimer m_tick; // refreshes "reconnecting in N s"
};

} // namespace hpascope
