// The HPA table offscreen (issue #14): columns fitted to their content when rows arrive and on a
// model reset, kept while statuses change (no re-measuring of every row per watch event), widened
// when a cell outgrows its column, and left alone once a person sized them.
#include "app/core/hpa_list_model.h"
#include "kube/api/hpa.h"
#include "widgets/hpa_table_view.h"

#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace hpascope;

namespace {

kube::api::HorizontalPodAutoscaler makeHpa(const std::string &name, int current, int desired,
                                           const std::string &value = "400m")
{
    const nlohmann::json object = {{"describedObject", {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "kubernetes"}}},
                                   {"metric", {{"name", "test-metric"}}}};
    nlohmann::json spec = object, status = object;
    spec["target"] = {{"type", "Value"}, {"value", "300m"}};
    status["current"] = {{"value", value}};
    const nlohmann::json j = {
        {"apiVersion", "autoscaling/v2"},
        {"kind", "HorizontalPodAutoscaler"},
        {"metadata", {{"name", name}, {"namespace", "default"}, {"resourceVersion", "1"}}},
        {"spec",
         {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", name}}},
          {"minReplicas", 1},
          {"maxReplicas", 10},
          {"metrics", {{{"type", "Object"}, {"object", spec}}}}}},
        {"status",
         {{"currentReplicas", current},
          {"desiredReplicas", desired},
          {"currentMetrics", {{{"type", "Object"}, {"object", status}}}},
          {"conditions",
           {{{"type", "AbleToScale"}, {"status", "True"}, {"reason", "ReadyForNewScale"}, {"lastTransitionTime", "2026-05-01T12:00:00Z"}}}}}}};
    auto hpa = kube::api::decodeHorizontalPodAutoscaler(j);
    if (!hpa)
        qFatal("fixture does not decode: %s", hpa.error().toString().c_str());
    return hpa.value();
}

std::vector<kube::api::HorizontalPodAutoscaler> threeHpas()
{
    return {makeHpa("web", 2, 2), makeHpa("api", 3, 3), makeHpa("worker", 1, 1)};
}

// What QTableView::resizeColumnToContents() would give the column now.
int fitted(QTableView *table, int column)
{
    return std::max(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column),
                    table->horizontalHeader()->sectionSizeHint(column));
}

QList<int> widths(QTableView *table)
{
    QList<int> out;
    for (int c = 0; c < HpaListModel::ColumnCount; ++c)
        out << table->columnWidth(c);
    return out;
}

constexpr int kStretched = HpaListModel::LastScale; // the last section takes the rest

// The table at the window's width, as MainWindow holds it.
struct Shown {
    HpaListModel model;
    HpaTableView view;
    Shown()
    {
        view.resize(1440, 300);
        view.setModel(&model);
        view.show();
    }
};

} // namespace

class TestHpaTableView : public QObject {
    Q_OBJECT
private slots:
    void fittedOnceThenKept()
    {
        Shown shown;
        QVERIFY(QTest::qWaitForWindowExposed(&shown.view));
        HpaListModel &model = shown.model;
        QTableView *table = shown.view.table();
        QHeaderView *header = table->horizontalHeader();
        QCOMPARE(header->sectionResizeMode(HpaListModel::Name), QHeaderView::Interactive);
        QVERIFY(header->stretchLastSection());

        model.resetAll(threeHpas());
        for (int c = 0; c < kStretched; ++c)
            QCOMPARE(table->columnWidth(c), fitted(table, c));

        // Status changes that fit in the columns: no column is resized, none re-measured.
        QSignalSpy resized(header, &QHeaderView::sectionResized);
        const QList<int> before = widths(table);
        for (int i = 0; i < 20; ++i)
            model.upsert(makeHpa("api", 3 + i % 2, 3 + i % 2, i % 2 ? "350m" : "410m"));
        QCoreApplication::processEvents();
        QCOMPARE(widths(table), before);
        QCOMPARE(resized.count(), 0);

        // A status that outgrows its column widens it, and only it: readable, never elided.
        model.upsert(makeHpa("api", 3, 9, "123456789m"));
        QCoreApplication::processEvents();
        for (int c : {int(HpaListModel::Metrics), int(HpaListModel::Status)}) {
            QVERIFY2(table->columnWidth(c) > before[c], qPrintable(QString::number(c)));
            QCOMPARE(table->columnWidth(c), fitted(table, c));
        }
        QCOMPARE(table->columnWidth(HpaListModel::Name), before[HpaListModel::Name]);

        // A new row with a longer name than any before widens the name column.
        model.upsert(makeHpa("recommendation-engine-canary", 1, 1));
        QCOMPARE(table->columnWidth(HpaListModel::Name), fitted(table, HpaListModel::Name));
        QVERIFY(table->columnWidth(HpaListModel::Name) > before[HpaListModel::Name]);
    }

    void aPersonsWidthsStay()
    {
        Shown shown;
        QVERIFY(QTest::qWaitForWindowExposed(&shown.view));
        HpaListModel &model = shown.model;
        QTableView *table = shown.view.table();
        QHeaderView *header = table->horizontalHeader();
        model.resetAll(threeHpas());

        header->resizeSection(HpaListModel::Metrics, 30); // as a drag on the divider does
        model.upsert(makeHpa("api", 3, 3, "123456789m"));
        QCOMPARE(table->columnWidth(HpaListModel::Metrics), 30);
        model.resetAll(threeHpas()); // a relist fits the other columns, not this one
        QCOMPARE(table->columnWidth(HpaListModel::Metrics), 30);

        // A double-click on the divider fits the column, which is then the view's to size again.
        const int divider = header->sectionViewportPosition(HpaListModel::Metrics) + header->sectionSize(HpaListModel::Metrics) - 1;
        QTest::mouseDClick(header->viewport(), Qt::LeftButton, {}, QPoint(divider, header->height() / 2));
        QCOMPARE(table->columnWidth(HpaListModel::Metrics), fitted(table, HpaListModel::Metrics));
        const int fit = table->columnWidth(HpaListModel::Metrics);
        model.upsert(makeHpa("web", 2, 2, "98765432101m"));
        QVERIFY(table->columnWidth(HpaListModel::Metrics) > fit);
    }

    void emptyTableFittedWhenTheFirstRowsArrive()
    {
        Shown shown;
        QVERIFY(QTest::qWaitForWindowExposed(&shown.view));
        HpaListModel &model = shown.model;
        QTableView *table = shown.view.table();
        model.resetAll({});
        model.upsert(makeHpa("a-rather-long-autoscaler-name", 1, 1)); // a watch ADDED after an empty list
        for (int c = 0; c < kStretched; ++c)
            QCOMPARE(table->columnWidth(c), fitted(table, c));
    }
};

QTEST_MAIN(TestHpaTableView)
#include "test_hpa_table_view.moc"
