#pragma once
// "Copy screenshot" (Ctrl+Shift+C) and "Save screenshot…" (Ctrl+Shift+S): the window as it is
// now, as a PNG at twice the screen's pixel density (crisp when pasted into a blog post or a
// bug report), on the clipboard or in a file.
#include <QCoreApplication>
#include <QImage>
#include <QString>

class QAction;
class QWidget;

namespace hpascope {

class ScreenshotActions {
    Q_DECLARE_TR_FUNCTIONS(ScreenshotActions)

public:
    // The window rendered at `scale` × its device pixel ratio.
    static QImage render(QWidget *window, qreal scale = 2);
    // Writes `shot` as PNG to `path` (atomically); empty on success, else why it was not written.
    static QString save(const QImage &shot, const QString &path);
    static void copy(QWidget *window);

    // Both actions, added to `window` (their shortcuts work wherever the focus is); messages go
    // to the window's status bar when it is a QMainWindow.
    static QAction *createCopyAction(QWidget *window);
    static QAction *createSaveAction(QWidget *window);
};

} // namespace hpascope
