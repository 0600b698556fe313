#pragma once
// MetricWriter pushes a fake value for one metric of an HPA to the custom-metrics test adapter and
// reads it back from custom.metrics.k8s.io, for the slider panel (widgets talk only to this
// class). Object metrics are written for their describedObject in the HPA's namespace; Pods
// metrics once per pod of the scale target (pods from PodTracker). Network work runs on the
// http::Client thread; results return to the GUI thread by queued invocation. At most one push
// per metric is in flight: a newer value waits and replaces any older waiting one, so a live
// slider never piles up requests; results from before setClient() are dropped by generation.
// A Resource cpu metric is written too where kwok manages the target's pods (CpuUsageWriter:
// "CPU per pod", the kwok usage annotation); cpuControl() says whether it can be.
#include "app/core/cpu_usage_writer.h"
#include "app/core/push_record.h"
#include "kube/api/hpa.h"
#include "kube/api/paths.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace kube::http { class Client; }
namespace kube::metrics { class MetricsClient; }

namespace hpascope {

class PodTracker;

// Where the test adapter lives. QSettings keys adapter/namespace, adapter/service, adapter/port.
struct AdapterSettings {
    QString namespaceName = QStringLiteral("custom-metrics");
    QString service = QStringLiteral("custom-metrics-apiserver");
    QString port = QStringLiteral("http");

    static AdapterSettings load(const QSettings &settings); // missing keys keep the defaults
    void save(QSettings &settings) const;
    kube::api::AdapterService toService() const;
    bool operator==(const AdapterSettings &) const = default;
};

class MetricWriter : public QObject {
    Q_OBJECT
public:
    explicit MetricWriter(QObject *parent = nullptr);
    ~MetricWriter() override;

    // ClusterSession::client(); nullptr disconnects. Drops every pending result.
    void setClient(std::shared_ptr<kube::http::Client> client);
    void setAdapter(const AdapterSettings &adapter);
    AdapterSettings adapter() const { return m_adapter; }
    // Needed for Pods metrics; not owned.
    void setPodTracker(PodTracker *tracker);

    // The metric's key in every signal: kube::api::identityOf(spec).toString().
    static QString keyOf(const kube::api::MetricSpec &spec);
    // Empty when text is a Kubernetes quantity, else why not (Quantity::parse's words).
    static QString quantityError(const QString &text);
    // Object and Pods metrics can be written; otherwise *why says what feeds the metric.
    static bool isWritable(const kube::api::MetricSpec &spec, QString *why = nullptr);
    // A Resource cpu metric of the HPA: whether "CPU per pod" can be set, and why not. Virtual so
    // widget tests can stand in for the cluster.
    virtual CpuControl cpuControl(const kube::api::HorizontalPodAutoscaler &hpa);
    static bool isCpuResource(const kube::api::MetricSpec &spec);

    // Refusals (bad quantity, metric type, not connected) emit failed() before anything is sent.
    // Virtual so widget tests can stand in for the network.
    virtual void push(const kube::api::HorizontalPodAutoscaler &hpa,
                      const kube::api::MetricSpec &spec, const QString &quantityText);

signals:
    void pushStarted(const QString &key, const QString &sentText);
    void pushed(const QString &key, const QString &sentText, const QString &readBackText);
    void failed(const QString &key, const QString &message);
    // Every push that reached the adapter, written or not (time left for the session to stamp
    // with its clock), for the recorder.
    void pushFinished(const hpascope::MetricPushRecord &record);
    // cpuControl() may answer differently now (a node lookup came back, pods moved).
    void cpuControlChanged();

private:
    struct Push;
    void start(std::shared_ptr<Push> push);
    void startPods(std::shared_ptr<Push> push);
    void retryWaitingForPods();
    void finish(quint64 generation, const QString &key, std::optional<QString> readBack,
                const QString &error);

    std::shared_ptr<kube::http::Client> m_client;
    std::shared_ptr<kube::metrics::MetricsClient> m_metrics;
    AdapterSettings m_adapter;
    PodTracker *m_tracker = nullptr;
    CpuUsageWriter m_cpu;
    quint64 m_generation = 0;
    QHash<QString, std::shared_ptr<Push>> m_inFlight;     // key -> push being sent
    QHash<QString, std::shared_ptr<Push>> m_next;         // key -> newest value waiting its turn
    QHash<QString, std::shared_ptr<Push>> m_waitingPods;  // key -> push waiting for PodTracker
};

} // namespace hpascope
