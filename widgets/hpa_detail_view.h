#pragma once
// The HPA detail panel: replicas and last scale, metrics (each next to its own target),
// the behavior the controller applies, conditions and events; plus two empty slots the main
// window fills (the timeline chart, the metric sliders). Renders an HpaDetailModel.
// Beside the tabs: the "Why" box (objectName "whyLabel" in the scroll area "whyBox", a fixed
// height whatever its length) above the slider slot, so the sliders never move.
#include <QPointer>
#include <QTimer>
#include <QDateTime>
#include <QWidget>
#include <functional>

class QLabel;
class QScrollArea;
class QSplitter;
class QTabWidget;
class QTableView;

namespace hpascope {

class PodsPanel;

class EventListView;
class EventModel;
class EventStore;
class HpaDetailModel;
class MetricColorProxy;

class HpaDetailView : public QWidget {
    Q_OBJECT
public:
    explicit HpaDetailView(QWidget *parent = nullptr);

    // None is owned. The detail model is told about the event model so its filter follows the HPA.
    void setModels(HpaDetailModel *detail, EventModel *events, EventStore *store = nullptr);

    // Empty containers with a QVBoxLayout, for the main window's panels.
    QWidget *chartSlot() const { return m_chartSlot; }
    QWidget *sliderSlot() const { return m_sliderSlot; }
    // Controls for the charts, shown in the tab bar's free corner while the Timeline tab is open:
    // a row of their own would take the height from the charts.
    void setChartControls(QWidget *controls);

    EventListView *eventList() const { return m_events; }
    QTableView *metricsTable() const { return m_metrics; }
    QTableView *conditionsTable() const { return m_conditions; }
    PodsPanel *podsPanel() const { return m_podsPanel; }
    QTableView *behaviorTable() const { return m_behavior; }
    QTabWidget *tabs() const { return m_tabs; }
    // Charts | Why box and sliders; the main window remembers its state.
    QSplitter *splitter() const { return m_splitter; }

    // Relative times ("3 min ago", ages) move with the clock; tests switch this off.
    void setAutoRefresh(bool on);
    // Ages are computed against this clock (simulated time in the demo).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void refresh();
    QLabel *valueLabel(const QString &objectName);

    QPointer<HpaDetailModel> m_model;
    QLabel *m_title;
    QLabel *m_target;
    QLabel *m_min, *m_max, *m_current, *m_desired, *m_lastScale;
    QLabel *m_behaviorSummary;
    QLabel *m_why; // "why (not) scaling", from kube/hpa's explainer
    QScrollArea *m_whyBox; // m_why, scrolling inside a fixed height
    QTableView *m_metrics;
    QTableView *m_conditions;
    QTableView *m_behavior;
    QTabWidget *m_tabs;
    EventListView *m_events;
    PodsPanel *m_podsPanel;
    QWidget *m_chartSlot;
    QWidget *m_sliderSlot;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
    QLabel *m_metricNotes;
    MetricColorProxy *m_metricsProxy;
    QSplitter *m_splitter;
    QTimer m_clock;
};

} // namespace hpascope
