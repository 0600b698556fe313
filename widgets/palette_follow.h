#pragma once
// Light and dark: the colours hpascope sets itself (the Why box, the charts' background, axes and
// legend, warning text) follow the application's palette, which follows the desktop's theme.
// Widgets apply them on construction and again on a palette change.
#include <QColor>
#include <QEvent>
#include <QPalette>

namespace hpascope::palette {

inline bool isDark(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < 128;
}

inline bool isPaletteChange(const QEvent *event)
{
    return event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange;
}

// Text that marks a problem (an unknown metric value, a warning event), readable on either.
inline QColor problemText(const QPalette &p)
{
    return isDark(p) ? QColor(0xff, 0x7b, 0x72) : QColor(0xb4, 0x23, 0x18);
}

} // namespace hpascope::palette
