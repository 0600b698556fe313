#include "widgets/event_list_view.h"
#include "widgets/palette_follow.h"

#include "app/core/event_model.h"
#include "app/core/event_store.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QPalette>
#include <QTableView>
#include <QVBoxLayout>

namespace hpascope {

namespace {

// Refreshing ages every 5 s keeps the seconds display of recent events (kubectl shows seconds
// below 2 minutes) close to the truth without repainting often.
constexpr int kAgeRefreshMs = 5000;

} // namespace

// Qt Gui roles the Qt Core model cannot provide: colours and fonts.
class EventColorProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QPalette palette;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole) {
            if (index.data(EventModel::WarningRole).toBool())
                return QBrush(hpascope::palette::problemText(palette));
            if (index.data(EventModel::ExpiredRole).toBool())
                return QBrush(palette.color(QPalette::Disabled, QPalette::Text));
        }
        if (role == Qt::FontRole && index.data(EventModel::ExpiredRole).toBool()) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

EventListView::EventListView(QWidget *parent)
    : QWidget(parent), m_proxy(new EventColorProxy(this)), m_table(new QTableView(this)), m_status(new QLabel(this))
{
    m_proxy->palette = palette();
    m_table->setObjectName(QStringLiteral("eventTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    auto *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(false);

    m_status->setObjectName(QStringLiteral("eventStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *copy = new QAction(tr("Copy"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &EventListView::copySelection);
    m_table->addAction(copy);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addWidget(m_status);

    m_ageTimer.setInterval(kAgeRefreshMs);
    connect(&m_ageTimer, &QTimer::timeout, this, [this] {
        if (m_model)
            m_model->refreshAges();
    });
    m_ageTimer.start();
}

void EventListView::setModel(EventModel *model, EventStore *store)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_model = model;
    m_store = store;
    m_proxy->setSourceModel(model);
    if (model) {
        auto *header = m_table->horizontalHeader();
        header->setSectionResizeMode(EventModel::Message, QHeaderView::Stretch);
        connect(model, &QAbstractItemModel::modelReset, this, &EventListView::updateStatus);
        connect(model, &QAbstractItemModel::rowsInserted, this, &EventListView::updateStatus);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &EventListView::updateStatus);
        connect(model, &QAbstractItemModel::dataChanged, this, &EventListView::updateStatus);
    }
    if (store)
        connect(store, &EventStore::statusChanged, this, &EventListView::updateStatus);
    updateStatus();
}

void EventListView::setAgeRefresh(bool on)
{
    if (on)
        m_ageTimer.start();
    else
        m_ageTimer.stop();
}

QString EventListView::statusText() const
{
    return m_status->text();
}

void EventListView::updateStatus()
{
    QString text;
    if (m_model) {
        const int n = m_model->rowCount();
        const int expired = m_model->expiredCount();
        text = n == 0 ? tr("No events for this HPA, its target or the target's pods.")
                      : (n == 1 ? tr("1 event") : tr("%1 events").arg(n));
        if (expired > 0)
            text += tr(" (%1 expired on the API server, kept from local history)").arg(expired);
    }
    if (m_store && !m_store->statusText().isEmpty())
        text = m_store->statusText() + (text.isEmpty() ? QString() : QStringLiteral(" — ") + text);
    m_status->setText(text);
}

void EventListView::copySelection()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (const QModelIndex &row : rows) {
        QStringList cells;
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            cells << m_proxy->index(row.row(), c).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

} // namespace hpascope
