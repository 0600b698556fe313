// The demo window at its default size (1440×900) as a person uses it: both charts and the
// slider panel visible without scrolling, the slider's knob where the typed value is, the field
// and Send button staying put while the "Why" box gets longer, the seed experiment done with the
// keyboard alone, and the panel layout remembered. Writes layout_*.png into the build dir.
#include "app/core/cluster_session.h"
#include "app/core/hpa_detail_model.h"
#include "app/core/hpa_list_model.h"
#include "app/window/main_window.h"
#include "widgets/hpa_table_view.h"
#include "widgets/metric_slider_panel.h"
#include "widgets/timeline_chart.h"
#include "widgets/timeline_panel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace hpascope;

namespace {

constexpr int kTimeoutMs = 15000;
const QString kWeb = QStringLiteral("default/web");

QString describe(const QWidget *w)
{
    const QString name = w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName();
    return name + QStringLiteral("@%1,%2 %3×%4")
                      .arg(w->mapTo(w->window(), QPoint(0, 0)).x())
                      .arg(w->mapTo(w->window(), QPoint(0, 0)).y())
                      .arg(w->width())
                      .arg(w->height());
}

// Empty when the whole widget can be seen: shown, and its rectangle inside every ancestor up to
// the window (a scroll area's viewport, a splitter pane and the window itself all clip).
QString cutOff(const QWidget *w)
{
    if (!w->isVisible())
        return describe(w) + QStringLiteral(" is hidden");
    if (w->width() <= 0 || w->height() <= 0)
        return describe(w) + QStringLiteral(" has no area");
    for (const QWidget *a = w->parentWidget(); a; a = a->parentWidget()) {
        const QRect r(w->mapTo(a, QPoint(0, 0)), w->size());
        if (!a->rect().contains(r))
            return QStringLiteral("%1 is cut off by %2 (%3)").arg(describe(w), describe(a), QString::fromLatin1(a->metaObject()->className()));
        if (a->isWindow())
            break;
    }
    return {};
}

QRect inWindow(const QWidget *w)
{
    return QRect(w->mapTo(w->window(), QPoint(0, 0)), w->size());
}

// Where the knob is drawn, as a fraction of the groove the knob can travel (0 = far left).
double knobFraction(const QSlider *s)
{
    QStyleOptionSlider opt;
    opt.initFrom(s);
    opt.orientation = s->orientation();
    opt.minimum = s->minimum();
    opt.maximum = s->maximum();
    opt.sliderPosition = s->sliderPosition();
    opt.sliderValue = s->value();
    opt.singleStep = s->singleStep();
    opt.pageStep = s->pageStep();
    opt.upsideDown = s->invertedAppearance() != (s->layoutDirection() == Qt::RightToLeft);
    opt.subControls = QStyle::SC_All;
    const QRect groove = s->style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, s);
    const QRect handle = s->style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, s);
    const int travel = groove.width() - handle.width();
    return travel > 0 ? double(handle.left() - groove.left()) / travel : -1;
}

// The value the slider's position stands for (the panel documents these properties).
qint64 sliderMilli(const QSlider *s)
{
    return s->property("minMilli").toLongLong() + qint64(s->value()) * s->property("stepMilli").toLongLong();
}

double expectedFraction(const QSlider *s, qint64 milli)
{
    const qint64 lo = s->property("minMilli").toLongLong(), hi = s->property("maxMilli").toLongLong();
    return hi > lo ? double(milli - lo) / double(hi - lo) : -1;
}

