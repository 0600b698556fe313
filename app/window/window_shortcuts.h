#pragma once
// The window's keyboard shortcuts for what a person does most, beside those of the toolbar's
// actions (Report… Ctrl+R, screenshots Ctrl+Shift+C/S, Settings… Ctrl+,) and the sliders' field
// (Ctrl+L, Enter sends):
//   Ctrl+F                  the filter box
//   Ctrl+PgDown / Ctrl+PgUp the next / previous HPA in the table (as sorted and filtered)
//   Ctrl+- / Ctrl+=         a wider / narrower time window of the charts
// Each is a QAction on the window (objectName "…Action"), so it works wherever the focus is.
#include <QList>

class QAction;
class QWidget;

namespace hpascope {

class HpaTableView;
class TimelinePanel;

QList<QAction *> installWindowShortcuts(QWidget *window, HpaTableView *table, TimelinePanel *timeline);

// The row step behind Ctrl+PgDown/PgUp: makes the row `step` away from the current one current
// (the first row when none is), clamped to the table. False when the table is empty.
bool stepHpa(HpaTableView *table, int step);
// The window step behind Ctrl+-/=: +1 is the next wider choice, -1 the next narrower one.
bool stepTimeWindow(TimelinePanel *timeline, int step);

} // namespace hpascope
