#pragma once
// The HPA list: a sortable table with a filter box above it. Sees only the item model.
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

private:
    QLineEdit *m_filter;
    QTableView *m_table;
    QSortFilterProxyModel *m_proxy;
};

} // namespace hpascope
