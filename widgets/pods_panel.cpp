#include "widgets/pods_panel.h"

#include "app/core/hpa_pods_model.h"
#include "widgets/palette_follow.h"

#include <QApplication>
#include <QBrush>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace hpascope {

class RoleColours : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole
            && mapToSource(index).data(HpaPodsModel::RoleRole).toString() != QLatin1String("counted")) {
            const bool dark = palette::isDark(QApplication::palette());
            return QBrush(dark ? QColor(0xff, 0xb8, 0x6c) : QColor(0x9a, 0x4d, 0x00));
        }
        return QIdentityProxyModel::data(index, role);
    }
};

PodsPanel::PodsPanel(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_usageNote(new QLabel(this)), m_table(new QTableView(this)), m_colours(new RoleColours(this))
{
    m_summary->setObjectName(QStringLiteral("podsSummary"));
    m_summary->setWordWrap(true);
    m_usageNote->setObjectName(QStringLiteral("podsUsageNote"));
    m_usageNote->setWordWrap(true);
    m_usageNote->setEnabled(false); // greyed: a note on the CPU and Memory columns
    m_usageNote->hide();
    m_table->setObjectName(QStringLiteral("podsTable"));
    m_table->setModel(m_colours);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_usageNote);
    layout->addWidget(m_table, 1);
}

void PodsPanel::setModel(HpaPodsModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_colours->setSourceModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &PodsPanel::refresh);
        connect(model, &HpaPodsModel::summaryChanged, this, &PodsPanel::refresh);
        m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    refresh();
}

void PodsPanel::refresh()
{
    m_summary->setText(m_model ? m_model->summary() : QString());
    const QString note = m_model ? m_model->usageNote() : QString();
    m_usageNote->setText(note);
    m_usageNote->setVisible(!note.isEmpty());
}

} // namespace hpascope