// Applies every pending layout change (nested layouts post one request per level), without
// running timers or the demo's network: nothing but the layout moves in between.
void settleLayouts()
{
    for (int i = 0; i < 16; ++i)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

void shot(MainWindow &w, const QString &name)
{
    w.timeline()->tick(); // the charts at their final size now rather than at the next repaint
    // The panel lines the plot areas up over its repaint ticks (a burst of typed keys can leave
    // them apart for one tick): picture them as they settle.
    auto plotLeft = [](const TimelineChart *c) { return qRound(c->chart()->plotArea().left()); };
    for (const TimelineChart *c : w.timeline()->metricCharts())
        QTRY_COMPARE(plotLeft(c), plotLeft(w.timeline()->replicaChart()));
    const QString path = QStringLiteral(QT_TESTCASE_BUILDDIR "/") + name;
    QVERIFY(w.grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

struct Demo {
    MainWindow window{[] {
        StartupOptions o;
        o.demo = true;
        return o;
    }()};
    QWidget *row = nullptr;
    QSlider *slider = nullptr;
    QLineEdit *edit = nullptr;
    QPushButton *send = nullptr;
    QLabel *status = nullptr;
    QLabel *why = nullptr;

    // Opens at the default size on the demo cluster with the seed experiment's HPA shown.
    // Fails the test (check with OPEN) when it cannot.
    void open()
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.detailModel()->key(), kWeb, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(window.timeline()->metricCharts().size(), 1, kTimeoutMs);
        row = window.sliderPanel()->findChild<QWidget *>(QStringLiteral("metricRow0"));
        QVERIFY(row);
        slider = row->findChild<QSlider *>(QStringLiteral("slider"));
        edit = row->findChild<QLineEdit *>(QStringLiteral("valueEdit"));
        send = row->findChild<QPushButton *>(QStringLiteral("sendButton"));
        status = row->findChild<QLabel *>(QStringLiteral("statusLabel"));
        why = window.findChild<QLabel *>(QStringLiteral("whyLabel"));
        QVERIFY(slider && edit && send && status && why);
        // New panels are shown by their layouts from the event loop: wait until they are.
        QTRY_VERIFY(window.timeline()->replicaChart()->isVisible() && window.timeline()->metricCharts().first()->isVisible());
        QTRY_VERIFY(row->isVisible() && slider->isVisible());
        settleLayouts();
    }
};

#define OPEN(demo)                                                                                                     \
    do {                                                                                                               \
        (demo).open();                                                                                                 \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

void retype(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text); // one key at a time, as typed: "4", "40", "400", "400m"
}

} // namespace

class TestWindowLayout : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Settings of this run only: another run at the same time must not see its layout.
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }
    // Every case starts from the default layout, not from what an earlier case left.
    void init() { QSettings().remove(QStringLiteral("layout")); }

    void defaultSizeShowsBothChartsAndTheSliders()
    {
        Demo d;
        OPEN(d);
        QCOMPARE(d.window.size(), QSize(1440, 900));
        TimelineChart *replicas = d.window.timeline()->replicaChart();
        TimelineChart *metric = d.window.timeline()->metricCharts().first();
        qInfo("replica chart %s, metric chart %s, slider row %s, why %s", qPrintable(describe(replicas)),
              qPrintable(describe(metric)), qPrintable(describe(d.row)), qPrintable(describe(d.why)));
        shot(d.window, QStringLiteral("layout_default.png"));
        for (const QWidget *w : {static_cast<QWidget *>(replicas), static_cast<QWidget *>(metric), d.row,
                                 static_cast<QWidget *>(d.slider), static_cast<QWidget *>(d.edit),
                                 static_cast<QWidget *>(d.send)})
            QVERIFY2(cutOff(w).isEmpty(), qPrintable(cutOff(w)));
        // The slider row's controls at least as wide as they ask to be (a usable drag range).
        for (const QWidget *w : {static_cast<QWidget *>(d.slider), static_cast<QWidget *>(d.edit), static_cast<QWidget *>(d.send)})
            QVERIFY2(w->width() >= std::max(w->minimumWidth(), w->minimumSizeHint().width()), qPrintable(describe(w)));
        // Tall enough to read: the charts' own minimum, not squeezed below it.
        QVERIFY2(replicas->height() >= replicas->minimumHeight(), qPrintable(describe(replicas)));
        QVERIFY2(metric->height() >= metric->minimumHeight(), qPrintable(describe(metric)));
        // Nothing in the timeline needs scrolling to be seen.
        for (const QScrollArea *area : d.window.timeline()->findChildren<QScrollArea *>())
            QCOMPARE(area->verticalScrollBar()->maximum(), 0);

        // The metrics table's columns fit their contents; no column spans most of the row.
        auto *metrics = d.window.findChild<QTableView *>(QStringLiteral("metricsTable"));
        QVERIFY(metrics);
        const int viewport = metrics->viewport()->width();
        for (int c = 0; c < metrics->model()->columnCount(); ++c) {
            if (metrics->isColumnHidden(c))
                continue;
            const int content = std::max(static_cast<QAbstractItemView *>(metrics)->sizeHintForColumn(c), metrics->horizontalHeader()->sectionSizeHint(c));
            QVERIFY2(metrics->columnWidth(c) <= content + viewport / 4,
                     qPrintable(QStringLiteral("column %1 is %2 px for %3 px of content in a %4 px table")
                                    .arg(c).arg(metrics->columnWidth(c)).arg(content).arg(viewport)));
        }
    }

    void theKnobShowsTheTypedValue()
    {
        Demo d;
        OPEN(d);
        const qint64 targetMilli = 300; // web: Value target 300m
        for (const qint64 milli : {400, 100}) {
            retype(d.edit, QStringLiteral("%1m").arg(milli));
            settleLayouts();
            const qint64 step = d.slider->property("stepMilli").toLongLong();
            QVERIFY2(std::abs(sliderMilli(d.slider) - milli) <= step, qPrintable(QString::number(sliderMilli(d.slider))));
            // The range comes from the target, not from the keystrokes on the way ("4", "40", "400").
            QVERIFY2(d.slider->property("maxMilli").toLongLong() <= 4 * targetMilli,
                     qPrintable(d.slider->property("maxMilli").toString()));
            const double drawn = knobFraction(d.slider), expected = expectedFraction(d.slider, milli);
            qInfo("%lldm: knob drawn at %.3f of the groove, value at %.3f", milli, drawn, expected);
            QVERIFY2(std::abs(drawn - expected) < 0.03, qPrintable(QStringLiteral("%1 vs %2").arg(drawn).arg(expected)));
            QVERIFY(drawn > 0.05); // visibly off the far left
        }
        shot(d.window, QStringLiteral("layout_knob_100m.png"));

        // A value beyond the range grows it, and the knob still shows it.
        retype(d.edit, QStringLiteral("5"));
        QVERIFY(d.slider->property("maxMilli").toLongLong() >= 5000);
        QCOMPARE(sliderMilli(d.slider), 5000);
        QVERIFY(std::abs(knobFraction(d.slider) - expectedFraction(d.slider, 5000)) < 0.03);
        // Moving the knob writes the field, and the range stays where the hand left it.
        const qint64 maxBefore = d.slider->property("maxMilli").toLongLong();
        QTest::keyClick(d.slider, Qt::Key_Home);
        QCOMPARE(d.edit->text(), QStringLiteral("0"));
        QTest::keyClick(d.slider, Qt::Key_PageUp);
        QCOMPARE(d.slider->property("maxMilli").toLongLong(), maxBefore);
        QCOMPARE(d.edit->text().isEmpty(), false);
        QCOMPARE(sliderMilli(d.slider), kube::api::Quantity::parse(d.edit->text().toStdString())->milliValue());
    }

    void aLongerWhyMovesNothing()
    {
        Demo d;
        OPEN(d);
        TimelineChart *replicas = d.window.timeline()->replicaChart();
        TimelineChart *metric = d.window.timeline()->metricCharts().first();
        const QList<const QWidget *> watched{d.edit, d.send, d.slider, replicas, metric};
        auto rects = [&] {
            QList<QRect> out;
            for (const QWidget *w : watched)
                out << inWindow(w);
            return out;
        };
        const QString sentence = QStringLiteral("Scale-down is held by the 300 s stabilization window until 14:05:30, "
                                                "the highest recommendation in it being 2 replicas.");
        QString text = QStringLiteral("<b>Why:</b>");
        text += QStringLiteral("<br>• ") + sentence;
        d.why->setText(text);
        settleLayouts();
        const QList<QRect> oneSentence = rects();
        // The label lives in a scroll area's viewport: the area is the box a person sees.
        auto *area = qobject_cast<QScrollArea *>(d.why->parentWidget() ? d.why->parentWidget()->parentWidget() : nullptr);
        QVERIFY2(area, "the Why label scrolls inside a QScrollArea");
        const QRect whyBox = inWindow(area);
        QCOMPARE(area->verticalScrollBar()->maximum(), 0); // one sentence: nothing to scroll
        for (int sentences = 2; sentences <= 6; ++sentences) {
            text += QStringLiteral("<br>• ") + sentence;
            d.why->setText(text);
            settleLayouts();
            QCOMPARE(d.why->text(), text); // nothing else wrote the box in between
            for (int i = 0; i < watched.size(); ++i)
                QVERIFY2(rects()[i] == oneSentence[i], qPrintable(QStringLiteral("%1 sentences: %2 moved")
                                                                      .arg(sentences).arg(describe(watched[i]))));
        }
        // The box kept its place; the text scrolls inside it.
        QCOMPARE(inWindow(area), whyBox);
        QVERIFY(area->verticalScrollBar()->maximum() > 0);
        shot(d.window, QStringLiteral("layout_why_long.png"));
    }

    void theSeedExperimentWithTheKeyboard()
    {
        Demo d;
        OPEN(d);
        d.window.speedPicker()->setCurrentIndex(d.window.speedPicker()->findData(60));
        const QList<QRect> before{inWindow(d.edit), inWindow(d.send)};

        // In the table: another row with the arrow keys, then "web" typed to jump back to it.
        QTableView *table = d.window.hpaTable()->table();
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        const int webRow = table->currentIndex().row();
        QTest::keyClick(table, webRow == 0 ? Qt::Key_Down : Qt::Key_Up);
        QTRY_VERIFY(d.window.detailModel()->key() != kWeb);
        QTest::keyClicks(table, QStringLiteral("web"));
        QTRY_COMPARE(d.window.detailModel()->key(), kWeb);
        // The detail rebuilt the slider row for web: look it up again.
        d.row = d.window.sliderPanel()->findChild<QWidget *>(QStringLiteral("metricRow0"));
        QVERIFY(d.row);
        d.edit = d.row->findChild<QLineEdit *>(QStringLiteral("valueEdit"));
        d.send = d.row->findChild<QPushButton *>(QStringLiteral("sendButton"));
        d.status = d.row->findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY(d.edit && d.send && d.status);

        // The shortcut the field's tooltip names moves the focus there, with the text selected.
        QVERIFY2(d.edit->toolTip().contains(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText)),
                 qPrintable(d.edit->toolTip()));
        QTest::keyClick(table, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(d.edit->hasFocus());
        QCOMPARE(d.edit->selectedText(), d.edit->text());
        QTest::keyClicks(d.edit, QStringLiteral("400m"));
        QCOMPARE(d.edit->text(), QStringLiteral("400m"));
        QTest::keyClick(d.edit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(d.status->text().contains(QStringLiteral("sent 400m")), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(d.status->text().contains(QStringLiteral("read back 400m")), kTimeoutMs);
        const HpaListModel *model = d.window.session()->hpaModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->index(model->rowOf(kWeb), HpaListModel::Desired).data().toInt(), 2, kTimeoutMs);

        // 100m the same way: the Why box gets the stabilization sentences; the field stays put.
        QTest::keyClick(d.edit, Qt::Key_L, Qt::ControlModifier);
        QTest::keyClicks(d.edit, QStringLiteral("100m"));
        QTest::keyClick(d.edit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(d.status->text().contains(QStringLiteral("read back 100m")), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(d.why->text().contains(QStringLiteral("stabilization window")), kTimeoutMs);
        qInfo("why: %s", qPrintable(d.why->text()));
        settleLayouts();
        QCOMPARE(inWindow(d.edit), before[0]);
        QCOMPARE(inWindow(d.send), before[1]);
        shot(d.window, QStringLiteral("layout_keyboard.png"));
    }

    void theLayoutIsRemembered()
    {
        QList<int> moved;
        {
            Demo d;
            OPEN(d);
            auto *splitter = d.window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
            QVERIFY(splitter);
            const QList<int> sizes = splitter->sizes();
            splitter->setSizes({sizes[0] + 60, sizes[1] - 60});
            moved = splitter->sizes();
            d.window.close();
        }
        Demo again;
        OPEN(again);
        auto *splitter = again.window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QCOMPARE(splitter->sizes(), moved);
    }
};

QTEST_MAIN(TestWindowLayout)
#include "test_window_layout.moc"
