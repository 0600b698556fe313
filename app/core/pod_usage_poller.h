#pragma once
// PodUsagePoller reads what metrics-server measures of one HPA target's pods (metrics.k8s.io, as
// kubectl top pod shows it) while that HPA's pods are shown: at once when follow() is called,
// then every kPollMs (metrics-server's --metric-resolution: a sample is never newer than that).
// When the API is not served or refused, it says so once and asks again less and less often
// (kBackoffMaxMs), so a cluster without metrics-server is not polled every 15 s for nothing.
// One request at a time; answers from the network thread come back through GuiThreadGuard, those
// of an older follow() or connection dropped by generation. Qt Core only.
#include "kube/metrics/resource_metrics.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

namespace kube::http { class Client; }

namespace hpascope {

struct PodUsageSample {
    std::optional<qint64> cpuMilli;    // milli-cores, summed over the containers
    std::optional<qint64> memoryMilli; // milli-bytes, as the HPA controller counts memory
    QDateTime timestamp;               // the end of the measured window (UTC)
    bool operator==(const PodUsageSample &) const = default;
};

class PodUsagePoller : public QObject {
    Q_OBJECT
public:
    // metrics-server's default --metric-resolution (15 s).
    static constexpr int kPollMs = 15000;
    // After a lasting error (not served, forbidden) the delay doubles up to this (5 min: a
    // metrics-server installed meanwhile shows up within minutes).
    static constexpr int kBackoffMaxMs = 300000;

    explicit PodUsagePoller(QObject *parent = nullptr);
    ~PodUsagePoller() override;

    // nullptr disconnects; forgets everything.
    void setClient(std::shared_ptr<kube::http::Client> client);
    // Reads the pods matching selector in ns now and then every kPollMs. The same ns and selector
    // again changes nothing; an empty selector stops.
    void follow(const QString &ns, const QString &selector);
    void stop();
    // Asks at once (the next poll is timed from its answer); nothing while one is in flight.
    void pollNow();

    // The last answer's pods, by name; empty until one came (see hasUsage()).
    const std::map<QString, PodUsageSample> &usage() const { return m_usage; }
    // A list came for the current follow() and no error since.
    bool hasUsage() const { return m_hasUsage; }
    // Why there is no usage (translated), empty when there is or none was asked yet.
    QString error() const { return m_error; }
    int nextDelayMs() const { return m_delayMs; } // for tests: the backoff in force
    int requestsSent() const { return m_sent; }   // for tests

signals:
    void usageChanged(); // usage(), hasUsage() or error() changed

private:
    void apply(kube::Result<kube::metrics::PodMetricsList> r);

    std::shared_ptr<kube::http::Client> m_client;
    QString m_ns, m_selector;
    quint64 m_generation = 0;
    QTimer m_timer;
    bool m_inFlight = false;
    int m_delayMs = kPollMs;
    int m_sent = 0;
    std::map<QString, PodUsageSample> m_usage;
    bool m_hasUsage = false;
    QString m_error;
};

// kube/metrics' resource-metrics errors (and the others the read can meet) in the UI's language.
QString resourceMetricsErrorText(const kube::Error &e, const QString &ns);

} // namespace hpascope
