#include "widgets/hpa_detail_view.h"
#include "widgets/palette_follow.h"
#include "widgets/pods_panel.h"

#include "app/core/event_model.h"
#include "app/core/hpa_detail_model.h"
#include "widgets/event_list_view.h"

#include <QGridLayout>
#include <QIdentityProxyModel>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QApplication>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace hpascope {

namespace {

// Relative texts are minute-grained past two minutes; 5 s keeps "45 s ago" honest.
constexpr int kClockRefreshMs = 5000;

QTableView *makeTable(QWidget *parent, const QString &objectName)
{
    auto *t = new QTableView(parent);
    t->setObjectName(objectName);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->setTextElideMode(Qt::ElideRight);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

// Rows that fit without scrolling before the metrics table scrolls: HPAs rarely have more.
constexpr int kMaxVisibleMetricRows = 8;
// Lines the "Why" box has room for before it scrolls: at the side column's width, the heading
// and three or four sentences. Fixed, so a longer explanation moves nothing around it.
constexpr int kWhyLines = 10;
constexpr int kWhyPadding = 6; // the label's padding in its style sheet, each side

// The table as tall as its rows (between 1 and kMaxVisibleMetricRows), so the chart below gets
// the space instead of an empty table area.
void fitHeightToRows(QTableView *t)
{
    const int count = t->model() ? t->model()->rowCount() : 0;
    const int rows = std::clamp(count, 1, kMaxVisibleMetricRows);
    // No room kept for a vertical scroll bar the rows do not need.
    t->setVerticalScrollBarPolicy(count > kMaxVisibleMetricRows ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    const int h = t->horizontalHeader()->sizeHint().height() + rows * t->verticalHeader()->defaultSectionSize()
        + 2 * t->frameWidth() + (t->horizontalScrollBar()->maximum() > 0 ? t->horizontalScrollBar()->sizeHint().height() : 0);
    t->setFixedHeight(h);
}

QWidget *makeSlot(QWidget *parent, const QString &objectName)
{
    auto *w = new QWidget(parent);
    w->setObjectName(objectName);
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    return w;
}

} // namespace

// Unknown metric values stand out (warning colour, italics): they are why an HPA does not scale.
class MetricColorProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        const bool styled = role == Qt::ForegroundRole || role == Qt::FontRole;
        const bool unknown = styled
            && (index.column() == HpaMetricsModel::Current || index.column() == HpaMetricsModel::Note)
            && !mapToSource(index).data(HpaMetricsModel::KnownRole).toBool();
        if (unknown && role == Qt::ForegroundRole) {
            return QBrush(palette::problemText(QApplication::palette()));
        }
        if (unknown && role == Qt::FontRole && index.column() == HpaMetricsModel::Current) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

HpaDetailView::HpaDetailView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_target(new QLabel(this)), m_behaviorSummary(new QLabel(this)), m_why(new QLabel(this)),
      m_whyBox(new QScrollArea(this)),
      m_metrics(makeTable(this, QStringLiteral("metricsTable"))),
      m_conditions(makeTable(this, QStringLiteral("conditionsTable"))),
      m_behavior(makeTable(this, QStringLiteral("behaviorTable"))), m_tabs(new QTabWidget(this)),
      m_events(new EventListView(this)), m_podsPanel(new PodsPanel(this)), m_chartSlot(makeSlot(this, QStringLiteral("chartSlot"))),
      m_sliderSlot(makeSlot(this, QStringLiteral("sliderSlot"))), m_metricNotes(new QLabel(this)),
      m_metricsProxy(new MetricColorProxy(this)), m_splitter(new QSplitter(Qt::Horizontal, this))
{
    m_metrics->setModel(m_metricsProxy);
    // Columns as wide as their contents and the table as wide as its columns: the numbers stay
    // next to their metric instead of one column spanning the row.
    m_metrics->horizontalHeader()->setStretchLastSection(false);
    m_metrics->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    // Narrower than its columns, the table scrolls sideways: room for the scroll bar then, and
    // no empty strip once the columns fit again.
    connect(m_metrics->horizontalScrollBar(), &QScrollBar::rangeChanged, this, [this] { fitHeightToRows(m_metrics); });
    m_metricNotes->setObjectName(QStringLiteral("metricNotes"));
    m_metricNotes->setWordWrap(true);
    m_metricNotes->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_metricNotes->hide();
    m_min = valueLabel(QStringLiteral("minReplicas"));
    m_max = valueLabel(QStringLiteral("maxReplicas"));
    m_current = valueLabel(QStringLiteral("currentReplicas"));
    m_desired = valueLabel(QStringLiteral("desiredReplicas"));
    m_lastScale = valueLabel(QStringLiteral("lastScale"));

    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_title->setFont(big);
    m_target->setObjectName(QStringLiteral("detailTarget"));
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_why->setObjectName(QStringLiteral("whyLabel"));
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::RichText);
    m_why->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    applyPalette();
    m_whyBox->setObjectName(QStringLiteral("whyBox"));
    m_whyBox->setWidget(m_why);
    m_whyBox->setWidgetResizable(true);
    m_whyBox->setFrameShape(QFrame::NoFrame);
    m_whyBox->setFixedHeight(kWhyLines * m_why->fontMetrics().lineSpacing() + 2 * kWhyPadding);
    m_behaviorSummary->setObjectName(QStringLiteral("behaviorSummary"));
    m_behaviorSummary->setWordWrap(true);
    m_behaviorSummary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_target);
    header->addStretch(1);

