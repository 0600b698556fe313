// The scale-down window inferred from what a dashboard sees, against the ported controller run
// with a known flag: syncs run late by up to kSyncLateness, and each status the controller wrote
// reaches the ObservedHistory up to kWatchLatency later, in order (the limits the inference
// allows for). The inferred bounds must hold the true window, and be about as tight as the
// sync period allows.
#include "hpa_test_support.h"
#include "kube/hpa/explainer.h"
#include "kube/hpa/window_inference.h"

#include <QObject>
#include <QTest>

#include <random>

using namespace hpatest;
using namespace kube::api;

namespace {

using Seen = ObservedHistory::Seen;
// The load over time: (from second, value in milli); the last phase begun holds.
using Phases = std::vector<std::pair<int, int64_t>>;

constexpr int64_t kLow = 100000; // ceil(100 / 100): 1 replica

struct Load {
    Phases phases;
    int seconds = 0; // when the last cycle ends
};

// Cycles of load: high for 45..84 s, sometimes a shorter middle step, then low long enough for
// the window to pass. `offset` varies the lengths between HPAs.
Load cycles(Seconds window, int count, int offset)
{
    Phases p;
    int t = 0;
    for (int i = 0; i < count; ++i) {
        p.push_back({t, 500000}); // 5 replicas
        t += 45 + 13 * ((i + offset) % 4);
        if ((i + offset) % 2) { // 3 replicas for less than a window: 5 → 3 → 1
            p.push_back({t, 300000});
            t += int(window.count()) / 2 + 7;
        }
        p.push_back({t, kLow});
        t += int(window.count()) + 60 + 29 * ((i + offset) % 3);
    }
    return {p, t};
}

struct Watched {
    ObservedHistory observed;
    int scaleDowns = 0;
};

// One HPA run by the controller with `config` for `seconds`; the dashboard sees each status it
// wrote a little later, except during `gaps` (a broken watch): the relist after one shows the
// status of that moment.
Watched watch(const ControllerConfig &config, HorizontalPodAutoscaler hpa, const Load &load, uint32_t seed,
              const std::vector<std::pair<int, int>> &gaps = {})
{
    const Phases &phases = load.phases;
    Controller controller(config);
    Watched w{ObservedHistory(config)};
    std::mt19937 rng(seed);
    int32_t replicas = 1;
    w.observed.observe(hpa, t0() - 1s, {}, Seen::List); // listed before the first sync
    std::string last;
    bool broken = false;
    auto upTo = [&](Seconds limit) {
        return std::chrono::milliseconds(rng() % std::chrono::milliseconds(limit).count());
    };
    Time seenAt = t0();
    for (Time t = t0(); t < t0() + Seconds(load.seconds); t += config.syncPeriod + upTo(kSyncLateness)) {
        const auto since = std::chrono::duration_cast<Seconds>(t - t0()).count();
        int64_t value = phases.front().second;
        for (const auto &[from, v] : phases)
            if (since >= from)
                value = v;
        const SyncResult r = controller.reconcile(hpa, sync(t, replicas, {objectValue(value)}));
        hpa.status = r.status;
        if (r.rescale) {
            w.scaleDowns += r.desiredReplicas < replicas ? 1 : 0;
            replicas = r.desiredReplicas;
        }
        seenAt = std::max(seenAt, t + upTo(kWatchLatency)); // a watch delivers in order
        const bool down = std::any_of(gaps.begin(), gaps.end(), [&](const auto &g) {
            return since >= g.first && since < g.second;
        });
        if (down) {
            broken = true;
            continue;
        }
        const std::string f = fingerprint(hpa.status);
        if (broken) {
            w.observed.observe(hpa, seenAt, {}, Seen::List);
            broken = false;
        } else if (f != last) {
            w.observed.observe(hpa, seenAt);
        }
        last = f;
    }
    return w;
}

HorizontalPodAutoscalerBehavior scaleDownRules(std::optional<int32_t> window, std::vector<HPAScalingPolicy> policies)
{
    HorizontalPodAutoscalerBehavior b;
    b.scaleDown = HPAScalingRules{window, std::nullopt, std::move(policies), {}};
    return b;
}

ControllerConfig flags(Seconds window, Seconds sync)
{
    ControllerConfig c;
    c.downscaleStabilization = window;
    c.syncPeriod = sync;
    return c;
}

QByteArray describe(const std::optional<WindowInference> &w)
{
    if (!w)
        return "none";
    if (!w->consistent)
        return "inconsistent over " + QByteArray::number(w->count) + " scale-downs";
    return QByteArray::number(qint64(w->lo.count())) + ".." + QByteArray::number(qint64(w->hi.count())) + " s from " +
           QByteArray::number(w->count) + " scale-downs";
}

} // namespace

class TestHpaWindowInference : public QObject {
    Q_OBJECT

private slots:
    void boundsHoldTheTrueWindow_data()
    {
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("syncPeriod");
        QTest::addColumn<bool>("gaps");
        for (const int sync : {15, 1})
            for (const int window : {60, 300, 5})
                QTest::addRow("%d s window, %d s sync", window, sync) << window << sync << false;
        QTest::newRow("300 s window, 15 s sync, broken watches") << 300 << 15 << true;
        QTest::newRow("60 s window, 1 s sync, broken watches") << 60 << 1 << true;
    }

