#pragma once
// The chart panel for one HPA: a replica chart and one chart per metric sharing one time window
// (5 min .. 7 d), live follow or paused, repainted by one batch timer (≤ 250 ms).
#include "app/core/hpa_selection.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace hpascope {

class SeriesStore;
class TimelineChart;

class TimelinePanel : public QWidget {
    Q_OBJECT
public:
    // Four repaints a second look live and cost little (ARCHITECTURE.md: batched, ≤ 250 ms).
    static constexpr int kRepaintIntervalMs = 250;

    using Metric = MetricTrack; // from the HpaSelection

    explicit TimelinePanel(SeriesStore *store, QWidget *parent = nullptr);

    // Shows the HPA "namespace/name" with its metrics; an empty key clears the panel.
    void setHpa(const QString &hpaKey, const QList<Metric> &metrics);
    QString hpaKey() const { return m_hpaKey; }

    static QList<qint64> windowChoicesMs(); // 5 min, 15 min, 1 h, 6 h, 24 h, 7 d
    void setWindowMs(qint64 ms);
    qint64 windowMs() const { return m_windowMs; }

    // Following: the window ends at "now" and moves with it. Paused: the window stays put.
    void setFollowing(bool follow);
    bool isFollowing() const { return m_following; }
    // The what-if path (dashed on the replica chart); the window then shows the next minutes too.
    void setPrediction(const QList<QPointF> &points);
    void clearPrediction();
    QPair<qint64, qint64> window() const { return {m_t1 - m_windowMs, m_t1}; }

    // The window choice and Live button, above the charts unless put elsewhere (a tab corner).
    QWidget *controls() const { return m_controls; }
    TimelineChart *replicaChart() const { return m_replicaChart; }
    QList<TimelineChart *> metricCharts() const { return m_metricCharts; }

    // One repaint pass (the timer calls it): only charts whose series or scale events changed, or
    // whose window moved by a pixel, re-render; idle, a pass costs a few hash look-ups. Returns
    // how many charts re-rendered.
    int tick();

signals:
    void windowChanged(qint64 ms);

private:
    qint64 followEnd() const;
    qint64 m_lookAheadMs = 0; // room right of "now" for a what-if prediction
    void alignPlotAreas();

    QPointer<SeriesStore> m_store;
    QString m_hpaKey;
    QWidget *m_controls;
    QComboBox *m_windowBox;
    QToolButton *m_followButton;
    QLabel *m_placeholder;
    QVBoxLayout *m_chartsLayout;
    QTimer *m_timer;
    TimelineChart *m_replicaChart = nullptr;
    QList<TimelineChart *> m_metricCharts;
    qint64 m_windowMs;
    qint64 m_t1 = 0;
    bool m_following = true;
};

} // namespace hpascope
