#pragma once
// CpuUsageWriter: "CPU per pod" for an HPA's Resource cpu metric where kwok manages the target's
// pods (their node carries kwok.x-k8s.io/node: fake, kube/metrics/kwok_usage.h). A value merge-
// patches every target pod's kwok.x-k8s.io/usage-cpu annotation (with the user's credentials) and
// reads it back from the patched pod; while it holds, pods that appear later (a scale-up) are
// patched as the pod watch shows them, since kwok reads the annotation per pod and a new pod
// starts without it. Each patch goes to the history (pushFinished) like a metric push.
// Network work on the http::Client thread, results back through GuiThreadGuard. Qt Core only.
#include "app/core/push_record.h"
#include "kube/api/hpa.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <map>
#include <memory>
#include <optional>

namespace kube::http { class Client; }

namespace hpascope {

class PodTracker;
struct TrackedPod;

// Whether the slider panel offers "CPU per pod" for a target, and why not.
struct CpuControl {
    bool available = false;
    QString why;                        // !available: what stands in the way (translated)
    std::optional<qint64> requestMilli; // the pods' average CPU request, when they all set one
    bool operator==(const CpuControl &) const = default;
};

class CpuUsageWriter : public QObject {
    Q_OBJECT
public:
    explicit CpuUsageWriter(QObject *parent = nullptr);
    ~CpuUsageWriter() override;

    void setClient(std::shared_ptr<kube::http::Client> client); // forgets values and node answers
    void setPodTracker(PodTracker *tracker);

    // Looks up the pods' nodes as needed; controlChanged() when the answer may have moved.
    CpuControl control(const QString &ns, const kube::api::CrossVersionObjectReference &target);
    // Sets perPodMilli on the target's pods now and on those that appear while it holds. key: the
    // metric's key in the signals.
    void push(const QString &key, const QString &ns, const kube::api::CrossVersionObjectReference &target,
              qint64 perPodMilli);

signals:
    void controlChanged();
    void pushed(const QString &key, const QString &sentText, const QString &readBackText);
    void failed(const QString &key, const QString &message);
    void pushFinished(const hpascope::MetricPushRecord &record);

private:
    struct Value;
    struct Batch;
    enum class NodeState { Pending, Kwok, NotKwok, Unreadable };
    struct Node {
        NodeState state = NodeState::Pending;
        QString error;
    };
    void lookUpNode(const QString &node);
    void patch(const std::shared_ptr<Value> &value, const TrackedPod &pod, const std::shared_ptr<Batch> &batch);
    void finishPod(const std::shared_ptr<Value> &value, const QString &pod, const QString &stored, const QString &error,
                   const std::shared_ptr<Batch> &batch);
    void followNewPods(const QString &ns);

    std::shared_ptr<kube::http::Client> m_client;
    QPointer<PodTracker> m_tracker;
    quint64 m_generation = 0;
    std::map<QString, Node> m_nodes;                     // by node name
    QHash<QString, std::shared_ptr<Value>> m_values;     // by target key: the value in force
};

} // namespace hpascope
