#include "app/window/window_shortcuts.h"

#include "widgets/hpa_table_view.h"
#include "widgets/timeline_panel.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>

#include <algorithm>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QWidget>

namespace hpascope {

namespace {

struct Shortcuts {
    Q_DECLARE_TR_FUNCTIONS(WindowShortcuts)
};

QAction *shortcut(QWidget *window, const QString &text, const char *name, const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, window);
    action->setObjectName(QLatin1String(name));
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    return action;
}

// Ctrl+PgDown/PgUp: makes the row `step` away from the current one current (the first row when
// none is), clamped to the table.
void stepHpa(HpaTableView *table, int step)
{
    QTableView *view = table->table();
    const int rows = view->model() ? view->model()->rowCount() : 0;
    if (rows == 0)
        return;
    const QModelIndex current = view->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, rows - 1) : 0;
    const QModelIndex target = view->model()->index(row, current.isValid() ? current.column() : 0);
    view->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->scrollTo(target);
}

// Ctrl+-/=: +1 is the next wider time window, -1 the next narrower one.
void stepTimeWindow(TimelinePanel *timeline, int step)
{
    const QList<qint64> choices = TimelinePanel::windowChoicesMs();
    const int at = int(choices.indexOf(timeline->windowMs()));
    const int next = std::clamp((at < 0 ? 0 : at) + step, 0, int(choices.size()) - 1);
    if (next != at)
        timeline->setWindowMs(choices.at(next));
}

} // namespace

void installWindowShortcuts(QWidget *window, HpaTableView *table, TimelinePanel *timeline)
{
    QAction *filter = shortcut(window, Shortcuts::tr("Filter the HPAs"), "filterAction", {QKeySequence::Find});
    QObject::connect(filter, &QAction::triggered, table, [table] {
        table->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        table->filterEdit()->selectAll();
    });
    QAction *next = shortcut(window, Shortcuts::tr("Next HPA"), "nextHpaAction", {QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    QObject::connect(next, &QAction::triggered, table, [table] { stepHpa(table, 1); });
    QAction *previous =
        shortcut(window, Shortcuts::tr("Previous HPA"), "previousHpaAction", {QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    QObject::connect(previous, &QAction::triggered, table, [table] { stepHpa(table, -1); });
    QAction *wider = shortcut(window, Shortcuts::tr("Wider time window"), "widerWindowAction", {QKeySequence::ZoomOut});
    QObject::connect(wider, &QAction::triggered, timeline, [timeline] { stepTimeWindow(timeline, 1); });
    QAction *narrower = shortcut(window, Shortcuts::tr("Narrower time window"), "narrowerWindowAction",
                                 {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    QObject::connect(narrower, &QAction::triggered, timeline, [timeline] { stepTimeWindow(timeline, -1); });
    // Shown in the tooltips of what they act on, so a person finds them.
    table->filterEdit()->setToolTip(Shortcuts::tr("Filter by namespace, name, target or metric (%1)")
                                        .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    table->table()->setToolTip(Shortcuts::tr("%1 / %2: next / previous HPA")
                                   .arg(next->shortcut().toString(QKeySequence::NativeText),
                                        previous->shortcut().toString(QKeySequence::NativeText)));
}

} // namespace hpascope
