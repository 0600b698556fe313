#pragma once
// The window's keyboard shortcuts for what a person does most, beside those of the toolbar's
// actions (Report… Ctrl+R, screenshots Ctrl+Shift+C/S, Settings… Ctrl+,) and the sliders' field
// (Ctrl+L, Enter sends):
//   Ctrl+F                  the filter box
//   Ctrl+PgDown / Ctrl+PgUp the next / previous HPA in the table (as sorted and filtered)
//   Ctrl+- / Ctrl+=         a wider / narrower time window of the charts
// Each is a QAction on the window (objectName "…Action"), so it works wherever the focus is.
class QWidget;

namespace hpascope {

class HpaTableView;
class TimelinePanel;

void installWindowShortcuts(QWidget *window, HpaTableView *table, TimelinePanel *timeline);

} // namespace hpascope
