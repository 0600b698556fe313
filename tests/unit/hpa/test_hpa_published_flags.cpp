// The controller flags a cluster publishes in ConfigMap kube-system/hpascope-controller-flags:
// Go durations as kube-controller-manager's flags take them, keys left out keep Kubernetes'
// defaults, and a bad value is an error that names the key and the value.
#include "kube/hpa/published_flags.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace kube::hpa;
using namespace std::chrono_literals;
using nlohmann::json;

class TestHpaPublishedFlags : public QObject {
    Q_OBJECT

private slots:
    void goDurations()
    {
        QCOMPARE(parseGoDuration("15s"), std::optional(std::chrono::milliseconds(15s)));
        QCOMPARE(parseGoDuration("5m0s"), std::optional(std::chrono::milliseconds(300s)));
        QCOMPARE(parseGoDuration("1m30s"), std::optional(std::chrono::milliseconds(90s)));
        QCOMPARE(parseGoDuration("1500ms"), std::optional(1500ms));
        QCOMPARE(parseGoDuration("1.5h"), std::optional(std::chrono::milliseconds(5400s)));
        QCOMPARE(parseGoDuration("0"), std::optional(0ms));
        QCOMPARE(parseGoDuration("-2s"), std::optional(-2000ms));
        for (const char *bad : {"", "15", "s", "15 s", "15x", "1m30", "abc", "1..5s"})
            QVERIFY2(!parseGoDuration(bad), bad);
    }

    void flagsOverDefaults()
    {
        const json cm = {{"data",
                          {{"horizontal-pod-autoscaler-downscale-stabilization", "30s"},
                           {"horizontal-pod-autoscaler-sync-period", "5s"},
                           {"something-else", "ignored"}}}};
        const auto flags = readPublishedFlags(cm);
        QVERIFY(flags);
        QCOMPARE(flags->downscaleStabilization, 30s);
        QCOMPARE(flags->syncPeriod, 5s);
        QCOMPARE(flags->tolerance, 0.1); // not published: Kubernetes' default
        const auto tol = readPublishedFlags(json{{"data", {{"horizontal-pod-autoscaler-tolerance", "0.05"}}}});
        QVERIFY(tol);
        QCOMPARE(tol->tolerance, 0.05);
        QCOMPARE(tol->downscaleStabilization, 300s);
        QVERIFY(readPublishedFlags(json::object())); // no data: the defaults
    }

    void badValuesAreNamed()
    {
        const auto bad = readPublishedFlags(json{{"data", {{"horizontal-pod-autoscaler-downscale-stabilization", "5 minutes"}}}});
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, kube::Error::Kind::Invalid);
        const QByteArray text = QByteArray::fromStdString(bad.error().toString());
        QVERIFY2(text.contains("horizontal-pod-autoscaler-downscale-stabilization") && text.contains("\"5 minutes\"") &&
                     text.contains("kube-system/hpascope-controller-flags"),
                 text.constData());
        QVERIFY(!readPublishedFlags(json{{"data", {{"horizontal-pod-autoscaler-sync-period", "0s"}}}}));
        QVERIFY(!readPublishedFlags(json{{"data", {{"horizontal-pod-autoscaler-tolerance", "1.5"}}}}));
        QVERIFY(!readPublishedFlags(json{{"data", {{"horizontal-pod-autoscaler-tolerance", "ten"}}}}));
    }
};

QTEST_GUILESS_MAIN(TestHpaPublishedFlags)
#include "test_hpa_published_flags.moc"
