#include "app/core/pod_usage_poller.h"

#include "app/core/error_text.h"
#include "app/core/gui_thread.h"
#include "app/core/hpa_format.h"
#include "app/core/qs.h"
#include "kube/http/client.h"

#include <algorithm>

namespace hpascope {

PodUsagePoller::PodUsagePoller(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PodUsagePoller::pollNow);
}

PodUsagePoller::~PodUsagePoller() = default;

void PodUsagePoller::setClient(std::shared_ptr<kube::http::Client> client)
{
    stop();
    m_client = std::move(client);
}

void PodUsagePoller::follow(const QString &ns, const QString &selector)
{
    if (selector.isEmpty()) {
        stop();
        return;
    }
    if (ns == m_ns && selector == m_selector && (m_inFlight || m_timer.isActive()))
        return;
    stop();
    m_ns = ns;
    m_selector = selector;
    pollNow();
}

void PodUsagePoller::stop()
{
    ++m_generation;
    m_timer.stop();
    m_inFlight = false;
    m_delayMs = kPollMs;
    m_ns.clear();
    m_selector.clear();
    const bool had = m_hasUsage || !m_usage.empty() || !m_error.isEmpty();
    m_usage.clear();
    m_hasUsage = false;
    m_error.clear();
    if (had)
        emit usageChanged();
}

void PodUsagePoller::pollNow()
{
    if (!m_client || m_selector.isEmpty() || m_inFlight)
        return;
    m_inFlight = true;
    ++m_sent;
    const GuiThreadGuard gui(this, &m_generation);
    kube::metrics::readPodUsage(*m_client, m_ns.toStdString(), m_selector.toStdString(),
                                [this, gui](kube::Result<kube::metrics::PodMetricsList> r) {
                                    gui.post([this, r = std::move(r)]() mutable { apply(std::move(r)); });
                                });
}

void PodUsagePoller::apply(kube::Result<kube::metrics::PodMetricsList> r)
{
    m_inFlight = false;
    if (r) {
        std::map<QString, PodUsageSample> usage;
        for (const auto &pod : r->items) {
            PodUsageSample s;
            s.cpuMilli = pod.cpuMilli();
            s.memoryMilli = pod.memoryMilli();
            if (pod.timestamp)
                s.timestamp = format::toQDateTime(*pod.timestamp);
            usage[qs(pod.name)] = s;
        }
        const bool changed = !m_hasUsage || usage != m_usage || !m_error.isEmpty();
        m_usage = std::move(usage);
        m_hasUsage = true;
        m_error.clear();
        m_delayMs = kPollMs;
        if (changed)
            emit usageChanged();
    } else {
        const QString error = resourceMetricsErrorText(r.error(), m_ns);
        // A lasting refusal is asked again less and less often; anything else at the usual pace.
        m_delayMs = kube::metrics::isLastingResourceMetricsError(r.error()) ? std::min(m_delayMs * 2, kBackoffMaxMs)
                                                                            : kPollMs;
        const bool changed = m_hasUsage || error != m_error;
        m_usage.clear();
        m_hasUsage = false;
        m_error = error;
        if (changed)
            emit usageChanged();
    }
    m_timer.start(m_delayMs);
}

QString resourceMetricsErrorText(const kube::Error &e, const QString &ns)
{
    const std::string &reason = e.reason;
    if (reason == kube::metrics::kReasonResourceMetricsNotServed)
        return PodUsagePoller::tr("metrics.k8s.io is not served (metrics-server not installed): no CPU or memory usage "
                                  "to show, and the HPA controller cannot read Resource metrics either.");
    if (reason == kube::metrics::kReasonResourceMetricsUnavailable)
        return PodUsagePoller::tr("metrics API unavailable: metrics.k8s.io is registered, but metrics-server does not "
                                  "answer (is its pod ready?).");
    if (reason == kube::metrics::kReasonResourceMetricsForbidden)
        return PodUsagePoller::tr("You are not allowed to list pods.metrics.k8s.io in namespace %1: no CPU or memory "
                                  "usage to show.")
            .arg(ns);
    if (reason == kube::metrics::kReasonResourceMetricsUndecodable)
        return PodUsagePoller::tr("The answer of metrics.k8s.io could not be read: %1").arg(qs(e.toString()));
    return PodUsagePoller::tr("Reading metrics.k8s.io failed: %1").arg(errorText(e));
}

} // namespace hpascope
