#pragma once
// The banner above the table: why nothing is shown (no cluster configured, cluster unreachable,
// with the reason and what to do), or, on the demo cluster, that it is a simulation.
#include <QLabel>

namespace hpascope {

struct ConnectionState;

class StateBanner : public QLabel {
    Q_OBJECT
public:
    explicit StateBanner(QWidget *parent = nullptr);
    // Shows or hides itself for the state; demo: the session shows the simulated cluster.
    void showState(const ConnectionState &state, bool demo);

signals:
    // One of the namespaces the banner offers (ConnectionState::readableNamespaces) was clicked.
    void namespaceChosen(const QString &name);
};

} // namespace hpascope
