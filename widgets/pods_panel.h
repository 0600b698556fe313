#pragma once
// The Pods tab of the HPA detail: a line saying how many of the target's pods the controller
// counts, and the pods' table (HpaPodsModel); pods it does not count in full are in a warning
// colour, so a learner sees at once why an average is lower than expected.
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
    QTableView *table() const { return m_table; }

private:
    void refresh();

    HpaPodsModel *m_model = nullptr;
    QLabel *m_summary;
    QTableView *m_table;
    class RoleColours *m_colours;
};

} // namespace hpascope
