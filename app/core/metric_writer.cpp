#include "app/core/metric_writer.h"

#include "app/core/gui_thread.h"
#include "app/core/pod_tracker.h"
#include "app/core/qs.h"
#include "kube/api/hpa_metrics.h"
#include "kube/http/client.h"
#include "kube/metrics/metrics_client.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <set>

namespace hpascope {

namespace {

// How long a Pods push waits for the target's Scale selector and the namespace's pod list: a
// first LIST of pods takes well under a second on a healthy cluster; 10 s covers a slow one.
constexpr int kPodWaitMs = 10000;

const QString kKeyNamespace = QStringLiteral("adapter/namespace");
const QString kKeyService = QStringLiteral("adapter/service");
const QString kKeyPort = QStringLiteral("adapter/port");

QString targetName(const kube::api::CrossVersionObjectReference &t)
{
    return qs(t.kind) + QLatin1Char('/') + qs(t.name);
}

// English plurals without a loaded translation ("%n pod(s)" would print literally).
QString podCount(int n)
{
    return n == 1 ? QObject::tr("1 pod") : QObject::tr("%1 pods").arg(n);
}

// "400m (3 pods)", "400m (2 of 3 pods)" or "web-a 400m, web-b 300m".
std::optional<QString> summarisePods(const kube::metrics::MetricValueList &list,
                                     const std::vector<std::string> &written)
{
    const std::set<std::string> names(written.begin(), written.end());
    std::vector<const kube::metrics::MetricValue *> mine;
    for (const auto &item : list.items)
        if (names.count(item.describedObject.name))
            mine.push_back(&item);
    if (mine.empty())
        return std::nullopt;
    const bool allEqual = std::all_of(mine.begin(), mine.end(), [&](const auto *v) {
        return v->value == mine.front()->value;
    });
    if (allEqual) {
        const QString value = qs(mine.front()->value.toString());
        const QString pods = podCount(int(written.size()));
        if (mine.size() == written.size())
            return QStringLiteral("%1 (%2)").arg(value, pods);
        return QObject::tr("%1 (%2 of %3)").arg(value).arg(mine.size()).arg(pods);
    }
    QStringList parts;
    for (const auto *v : mine)
        parts << qs(v->describedObject.name) + QLatin1Char(' ') + qs(v->value.toString());
    return parts.join(QStringLiteral(", "));
}

} // namespace

AdapterSettings AdapterSettings::load(const QSettings &settings)
{
    AdapterSettings a;
    a.namespaceName = settings.value(kKeyNamespace, a.namespaceName).toString();
    a.service = settings.value(kKeyService, a.service).toString();
    a.port = settings.value(kKeyPort, a.port).toString();
    return a;
}

void AdapterSettings::save(QSettings &settings) const
{
    settings.setValue(kKeyNamespace, namespaceName);
    settings.setValue(kKeyService, service);
    settings.setValue(kKeyPort, port);
}

kube::api::AdapterService AdapterSettings::toService() const
{
    return {namespaceName.toStdString(), service.toStdString(), port.toStdString()};
}

struct MetricWriter::Push {
    QString key;
    QString sentText; // canonical quantity, as Go prints it
    kube::api::Quantity value;
    std::string ns;
    kube::api::MetricSourceType type = kube::api::MetricSourceType::Unknown;
    kube::api::CrossVersionObjectReference object;      // Object: describedObject
    kube::api::CrossVersionObjectReference scaleTarget; // Pods
    std::string metricName;
    std::string metricSelector;
    kube::metrics::Labels labels;
    QDeadlineTimer podDeadline{QDeadlineTimer::Forever};
    bool trackRequested = false;
};

MetricWriter::MetricWriter(QObject *parent) : QObject(parent)
{
    connect(&m_cpu, &CpuUsageWriter::pushed, this, &MetricWriter::pushed);
    connect(&m_cpu, &CpuUsageWriter::failed, this, &MetricWriter::failed);
    connect(&m_cpu, &CpuUsageWriter::pushFinished, this, &MetricWriter::pushFinished);
    connect(&m_cpu, &CpuUsageWriter::controlChanged, this, &MetricWriter::cpuControlChanged);
}

MetricWriter::~MetricWriter() = default;

void MetricWriter::setClient(std::shared_ptr<kube::http::Client> client)
{
    ++m_generation;
    m_inFlight.clear();
    m_next.clear();
    m_waitingPods.clear();
    m_client = std::move(client);
    m_cpu.setClient(m_client);
    m_metrics = m_client ? std::make_shared<kube::metrics::MetricsClient>(m_client, m_adapter.toService())
                         : nullptr;
}

void MetricWriter::setAdapter(const AdapterSettings &adapter)
{
    if (adapter == m_adapter)
        return;
    m_adapter = adapter;
    setClient(m_client); // a fresh MetricsClient; pushes to the old adapter no longer matter
}

void MetricWriter::setPodTracker(PodTracker *tracker)
{
    if (m_tracker)
        disconnect(m_tracker, nullptr, this, nullptr);
    m_tracker = tracker;
    m_cpu.setPodTracker(tracker);
    if (!m_tracker)
        return;
    connect(m_tracker, &PodTracker::targetResolved, this, &MetricWriter::retryWaitingForPods);
    connect(m_tracker, &PodTracker::trackingFailed, this, &MetricWriter::retryWaitingForPods);
    connect(m_tracker, &PodTracker::podsChanged, this, &MetricWriter::retryWaitingForPods);
    connect(m_tracker, &QObject::destroyed, this, [this] { m_tracker = nullptr; });
}

QString MetricWriter::keyOf(const kube::api::MetricSpec &spec)
{
    return qs(kube::api::identityOf(spec).toString());
}

QString MetricWriter::quantityError(const QString &text)
{
    auto q = kube::api::Quantity::parse(text.toStdString());
    return q ? QString() : qs(q.error().message);
}

bool MetricWriter::isWritable(const kube::api::MetricSpec &spec, QString *why)
{
    using T = kube::api::MetricSourceType;
    QString reason;
    if (spec.type == T::Object && spec.object)
        return true;
    if (spec.type == T::Pods && spec.pods)
        return true;
    if (spec.type == T::External)
        reason = tr("External metrics cannot be written to the test adapter");
    else if (spec.type == T::Resource || spec.type == T::ContainerResource)
        reason = tr("CPU/memory come from metrics-server");
    else
        reason = tr("metric type \"%1\" is not known to hpascope").arg(qs(spec.typeName));
    if (why)
        *why = reason;
    return false;
}

bool MetricWriter::isCpuResource(const kube::api::MetricSpec &spec)
{
    return spec.type == kube::api::MetricSourceType::Resource && spec.resource && spec.resource->name == "cpu";
}

CpuControl MetricWriter::cpuControl(const kube::api::HorizontalPodAutoscaler &hpa)
{
    return m_cpu.control(qs(hpa.metadata.namespace_), hpa.spec.scaleTargetRef);
}

void MetricWriter::push(const kube::api::HorizontalPodAutoscaler &hpa,
                        const kube::api::MetricSpec &spec, const QString &quantityText)
{
    const QString key = keyOf(spec);
    QString why;
    if (isCpuResource(spec)) {
        const CpuControl control = cpuControl(hpa);
        const auto value = kube::api::Quantity::parse(quantityText.trimmed().toStdString());
        if (!control.available || !value) {
            emit failed(key, !control.available ? control.why : qs(value.error().message));
            return;
        }
        emit pushStarted(key, qs(value->toString()));
        m_cpu.push(key, qs(hpa.metadata.namespace_), hpa.spec.scaleTargetRef, value->milliValue());
        return;
    }
    if (!isWritable(spec, &why)) {
        emit failed(key, why);
        return;
    }
    auto value = kube::api::Quantity::parse(quantityText.trimmed().toStdString());
    if (!value) {
        emit failed(key, qs(value.error().message));
        return;
    }
    if (!m_metrics) {
        emit failed(key, tr("not connected to a cluster"));
        return;
    }
    auto p = std::make_shared<Push>();
    p->key = key;
    p->value = value.value();
    p->sentText = qs(p->value.toString());
    p->ns = hpa.metadata.namespace_;
    p->type = spec.type;
    const kube::api::MetricIdentifier &metric = spec.type == kube::api::MetricSourceType::Object
        ? spec.object->metric
        : spec.pods->metric;
    if (spec.type == kube::api::MetricSourceType::Object)
        p->object = spec.object->describedObject;
    else
        p->scaleTarget = hpa.spec.scaleTargetRef;
    p->metricName = metric.name;
    if (metric.selector) {
        p->metricSelector = metric.selector->toString();
        auto labels = kube::metrics::labelsForSelector(*metric.selector);
        if (!labels) {
            emit failed(key, qs(labels.error().toString()));
            return;
        }
        p->labels = labels.value();
    }
    emit pushStarted(key, p->sentText);
    if (m_inFlight.contains(key) || m_waitingPods.contains(key)) {
        m_next.insert(key, p); // replaces an older waiting value: only the newest matters
        return;
    }
    start(p);
}

void MetricWriter::start(std::shared_ptr<Push> p)
{
    m_inFlight.insert(p->key, p);
    if (p->type == kube::api::MetricSourceType::Pods) {
        startPods(p);
        return;
    }
    // The writer may be gone, or connected elsewhere, by the time an answer arrives.
    const GuiThreadGuard gui(this, &m_generation);
    auto metrics = m_metrics;
    m_metrics->writeObjectMetric(
        p->ns, p->object, p->metricName, p->value, p->labels,
        [this, gui, p, metrics](kube::Status s) {
            if (!s) {
                const QString error = qs(s.error().toString());
                gui.post([this, gui, p, error] { finish(gui.generation(), p->key, std::nullopt, error); });
                return;
            }
            metrics->readObjectMetric(p->ns, p->object, p->metricName, p->metricSelector,
                                      [this, gui, p](kube::Result<kube::metrics::MetricValue> v) {
                                          std::optional<QString> readBack;
                                          QString error;
                                          if (v)
                                              readBack = qs(v->value.toString());
                                          else
                                              error = tr("sent %1, but reading it back failed: %2")
                                                          .arg(p->sentText, qs(v.error().toString()));
                                          gui.post([this, gui, p, readBack, error] { finish(gui.generation(), p->key, readBack, error); });
                                      });
        });
}

void MetricWriter::startPods(std::shared_ptr<Push> p)
{
    const QString ns = qs(p->ns);
    auto fail = [&](const QString &message) {
        m_waitingPods.remove(p->key);
        finish(m_generation, p->key, std::nullopt, message);
    };
    if (!m_tracker) {
        fail(tr("the pods of %1 are unknown (no pod tracker)").arg(targetName(p->scaleTarget)));
        return;
    }
    // One resolve attempt per push: track() retries a target whose selector lookup failed, and
    // calling it on every retry would loop on a persistent failure.
    if (!p->trackRequested) {
        p->trackRequested = true;
        m_tracker->track(ns, p->scaleTarget);
    }
    using State = kube::metrics::WriteTargets::State;
    kube::metrics::WriteTargets targets = m_tracker->writeTargets(ns, p->scaleTarget);
    switch (targets.state) {
    case State::LookupFailed:
        fail(tr("cannot find the pods of %1: %2").arg(targetName(p->scaleTarget), qs(targets.error)));
        return;
    case State::Waiting:
        if (p->podDeadline.isForever()) {
            p->podDeadline.setRemainingTime(kPodWaitMs);
            QTimer::singleShot(kPodWaitMs + 50, this, &MetricWriter::retryWaitingForPods);
        } else if (p->podDeadline.hasExpired()) {
            const QString watchError = m_tracker->watchError(ns);
            fail(tr("the pods of %1 are not known yet (the pod list did not arrive within %2 s%3)")
                     .arg(targetName(p->scaleTarget))
                     .arg(kPodWaitMs / 1000)
                     .arg(watchError.isEmpty() ? QString() : QStringLiteral(": ") + watchError));
            return;
        }
        m_waitingPods.insert(p->key, p);
        return;
    case State::NoPods:
        fail(tr("%1 has no pods matching \"%2\" to write to").arg(targetName(p->scaleTarget), qs(targets.selector)));
        return;
    case State::Ready:
        break;
    }
    m_waitingPods.remove(p->key);
    std::vector<std::string> pods = std::move(targets.pods);
    const GuiThreadGuard gui(this, &m_generation);
    auto metrics = m_metrics;
    const std::string podSelector = targets.selector;
    m_metrics->writePodsMetric(
        p->ns, pods, p->metricName, p->value, p->labels,
        [this, gui, p, metrics, podSelector](kube::metrics::PodsWriteResult r) {
            if (!r.ok()) {
                const QString error = qs(r.summary().toString());
                gui.post([this, gui, p, error] { finish(gui.generation(), p->key, std::nullopt, error); });
                return;
            }
            metrics->readPodsMetric(
                p->ns, podSelector, p->metricName, p->metricSelector,
                [this, gui, p, written = r.written](kube::Result<kube::metrics::MetricValueList> l) {
                    std::optional<QString> readBack;
                    QString error;
                    if (!l)
                        error = tr("sent %1, but reading it back failed: %2")
                                    .arg(p->sentText, qs(l.error().toString()));
                    else if (!(readBack = summarisePods(l.value(), written)))
                        error = tr("sent %1 to %2, but custom.metrics.k8s.io returned no value "
                                   "for them")
                                    .arg(p->sentText, podCount(int(written.size())));
                    gui.post([this, gui, p, readBack, error] { finish(gui.generation(), p->key, readBack, error); });
                });
        });
}

void MetricWriter::retryWaitingForPods()
{
    const auto waiting = m_waitingPods.values();
    for (const auto &p : waiting)
        startPods(p);
}

void MetricWriter::finish(quint64 generation, const QString &key, std::optional<QString> readBack,
                          const QString &error)
{
    if (generation != m_generation)
        return;
    const auto p = m_inFlight.take(key);
    if (!p)
        return;
    MetricPushRecord record;
    record.namespaceName = QString::fromStdString(p->ns);
    const kube::api::CrossVersionObjectReference &what =
        p->type == kube::api::MetricSourceType::Pods ? p->scaleTarget : p->object;
    record.object = QString::fromStdString(what.kind + '/' + what.name);
    if (p->type == kube::api::MetricSourceType::Pods)
        record.object = tr("pods of %1").arg(record.object);
    record.metric = QString::fromStdString(p->metricName);
    record.value = p->sentText;
    record.ok = readBack && error.isEmpty();
    record.error = error;
    if (record.ok)
        emit pushed(key, p->sentText, *readBack);
    else
        emit failed(key, error);
    emit pushFinished(record);
    if (auto next = m_next.take(key))
        start(next);
}

} // namespace hpascope
