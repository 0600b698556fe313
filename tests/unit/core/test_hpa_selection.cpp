// The HpaSelection between the session's HPA list and the panels: it announces only the selected
// HPA's updates, re-announces the timeline's tracks only when metric identities change, clears when
// the HPA goes away, and computes the what-if path with the ported controller. sliderMetricsOf
// pairs each spec metric with its status by identity, whatever the status order.
#include "app/core/cluster_session.h"
#include "app/core/hpa_list_model.h"
#include "app/core/hpa_selection.h"
#include "app/core/slider_metrics.h"

#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace hpascope;
using nlohmann::json;

namespace {

json objectSpec(const char *name, const char *target)
{
    return {{"type", "Object"},
            {"object",
             {{"describedObject", {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "web"}}},
              {"metric", {{"name", name}}},
              {"target", {{"type", "Value"}, {"value", target}}}}}};
}

json objectStatus(const char *name, const char *value)
{
    return {{"type", "Object"},
            {"object",
             {{"describedObject", {{"apiVersion", "v1"}, {"kind", "Service"}, {"name", "web"}}},
              {"metric", {{"name", name}}},
              {"current", {{"value", value}}}}}};
}

json hpaJson(const char *name, json specMetrics, json statusMetrics, int replicas = 2)
{
    return {{"apiVersion", "autoscaling/v2"},
            {"kind", "HorizontalPodAutoscaler"},
            {"metadata", {{"name", name}, {"namespace", "default"}, {"resourceVersion", "1"}}},
            {"spec",
             {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", name}}},
              {"minReplicas", 1},
              {"maxReplicas", 10},
              {"metrics", std::move(specMetrics)}}},
            {"status", {{"currentReplicas", replicas}, {"desiredReplicas", replicas}, {"currentMetrics", std::move(statusMetrics)}}}};
}

kube::api::HorizontalPodAutoscaler decode(const json &j)
{
    auto hpa = kube::api::decodeHorizontalPodAutoscaler(j);
    if (!hpa)
        qFatal("fixture does not decode: %s", hpa.error().toString().c_str());
    return hpa.value();
}

kube::api::HorizontalPodAutoscaler web(const char *current = "2", int replicas = 2)
{
    return decode(hpaJson("web", json::array({objectSpec("requests", "1")}), json::array({objectStatus("requests", current)}), replicas));
}

} // namespace

