// Watch frames per second through hpascope's decode path, on one thread: the HTTP layer's
// chunks (16 KiB, curl's CURL_MAX_WRITE_SIZE, so frames straddle chunks) go through
// kube::watch::LineBuffer, kube::watch::parseWatchFrame (nlohmann_json) and
// kube::api::decodeHorizontalPodAutoscaler, as the Reflector and ClusterSession run them.
// The frames are autoscaling/v2 MODIFIED events as kube-apiserver writes them: compact JSON in Go
// field order, applied by Argo CD (server-side apply: an annotation, no last-applied-configuration),
// two managedFields entries, three metrics (Resource, Pods, External) with their currentMetrics
// and three conditions.
//
// Printed per variant (the run of median CPU time out of kRuns): frames/s and MB/s by the wall
// clock, CPU time per frame and frames per CPU second (the figure that holds on a busy machine),
// and the ratios of the latter against the JSON-only parse and the naive baseline
// (std::getline over a copy of the stream + nlohmann::json::parse) measured in the same run.
//
// Build optimised, the figures of the Debug preset mean little:
//   cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build/bench --target bench_decode
// Run: taskset -c 1 <build>/tests/bench/bench_decode [frames] [chunk bytes]
#include "kube/api/hpa.h"
#include "kube/watch/line_buffer.h"
#include "kube/watch/watch_frame.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using nlohmann::json;

constexpr int kRuns = 5;                // median of five: steady enough on a shared 2-core machine
constexpr int kDefaultFrames = 20000;   // about 50 MB of stream, a few seconds per variant
constexpr std::size_t kCurlChunk = 16384; // CURL_MAX_WRITE_SIZE: the largest chunk libcurl hands over
constexpr int kHpas = 40;               // distinct objects the frames cycle through

std::string str(long long v) { return std::to_string(v); }

// One MODIFIED frame of HPA number i, as kube-apiserver 1.30 writes it to a watch (one line).
// Even HPAs also scale on an External metric: frames of about 2.8 and 3.1 KB.
std::string frame(int i)
{
    const int h = i % kHpas;
    static const char *const kApps[] = {"checkout", "cart", "search", "payments", "catalog"};
    const std::string name = std::string(kApps[h % 5]) + "-api-" + str(h);
    const std::string rv = str(4821300 + i), uid = "5f1c2b7e-8d3a-4c1e-9a7b-0e6f2d4c" + str(1000 + h);
    const int replicas = 3 + i % 7, desired = replicas + (i % 3 == 0), cpu = 40 + i % 45;
    const std::string now = "2025-03-14T1" + str(i % 10) + ":" + str(10 + i % 50) + ":" + str(10 + i % 49) + "Z";
    const bool external = h % 2 == 0;
    const std::string queue = R"("metric":{"name":"queue_messages_ready","selector":{"matchLabels":{"queue":"orders"}}})";

    std::string metrics = R"([{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":60}}},)"
                          R"({"type":"Pods","pods":{"metric":{"name":"http_requests_per_second"},"target":{"type":"AverageValue","averageValue":"50"}}})";
    std::string current = R"([{"type":"Resource","resource":{"name":"cpu","current":{"averageValue":")" + str(cpu * 5)
        + R"(m","averageUtilization":)" + str(cpu) + R"(}}},{"type":"Pods","pods":{"metric":{"name":"http_requests_per_second"},"current":{"averageValue":")"
        + str(40000 + i % 20000) + R"(m"}}})";
    if (external) {
        metrics += R"(,{"type":"External","external":{)" + queue + R"(,"target":{"type":"AverageValue","averageValue":"30"}}})";
        current += R"(,{"type":"External","external":{)" + queue + R"(,"current":{"averageValue":")" + str(i % 60) + R"("}}})";
    }
    metrics += "]";
    current += "]";

    const std::string fieldsCondition = R"({".":{},"f:lastTransitionTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}})";
    const std::string managedFields =
        R"([{"manager":"argocd-controller","operation":"Apply","apiVersion":"autoscaling/v2","time":"2025-03-14T09:26:53Z","fieldsType":"FieldsV1",)"
        R"("fieldsV1":{"f:metadata":{"f:annotations":{"f:argocd.argoproj.io/tracking-id":{}},"f:labels":{"f:app":{},"f:team":{}}},)"
        R"("f:spec":{"f:maxReplicas":{},"f:metrics":{},"f:minReplicas":{},"f:scaleTargetRef":{}}}},)"
        R"({"manager":"kube-controller-manager","operation":"Update","apiVersion":"autoscaling/v2","time":")" + now
        + R"(","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:conditions":{".":{},"k:{\"type\":\"AbleToScale\"}":)" + fieldsCondition
        + R"(,"k:{\"type\":\"ScalingActive\"}":)" + fieldsCondition + R"(,"k:{\"type\":\"ScalingLimited\"}":)" + fieldsCondition
        + R"(},"f:currentMetrics":{},"f:currentReplicas":{},"f:desiredReplicas":{},"f:lastScaleTime":{}}},"subresource":"status"}])";
    const std::string conditions =
        R"([{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-03-14T09:27:08Z","reason":"ReadyForNewScale","message":"recommended size matches current size"},)"
        R"j({"type":"ScalingActive","status":"True","lastTransitionTime":"2025-03-14T09:27:08Z","reason":"ValidMetricFound","message":"the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)"},)j"
        R"({"type":"ScalingLimited","status":"False","lastTransitionTime":")" + now
        + R"(","reason":"DesiredWithinRange","message":"the desired count is within the acceptable range"}])";

    return R"({"type":"MODIFIED","object":{"kind":"HorizontalPodAutoscaler","apiVersion":"autoscaling/v2",)"
           R"("metadata":{"name":")" + name + R"(","namespace":"shop","uid":")" + uid + R"(","resourceVersion":")" + rv
        + R"(","generation":2,"creationTimestamp":"2025-03-14T09:26:53Z","labels":{"app":")" + name
        + R"(","team":"payments"},"annotations":{"argocd.argoproj.io/tracking-id":"shop:autoscaling/HorizontalPodAutoscaler:shop/)" + name
        + R"("},"managedFields":)" + managedFields + "},"
        + R"("spec":{"scaleTargetRef":{"kind":"Deployment","name":")" + name
        + R"(","apiVersion":"apps/v1"},"minReplicas":2,"maxReplicas":20,"metrics":)" + metrics + "},"
        + R"("status":{"observedGeneration":2,"lastScaleTime":")" + now + R"(","currentReplicas":)" + str(replicas)
        + R"(,"desiredReplicas":)" + str(desired) + R"(,"currentMetrics":)" + current + R"(,"conditions":)" + conditions + "}}}\n";
}

