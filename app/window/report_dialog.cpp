#include "app/window/report_dialog.h"

#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_selection.h"
#include "app/core/prometheus_history.h"
#include "app/core/qs.h"
#include "app/core/recorder.h"
#include "app/core/report/report_data.h"
#include "app/core/report/report_render.h"
#include "kube/core/version.h"

#include <QAction>
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
#include <QThread>
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
    m_save = buttons->button(QDialogButtonBox::Save);
    m_close = buttons->button(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReportDialog::startReport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReportDialog::reject);
    connect(this, &ReportDialog::finished, this, [this](bool written) {
        if (written)
            accept();
    });
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

bool ReportDialog::startReport()
{
    if (m_writing)
        return false;
    const QString path = m_path->text().trimmed();
    if (const QString why = report::ReportWriter::checkWritable(path); !why.isEmpty()) {
        m_status->setText(why);
        return false;
    }
    const kube::api::HorizontalPodAutoscaler *hpa = m_selection->hpa();
    Recorder *recorder = m_session->recorder();
    if (!hpa || !recorder) {
        m_status->setText(tr("hpascope's history is not open: nothing to report."));
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
    m_session->recordCoverage();
    recorder->flush(); // what the window has seen so far belongs in the report

    m_writing = true;
    m_save->setEnabled(false);
    m_close->setEnabled(false);
    // Where the cluster's Prometheus is known, the report's range is read from it first: it has
    // what hpascope did not see. A failure is said in the report, which is written all the same.
    PrometheusHistory *prometheus = m_session->prometheus();
    if (prometheus->canRead()) { // Ready, or a chart's read failed: this one may succeed
        m_status->setText(tr("Reading history from Prometheus…"));
        prometheus->readRange(*hpa, request.from.toMSecsSinceEpoch(), request.to.toMSecsSinceEpoch(), this,
                              [this, request, path](PrometheusRange range) mutable {
                                  request.prometheus = std::move(range);
                                  write(std::move(request), path);
                              });
        return true;
    }
    write(std::move(request), path);
    return true;
}

void ReportDialog::write(ReportRequest request, const QString &path)
{
    Recorder *recorder = m_session->recorder();
    if (!recorder) {
        done(false, tr("hpascope's history is not open: nothing to report."));
        return;
    }
    if (request.prometheus && !request.prometheus->series)
        m_status->setText(tr("Prometheus could not be read (%1); writing the report without it…").arg(request.prometheus->error));
    else
        m_status->setText(tr("Writing the report…"));
    // The recorder answers reads on its own thread; this one only waits for it and renders. The
    // dialog is modal and cannot close while it runs, so the recorder outlives it.
    auto *worker = QThread::create([this, recorder, request = std::move(request), path] {
        QString error;
        auto data = ReportGatherer::gather(*recorder, request, &error);
        if (data)
            error = report::ReportWriter::write(*data, path);
        QMetaObject::invokeMethod(this, [this, error, path] {
            done(error.isEmpty(), error.isEmpty() ? tr("Wrote %1").arg(path) : error);
        }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void ReportDialog::done(bool written, const QString &message)
{
    m_writing = false;
    m_save->setEnabled(true);
    m_close->setEnabled(true);
    m_status->setText(message);
    emit finished(written, message);
}

void ReportDialog::reject()
{
    if (!m_writing)
        QDialog::reject();
}

} // namespace hpascope
