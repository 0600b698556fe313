#pragma once
// The HPA list: a sortable table with a filter box above it. Sees only the item model.
// Columns are fitted to their content when rows first arrive (and after a model reset), then
// kept while statuses change: re-measuring every row on every watch event made a burst cost
// about 7 CPU-s per 1000 events at 1000 HPAs (issue #14). A cell that outgrows its column
// widens it, unless the person sized that column themselves; double-clicking a header divider
// fits the column again. A cell's width is measured once per text (status words, replica counts
// and names repeat), so an update costs a few hash look-ups where it cost ten text layouts.
#include <QHash>
#include <QSet>
#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QAbstractItemModel;

namespace hpascope {

class HpaTableView : public QWidget {
    Q_OBJECT
public:
    explicit HpaTableView(QWidget *parent = nullptr);
    void setModel(QAbstractItemModel *model);
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // "namespace/name" of the selected HPA, empty when none.
    QString selectedKey() const;
    // When no row is current: makes the row of preferredKey current, else the first row.
    void selectIfNone(const QString &preferredKey);

signals:
    void selectionChangedTo(const QString &key);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitColumns();
    void growColumns(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void resizeColumn(int column, int width);
    int cellWidth(const QModelIndex &index); // what the delegate needs for the cell's text

    QLineEdit *m_filter;
    QTableView *m_table;
    QSortFilterProxyModel *m_proxy;
    QSet<int> m_sizedByUser; // columns a person dragged: never resized for them
    bool m_resizing = false; // our own resizeSection() calls, not a person's
    QList<QMetaObject::Connection> m_sourceConnections;
    QHash<QPair<int, QString>, int> m_widths; // (column, display text) -> width; dropped when the font or style changes
};

} // namespace hpascope