struct Run {
    double wallS = 0, cpuS = 0;
    long long frames = 0, check = 0; // check: sum of a decoded field, proof the work was done
};

double cpuNow()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

Run timed(const std::function<void(Run &)> &body)
{
    Run r;
    const double cpu0 = cpuNow();
    const auto t0 = std::chrono::steady_clock::now();
    body(r);
    r.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.cpuS = cpuNow() - cpu0;
    return r;
}

// Feeds the stream in chunks of `chunk` bytes, as http::Client's onChunk does.
template <typename OnLine>
void feedChunks(std::string_view stream, std::size_t chunk, OnLine onLine)
{
    kube::watch::LineBuffer lines;
    for (std::size_t at = 0; at < stream.size(); at += chunk) {
        for (const auto &line : lines.feed(stream.substr(at, chunk)))
            onLine(line);
    }
}

struct Figures {
    double framesPerS = 0, mbPerS = 0, cpuUsPerFrame = 0;
    long long check = 0;
    double framesPerCpuS() const { return 1e6 / cpuUsPerFrame; }
};

// The run of median CPU time: on a shared machine the wall clock also counts other processes.
Figures medianOf(const std::function<void(Run &)> &body, std::size_t bytes)
{
    std::vector<Run> runs;
    for (int i = 0; i < kRuns; ++i)
        runs.push_back(timed(body));
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.cpuS < b.cpuS; });
    const Run &m = runs[runs.size() / 2];
    return {double(m.frames) / m.wallS, double(bytes) / m.wallS / 1e6, m.cpuS / double(m.frames) * 1e6, m.check};
}

} // namespace

