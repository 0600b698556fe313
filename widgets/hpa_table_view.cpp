#include "widgets/hpa_table_view.h"

#include "app/core/hpa_list_model.h"

#include <QBrush>
#include <QColor>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace hpascope {

namespace {
// Texts whose widths are remembered: a few screens of distinct cells, a few hundred kB at most.
constexpr qsizetype kMaxCachedWidths = 4096;

// The section that takes the rest of the width (stretchLastSection): its width is not ours to keep.
int stretchedColumn(const QTableView *table)
{
    const QHeaderView *header = table->horizontalHeader();
    return header->logicalIndex(header->count() - 1);
}

// Colours the status badge; the model (Qt Core only) says what kind of badge it is.
class BadgeColourProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && index.column() == HpaListModel::Status) {
            const QString kind = QSortFilterProxyModel::data(index, HpaListModel::BadgeKindRole).toString();
            if (kind == QLatin1String("problem"))
                return QBrush(QColor(0xc6, 0x28, 0x28));
            if (kind == QLatin1String("limited"))
                return QBrush(QColor(0xb2, 0x6a, 0x00));
            if (kind == QLatin1String("moving"))
                return QBrush(QColor(0x15, 0x65, 0xc0));
        }
        return QSortFilterProxyModel::data(index, role);
    }
};
} // namespace

HpaTableView::HpaTableView(QWidget *parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_table(new QTableView(this)), m_proxy(new BadgeColourProxy(this))
{
    m_filter->setPlaceholderText(tr("Filter by namespace, name, target or metric…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("hpaFilter"));
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // match any column
    m_proxy->setSortRole(HpaListModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_table->setObjectName(QStringLiteral("hpaTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HpaListModel::Namespace, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive); // see the header: fitted, then kept

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &) { emit selectionChangedTo(selectedKey()); });
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &HpaTableView::growColumns);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (!parent.isValid())
            growColumns(m_proxy->index(first, 0), m_proxy->index(last, HpaListModel::ColumnCount - 1));
    });
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_resizing && column != stretchedColumn(m_table))
            m_sizedByUser.insert(column);
    });
    // QTableView fits the column on a divider's double-click (connected before this): from
    // then on the column is the view's to size again.
    connect(header, &QHeaderView::sectionHandleDoubleClicked, this, [this](int column) { m_sizedByUser.remove(column); });
}

void HpaTableView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_proxy->setSourceModel(model);
    if (!model)
        return;
    // Connected after the proxy's own: the table has taken the new rows in when these run.
    m_sourceConnections << connect(model, &QAbstractItemModel::modelReset, this, &HpaTableView::fitColumns);
    m_sourceConnections << connect(model, &QAbstractItemModel::rowsInserted, this,
                                   [this, model](const QModelIndex &parent, int first, int last) {
                                       if (!parent.isValid() && model->rowCount() == last - first + 1)
                                           fitColumns(); // the first rows of an empty table
                                   });
    fitColumns();
}

void HpaTableView::resizeColumn(int column, int width)
{
    const QScopedValueRollback guard(m_resizing, true);
    m_table->horizontalHeader()->resizeSection(column, width);
}

void HpaTableView::fitColumns()
{
    const QScopedValueRollback guard(m_resizing, true);
    QHeaderView *header = m_table->horizontalHeader();
    for (int c = 0; c < header->count(); ++c) {
        // Measures up to resizeContentsPrecision() rows (1000), the visible ones first.
        if (!m_sizedByUser.contains(c) && header->sectionResizeMode(c) == QHeaderView::Interactive)
            m_table->resizeColumnToContents(c);
    }
}

void HpaTableView::growColumns(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    QHeaderView *header = m_table->horizontalHeader();
    const int stretched = stretchedColumn(m_table);
    for (int c = topLeft.column(); c <= bottomRight.column(); ++c) {
        if (c == stretched || m_sizedByUser.contains(c) || header->sectionResizeMode(c) != QHeaderView::Interactive)
            continue;
        int need = 0;
        for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
            need = std::max(need, cellWidth(m_proxy->index(r, c)));
        if (m_table->showGrid())
            ++need; // sizeHintForColumn() counts the grid line too
        if (need > header->sectionSize(c))
            resizeColumn(c, need);
    }
}

int HpaTableView::cellWidth(const QModelIndex &index)
{
    // The model sets no font, icon or check state: the width depends on the text alone.
    const QPair<int, QString> key(index.column(), index.data().toString());
    if (const auto it = m_widths.constFind(key); it != m_widths.cend())
        return *it;
    if (m_widths.size() >= kMaxCachedWidths)
        m_widths.clear(); // metric values rarely repeat; the rest is cheap to measure again
    const int width = m_table->sizeHintForIndex(index).width();
    m_widths.insert(key, width);
    return width;
}

void HpaTableView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        m_widths.clear();
    QWidget::changeEvent(event);
}

QString HpaTableView::selectedKey() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(HpaListModel::KeyRole).toString() : QString();
}

void HpaTableView::selectIfNone(const QString &preferredKey)
{
    if (m_proxy->rowCount() == 0 || m_table->selectionModel()->currentIndex().isValid())
        return;
    QModelIndex pick = m_proxy->index(0, HpaListModel::Name);
    if (!preferredKey.isEmpty()) {
        const auto hits = m_proxy->match(pick, HpaListModel::KeyRole, preferredKey, 1, Qt::MatchExactly);
        if (!hits.isEmpty())
            pick = hits.first();
    }
    m_table->setCurrentIndex(pick);
}

} // namespace hpascope
