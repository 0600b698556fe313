#include "app/core/cpu_usage_writer.h"

#include "app/core/error_text.h"
#include "app/core/gui_thread.h"
#include "app/core/pod_tracker.h"
#include "app/core/qs.h"
#include "kube/api/pod.h"
#include "kube/hpa/replica_calculator.h"
#include "kube/http/client.h"
#include "kube/metrics/kwok_usage.h"

namespace hpascope {

namespace {

// kwok evaluates the annotation for each of pod.spec.containers (init containers are not in it).
int containersOf(const TrackedPod &pod)
{
    int n = 0;
    for (const auto &c : pod.requestsView.containers)
        n += c.init ? 0 : 1;
    return std::max(1, n);
}

QString annotationOf(const TrackedPod &pod)
{
    const auto it = pod.annotations.find(std::string(kube::metrics::kKwokUsageCpuAnnotation));
    return it == pod.annotations.end() ? QString() : qs(it->second);
}

QString patchErrorText(const kube::Error &e, const QString &ns, const QString &pod)
{
    if (e.reason == kube::metrics::kReasonPodGone)
        return CpuUsageWriter::tr("pod %1 is gone (deleted before its CPU usage was set)").arg(pod);
    if (e.reason == kube::metrics::kReasonPodPatchForbidden)
        return CpuUsageWriter::tr("you are not allowed to patch pods in namespace %1 (needed to set the CPU usage of "
                                  "pod %2)")
            .arg(ns, pod);
    if (e.reason == kube::metrics::kReasonUsageNotStored)
        return CpuUsageWriter::tr("pod %1 did not keep the CPU usage annotation: %2").arg(pod, qs(e.message));
    return CpuUsageWriter::tr("setting the CPU usage of pod %1 failed: %2").arg(pod, errorText(e));
}

} // namespace

struct CpuUsageWriter::Value {
    QString key, ns, targetKey;
    kube::api::CrossVersionObjectReference target;
    qint64 perPodMilli = 0;
    QString sentText;
    QSet<QString> inFlight, done, failed; // pods
};

// One push's patches, answered together.
struct CpuUsageWriter::Batch {
    int remaining = 0;
    QStringList written;
    QStringList errors;
    bool followUp = false; // pods that appeared after the push
};

CpuUsageWriter::CpuUsageWriter(QObject *parent) : QObject(parent) {}

CpuUsageWriter::~CpuUsageWriter() = default;

void CpuUsageWriter::setClient(std::shared_ptr<kube::http::Client> client)
{
    ++m_generation;
    m_client = std::move(client);
    m_nodes.clear();
    m_values.clear();
    if (m_client) // a disconnect may come from a session being destroyed, with its views
        emit controlChanged();
}

void CpuUsageWriter::setPodTracker(PodTracker *tracker)
{
    if (m_tracker)
        disconnect(m_tracker, nullptr, this, nullptr);
    m_tracker = tracker;
    if (!m_tracker)
        return;
    connect(m_tracker, &PodTracker::podsChanged, this, [this](const QString &ns) {
        followNewPods(ns);
        emit controlChanged(); // new pods may run on another node
    });
    connect(m_tracker, &PodTracker::targetResolved, this, &CpuUsageWriter::controlChanged);
}

CpuControl CpuUsageWriter::control(const QString &ns, const kube::api::CrossVersionObjectReference &target)
{
    CpuControl c;
    if (!m_client || !m_tracker) {
        c.why = tr("not connected to a cluster");
        return c;
    }
    if (!m_tracker->selectorFor(ns, target) || !m_tracker->isSynced(ns)) {
        c.why = tr("Finding the target's pods…");
        return c;
    }
    const std::vector<TrackedPod> pods = m_tracker->podsFor(ns, target);
    qint64 requests = 0;
    bool allRequest = !pods.empty();
    bool kwok = false, pending = false, annotated = false;
    QString notKwok, unreadable;
    for (const TrackedPod &p : pods) {
        const auto request = kube::hpa::podRequestMilli(p.requestsView, "cpu");
        allRequest = allRequest && request && *request > 0;
        requests += request ? *request : 0;
        annotated = annotated || !annotationOf(p).isEmpty();
        if (p.node.isEmpty())
            continue; // not scheduled yet
        auto it = m_nodes.find(p.node);
        if (it == m_nodes.end()) {
            lookUpNode(p.node);
            it = m_nodes.find(p.node);
        }
        kwok = kwok || it->second.state == NodeState::Kwok;
        pending = pending || it->second.state == NodeState::Pending;
        if (it->second.state == NodeState::NotKwok)
            notKwok = p.node;
        if (it->second.state == NodeState::Unreadable)
            unreadable = tr("cannot read node %1: %2").arg(p.node, it->second.error);
    }
    if (allRequest)
        c.requestMilli = requests / qint64(pods.size());
    // A node refused to the user (get nodes is cluster-scoped): a pod already carrying kwok's
    // usage annotation is the other fact that kwok's usage applies to the target.
    c.available = kwok || (!unreadable.isEmpty() && annotated);
    if (c.available)
        return c;
    if (pods.empty())
        c.why = tr("The target has no pods yet to tell whether kwok manages them.");
    else if (pending)
        c.why = tr("Checking whether kwok manages the pods' node…");
    else if (!unreadable.isEmpty())
        c.why = tr("CPU usage comes from metrics-server; hpascope cannot tell whether kwok simulates it (%1).").arg(unreadable);
    else if (!notKwok.isEmpty())
        c.why = tr("CPU usage comes from metrics-server, which measures the real containers: node %1 is not a kwok node "
                   "(no kwok.x-k8s.io/node: fake annotation), so there is nothing hpascope could set.")
                    .arg(notKwok);
    else
        c.why = tr("The target's pods are not scheduled on a node yet.");
    return c;
}

void CpuUsageWriter::lookUpNode(const QString &node)
{
    m_nodes[node] = {};
    const GuiThreadGuard gui(this, &m_generation);
    kube::metrics::fetchNodeIsKwok(*m_client, node.toStdString(), [this, gui, node](kube::Result<bool> r) {
        const QString error = r ? QString() : errorText(r.error());
        const bool kwok = r && r.value();
        gui.post([this, node, error, kwok] {
            m_nodes[node] = {error.isEmpty() ? (kwok ? NodeState::Kwok : NodeState::NotKwok) : NodeState::Unreadable, error};
            emit controlChanged();
        });
    });
}

void CpuUsageWriter::push(const QString &key, const QString &ns, const kube::api::CrossVersionObjectReference &target,
                          qint64 perPodMilli)
{
    const QString sent = qs(kube::api::Quantity::fromMilli(perPodMilli).toString());
    if (!m_client || !m_tracker) {
        emit failed(key, tr("not connected to a cluster"));
        return;
    }
    const kube::metrics::WriteTargets targets = m_tracker->writeTargets(ns, target);
    if (targets.state != kube::metrics::WriteTargets::State::Ready) {
        emit failed(key, tr("the target has no pods to set the CPU usage of"));
        return;
    }
    auto value = std::make_shared<Value>();
    value->key = key;
    value->ns = ns;
    value->target = target;
    value->targetKey = PodTracker::targetKey(ns, target);
    value->perPodMilli = perPodMilli;
    value->sentText = sent;
    m_values.insert(value->targetKey, value); // replaces the value in force: new pods get this one
    auto batch = std::make_shared<Batch>();
    const std::set<std::string> writable(targets.pods.begin(), targets.pods.end());
    for (const TrackedPod &pod : m_tracker->podsFor(ns, target))
        if (writable.count(pod.name.toStdString()))
            patch(value, pod, batch);
}

void CpuUsageWriter::patch(const std::shared_ptr<Value> &value, const TrackedPod &pod, const std::shared_ptr<Batch> &batch)
{
    ++batch->remaining;
    value->inFlight.insert(pod.name);
    const auto perContainer = kube::metrics::perContainerUsage(value->perPodMilli, containersOf(pod));
    const int containers = containersOf(pod);
    const GuiThreadGuard gui(this, &m_generation);
    const QString name = pod.name;
    kube::metrics::patchPodCpuUsage(
        *m_client, value->ns.toStdString(), name.toStdString(), perContainer,
        [this, gui, value, batch, name, containers](kube::Result<std::string> r) {
            QString stored, error;
            if (r) // the pod's usage is the annotation times its containers
                stored = qs(kube::api::Quantity::fromMilli(kube::api::Quantity::parse(r.value())->milliValue() * containers)
                                .toString());
            else
                error = patchErrorText(r.error(), value->ns, name);
            gui.post([this, value, batch, name, stored, error] { finishPod(value, name, stored, error, batch); });
        });
}

void CpuUsageWriter::finishPod(const std::shared_ptr<Value> &value, const QString &pod, const QString &stored,
                               const QString &error, const std::shared_ptr<Batch> &batch)
{
    value->inFlight.remove(pod);
    (error.isEmpty() ? value->done : value->failed).insert(pod);
    if (error.isEmpty())
        batch->written << stored;
    else
        batch->errors << error;
    MetricPushRecord record;
    record.namespaceName = value->ns;
    record.object = QStringLiteral("pods/") + pod;
    record.metric = QString::fromLatin1(kube::metrics::kKwokUsageCpuAnnotation.data());
    record.value = value->sentText;
    record.ok = error.isEmpty();
    record.error = error;
    emit pushFinished(record);
    if (--batch->remaining > 0 || m_values.value(value->targetKey) != value)
        return; // more answers to come, or a newer value replaced this one
    const int total = int(batch->written.size() + batch->errors.size());
    if (!batch->errors.isEmpty()) {
        emit failed(value->key, total == 1 ? batch->errors.front()
                                           : tr("%1 (%2 of %3 pods failed)").arg(batch->errors.front()).arg(batch->errors.size()).arg(total));
        return;
    }
    const bool same = std::all_of(batch->written.begin(), batch->written.end(),
                                  [&](const QString &s) { return s == batch->written.front(); });
    const QString values = same ? batch->written.front() : batch->written.join(QStringLiteral(", "));
    // English plurals spelled out: "%n pod(s)" prints literally without a loaded translation.
    QString readBack;
    if (batch->followUp)
        readBack = total == 1 ? tr("%1 on 1 new pod too").arg(values) : tr("%1 on %2 new pods too").arg(values).arg(total);
    else
        readBack = total == 1 ? tr("%1 per pod on 1 pod").arg(values) : tr("%1 per pod on %2 pods").arg(values).arg(total);
    emit pushed(value->key, value->sentText, readBack);
}

void CpuUsageWriter::followNewPods(const QString &ns)
{
    if (!m_client || !m_tracker)
        return;
    for (const auto &value : std::as_const(m_values)) {
        if (value->ns != ns)
            continue;
        const kube::metrics::WriteTargets targets = m_tracker->writeTargets(ns, value->target);
        if (targets.state != kube::metrics::WriteTargets::State::Ready)
            continue;
        const std::set<std::string> writable(targets.pods.begin(), targets.pods.end());
        auto batch = std::make_shared<Batch>();
        batch->followUp = true;
        for (const TrackedPod &pod : m_tracker->podsFor(ns, value->target)) {
            const QString wanted = qs(kube::metrics::perContainerUsage(value->perPodMilli, containersOf(pod)).toString());
            if (!writable.count(pod.name.toStdString()) || value->inFlight.contains(pod.name)
                || value->failed.contains(pod.name) || value->done.contains(pod.name) || annotationOf(pod) == wanted)
                continue;
            patch(value, pod, batch);
        }
    }
}

} // namespace hpascope
