#pragma once
// "Report…" (Ctrl+R) for the selected HPA: a range (the last 15 min, 1 h, 6 h or 24 h), a file
// whose name says the format (.pdf, .html, .png), and whether to leave out the API server's
// URL. The report comes from the recorder's history and the HPA as the window sees it now, and,
// when the session has found the cluster's Prometheus, from what Prometheus holds of the range
// (read first, asynchronously); it is read and rendered on a thread of its own, so the window
// keeps painting meanwhile.
#include "app/core/report/report_data.h"

#include <QDialog>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

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
    QPushButton *saveButton() const { return m_save; }
    // Starts gathering and writing the report (Save does this); the status label says what is
    // going on, and finished() tells the outcome. False when it could not start (the label says why).
    bool startReport();
    bool isWriting() const { return m_writing; }

signals:
    void finished(bool written, const QString &message);

protected:
    void reject() override; // not while a report is being written: it ends on its own

private:
    void browse();
    void write(ReportRequest request, const QString &path);
    void done(bool written, const QString &message);

    ClusterSession *m_session;
    HpaSelection *m_selection;
    HpaDetailModel *m_detail;
    QComboBox *m_range;
    QLineEdit *m_path;
    QCheckBox *m_redact;
    QLabel *m_status;
    QPushButton *m_save = nullptr;
    QPushButton *m_close = nullptr;
    bool m_writing = false;
};

} // namespace hpascope
