#pragma once
// The Pods tab of the HPA detail: a line saying how many of the target's pods the controller
// counts, and the pods' table (HpaPodsModel); pods it does not count in full are in a warning
// colour, so a learner sees at once why an average is lower than expected. Below the summary, once
// for the whole table, why there is no CPU or memory usage (metrics-server missing, ...).
#include <QWidget>

class QLabel;
class QTableView;

namespace hpascope {

class HpaPodsModel;

class PodsPanel : public QWidget {
    Q_OBJECT
public:
    explicit PodsPanel(QWidget *parent = nullptr);
    void setModel(HpaPodsModel *model);
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *usageNoteLabel() const { return m_usageNote; }
    QTableView *table() const { return m_table; }

private:
    void refresh();

    HpaPodsModel *m_model = nullptr;
    QLabel *m_summary;
    QLabel *m_usageNote;
    QTableView *m_table;
    class RoleColours *m_colours;
};

} // namespace hpascope