    void boundsHoldTheTrueWindow()
    {
        QFETCH(int, window);
        QFETCH(int, syncPeriod);
        QFETCH(bool, gaps);
        const ControllerConfig config = flags(Seconds(window), Seconds(syncPeriod));
        // Two HPAs of one controller: the legacy path, and a behavior that leaves the window to
        // the flag (its default policy, 100 % per 15 s, never binds).
        std::vector<Watched> runs;
        for (int i = 0; i < 2; ++i) {
            const Load load = cycles(config.downscaleStabilization, 4, i);
            // Broken watches: in the first cycle's hold, around the second's scale-down, none in
            // the third (the relist hides what was written meanwhile).
            std::vector<std::pair<int, int>> broken;
            int cycle = 0;
            for (const auto &[from, value] : load.phases)
                if (gaps && value == kLow && cycle++ % 3 != 2) {
                    const int at = from + (cycle % 3 == 1 ? window / 3 : window - syncPeriod) + 5 * i;
                    broken.push_back({at, at + 2 * syncPeriod + 3});
                }
            auto hpa = averageHpa(1, 10, i ? std::optional(scaleDownRules(std::nullopt, {})) : std::nullopt);
            hpa.metadata.name = "hpa-" + std::to_string(i);
            runs.push_back(watch(config, hpa, load, 7 + 31 * i + window + syncPeriod, broken));
            QVERIFY2(runs.back().scaleDowns >= 4, "the scenario scales down in every cycle");
        }
        std::vector<const ObservedHistory *> histories;
        for (const Watched &w : runs)
            histories.push_back(&w.observed);
        const auto inferred = inferWindowFrom(histories, config.syncPeriod);
        qInfo("%d s window, %d s sync%s: inferred %s", window, syncPeriod, gaps ? " (broken watches)" : "",
              describe(inferred).constData());
        QVERIFY(inferred);
        QVERIFY2(inferred->contains(config.downscaleStabilization), describe(inferred));
        QVERIFY(inferred->count >= 4);
        // One scale-down bounds the window to 2 × (sync + lateness + latency) + 2 s of rounding:
        // where it was held, the intersection is no wider.
        const Seconds width = 2 * (config.syncPeriod + kSyncLateness + kWatchLatency) + 2s;
        QVERIFY2(inferred->hi - inferred->lo <= width, describe(inferred));
        // A sync period assumed longer than the controller's widens the bounds, never breaks them.
        if (syncPeriod < 15) {
            const auto assumed = inferWindowFrom(histories, 15s);
            qInfo("  with the sync assumed at 15 s: %s", describe(assumed).constData());
            QVERIFY2(assumed && assumed->contains(config.downscaleStabilization), describe(assumed));
        }
    }

    void explicitWindowIsLeftOut()
    {
        // The flag is 300 s; this HPA sets 30 s itself and scales down after 30 s.
        const ControllerConfig config = flags(300s, 15s);
        auto own = averageHpa(1, 10, scaleDownRules(30, {}));
        const Watched explicitWindow = watch(config, own, cycles(30s, 3, 0), 3);
        QVERIFY(explicitWindow.scaleDowns >= 3);
        QVERIFY(windowEvidence(explicitWindow.observed).empty());
        QVERIFY(!inferWindowFrom({&explicitWindow.observed}, config.syncPeriod));

        const Watched legacy = watch(config, averageHpa(1, 10), cycles(300s, 2, 1), 5);
        const auto both = inferWindowFrom({&explicitWindow.observed, &legacy.observed}, config.syncPeriod);
        qInfo("legacy HPA beside one with its own 30 s window: %s", describe(both).constData());
        QVERIFY2(both && both->contains(300s), describe(both));
        QCOMPARE(both->count, int(windowEvidence(legacy.observed).size()));
    }

    void policyLimitedScaleDownIsLeftOut()
    {
        // One pod per 60 s: after the 30 s window the policy sets every step's time.
        const ControllerConfig config = flags(30s, 15s);
        auto hpa = averageHpa(1, 10, scaleDownRules(std::nullopt, {{HPAScalingPolicyType::Pods, 1, 60}}));
        const Watched w = watch(config, hpa, {{{0, 500000}, {60, kLow}}, 600}, 11);
        QCOMPARE(w.scaleDowns, 4); // 5 → 4 → 3 → 2 → 1
        QVERIFY(windowEvidence(w.observed).empty());
        QVERIFY(!inferWindowFrom({&w.observed}, config.syncPeriod));
    }