    auto *replicaBox = new QGroupBox(tr("Replicas"), this);
    // Two columns (bounds | now) in three rows: as tall as the metrics beside it, not five rows,
    // so the charts below keep the height.
    auto *grid = new QGridLayout(replicaBox);
    replicaBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    grid->addWidget(new QLabel(tr("Min:"), replicaBox), 0, 0);
    grid->addWidget(m_min, 0, 1);
    grid->addWidget(new QLabel(tr("Current:"), replicaBox), 0, 2);
    grid->addWidget(m_current, 0, 3);
    grid->addWidget(new QLabel(tr("Max:"), replicaBox), 1, 0);
    grid->addWidget(m_max, 1, 1);
    grid->addWidget(new QLabel(tr("Desired:"), replicaBox), 1, 2);
    grid->addWidget(m_desired, 1, 3);
    grid->addWidget(new QLabel(tr("Last scale:"), replicaBox), 2, 0);
    grid->addWidget(m_lastScale, 2, 1, 1, 3);
    grid->setColumnMinimumWidth(1, fontMetrics().horizontalAdvance(QStringLiteral("0000")));
    // Room for a usual "last scale" text, so the metrics beside do not shift as it ages.
    m_lastScale->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00 (00 min ago)")));

    auto *metricsBox = new QGroupBox(tr("Metrics"), this);
    auto *metricsLayout = new QVBoxLayout(metricsBox);
    metricsLayout->addWidget(m_metrics);
    metricsLayout->addWidget(m_metricNotes);
    metricsLayout->addStretch(1);

    auto *overview = new QWidget(this);
    auto *overviewLayout = new QVBoxLayout(overview);
    overviewLayout->setContentsMargins(0, 0, 0, 0);
    auto *topRow = new QHBoxLayout;
    topRow->addWidget(replicaBox, 0, Qt::AlignTop);
    topRow->addWidget(metricsBox, 0, Qt::AlignTop);
    topRow->addStretch(1);
    overviewLayout->addLayout(topRow);

    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    // The timeline gets the whole lower area; events, conditions and behavior are one click
    // away, and the sliders stay visible beside every tab.
    m_tabs->addTab(m_chartSlot, tr("Timeline"));
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(m_conditions, tr("Conditions"));
    m_tabs->addTab(m_podsPanel, tr("Pods"));
    // The behavior sentence heads its tab; the "Why" box above states what matters right now.
    auto *behaviorPage = new QWidget(this);
    auto *behaviorLayout = new QVBoxLayout(behaviorPage);
    behaviorLayout->addWidget(m_behaviorSummary);
    behaviorLayout->addWidget(m_behavior, 1);
    m_tabs->addTab(behaviorPage, tr("Behavior"));

    // Beside the charts: why the HPA does what it does, and below it the sliders that change it.
    // The Why box has a fixed height, so the sliders never move under the pointer.
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_whyBox->setMinimumWidth(45 * fontMetrics().averageCharWidth()); // sentences, not a word per line
    sideLayout->addWidget(m_whyBox);
    sideLayout->addWidget(m_sliderSlot);
    sideLayout->addStretch(1);

    // The overview keeps its natural height (always fully visible); the charts and the side
    // column share the rest through a splitter.
    overview->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_splitter->setObjectName(QStringLiteral("detailSplitter"));
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(side);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({10000, 400});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(overview);
    layout->addWidget(m_splitter, 1);

