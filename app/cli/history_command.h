#pragma once
// The steps `hpascope report` and `hpascope export` share once their arguments are read: the
// kubeconfig's context, the recording --record-for asks for, the history database opened and
// the range fixed; the HPA as the cluster has it now; and the messages they print alike.
#include "app/cli/cluster_flags.h"
#include "app/cli/history_flags.h"
#include "app/core/recorder.h"
#include "kube/api/hpa.h"
#include "kube/hpa/types.h"

#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace hpascope::cli {

// The HPA and the controller flags as the window would take them: set for the context, else
// published by the cluster, else Kubernetes' defaults.
struct LiveHpa {
    std::optional<kube::api::HorizontalPodAutoscaler> hpa;
    bool notFound = false; // the API server said 404
    QString unreachable;   // why the cluster could not be read, empty when it could
    kube::hpa::ControllerConfig controller;
    kube::hpa::ConfigSource source = kube::hpa::ConfigSource::Assumed;
};

class HistoryCommand {
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)
public:
    // command: "report", "export", for "hpascope report: …"
    HistoryCommand(QString command, HistoryArgs args, QTextStream &err);

    // Connects (the kubeconfig alone), records for --record-for, opens the history and fixes
    // the range. false when it cannot, having said why (exit code 1).
    bool open();
    // The HPA now (one GET, then the published flags); only the flags with --offline.
    LiveHpa readCluster() const;

    // Writes "hpascope <command>: <why>" and returns 1 (the exit code).
    int fail(const QString &why) const;
    // "hpascope has not recorded default/web between … and …; run with --record-for …"
    QString notRecorded() const;
    // "there is no HPA default/web in context c, and hpascope has recorded none"
    QString unknownHpa() const;

    const HistoryArgs &args() const { return m_args; }
    const Cluster &cluster() const { return m_cluster; }
    QString context() const;
    QString namespaceName() const;
    const TimeSpan &range() const { return m_range; }
    const QDateTime &now() const { return m_now; }
    Recorder &recorder() { return m_recorder; }

private:
    bool record();

    QString m_command;
    HistoryArgs m_args;
    QTextStream &m_err;
    Cluster m_cluster;
    Recorder m_recorder;
    std::optional<TimeSpan> m_recorded;
    TimeSpan m_range;
    QDateTime m_now;
};

} // namespace hpascope::cli
