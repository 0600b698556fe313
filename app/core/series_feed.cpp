#include "app/core/series_feed.h"
#include "app/core/hpa_format.h"

#include "kube/api/hpa_metrics.h"

namespace hpascope {

namespace {

const QString kReplicaFields[] = {QStringLiteral("current"), QStringLiteral("desired"), QStringLiteral("min"),
                                  QStringLiteral("max")};

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

HpaSample sampleOf(const kube::api::HorizontalPodAutoscaler &hpa, const QDateTime &time)
{
    HpaSample s;
    s.time = time.toUTC();
    s.namespaceName = q(hpa.metadata.namespace_);
    s.name = q(hpa.metadata.name);
    s.currentReplicas = hpa.status.currentReplicas;
    s.desiredReplicas = hpa.status.desiredReplicas;
    s.minReplicas = hpa.spec.minReplicas.value_or(1); // the API server's default
    s.maxReplicas = hpa.spec.maxReplicas;
    for (const auto &pair : kube::api::pairMetrics(hpa)) {
        MetricSampleValue v;
        v.identity = q(kube::api::identityOf(pair.spec).toString());
        v.name = format::metricName(pair.spec);
        const kube::api::MetricTarget *target = kube::api::targetOf(pair.spec);
        const auto preferred = target ? target->type : kube::api::MetricTargetType::Unknown;
        if (target) {
            v.target = kube::api::targetNumber(*target);
            v.targetText = q(kube::api::describeTarget(*target));
        }
        const kube::api::MetricValueStatus *current = pair.status ? kube::api::currentOf(*pair.status) : nullptr;
        if (current)
            v.current = kube::api::currentNumber(*current, preferred);
        if (v.current)
            v.currentText = q(kube::api::describeCurrent(*current, preferred));
        s.metrics.push_back(std::move(v));
    }
    return s;
}

void SeriesFeed::add(const HpaSample &s, const QDateTime &lastScaleTime)
{
    const QString key = s.key();
    const qint64 t = s.time.toMSecsSinceEpoch();
    m_store->append(series_keys::replicas(key, kReplicaFields[0]), t, s.currentReplicas);
    m_store->append(series_keys::replicas(key, kReplicaFields[1]), t, s.desiredReplicas);
    m_store->append(series_keys::replicas(key, kReplicaFields[2]), t, s.minReplicas);
    m_store->append(series_keys::replicas(key, kReplicaFields[3]), t, s.maxReplicas);
    Last &last = m_last[key];
    for (const MetricSampleValue &m : s.metrics) {
        if (!last.identities.contains(m.identity))
            last.identities.append(m.identity);
        // Steps, like the target: status.currentMetrics only changes when the controller writes
        // a new status (it skips unchanged ones), so a value holds until the next sample. Linear
        // would slope between two writes and, as it ignores "hold until now", draw nothing at
        // all for a steady metric (one point per connection) or after a gap.
        const QString current = series_keys::metric(key, m.identity, QStringLiteral("current"));
        if (m.current)
            m_store->append(current, t, *m.current);
        if (m.target)
            m_store->append(series_keys::metric(key, m.identity, QStringLiteral("target")), t, *m.target);
    }

    // A new lastScaleTime is a rescale by the controller: mark it "from→to" on the time axis.
    // The first sample after connecting only sets the baseline (its lastScaleTime is history);
    // after that, a first-ever rescale (invalid -> valid) counts too.
    if (last.seen && lastScaleTime.isValid() && lastScaleTime != last.lastScaleTime) {
        // The status the controller writes at a rescale carries the old count in currentReplicas
        // and the new one in desiredReplicas. When that status was missed (a relist shows a
        // later one, current already the new count), the previous decision is where it started;
        // an HPA never synced before has no previous decision (desired 0).
        const bool rescaleStatus = s.currentReplicas != s.desiredReplicas;
        const bool previousKnown = last.desiredReplicas > 0 || last.currentReplicas > 0;
        const int from = rescaleStatus || !previousKnown ? s.currentReplicas : last.desiredReplicas;
        const int to = s.desiredReplicas;
        Annotation a;
        a.t = lastScaleTime.toMSecsSinceEpoch();
        a.text = QStringLiteral("%1→%2").arg(from).arg(to);
        a.kind = to >= from ? Annotation::Kind::ScaleUp : Annotation::Kind::ScaleDown;
        m_store->addAnnotation(key, a);
    }
    last.seen = true;
    last.lastScaleTime = lastScaleTime;
    last.currentReplicas = s.currentReplicas;
    last.desiredReplicas = s.desiredReplicas;
}

void SeriesFeed::gap(const QDateTime &t)
{
    m_store->markGapAll(t.toMSecsSinceEpoch());
}

void SeriesFeed::gap(const QString &hpaKey, const QDateTime &t)
{
    const auto it = m_last.constFind(hpaKey);
    if (it == m_last.cend())
        return; // never written: no series to interrupt
    const qint64 ms = t.toMSecsSinceEpoch();
    for (const QString &field : kReplicaFields)
        m_store->markGap(series_keys::replicas(hpaKey, field), ms);
    for (const QString &identity : it->identities) {
        m_store->markGap(series_keys::metric(hpaKey, identity, QStringLiteral("current")), ms);
        m_store->markGap(series_keys::metric(hpaKey, identity, QStringLiteral("target")), ms);
    }
}

void SeriesFeed::forget(const QString &hpaKey)
{
    const auto it = m_last.find(hpaKey);
    if (it == m_last.end())
        return;
    Last fresh;
    fresh.identities = it->identities; // its series stay in the store until someone removes them
    *it = fresh;
}

} // namespace hpascope