class TestHpaSelection : public QObject {
    Q_OBJECT

private slots:
    void followsOnlyTheSelectedHpa()
    {
        ClusterSession session;
        session.hpaModel()->resetAll({web(), decode(hpaJson("worker", json::array({objectSpec("jobs", "5")}), json::array()))});
        HpaSelection selection(&session);
        QSignalSpy changed(&selection, &HpaSelection::changed);
        QSignalSpy tracks(&selection, &HpaSelection::tracksChanged);

        selection.select(QStringLiteral("default/web"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(tracks.count(), 1);
        QCOMPARE(tracks.last().at(0).toString(), QStringLiteral("default/web"));
        const auto first = tracks.last().at(1).value<QList<MetricTrack>>();
        QCOMPARE(first.size(), 1);
        QVERIFY2(first[0].title.contains(QStringLiteral("requests")), qPrintable(first[0].title));

        // Another HPA changes: nothing reaches the panels.
        session.hpaModel()->upsert(decode(hpaJson("worker", json::array({objectSpec("jobs", "5")}), json::array(), 3)));
        QCOMPARE(changed.count(), 1);

        // The selected one's status changes: the detail follows, the charts stay.
        session.hpaModel()->upsert(web("3", 4));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(0).value<kube::api::HorizontalPodAutoscaler>().status.currentReplicas, 4);
        QCOMPARE(tracks.count(), 1);

        // A metric is added: the charts are rebuilt with both tracks.
        session.hpaModel()->upsert(decode(hpaJson("web", json::array({objectSpec("requests", "1"), objectSpec("latency", "200m")}), json::array())));
        QCOMPARE(tracks.count(), 2);
        QCOMPARE(tracks.last().at(1).value<QList<MetricTrack>>().size(), 2);
    }

    void clearsWhenTheHpaIsDeleted()
    {
        ClusterSession session;
        session.hpaModel()->resetAll({web()});
        HpaSelection selection(&session);
        selection.select(QStringLiteral("default/web"));
        QSignalSpy cleared(&selection, &HpaSelection::cleared);
        QSignalSpy tracks(&selection, &HpaSelection::tracksChanged);
        session.hpaModel()->remove(QStringLiteral("default/web"));
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(tracks.count(), 1);
        QVERIFY(tracks.last().at(0).toString().isEmpty());
        QCOMPARE(selection.hpa(), nullptr);
    }

    void previewPredictsWithTheController()
    {
        ClusterSession session;
        session.hpaModel()->resetAll({web()});
        HpaSelection selection(&session);
        QSignalSpy path(&selection, &HpaSelection::predictionChanged);
        QSignalSpy cleared(&selection, &HpaSelection::predictionCleared);

        selection.preview(0, QStringLiteral("4"));
        QCOMPARE(cleared.count(), 1); // nothing selected
        selection.select(QStringLiteral("default/web"));
        selection.preview(0, QStringLiteral("4OOm"));
        QCOMPARE(cleared.count(), 2); // not a quantity
        QCOMPARE(path.count(), 0);

        // An Object Value metric held at 4× its target asks for 4× the current replicas on every
        // sync; spec.behavior is unset, so each sync may at most go to max(2 × current, 4):
        // 2 → 4 → 8 → 10 (maxReplicas).
        selection.preview(0, QStringLiteral("4"));
        QCOMPARE(path.count(), 1);
        const auto points = path.last().at(0).value<QList<QPointF>>();
        QVERIFY(!points.isEmpty());
        QList<int> levels;
        for (const QPointF &p : points)
            if (levels.isEmpty() || levels.last() != int(p.y()))
                levels.append(int(p.y()));
        QVERIFY2(levels == (QList<int>{2, 4, 8, 10}), qPrintable(QStringLiteral("levels: %1").arg([&] {
                     QStringList t;
                     for (int l : levels)
                         t << QString::number(l);
                     return t.join(QLatin1Char(' '));
                 }())));
    }

    void sliderRowsPairByIdentity()
    {
        json spec = json::array({objectSpec("requests", "1"), objectSpec("latency", "200m")});
        // The status lists the metrics in the other order: pairing by index would swap them.
        json status = json::array({objectStatus("latency", "150m"), objectStatus("requests", "700m")});
        const auto rows = sliderMetricsOf(decode(hpaJson("web", spec, status)));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].specIndex, 0);
        QCOMPARE(rows[0].startText, QStringLiteral("700m"));
        QCOMPARE(rows[0].targetText, QStringLiteral("1"));
        QCOMPARE(rows[0].targetMilli, std::optional<qint64>(1000));
        QCOMPARE(rows[1].startText, QStringLiteral("150m"));
        QVERIFY(rows[0].writable && rows[1].writable);
        QVERIFY(rows[0].key != rows[1].key);
    }

    void quantityInput()
    {
        QCOMPARE(readQuantityInput(QStringLiteral(" 400m ")).milli, 400);
        QVERIFY(readQuantityInput(QStringLiteral(" 400m ")).valid());
        QVERIFY(!readQuantityInput(QStringLiteral("4OOm")).valid());
        QVERIFY(!readQuantityInput(QStringLiteral("4OOm")).error.isEmpty());
        QCOMPARE(quantityTextOfMilli(1500), QStringLiteral("1500m"));
        QCOMPARE(quantityTextOfMilli(2000), QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(TestHpaSelection)
#include "test_hpa_selection.moc"
