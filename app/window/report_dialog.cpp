#include "app/window/report_dialog.h"

#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_selection.h"
#include "app/core/qs.h"
#include "app/core/recorder.h"
#include "app/core/report/report_data.h"
#include "app/core/report/report_render.h"
#include "kube/core/version.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>

namespace hpascope {

namespace {
// The ranges offered: the charts' own windows (TimelinePanel), up to the 24 h SeriesStore keeps.
constexpr int kRangeMinutes[] = {15, 60, 360, 1440};
constexpr int kWroteMessageMs = 8000; // long enough to read a path
} // namespace

ReportDialog::ReportDialog(ClusterSession *session, HpaSelection *selection, HpaDetailModel *detail, QWidget *parent)
    : QDialog(parent),
      m_session(session),
      m_selection(selection),
      m_detail(detail),
      m_range(new QComboBox(this)),
      m_path(new QLineEdit(this)),
      m_redact(new QCheckBox(tr("Leave the API server's URL out"), this)),
      m_status(new QLabel(this))
{
    setWindowTitle(tr("Report on %1").arg(selection->key()));
    m_range->addItems({tr("Last 15 minutes"), tr("Last hour"), tr("Last 6 hours"), tr("Last 24 hours")});
    m_range->setCurrentIndex(1);
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString base = selection->key();
    base.replace(QLatin1Char('/'), QLatin1Char('-'));
    m_path->setText(QDir(docs.isEmpty() ? QDir::homePath() : docs).filePath(tr("hpa-report-%1.pdf").arg(base)));
    auto *browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, &ReportDialog::browse);
    auto *file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Range"), m_range);
    form->addRow(tr("File (.pdf, .html or .png)"), file);
    form->addRow(QString(), m_redact);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (writeReport())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

QAction *ReportDialog::createAction(ClusterSession *session, HpaSelection *selection, HpaDetailModel *detail,
                                    QWidget *window)
{
    auto *action = new QAction(tr("Report…"), window);
    action->setObjectName(QStringLiteral("reportAction"));
    action->setShortcut(QKeySequence(tr("Ctrl+R")));
    action->setToolTip(tr("A PDF, HTML or PNG report of the selected HPA (Ctrl+R)"));
    action->setEnabled(false);
    QObject::connect(selection, &HpaSelection::changed, action, [action] { action->setEnabled(true); });
    QObject::connect(selection, &HpaSelection::cleared, action, [action] { action->setEnabled(false); });
    QObject::connect(action, &QAction::triggered, window, [=] {
        if (!selection->hpa())
            return;
        ReportDialog dialog(session, selection, detail, window);
        if (dialog.exec() == QDialog::Accepted)
            if (auto *main = qobject_cast<QMainWindow *>(window))
                main->statusBar()->showMessage(dialog.statusLabel()->text(), kWroteMessageMs);
    });
    window->addAction(action); // the shortcut works wherever the focus is
    return action;
}

void ReportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the report"), m_path->text(),
                                                      tr("PDF (*.pdf);;HTML (*.html);;PNG image (*.png)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

bool ReportDialog::writeReport()
{
    const QString path = m_path->text().trimmed();
    if (const QString why = report::ReportWriter::checkWritable(path); !why.isEmpty()) {
        m_status->setText(why);
        return false;
    }
    const kube::api::HorizontalPodAutoscaler *hpa = m_selection->hpa();
    Recorder *recorder = m_session->recorder();
    if (!hpa || !recorder) {
        // TODO(lead): the demo cluster's history is not recorded (ClusterProfile::recordHistory
        // is false); a throw-away recorder database for it would make its reports work too.
        m_status->setText(m_session->profile().isDemo()
                              ? tr("The demo cluster's history is not recorded, so there is nothing to report yet.")
                              : tr("hpascope's history is not open: nothing to report."));
        return false;
    }
    ReportRequest request;
    const ClusterProfile &profile = m_session->profile();
    request.context = qs(profile.rest.contextName);
    request.server = qs(profile.rest.server);
    request.redactServer = m_redact->isChecked();
    request.namespaceName = qs(hpa->metadata.namespace_);
    request.name = qs(hpa->metadata.name);
    request.now = m_session->now();
    request.to = request.now;
    request.from = request.to.addSecs(-60LL * kRangeMinutes[std::clamp(m_range->currentIndex(), 0, 3)]);
    request.version = QString::fromLatin1(kube::version());
    request.hpa = *hpa;
    request.controller = profile.controller;
    request.controllerSource = profile.controllerSource;
    request.explanation = m_detail->explanation();
    recorder->flush(); // what the window has seen so far belongs in the report
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto data = ReportGatherer::gather(*recorder, request, &error);
    if (data)
        error = report::ReportWriter::write(*data, path);
    QApplication::restoreOverrideCursor();
    m_status->setText(error.isEmpty() ? tr("Wrote %1").arg(path) : error);
    return error.isEmpty();
}

} // namespace hpascope
