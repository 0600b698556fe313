#pragma once
// PodTracker keeps the pods of HPA scale targets current for the metric writer and the
// explainer: ONE pod reflector per namespace (never one per HPA), each target's pods picked with
// the label selector from its Scale subresource (status.selector), as the HPA controller does.
// What counts as a target's pod is kube::metrics::TargetPodIndex; this class adds the watches,
// the GUI thread and signals. Qt Core only; network-thread results come back by queued
// invocation, stale ones dropped by generation.
#include "kube/api/hpa.h"
#include "kube/hpa/sync_model.h"
#include "kube/metrics/selector.h"
#include "kube/metrics/target_pods.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace kube::http { class Client; }
namespace kube::watch { class Reflector; }

namespace hpascope {

struct TrackedPod {
    QString name;
    bool ready = false;
    QString phase;            // Pending, Running, Succeeded, Failed, Unknown
    bool terminating = false; // deletionTimestamp set
    QDateTime created;        // metadata.creationTimestamp (UTC), invalid when unset
    kube::metrics::Labels labels;
    std::map<std::string, std::string> annotations; // metadata.annotations
    QString node;             // spec.nodeName, empty until scheduled
    kube::hpa::PodInfo controllerView; // what the HPA controller's pod lister holds (kube/hpa podInfoOf)
    kube::hpa::PodInfo requestsView;   // the same with the pod's own containers and requests
};

class PodTracker : public QObject {
    Q_OBJECT
public:
    explicit PodTracker(QObject *parent = nullptr);
    ~PodTracker() override;

    // Stops every watch and forgets everything; nullptr disconnects.
    void setClient(std::shared_ptr<kube::http::Client> client);

    // "ns/apiVersion/Kind/name"
    static QString targetKey(const QString &ns, const kube::api::CrossVersionObjectReference &target);

    // Starts resolving the target's selector (GET .../scale) and watching its namespace's pods.
    // Idempotent; emits targetResolved or trackingFailed once the selector is known.
    void track(const QString &ns, const kube::api::CrossVersionObjectReference &target);
    // Stops the namespace's watch when no tracked target is left in it.
    void untrack(const QString &ns, const kube::api::CrossVersionObjectReference &target);

    // The target's Scale status.selector, empty until resolved.
    std::optional<QString> selectorFor(const QString &ns,
                                       const kube::api::CrossVersionObjectReference &target) const;
    bool isSynced(const QString &ns) const; // the namespace's pod list has arrived
    // The target's pods (sorted by name); empty when the selector or the pods are not known yet.
    std::vector<TrackedPod> podsFor(const QString &ns,
                                    const kube::api::CrossVersionObjectReference &target) const;
    // Pods of ns matching a selector string; an unparsable selector matches nothing.
    std::vector<TrackedPod> podsMatching(const QString &ns, const QString &selector) const;
    // The pods a per-pod push to the target writes to, or why there are none (yet).
    kube::metrics::WriteTargets writeTargets(const QString &ns,
                                             const kube::api::CrossVersionObjectReference &target) const;
    QString lastError(const QString &targetKey) const;
    // Why the namespace's pod watch is not live (list refused, backing off), empty when it is.
    QString watchError(const QString &ns) const;

signals:
    void targetResolved(const QString &targetKey, const QString &selector);
    void trackingFailed(const QString &targetKey, const QString &message);
    void podsChanged(const QString &ns);

private:
    struct Namespace;
    void ensureWatch(const QString &ns);
    void resolve(const QString &ns, const kube::api::CrossVersionObjectReference &target);
    void applySynced(quint64 generation, const QString &ns, std::vector<kube::api::Pod> pods);
    void applyEvent(quint64 generation, const QString &ns, bool deleted, kube::api::Pod pod);
    void applyWatchState(quint64 generation, const QString &ns, bool live, const QString &reason);

    std::shared_ptr<kube::http::Client> m_client;
    quint64 m_generation = 0;
    std::map<QString, std::unique_ptr<Namespace>> m_namespaces; // the watches
    kube::metrics::TargetPodIndex m_index;                       // targets, selectors, pods
};

} // namespace hpascope
