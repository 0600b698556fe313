// The HPA detail view offscreen at 1200x720: each metric's current value next to its own
// target for a multi-metric HPA whose status lists metrics in another order, the unknown value
// with its reason, the behavior sentence, events with Warning rows coloured, the two slots.
// Grabs hpa_detail_view*.png next to the test executable for a person to look at.
#include "../../unit/detail/detail_fixtures.h"
#include "app/core/event_model.h"
#include "app/core/hpa_detail_model.h"
#include "widgets/event_list_view.h"
#include "widgets/hpa_detail_view.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

using namespace hpascope;
using namespace hpascope::test;

namespace {

int tabIndex(hpascope::HpaDetailView &view, const QString &title)
{
    for (int i = 0; i < view.tabs()->count(); ++i)
        if (view.tabs()->tabText(i) == title)
            return i;
    qFatal("no tab %s", qPrintable(title));
}

std::vector<EventRecord> fixtureEventsFromUnitDir()
{
    QFile f(QStringLiteral(HPASCOPE_TESTS_DIR "/unit/events/data/events_list.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto list = kube::api::decodeEventList(nlohmann::json::parse(f.readAll().toStdString()));
    std::vector<EventRecord> out;
    if (list)
        for (const auto &e : list.value().items)
            out.push_back(toEventRecord(e));
    return out;
}

QString grabPath(const QString &name)
{
    return QCoreApplication::applicationDirPath() + QLatin1Char('/') + name;
}

QString rowText(QTableView *table, int row)
{
    QStringList cells;
    for (int c = 0; c < table->model()->columnCount(); ++c)
        cells << table->model()->index(row, c).data().toString();
    return cells.join(QStringLiteral(" | "));
}

// Sample stand-ins for the panels the main window plugs in.
QLabel *placeholder(const QString &text)
{
    auto *l = new QLabel(text);
    l->setAlignment(Qt::AlignCenter);
    l->setFrameShape(QFrame::StyledPanel);
    l->setMinimumHeight(120);
    return l;
}

} // namespace

class TestHpaDetailView : public QObject {
    Q_OBJECT

private:
    struct Fixture {
        EventStore store;
        EventModel events{&store};
        HpaDetailModel detail;
        HpaDetailView view;
        QAbstractItemModelTester eventsTester{&events, QAbstractItemModelTester::FailureReportingMode::QtTest};

        explicit Fixture(const nlohmann::json &hpa)
        {
            events.setClock([] { return fixtureNow(); });
            view.setAutoRefresh(false);
            view.setModels(&detail, &events, &store);
            view.chartSlot()->layout()->addWidget(placeholder(QStringLiteral("TimelineChart (chartSlot)")));
            view.sliderSlot()->layout()->addWidget(placeholder(QStringLiteral("Metric sliders (sliderSlot)")));
            detail.setHpa(decodeHpa(hpa), fixtureNow());
            store.applySynced(fixtureEventsFromUnitDir());
            view.resize(1200, 720);
            view.show();
        }
    };

private slots:
    void slotsAreEmptyContainers()
    {
        HpaDetailView view;
        QVERIFY(qobject_cast<QVBoxLayout *>(view.chartSlot()->layout()));
        QVERIFY(qobject_cast<QVBoxLayout *>(view.sliderSlot()->layout()));
        QCOMPARE(view.chartSlot()->layout()->count(), 0);
        QCOMPARE(view.sliderSlot()->layout()->count(), 0);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("detailTitle"))->text(), QStringLiteral("No HPA selected"));
    }

