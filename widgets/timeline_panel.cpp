#include "widgets/timeline_panel.h"

#include "app/core/series_store.h"
#include "widgets/timeline_chart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace hpascope {
namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDefaultWindowMs = 15 * kMinuteMs;
// With no chart yet: steps of window / 1000, about a pixel of the widest plot at 1440 px.
constexpr int kDefaultPlotColumns = 1000;

QString windowName(qint64 ms)
{
    if (ms < 60 * kMinuteMs)
        return TimelinePanel::tr("%n min", nullptr, int(ms / kMinuteMs));
    if (ms >= 48 * 60 * kMinuteMs)
        return TimelinePanel::tr("%n d", "days", int(ms / (24 * 60 * kMinuteMs)));
    return TimelinePanel::tr("%n h", nullptr, int(ms / (60 * kMinuteMs)));
}

} // namespace

QList<qint64> TimelinePanel::windowChoicesMs()
{
    // 24 h is SeriesStore::kDefaultMaxAgeMs, the most hpascope keeps of its own samples in
    // memory; 7 days is what a cluster's Prometheus adds (the week kube-prometheus keeps, 15 d
    // by Prometheus' default).
    return {5 * kMinuteMs, 15 * kMinuteMs, 60 * kMinuteMs, 360 * kMinuteMs, 1440 * kMinuteMs, 7 * 1440 * kMinuteMs};
}

TimelinePanel::TimelinePanel(SeriesStore *store, QWidget *parent)
    : QWidget(parent),
      m_store(store),
      m_controls(new QWidget(this)),
      m_windowBox(new QComboBox(m_controls)),
      m_followButton(new QToolButton(m_controls)),
      m_placeholder(new QLabel(tr("Select an autoscaler to see its history."), this)),
      m_chartsLayout(new QVBoxLayout),
      m_timer(new QTimer(this)),
      m_windowMs(kDefaultWindowMs)
{
    for (qint64 ms : windowChoicesMs())
        m_windowBox->addItem(windowName(ms), ms);
    m_windowBox->setCurrentIndex(int(windowChoicesMs().indexOf(m_windowMs)));
    m_windowBox->setToolTip(tr("Time window"));
    m_followButton->setText(tr("Live"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setToolTip(tr("Follow the latest data; uncheck to pause the view"));

    m_controls->setObjectName(QStringLiteral("timelineControls"));
    auto *bar = new QHBoxLayout(m_controls);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_windowBox);
    bar->addWidget(m_followButton);
    bar->addStretch();

    auto *content = new QWidget;
    content->setLayout(m_chartsLayout);
    m_chartsLayout->setContentsMargins(0, 0, 0, 0);
    m_chartsLayout->addWidget(m_placeholder);
    m_placeholder->setAlignment(Qt::AlignCenter);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0); // the tab page around it has margins already
    layout->addWidget(m_controls);
    layout->addWidget(scroll, 1);

    connect(m_windowBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setWindowMs(m_windowBox->itemData(index).toLongLong()); });
    connect(m_followButton, &QToolButton::toggled, this, &TimelinePanel::setFollowing);
    m_t1 = followEnd();
    m_timer->setInterval(kRepaintIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &TimelinePanel::tick);
    m_timer->start();
}

void TimelinePanel::setHpa(const QString &hpaKey, const QList<Metric> &metrics)
{
    delete m_replicaChart;
    m_replicaChart = nullptr;
    qDeleteAll(m_metricCharts);
    m_metricCharts.clear();
    m_hpaKey = hpaKey;
    m_lookAheadMs = 0;
    m_placeholder->setVisible(hpaKey.isEmpty());
    if (hpaKey.isEmpty() || !m_store)
        return;
    m_replicaChart = TimelineChart::makeReplicaChart(m_store, hpaKey, this);
    m_chartsLayout->addWidget(m_replicaChart, 1); // the charts share the height evenly
    for (const Metric &m : metrics) {
        auto *chart = TimelineChart::makeMetricChart(m_store, hpaKey, m.identity, m.title, this);
        m_chartsLayout->addWidget(chart, 1);
        m_metricCharts.append(chart);
    }
    tick();
}

void TimelinePanel::setWindowMs(qint64 ms)
{
    if (ms <= 0 || ms == m_windowMs)
        return;
    m_windowMs = ms;
    const int index = m_windowBox->findData(ms);
    if (index >= 0 && index != m_windowBox->currentIndex())
        m_windowBox->setCurrentIndex(index);
    if (m_following)
        m_t1 = followEnd();
    tick();
    emit windowChanged(ms);
}

void TimelinePanel::setFollowing(bool follow)
{
    if (follow == m_following)
        return;
    m_following = follow;
    m_followButton->setChecked(follow);
    if (follow)
        m_t1 = followEnd();
    tick();
}

qint64 TimelinePanel::followEnd() const
{
    const qint64 now = m_store ? m_store->now() : 0;
    // While following, the window end advances by one pixel column of the plot at a time
    // (rounded up, so a step is never less than a pixel), and a chart re-renders only when
    // its picture moves: a 15 min window on ~800 px once every ~1.1 s, not on every tick.
    const qint64 columns = m_replicaChart ? m_replicaChart->plotColumns() : kDefaultPlotColumns;
    const qint64 step = std::max<qint64>(1, (m_windowMs + columns - 1) / columns);
    return (now / step + 1) * step + m_lookAheadMs; // rounded up, so "now" is always inside the window
}

void TimelinePanel::setPrediction(const QList<QPointF> &points)
{
    if (!m_replicaChart || points.isEmpty()) {
        clearPrediction();
        return;
    }
    const qint64 now = m_store ? m_store->now() : 0;
    // A third of the window ahead, at most as far as the prediction goes.
    m_lookAheadMs = std::clamp<qint64>(qint64(points.last().x()) - now, 0, m_windowMs / 3);
    m_replicaChart->setPrediction(series_keys::replicas(m_hpaKey, QStringLiteral("desired")), points);
    tick();
}

void TimelinePanel::clearPrediction()
{
    m_lookAheadMs = 0;
    if (m_replicaChart)
        m_replicaChart->clearPrediction(series_keys::replicas(m_hpaKey, QStringLiteral("desired")));
    tick();
}

void TimelinePanel::alignPlotAreas()
{
    QList<TimelineChart *> charts = m_metricCharts;
    if (m_replicaChart)
        charts.prepend(m_replicaChart);
    qreal left = 0;
    for (TimelineChart *chart : std::as_const(charts))
        left = std::max(left, chart->naturalPlotLeft());
    // A changed margin changes the plot area, which marks the chart dirty for the next tick.
    for (TimelineChart *chart : std::as_const(charts))
        chart->setLeftPadding(qRound(left - chart->naturalPlotLeft()));
}

int TimelinePanel::tick()
{
    if (m_following)
        m_t1 = followEnd();
    const qint64 t0 = m_t1 - m_windowMs;
    int rendered = 0;
    if (m_replicaChart && m_replicaChart->render(t0, m_t1))
        ++rendered;
    for (TimelineChart *chart : std::as_const(m_metricCharts)) {
        if (chart->render(t0, m_t1))
            ++rendered;
    }
    alignPlotAreas();
    return rendered;
}

} // namespace hpascope