    m_clock.setInterval(kClockRefreshMs);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (m_model && m_model->hasHpa())
            m_model->setNow(m_now());
    });
    m_clock.start();
    refresh();
}

void HpaDetailView::setChartControls(QWidget *controls)
{
    m_tabs->setCornerWidget(controls, Qt::TopRightCorner);
    auto follow = [this, controls] { controls->setVisible(m_tabs->currentWidget() == m_chartSlot); };
    connect(m_tabs, &QTabWidget::currentChanged, controls, follow);
    follow();
}

QLabel *HpaDetailView::valueLabel(const QString &objectName)
{
    auto *l = new QLabel(this);
    l->setObjectName(objectName);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return l;
}

void HpaDetailView::setModels(HpaDetailModel *detail, EventModel *events, EventStore *store)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = detail;
    m_metricsProxy->setSourceModel(detail ? detail->metricsModel() : nullptr);
    if (detail)
        m_metrics->setColumnHidden(HpaMetricsModel::Note, true); // shown in full below the table
    m_conditions->setModel(detail ? detail->conditionsModel() : nullptr);
    m_behavior->setModel(detail ? detail->behaviorModel() : nullptr);
    m_podsPanel->setModel(detail ? detail->podsModel() : nullptr);
    m_events->setModel(events, store);
    if (detail) {
        // Long free text gets the remaining width; the rest sizes to its contents.
        m_conditions->horizontalHeader()->setSectionResizeMode(HpaConditionsModel::Message, QHeaderView::Stretch);
        m_conditions->horizontalHeader()->setStretchLastSection(false);
        m_behavior->horizontalHeader()->setSectionResizeMode(HpaBehaviorModel::Policies, QHeaderView::Stretch);
        m_behavior->horizontalHeader()->setStretchLastSection(false);
        detail->setEventModel(events);
        connect(detail, &HpaDetailModel::changed, this, &HpaDetailView::refresh);
    }
    refresh();
}

void HpaDetailView::setAutoRefresh(bool on)
{
    if (on)
        m_clock.start();
    else
        m_clock.stop();
    m_events->setAgeRefresh(on);
}

void HpaDetailView::refresh()
{
    const bool has = m_model && m_model->hasHpa();
    m_title->setText(has ? m_model->key() : tr("No HPA selected"));
    m_target->setText(has ? tr("scales %1").arg(m_model->targetText()) : QString());
    const ReplicaText r = has ? m_model->replicas() : ReplicaText{};
    m_min->setText(r.min);
    m_max->setText(r.max);
    m_current->setText(r.current);
    m_desired->setText(r.desired);
    m_lastScale->setText(r.lastScaleRelative.isEmpty() ? r.lastScaleAbsolute
                                                       : tr("%1 (%2)").arg(r.lastScaleAbsolute, r.lastScaleRelative));
    m_behaviorSummary->setText(has ? tr("Behavior: %1").arg(m_model->behavior().summary) : QString());
    const QStringList why = has ? m_model->explanation() : QStringList();
    QString whyHtml = why.isEmpty() ? QString() : tr("<b>Why:</b>");
    for (const QString &sentence : why)
        whyHtml += QStringLiteral("<br>• ") + sentence.toHtmlEscaped();
    m_why->setText(whyHtml); // the box stays, empty or not: its place is fixed

    // The reason a value is unknown is the most useful text here: in full, not elided in a cell.
    QStringList notes;
    if (has)
        for (const MetricRow &row : m_model->metricsModel()->rows())
            if (!row.known && !row.note.isEmpty())
                notes << tr("%1 is unknown — %2").arg(row.name, row.note);
    m_metricNotes->setText(notes.join(QLatin1Char('\n')));
    m_metricNotes->setVisible(!notes.isEmpty());
    fitHeightToRows(m_metrics);
}

void HpaDetailView::applyPalette()
{
    // A pale green note in light themes, a dark green one in dark themes: text readable on both.
    const bool dark = palette::isDark(palette());
    m_why->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-left: 4px solid %3; padding: %4px; }")
                             .arg(dark ? QStringLiteral("#23301b") : QStringLiteral("#f3f7ee"),
                                  dark ? QStringLiteral("#e4eedc") : QStringLiteral("#1c1c1c"),
                                  dark ? QStringLiteral("#8fc25a") : QStringLiteral("#5b8c2a"))
                             .arg(kWhyPadding));
}

void HpaDetailView::changeEvent(QEvent *event)
{
    if (palette::isPaletteChange(event))
        applyPalette();
    QWidget::changeEvent(event);
}

} // namespace hpascope
