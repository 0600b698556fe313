#include "widgets/hpa_table_view.h"

#include "app/core/hpa_list_model.h"

#include <QBrush>
#include <QColor>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hpascope {

namespace {
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
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &) { emit selectionChangedTo(selectedKey()); });
}

void HpaTableView::setModel(QAbstractItemModel *model)
{
    m_proxy->setSourceModel(model);
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
