#include "app/window/screenshot_actions.h"

#include "app/core/report/report_render.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QImageWriter>
#include <QMainWindow>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>
#include <QWidget>

namespace hpascope {

namespace {
constexpr int kMessageMs = 8000;

void tell(QWidget *window, const QString &message)
{
    if (auto *main = qobject_cast<QMainWindow *>(window))
        main->statusBar()->showMessage(message, kMessageMs);
}

QAction *actionOn(QWidget *window, const QString &text, const char *name, const QKeySequence &keys, const QString &tip)
{
    auto *action = new QAction(text, window);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(keys);
    action->setToolTip(tip);
    window->addAction(action); // the shortcut works wherever the focus is
    return action;
}
} // namespace

QImage ScreenshotActions::render(QWidget *window, qreal scale)
{
    const qreal ratio = window->devicePixelRatioF() * scale;
    QImage image(window->size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(window->palette().window().color());
    window->render(&image);
    return image;
}

QString ScreenshotActions::save(const QImage &shot, const QString &path)
{
    if (!path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
        return tr("cannot write %1: a screenshot is a PNG, name the file .png").arg(path);
    if (const QString why = report::ReportWriter::checkPath(path); !why.isEmpty())
        return why;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot write %1: %2").arg(path, file.errorString());
    QImageWriter writer(&file, "png");
    if (!writer.write(shot))
        return tr("cannot write %1: %2").arg(path, writer.errorString());
    if (!file.commit())
        return tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void ScreenshotActions::copy(QWidget *window)
{
    QGuiApplication::clipboard()->setImage(render(window));
}

QAction *ScreenshotActions::createCopyAction(QWidget *window)
{
    QAction *action = actionOn(window, tr("Copy screenshot"), "copyScreenshotAction", QKeySequence(tr("Ctrl+Shift+C")),
                               tr("Put a PNG of the window on the clipboard (Ctrl+Shift+C)"));
    QObject::connect(action, &QAction::triggered, window, [window] {
        copy(window);
        tell(window, tr("Screenshot copied to the clipboard"));
    });
    return action;
}

QAction *ScreenshotActions::createSaveAction(QWidget *window)
{
    QAction *action = actionOn(window, tr("Save screenshot…"), "saveScreenshotAction", QKeySequence(tr("Ctrl+Shift+S")),
                               tr("Save a PNG of the window (Ctrl+Shift+S)"));
    QObject::connect(action, &QAction::triggered, window, [window] {
        const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        const QString suggested = QDir(pictures.isEmpty() ? QDir::homePath() : pictures)
                                      .filePath(tr("hpascope-%1.png")
                                                    .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
        // Taken before the file dialog covers the window.
        const QImage shot = render(window);
        const QString path = QFileDialog::getSaveFileName(window, tr("Save screenshot"), suggested,
                                                          tr("PNG image (*.png)"));
        if (path.isEmpty())
            return;
        const QString error = save(shot, path);
        tell(window, error.isEmpty() ? tr("Screenshot saved to %1").arg(path) : error);
    });
    return action;
}

} // namespace hpascope