    void maxReplicasCutIsLeftOut()
    {
        // maxReplicas lowered under the replicas: the controller scales down at once, without a
        // recommendation; no window let it go.
        Controller c;
        ObservedHistory observed(c.config());
        auto hpa = averageHpa(1, 10);
        int32_t replicas = 1;
        observed.observe(hpa, t0() - 1s, {}, Seen::List);
        for (int k = 0; k < 10; ++k) {
            hpa.spec.maxReplicas = k < 5 ? 10 : 2;
            const Time t = t0() + Seconds(15 * k);
            const SyncResult r = c.reconcile(hpa, sync(t, replicas, {objectValue(500000)}));
            hpa.status = r.status;
            replicas = r.rescale ? r.desiredReplicas : replicas;
            observed.observe(hpa, t + 100ms);
        }
        QCOMPARE(replicas, 2);
        QVERIFY(windowEvidence(observed).empty());
    }

    void noScaleDownNoInference()
    {
        const ControllerConfig config = flags(60s, 15s);
        const Watched w = watch(config, averageHpa(1, 10), {{{0, 500000}}, 300}, 13);
        QCOMPARE(w.scaleDowns, 0);
        QVERIFY(!inferWindowFrom({&w.observed}, config.syncPeriod));
        const ObservedHistory empty(config);
        QVERIFY(!inferWindowFrom({&empty}, config.syncPeriod));
        QVERIFY(!inferWindowFrom(std::vector<const ObservedHistory *>{}, config.syncPeriod));
    }

    void differentFlagsAreInconsistent()
    {
        // Histories of two controllers, 60 s and 300 s: no one window fits both.
        const Watched a = watch(flags(60s, 15s), averageHpa(1, 10), cycles(60s, 3, 0), 17);
        const Watched b = watch(flags(300s, 15s), averageHpa(1, 10), cycles(300s, 3, 1), 19);
        const auto alone = inferWindowFrom({&a.observed}, 15s);
        QVERIFY2(alone && alone->contains(60s), describe(alone));
        const auto merged = inferWindowFrom({&a.observed, &b.observed}, 15s);
        qInfo("60 s and 300 s together: %s", describe(merged).constData());
        QVERIFY(merged);
        QVERIFY(!merged->consistent);
        QVERIFY(!merged->contains(60s) && !merged->contains(300s));
        QCOMPARE(merged->count, int(windowEvidence(a.observed).size() + windowEvidence(b.observed).size()));
    }

    void whyBoxSaysTheInferredWindow()
    {
        // Held by the assumed 300 s window (as in test_hpa_explainer's seedHeldScaleDown).
        Controller c;
        int32_t replicas = 1;
        auto hpa = averageHpa(1, 10);
        for (const auto &[at, milli] : std::vector<std::pair<int, int64_t>>{{0, 200000}, {15, 200000}, {30, kLow}}) {
            const SyncResult r = c.reconcile(hpa, sync(t0() + Seconds(at), replicas, {objectValue(milli)}));
            hpa.status = r.status;
            replicas = r.rescale ? r.desiredReplicas : replicas;
        }
        QCOMPARE(replicas, 2);
        ExplainInputs in;
        in.history = std::as_const(c).history(Controller::keyOf(hpa));
        auto texts = [&](std::optional<WindowInference> w, ConfigSource source) {
            in.inferredWindow = w;
            in.configSource = source;
            const Explanation ex = explain(hpa, c.config(), in, t0() + 40s);
            QStringList out;
            for (const auto &s : ex.sentences)
                out << QString::fromStdString(s.text());
            return out;
        };
        const QStringList off = texts(WindowInference{52s, 76s, 3, true}, ConfigSource::Assumed);
        QVERIFY2(off.size() >= 2 && off.at(off.size() - 2).startsWith(QStringLiteral("Assumed:")),
                 qPrintable(off.join('|')));
        QCOMPARE(off.last(), QStringLiteral("From the scale-downs hpascope saw (3), the controller's scale-down window "
                                            "is between 52 and 76 s, not the assumed 300 s \u2014 set it under "
                                            "Controller flags."));
        QCOMPARE(texts(WindowInference{280s, 320s, 2, true}, ConfigSource::Assumed).last(),
                 QStringLiteral("From the scale-downs hpascope saw (2), the controller's scale-down window is between "
                                "280 and 320 s."));
        QCOMPARE(texts(WindowInference{0s, 0s, 4, false}, ConfigSource::Assumed).last(),
                 QStringLiteral("The scale-downs hpascope saw (4) fit no single scale-down window: the "
                                "controller's sync period may be longer than the assumed 15 s, its flags may have "
                                "changed, or it restarted while a window held."));
        // Flags set or published are not second-guessed; without an inference nothing is added.
        for (const ConfigSource source : {ConfigSource::Set, ConfigSource::Published})
            QVERIFY(!texts(WindowInference{52s, 76s, 3, true}, source).join('|').contains(
                QStringLiteral("scale-downs")));
        QVERIFY(!texts(std::nullopt, ConfigSource::Assumed).join('|').contains(QStringLiteral("scale-downs")));
        // The replay stays on the flags: the held sentence still names 300 s.
        QVERIFY(off.join('|').contains(QStringLiteral("held by the 300 s stabilization window")));
    }
};

QTEST_GUILESS_MAIN(TestHpaWindowInference)
#include "test_hpa_window_inference.moc"