int main(int argc, char **argv)
{
    const int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : kDefaultFrames;
    const std::size_t chunk = argc > 2 ? std::size_t(std::max(1, std::atoi(argv[2]))) : kCurlChunk;

    std::string stream;
    std::vector<std::string_view> lineViews; // for the JSON-only variant
    for (int i = 0; i < frames; ++i)
        stream += frame(i);
    for (std::size_t at = 0; at < stream.size();) {
        const std::size_t nl = stream.find('\n', at);
        lineViews.push_back(std::string_view(stream).substr(at, nl - at));
        at = nl + 1;
    }
    std::vector<json> objects; // the typed-decode-only variant decodes these, round robin
    for (int i = 0; i < kHpas && i < frames; ++i)
        objects.push_back(json::parse(lineViews[std::size_t(i)])["object"]);

    long long expected = 0;
    for (int i = 0; i < frames; ++i)
        expected += 3 + i % 7; // status.currentReplicas of frame i
    std::printf("frames %d, %.0f bytes per frame (%zu and %zu), chunks of %zu bytes, %d runs, medians\n", frames,
                double(stream.size()) / frames, frame(1).size(), frame(0).size(), chunk, kRuns);

    const Figures full = medianOf([&](Run &r) {
        feedChunks(stream, chunk, [&](const std::string &line) {
            auto f = kube::watch::parseWatchFrame(line);
            if (!f)
                return;
            auto hpa = kube::api::decodeHorizontalPodAutoscaler(f->object);
            if (!hpa)
                return;
            ++r.frames;
            r.check += hpa->status.currentReplicas;
        });
    }, stream.size());
    const Figures lineBuffer = medianOf([&](Run &r) {
        feedChunks(stream, chunk, [&](const std::string &line) {
            ++r.frames;
            r.check += (long long)line.size() + 1; // every byte of the stream, newlines included
        });
    }, stream.size());
    const Figures jsonOnly = medianOf([&](Run &r) {
        for (const auto line : lineViews) {
            json j = json::parse(line);
            ++r.frames;
            r.check += j["object"]["status"]["currentReplicas"].get<int>();
        }
    }, stream.size());
    const Figures typedOnly = medianOf([&](Run &r) {
        for (int i = 0; i < frames; ++i) {
            auto hpa = kube::api::decodeHorizontalPodAutoscaler(objects[std::size_t(i) % objects.size()]);
            ++r.frames;
            r.check += hpa ? hpa->status.currentReplicas : 0;
        }
    }, stream.size() / std::size_t(frames) * objects.size()); // MB/s means little here
    const Figures naive = medianOf([&](Run &r) {
        std::istringstream in(std::string{stream});
        std::string line;
        while (std::getline(in, line)) {
            json j = json::parse(line);
            ++r.frames;
            r.check += j["object"]["status"]["currentReplicas"].get<int>();
        }
    }, stream.size());

    std::printf("%-44s %9s %9s %8s %8s %8s %8s\n", "", "frames/s", "MB/s", "us CPU", "frames/", "x JSON-", "x naive");
    std::printf("%-44s %9s %9s %8s %8s %8s %8s\n", "", "(wall)", "(wall)", "/frame", "CPU s", "only", "");
    auto print = [&](const char *what, const Figures &f) {
        std::printf("%-44s %9.0f %9.1f %8.2f %8.0f %8.2f %8.2f\n", what, f.framesPerS, f.mbPerS, f.cpuUsPerFrame,
                    f.framesPerCpuS(), f.framesPerCpuS() / jsonOnly.framesPerCpuS(),
                    f.framesPerCpuS() / naive.framesPerCpuS());
    };
    print("(a) full: LineBuffer + parseWatchFrame + HPA", full);
    print("    LineBuffer alone", lineBuffer);
    print("    typed HPA decode alone (parsed objects)", typedOnly);
    print("(b) JSON parse only (pre-split lines)", jsonOnly);
    print("(c) naive: getline over a copy + json::parse", naive);

    const std::pair<const Figures *, long long> checks[] = {
        {&full, expected}, {&lineBuffer, (long long)stream.size()}, {&jsonOnly, expected}, {&naive, expected}};
    for (const auto &[f, want] : checks) {
        if (f->check != want) {
            std::fprintf(stderr, "wrong result: checksum %lld, expected %lld\n", f->check, want);
            return 1;
        }
    }
    // For scripts (tests/bench/cluster/run): frames per CPU second of the full path, and naive's.
    std::printf("full_frames_per_s %.0f\nnaive_frames_per_s %.0f\n", full.framesPerCpuS(), naive.framesPerCpuS());
    return 0;
}