    void metricsShowTheirOwnValues_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("expected"); // Metric | Source | Current | Target | Target type | Note
        QTest::newRow("cpu") << 0 << "cpu | Resource | 62% | 50% | Utilization | ";
        QTest::newRow("memory") << 1 << "memory (container app) | ContainerResource | avg 180Mi | avg 200Mi | AverageValue | ";
        QTest::newRow("pods") << 2 << "packets-per-second on pods | Pods | avg 850 | avg 1k | AverageValue | ";
        QTest::newRow("object") << 3 << "requests-per-second on Ingress/main-route | Object | 12k | 10k | Value | ";
        QTest::newRow("external") << 4
                                  << "queue_messages_ready{queue=worker_tasks} (external) | External | avg 42 (210 total over 5 pods) | avg 30 | AverageValue | ";
    }

    void metricsShowTheirOwnValues()
    {
        QFETCH(int, row);
        QFETCH(QString, expected);
        Fixture f(hpaJson());
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QTableView *table = f.view.findChild<QTableView *>(QStringLiteral("metricsTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 5);
        QCOMPARE(rowText(table, row), expected);
        // Readable at 1200x720: every metric row is inside the table's visible area.
        const QRect rowRect = table->visualRect(table->model()->index(row, HpaMetricsModel::Target));
        QVERIFY2(table->viewport()->rect().contains(rowRect), qPrintable(QStringLiteral("row %1 at %2,%3 %4x%5 outside")
                                                                            .arg(row).arg(rowRect.x()).arg(rowRect.y())
                                                                            .arg(rowRect.width()).arg(rowRect.height())));
    }

    void overviewTextAndGrab()
    {
        Fixture f(hpaJson());
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        auto label = [&](const char *name) { return f.view.findChild<QLabel *>(QString::fromLatin1(name))->text(); };
        QCOMPARE(label("detailTitle"), QStringLiteral("shop/web"));
        QCOMPARE(label("detailTarget"), QStringLiteral("scales Deployment/web"));
        QCOMPARE(label("currentReplicas"), QStringLiteral("5"));
        QCOMPARE(label("desiredReplicas"), QStringLiteral("7"));
        QVERIFY(label("lastScale").endsWith(QStringLiteral("(3 min ago)")));
        QVERIFY(label("behaviorSummary").contains(QStringLiteral("300 s stabilization window")));
        QVERIFY(f.view.findChild<QLabel *>(QStringLiteral("behaviorSummary"))->textInteractionFlags()
                & Qt::TextSelectableByMouse);

        QTableView *events = f.view.findChild<QTableView *>(QStringLiteral("eventTable"));
        QCOMPARE(events->model()->rowCount(), 5);
        QCOMPARE(events->model()->index(0, EventModel::Reason).data().toString(), QStringLiteral("FailedGetObjectMetric"));
        const QVariant warning = events->model()->index(0, 0).data(Qt::ForegroundRole);
        QVERIFY(warning.isValid());
        QVERIFY(!events->model()->index(2, 0).data(Qt::ForegroundRole).isValid()); // Normal: the palette's colour
        QVERIFY(f.view.eventList()->statusText().startsWith(QStringLiteral("5 events")));
        QVERIFY(!f.view.findChild<QLabel *>(QStringLiteral("metricNotes"))->isVisible());

        const QString path = grabPath(QStringLiteral("hpa_detail_view.png"));
        QVERIFY(f.view.grab().save(path));
        qInfo("grabbed %s", qPrintable(path));
        f.view.tabs()->setCurrentIndex(tabIndex(f.view, QStringLiteral("Behavior")));
        QVERIFY(f.view.grab().save(grabPath(QStringLiteral("hpa_detail_view_behavior.png"))));
    }

    void unknownMetricAndGrab()
    {
        Fixture f(withUnreadableObjectMetric(hpaJson()));
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QTableView *table = f.view.findChild<QTableView *>(QStringLiteral("metricsTable"));
        QVERIFY(rowText(table, 3).startsWith(
            QStringLiteral("requests-per-second on Ingress/main-route | Object | unknown | 10k | Value | FailedGetObjectMetric: ")));
        QCOMPARE(rowText(table, 4).section(QStringLiteral(" | "), 2, 3), QStringLiteral("avg 42 (210 total over 5 pods) | avg 30"));
        // The reason in full, visible, not elided in a cell.
        const QLabel *notes = f.view.findChild<QLabel *>(QStringLiteral("metricNotes"));
        QVERIFY(notes->isVisible());
        QVERIFY2(notes->text().startsWith(QStringLiteral("requests-per-second on Ingress/main-route is unknown — "
                                                         "FailedGetObjectMetric: the HPA was unable to compute")),
                 qPrintable(notes->text()));
        QVERIFY(notes->text().endsWith(QStringLiteral("ingresses.networking.k8s.io main-route")));
        QVERIFY(table->model()->index(3, HpaMetricsModel::Current).data(Qt::ForegroundRole).isValid());
        QVERIFY(!table->model()->index(4, HpaMetricsModel::Current).data(Qt::ForegroundRole).isValid());
        f.view.tabs()->setCurrentIndex(tabIndex(f.view, QStringLiteral("Conditions")));
        QVERIFY(f.view.grab().save(grabPath(QStringLiteral("hpa_detail_view_unknown.png"))));
    }

    void expiredEventsStayVisible()
    {
        Fixture f(hpaJson());
        f.store.applySynced({}); // the API server expired them all
        QTableView *events = f.view.findChild<QTableView *>(QStringLiteral("eventTable"));
        QCOMPARE(events->model()->rowCount(), 5);
        QVERIFY(events->model()->index(1, 0).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(f.view.eventList()->statusText().contains(QStringLiteral("5 expired")));
    }
};

QTEST_MAIN(TestHpaDetailView)
#include "test_hpa_detail_view.moc"
