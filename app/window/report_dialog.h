#pragma once
// "Report…" (Ctrl+R) for the selected HPA: a range (the last 15 min, 1 h, 6 h or 24 h), a file
// whose name says the format (.pdf, .html, .png), and whether to leave out the API server's
// URL. The report comes from the recorder's history and the HPA as the window sees it now.
#include <QDialog>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace hpascope {

class ClusterSession;
class HpaDetailModel;
class HpaSelection;

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    ReportDialog(ClusterSession *session, HpaSelection *selection, HpaDetailModel *detail, QWidget *parent = nullptr);

    // The window's action: enabled while an HPA is selected, opens the dialog.
    static QAction *createAction(ClusterSession *session, HpaSelection *selection, HpaDetailModel *detail,
                                 QWidget *window);

    QComboBox *rangePicker() const { return m_range; }
    QLineEdit *pathEdit() const { return m_path; }
    QLabel *statusLabel() const { return m_status; }
    // Gathers and writes the report; the status label says what happened. True when written.
    bool writeReport();

private:
    void browse();

    ClusterSession *m_session;
    HpaSelection *m_selection;
    HpaDetailModel *m_detail;
    QComboBox *m_range;
    QLineEdit *m_path;
    QCheckBox *m_redact;
    QLabel *m_status;
};

} // namespace hpascope
