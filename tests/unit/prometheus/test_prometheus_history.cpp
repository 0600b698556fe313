// kube/prometheus HPA history: spec metrics paired with KSM's series by (metric_name,
// metric_target_type, container), never by position; metrics KSM cannot tell apart listed as
// ambiguous; two KSM instances merged; a KSM without status_target_metric; the query selector.
#include "kube/prometheus/hpa_history.h"

#include <QTest>

using namespace kube;
using namespace kube::api;
using namespace kube::prometheus;

namespace {

const std::string kNs = "kube_horizontalpodautoscaler_";

MetricTarget utilization(int percent)
{
    MetricTarget t;
    t.type = MetricTargetType::Utilization;
    t.averageUtilization = percent;
    return t;
}

MetricTarget average(const char *q)
{
    MetricTarget t;
    t.type = MetricTargetType::AverageValue;
    t.averageValue = Quantity::parse(q).value();
    return t;
}

MetricTarget value(const char *q)
{
    MetricTarget t;
    t.type = MetricTargetType::Value;
    t.value = Quantity::parse(q).value();
    return t;
}

MetricSpec resource(const char *name, MetricTarget target)
{
    MetricSpec m;
    m.type = MetricSourceType::Resource;
    m.resource = ResourceMetricSource{name, target};
    return m;
}

MetricSpec containerResource(const char *name, const char *container, MetricTarget target)
{
    MetricSpec m;
    m.type = MetricSourceType::ContainerResource;
    m.containerResource = ContainerResourceMetricSource{name, target, container};
    return m;
}

MetricSpec pods(const char *metric, MetricTarget target)
{
    MetricSpec m;
    m.type = MetricSourceType::Pods;
    m.pods = PodsMetricSource{MetricIdentifier{metric, std::nullopt}, target};
    return m;
}

MetricSpec object(const char *metric, const char *service, MetricTarget target)
{
    MetricSpec m;
    m.type = MetricSourceType::Object;
    m.object = ObjectMetricSource{CrossVersionObjectReference{"v1", "Service", service}, target,
                                  MetricIdentifier{metric, std::nullopt}};
    return m;
}

Series series(const std::string &family, std::map<std::string, std::string> labels,
              std::vector<HistoryPoint> points, const std::string &instance = "10.0.0.1:8443")
{
    labels["__name__"] = kNs + family;
    labels["namespace"] = "default";
    labels["horizontalpodautoscaler"] = "web";
    labels["job"] = "kube-state-metrics";
    labels["instance"] = instance;
    return {std::move(labels), std::move(points)};
}

Series target(const std::string &family, const std::string &name, const std::string &type, double v,
              const std::string &container = {})
{
    std::map<std::string, std::string> labels{{"metric_name", name}, {"metric_target_type", type}};
    if (!container.empty())
        labels["container"] = container;
    return series(family, labels, {{100, v}, {155, v + 1}});
}

const MetricHistory *historyOf(const HpaHistory &h, std::size_t specIndex)
{
    for (const MetricHistory &m : h.metrics)
        if (m.specIndex == specIndex)
            return &m;
    return nullptr;
}

} // namespace

class TestPrometheusHistory : public QObject {
    Q_OBJECT

private slots:
    void keysFollowKsm()
    {
        QCOMPARE(ksmKeyOf(resource("cpu", utilization(60)))->targetType, std::string("utilization"));
        QCOMPARE(ksmKeyOf(pods("requests", average("10")))->targetType, std::string("average"));
        const auto obj = ksmKeyOf(object("hits", "a", value("1k")));
        QCOMPARE(obj->metricName, std::string("hits"));
        QCOMPARE(obj->targetType, std::string("value"));
        const auto c = ksmKeyOf(containerResource("memory", "app", average("1Gi")));
        QCOMPARE(c->metricName, std::string("memory"));
        QCOMPARE(c->container, std::string("app"));
        MetricSpec unknown;
        QVERIFY(!ksmKeyOf(unknown));
        QVERIFY(!ksmKeyOf(resource("cpu", MetricTarget{})));
    }

    void querySelectsAllSixFamilies()
    {
        QCOMPARE(hpaHistoryQuery("default", "we\"b"),
                 std::string("{__name__=~\"kube_horizontalpodautoscaler_(spec_min_replicas|spec_max_replicas|"
                             "status_current_replicas|status_desired_replicas|spec_target_metric|"
                             "status_target_metric)\",namespace=\"default\",horizontalpodautoscaler=\"we\\\"b\"}"));
    }

