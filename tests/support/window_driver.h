#pragma once
// Driving MainWindow in GUI and e2e tests as a person does: the demo window at the size people
// use, and a slider row's field, Send button and status line.
#include "app/window/main_window.h"
#include "widgets/metric_slider_panel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <memory>

namespace hpascope::test {

// The window on the embedded demo cluster, 1440×900, shown (wait for it to be exposed).
inline std::unique_ptr<MainWindow> demoWindow()
{
    StartupOptions o;
    o.demo = true;
    auto w = std::make_unique<MainWindow>(o);
    w->resize(1440, 900);
    w->show();
    return w;
}

// The controls of one metric's slider row; null members when the row is missing.
struct SliderRow {
    QLineEdit *edit = nullptr;
    QPushButton *send = nullptr;
    QLabel *status = nullptr;
    bool complete() const { return edit && send && status; }
};

inline SliderRow sliderRow(MainWindow &w, int index = 0)
{
    SliderRow r;
    if (QWidget *row = w.sliderPanel()->findChild<QWidget *>(QStringLiteral("metricRow%1").arg(index))) {
        r.edit = row->findChild<QLineEdit *>(QStringLiteral("valueEdit"));
        r.send = row->findChild<QPushButton *>(QStringLiteral("sendButton"));
        r.status = row->findChild<QLabel *>(QStringLiteral("statusLabel"));
    }
    return r;
}

// Types value into the slider row's field and clicks Send once the button takes it, as a person
// does; false when the row is missing or Send never enables.
inline bool sendValue(MainWindow &w, const QString &value, int index = 0)
{
    const SliderRow row = sliderRow(w, index);
    if (!row.complete())
        return false;
    row.edit->setText(value);
    if (!QTest::qWaitFor([&] { return row.send->isEnabled(); }))
        return false;
    row.send->click();
    return true;
}

} // namespace hpascope::test
