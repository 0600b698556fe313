// What a burst of HPA status updates costs the table (issue #14): N HPAs in an HpaTableView at
// 1440×300, then M upserts changing status fields (replicas, metric values, conditions) of random
// rows, the events processed after every `batch` upserts so the view repaints as a person would
// see it. CPU seconds (getrusage, user+sys) per 1000 updates, medians of three runs, for the old
// column sizing (ResizeToContents on every section) and the view's own (fit once, then kept),
// interleaved in the same run. Prints plain numbers; never fails for being slow.
//
// Run: QT_QPA_PLATFORM=offscreen <build>/tests/bench/bench_table_churn [hpas] [updates] [batch] [fit-only]
// Without arguments: 1000 and 100 HPAs, 2000 updates, batches of 1 and of 50. "fit-only" skips
// the ResizeToContents runs (to profile what is left).
#include "app/core/hpa_list_model.h"
#include "kube/api/hpa.h"
#include "widgets/hpa_table_view.h"

#include <QApplication>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QTableView>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace hpascope;
using kube::api::HorizontalPodAutoscaler;

namespace {

constexpr int kRuns = 3;
constexpr int kWidth = 1440, kHeight = 300; // the window's width; the table's share of its height

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto s = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The status a controller writes for one HPA: a CPU utilization metric, and for every third
// HPA a requests-per-second Object metric as well.
struct Status {
    int current = 2, desired = 2;
    int cpu = 50;      // % of requests
    int rpsMilli = 0;  // Object metric, 0 = the HPA has only the CPU metric
    bool limited = false;
    bool scaled = false; // has a lastScaleTime
};

nlohmann::json metricPair(bool object, const Status &s, bool status)
{
    if (!object) {
        nlohmann::json r = {{"name", "cpu"}};
        if (status)
            r["current"] = {{"averageUtilization", s.cpu}, {"averageValue", std::to_string(s.cpu * 5) + "m"}};
        else
            r["target"] = {{"type", "Utilization"}, {"averageUtilization", 60}};
        return {{"type", "Resource"}, {"resource", r}};
    }
    nlohmann::json o = {{"describedObject", {{"apiVersion", "networking.k8s.io/v1"}, {"kind", "Ingress"}, {"name", "main-route"}}},
                        {"metric", {{"name", "requests-per-second"}}}};
    if (status)
        o["current"] = {{"value", std::to_string(s.rpsMilli) + "m"}};
    else
        o["target"] = {{"type", "Value"}, {"value", "2k"}};
    return {{"type", "Object"}, {"object", o}};
}

HorizontalPodAutoscaler makeHpa(int i, const Status &s)
{
    static const char *const kApps[] = {"checkout-api", "payments-worker", "search-frontend", "inventory-sync",
                                        "recommendation-engine", "auth-gateway", "image-resizer", "notifications"};
    const std::string ns = "team-" + std::to_string(i % 37);
    const std::string name = std::string(kApps[i % 8]) + '-' + std::to_string(i);
    nlohmann::json specMetrics = nlohmann::json::array({metricPair(false, s, false)});
    nlohmann::json statusMetrics = nlohmann::json::array({metricPair(false, s, true)});
    if (s.rpsMilli > 0) {
        specMetrics.push_back(metricPair(true, s, false));
        statusMetrics.push_back(metricPair(true, s, true));
    }
    const std::string t = "2026-05-01T12:00:00Z";
    nlohmann::json status = {
        {"currentReplicas", s.current},
        {"desiredReplicas", s.desired},
        {"currentMetrics", statusMetrics},
        {"conditions",
         {{{"type", "AbleToScale"}, {"status", "True"}, {"reason", s.desired == s.current ? "ReadyForNewScale" : "SucceededRescale"},
           {"lastTransitionTime", t}},
          {{"type", "ScalingActive"}, {"status", "True"}, {"reason", "ValidMetricFound"}, {"lastTransitionTime", t}},
          {{"type", "ScalingLimited"}, {"status", s.limited ? "True" : "False"},
           {"reason", s.limited ? "TooManyReplicas" : "DesiredWithinRange"}, {"lastTransitionTime", t}}}}};
    if (s.scaled)
        status["lastScaleTime"] = t;
    const nlohmann::json j = {
        {"apiVersion", "autoscaling/v2"},
        {"kind", "HorizontalPodAutoscaler"},
        {"metadata", {{"name", name}, {"namespace", ns}, {"resourceVersion", "1"}}},
        {"spec",
         {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", kApps[i % 8]}}},
          {"minReplicas", 2},
          {"maxReplicas", 20},
          {"metrics", specMetrics}}},
        {"status", status}};
    auto hpa = kube::api::decodeHorizontalPodAutoscaler(j);
    if (!hpa)
        qFatal("fixture does not decode: %s", hpa.error().toString().c_str());
    return std::move(hpa.value());
}

Status randomStatus(QRandomGenerator &rng, int i)
{
    Status s;
    s.current = 2 + int(rng.bounded(18));
    s.desired = std::clamp(s.current + int(rng.bounded(5)) - 2, 2, 20);
    s.cpu = 10 + int(rng.bounded(140));
    s.rpsMilli = i % 3 == 0 ? 100 + int(rng.bounded(4'000'000)) : 0;
    s.limited = s.desired == 20;
    s.scaled = rng.bounded(4) != 0;
    return s;
}

struct Workload {
    std::vector<HorizontalPodAutoscaler> initial;
    std::vector<HorizontalPodAutoscaler> updates; // decoded up front: the view's cost alone is measured
};

Workload makeWorkload(int hpas, int updates)
{
    QRandomGenerator rng(14); // the number: the same rows and values every run
    Workload w;
    for (int i = 0; i < hpas; ++i)
        w.initial.push_back(makeHpa(i, randomStatus(rng, i)));
    for (int u = 0; u < updates; ++u) {
        const int i = int(rng.bounded(hpas));
        w.updates.push_back(makeHpa(i, randomStatus(rng, i)));
    }
    return w;
}

// Counts the table's repaints: proof that both modes drew what they were sent.
struct PaintCounter : QObject {
    int paints = 0;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

struct Result {
    double cpuPer1000 = 0;
    int paints = 0;
};

Result runOnce(const Workload &w, bool resizeToContents, int batch)
{
    HpaListModel model;
    HpaTableView view;
    view.resize(kWidth, kHeight);
    if (resizeToContents) // what the view did before issue #14
        view.table()->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view.setModel(&model);
    view.show();
    model.resetAll(w.initial);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(); // exposed, laid out, first paint done
    PaintCounter counter;
    view.table()->viewport()->installEventFilter(&counter);

    const double before = cpuSeconds();
    int pending = 0;
    for (const HorizontalPodAutoscaler &h : w.updates) {
        model.upsert(h);
        if (++pending == batch) {
            QCoreApplication::processEvents();
            pending = 0;
        }
    }
    QCoreApplication::processEvents();
    const double spent = cpuSeconds() - before;
    return {spent * 1000.0 / double(w.updates.size()), counter.paints};
}

void bench(int hpas, int updates, int batch, bool fitOnly)
{
    const Workload w = makeWorkload(hpas, updates);
    std::vector<double> oldCpu, newCpu;
    int oldPaints = 0, newPaints = 0;
    for (int run = 0; run < kRuns; ++run) { // interleaved, so load on the machine hits both alike
        const Result o = fitOnly ? Result{} : runOnce(w, true, batch);
        const Result n = runOnce(w, false, batch);
        oldCpu.push_back(o.cpuPer1000);
        newCpu.push_back(n.cpuPer1000);
        oldPaints = o.paints;
        newPaints = n.paints;
    }
    const double o = median(oldCpu), n = median(newCpu);
    std::printf("%6d %8d %6d %18.3f %14.3f %8.1f %11d %11d\n", hpas, updates, batch, o, n, n > 0 && o > 0 ? o / n : 0.0,
                oldPaints, newPaints);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // figures, not windows
    QApplication app(argc, argv);
    std::vector<int> sizes{1000, 100};
    std::vector<int> batches{1, 50};
    int updates = 2000;
    if (argc > 1)
        sizes = {std::max(1, QByteArray(argv[1]).toInt())};
    if (argc > 2)
        updates = std::max(1, QByteArray(argv[2]).toInt());
    if (argc > 3)
        batches = {std::max(1, QByteArray(argv[3]).toInt())};
    const bool fitOnly = argc > 4 && QByteArray(argv[4]) == "fit-only";

    std::printf("CPU seconds per 1000 updates, medians of %d runs; table %d×%d\n", kRuns, kWidth, kHeight);
    std::printf("%6s %8s %6s %18s %14s %8s %11s %11s\n", "hpas", "updates", "batch", "resize_to_contents", "fit_once_kept",
                "ratio", "paints_old", "paints_new");
    for (int hpas : sizes)
        for (int batch : batches)
            bench(hpas, updates, batch, fitOnly);
    return 0;
}