    void pairsByKeyNotByPosition()
    {
        // KSM's series come in an order of their own; the spec lists pods first, cpu second.
        const std::vector<MetricSpec> spec{pods("requests", average("10")), resource("cpu", utilization(60)),
                                           containerResource("cpu", "app", utilization(80))};
        std::vector<Series> matrix{
            target("spec_target_metric", "cpu", "utilization", 60),
            target("status_target_metric", "cpu", "utilization", 45),
            target("status_target_metric", "cpu", "average", 0.25), // the averageValue a utilization status also has
            target("spec_target_metric", "cpu", "utilization", 80, "app"),
            target("status_target_metric", "cpu", "utilization", 90, "app"),
            target("spec_target_metric", "requests", "average", 10),
            target("status_target_metric", "requests", "average", 12.5),
            series("status_current_replicas", {}, {{100, 3}, {155, 4}}),
            series("status_desired_replicas", {}, {{100, 4}}),
            series("spec_min_replicas", {}, {{100, 1}}),
            series("spec_max_replicas", {}, {{100, 10}}),
        };
        const HpaHistory h = buildHpaHistory(matrix, spec);
        QVERIFY(h.ambiguous.empty());
        QVERIFY(h.hasTargetMetricStatus);
        QCOMPARE(h.metrics.size(), std::size_t(3));
        QCOMPARE(historyOf(h, 0)->target.front().v, 10.0);
        QCOMPARE(historyOf(h, 0)->current.front().v, 12.5);
        QCOMPARE(historyOf(h, 1)->target.front().v, 60.0);
        QCOMPARE(historyOf(h, 1)->current.front().v, 45.0); // percent, not the average value
        QCOMPARE(historyOf(h, 2)->target.front().v, 80.0);
        QCOMPARE(historyOf(h, 2)->current.back().v, 91.0);
        QCOMPARE(h.currentReplicas, (std::vector<HistoryPoint>{{100, 3}, {155, 4}}));
        QCOMPARE(h.desiredReplicas.size(), std::size_t(1));
        QCOMPARE(h.minReplicas.front().v, 1.0);
        QCOMPARE(h.maxReplicas.front().v, 10.0);
    }

    void operatorContainerLabelIsNotAMetricContainer()
    {
        // A Prometheus Operator target labels every KSM series with KSM's own container name.
        const std::vector<MetricSpec> spec{resource("cpu", utilization(60))};
        std::vector<Series> matrix{target("spec_target_metric", "cpu", "utilization", 60, "kube-rbac-proxy-main")};
        const HpaHistory h = buildHpaHistory(matrix, spec);
        QCOMPARE(h.metrics.size(), std::size_t(1));
        QCOMPARE(h.metrics[0].target.size(), std::size_t(2));
    }

    void sameKeyIsAmbiguous()
    {
        // KSM names an Object metric by metric.name only: two Services with "hits" look alike.
        const std::vector<MetricSpec> spec{object("hits", "a", value("1k")), resource("cpu", utilization(60)),
                                           object("hits", "b", value("2k"))};
        std::vector<Series> matrix{target("spec_target_metric", "hits", "value", 1000),
                                   target("spec_target_metric", "hits", "value", 2000),
                                   target("spec_target_metric", "cpu", "utilization", 60)};
        const HpaHistory h = buildHpaHistory(matrix, spec);
        QCOMPARE(h.ambiguous, (std::vector<std::size_t>{0, 2}));
        QCOMPARE(h.metrics.size(), std::size_t(1));
        QCOMPARE(h.metrics[0].specIndex, std::size_t(1));
        // Different target types are different keys.
        const HpaHistory h2 = buildHpaHistory({}, {object("hits", "a", value("1k")), object("hits", "b", average("2"))});
        QVERIFY(h2.ambiguous.empty());
        QCOMPARE(h2.metrics.size(), std::size_t(2));
        QVERIFY(h2.metrics[0].target.empty()); // no series: an empty history, not a missing metric
    }

    void twoKsmInstancesMerge()
    {
        // Two replicas scraped at once give each point twice; a KSM restart under a new instance
        // continues the history. The series with more points wins where both have one.
        const std::vector<Series> in{
            series("status_current_replicas", {}, {{100, 3}, {155, 3}, {210, 4}}, "10.0.0.1:8443"),
            series("status_current_replicas", {}, {{155, 9}}, "10.0.0.2:8443"),
            series("status_current_replicas", {}, {{265, 5}, {320, 5}}, "10.0.0.3:8443"),
        };
        const auto merged = mergeDuplicates(in);
        QCOMPARE(merged.size(), std::size_t(1));
        QVERIFY(!merged[0].labels.count("instance"));
        QCOMPARE(merged[0].points, (std::vector<HistoryPoint>{{100, 3}, {155, 3}, {210, 4}, {265, 5}, {320, 5}}));
        const HpaHistory h = buildHpaHistory(in, {});
        QCOMPARE(h.currentReplicas.size(), std::size_t(5));
        // Different label sets stay apart.
        const auto apart = mergeDuplicates({target("spec_target_metric", "cpu", "utilization", 60),
                                            target("spec_target_metric", "cpu", "average", 1)});
        QCOMPARE(apart.size(), std::size_t(2));
    }

    void oldKsmHasNoStatusMetric()
    {
        const std::vector<MetricSpec> spec{resource("cpu", utilization(60))};
        const HpaHistory h = buildHpaHistory({target("spec_target_metric", "cpu", "utilization", 60),
                                              series("status_current_replicas", {}, {{100, 2}})},
                                             spec);
        QVERIFY(!h.hasTargetMetricStatus);
        QCOMPARE(h.metrics.size(), std::size_t(1));
        QVERIFY(h.metrics[0].current.empty());
        QCOMPARE(h.metrics[0].target.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusHistory)
#include "test_prometheus_history.moc"
