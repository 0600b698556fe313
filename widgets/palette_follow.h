#pragma once
// Light and dark: the colours hpascope sets itself (the Why box, the charts' background, axes and
// legend) follow the application's palette, which follows the desktop's theme. Call apply on
// construction and on QEvent::PaletteChange / ApplicationPaletteChange.
#include <QPalette>

class QEvent;

namespace hpascope::palette {

inline bool isDark(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < 128;
}

inline bool isPaletteChange(const QEvent *event);

} // namespace hpascope::palette

#include <QEvent>

inline bool hpascope::palette::isPaletteChange(const QEvent *event)
{
    return event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange;
}
