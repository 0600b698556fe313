#include "app/core/hpa_selection.h"
#include "app/core/hpa_format.h"

#include "app/core/cluster_session.h"
#include "app/core/hpa_list_model.h"
#include "app/core/what_if.h"
#include "kube/api/hpa_metrics.h"

namespace hpascope {

QList<MetricTrack> metricTracksOf(const kube::api::HorizontalPodAutoscaler &hpa)
{
    QList<MetricTrack> tracks;
    for (const auto &pair : kube::api::pairMetrics(hpa))
        tracks.append({QString::fromStdString(kube::api::identityOf(pair.spec).toString()),
                       format::metricName(pair.spec)});
    return tracks;
}

HpaSelection::HpaSelection(ClusterSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    HpaListModel *hpas = m_session->hpaModel();
    // Only updates of the selected HPA reach the panels: with many HPAs a change elsewhere must
    // not rebuild the detail, the sliders and the explanation.
    connect(hpas, &QAbstractItemModel::dataChanged, this, [this, hpas](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        const int row = hpas->rowOf(m_key);
        if (row >= topLeft.row() && row <= bottomRight.row())
            refresh();
    });
    connect(hpas, &QAbstractItemModel::modelReset, this, &HpaSelection::refresh);
    connect(hpas, &QAbstractItemModel::rowsRemoved, this, [this, hpas] {
        if (!m_key.isEmpty() && hpas->rowOf(m_key) < 0)
            refresh();
    });
}

const kube::api::HorizontalPodAutoscaler *HpaSelection::hpa() const
{
    const HpaListModel *hpas = m_session->hpaModel();
    return m_key.isEmpty() ? nullptr : hpas->hpa(hpas->rowOf(m_key));
}

void HpaSelection::select(const QString &key)
{
    m_key = key;
    refresh();
}

void HpaSelection::refresh()
{
    const kube::api::HorizontalPodAutoscaler *current = hpa();
    if (!current) {
        if (!m_tracksSignature.isEmpty()) {
            m_tracksSignature.clear();
            emit tracksChanged({}, {});
        }
        emit cleared();
        return;
    }
    emit changed(*current, m_session->now());
    const QList<MetricTrack> tracks = metricTracksOf(*current);
    QString signature = m_key;
    for (const MetricTrack &t : tracks)
        signature += QLatin1Char('|') + t.identity;
    if (signature != m_tracksSignature) {
        m_tracksSignature = signature;
        emit tracksChanged(m_key, tracks);
    }
}

void HpaSelection::preview(int specIndex, const QString &quantityText)
{
    const kube::api::HorizontalPodAutoscaler *current = hpa();
    const auto value = kube::api::Quantity::parse(quantityText.trimmed().toStdString());
    if (!current || !value) {
        emit predictionCleared();
        return;
    }
    const QList<QPointF> path = predictReplicaPath(*current, m_session->controllerConfig(), m_session->controllerHistory(m_key),
                                                   specIndex, value.value(), m_session->now());
    if (path.isEmpty())
        emit predictionCleared();
    else
        emit predictionChanged(path);
}

QString HpaSelection::suggestedKey() const
{
    const ClusterProfile &profile = m_session->profile();
    if (!profile.isDemo())
        return {};
    const QString seed = profile.namespaceName + QStringLiteral("/web");
    return m_session->hpaModel()->rowOf(seed) >= 0 ? seed : QString();
}

} // namespace hpascope
