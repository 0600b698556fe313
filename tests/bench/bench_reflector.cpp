// What a pod watch costs in memory: N realistic Deployment pods (about 5 KB of JSON each, with
// managedFields, conditions and containerStatuses, as the API server sends them) listed in pages
// of 500 and then each MODIFIED once through the watch stream of the scripted HTTPS server, all
// through kube/watch's decode path. Each variant runs in a fresh child process so one variant's
// heap cannot flatter the next; the figures are taken once everything is applied, after
// malloc_trim, while the watch is still open. Prints plain numbers; Linux/glibc figures only.
//
// Variants:
//   reflector         a Reflector whose handler only counts (what the reflector itself keeps)
//   reflector_copies  the handler also keeps every object as a JSON tree by key: the cost of a
//                     full object store (what Reflector kept before it held key → resourceVersion)
//   pod_tracker       app/core's PodTracker, the path the dashboard uses for pods
//
// Run: <build>/tests/bench/bench_reflector [pods]
#include "app/core/pod_tracker.h"
#include "kube/api/paths.h"
#include "kube/http/client.h"
#include "kube/watch/reflector.h"
#include "scripted_server.h"
#include "test_credentials.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sys/wait.h>
#include <unistd.h>

using namespace hpascope;
using namespace hpascope::test;
using nlohmann::json;

namespace {

const std::string kNs = "bench";
constexpr int kPageSize = 500; // ReflectorOptions::listPageSize, client-go's pager default
constexpr int kTimeoutMs = 600000;

std::string suffix(int i)
{
    static const char kAlphabet[] = "bcdfghjklmnpqrstvwxz2456789"; // the apiserver's name suffixes
    std::string s;
    for (int k = 0; k < 5; ++k, i /= 27)
        s += kAlphabet[i % 27];
    return s;
}

json condition(const char *type, bool value, const std::string &at)
{
    return {{"type", type}, {"status", value ? "True" : "False"}, {"lastProbeTime", nullptr}, {"lastTransitionTime", at}};
}

// A pod of Deployment "web" as `kubectl get pod -o json --show-managed-fields` prints it.
json pod(int i, long long rv, bool ready)
{
    const std::string hash = "7d9c8b6f5d";
    const std::string name = "web-" + hash + "-" + suffix(i);
    const std::string uid = "4f3c2a1e-9b8d-4c7f-a6e5-" + std::to_string(100000000000LL + i);
    const std::string created = "2026-11-29T14:02:11Z", started = "2026-11-29T14:02:19Z";
    const std::string ip = "10.244." + std::to_string(i / 250 + 1) + "." + std::to_string(i % 250 + 2);
    json fieldsMeta = {{"f:metadata", {{"f:generateName", json::object()},
                                       {"f:labels", {{".", json::object()}, {"f:app", json::object()},
                                                     {"f:pod-template-hash", json::object()}, {"f:tier", json::object()}}},
                                       {"f:ownerReferences", {{".", json::object()}, {"k:{\"uid\":\"" + uid + "\"}", json::object()}}}}},
                       {"f:spec", {{"f:containers", {{"k:{\"name\":\"web\"}", {{".", json::object()}, {"f:env", json::object()},
                                                                               {"f:image", json::object()}, {"f:imagePullPolicy", json::object()},
                                                                               {"f:livenessProbe", json::object()}, {"f:name", json::object()},
                                                                               {"f:ports", json::object()}, {"f:readinessProbe", json::object()},
                                                                               {"f:resources", json::object()}}}}},
                                   {"f:dnsPolicy", json::object()}, {"f:restartPolicy", json::object()},
                                   {"f:schedulerName", json::object()}, {"f:securityContext", json::object()},
                                   {"f:terminationGracePeriodSeconds", json::object()}}}};
    json fieldsStatus = {{"f:status", {{"f:conditions", {{"k:{\"type\":\"ContainersReady\"}", {{".", json::object()}, {"f:status", json::object()}}},
                                                         {"k:{\"type\":\"Initialized\"}", {{".", json::object()}, {"f:status", json::object()}}},
                                                         {"k:{\"type\":\"Ready\"}", {{".", json::object()}, {"f:status", json::object()}}}}},
                                       {"f:containerStatuses", json::object()}, {"f:hostIP", json::object()},
                                       {"f:phase", json::object()}, {"f:podIP", json::object()},
                                       {"f:podIPs", json::object()}, {"f:startTime", json::object()}}}};
    json container = {
        {"name", "web"}, {"image", "registry.example.com/shop/web:1.42.3"}, {"imagePullPolicy", "IfNotPresent"},
        {"ports", {{{"name", "http"}, {"containerPort", 8080}, {"protocol", "TCP"}}}},
        {"env", {{{"name", "LOG_LEVEL"}, {"value", "info"}}, {{"name", "GOMAXPROCS"}, {"value", "2"}},
                 {{"name", "POD_NAME"}, {"valueFrom", {{"fieldRef", {{"apiVersion", "v1"}, {"fieldPath", "metadata.name"}}}}}},
                 {{"name", "POD_IP"}, {"valueFrom", {{"fieldRef", {{"apiVersion", "v1"}, {"fieldPath", "status.podIP"}}}}}}}},
        {"resources", {{"requests", {{"cpu", "250m"}, {"memory", "256Mi"}}}, {"limits", {{"cpu", "1"}, {"memory", "512Mi"}}}}},
        {"readinessProbe", {{"httpGet", {{"path", "/healthz/ready"}, {"port", "http"}, {"scheme", "HTTP"}}},
                            {"periodSeconds", 5}, {"timeoutSeconds", 1}, {"successThreshold", 1}, {"failureThreshold", 3}}},
        {"livenessProbe", {{"httpGet", {{"path", "/healthz/live"}, {"port", "http"}, {"scheme", "HTTP"}}},
                           {"initialDelaySeconds", 10}, {"periodSeconds", 10}, {"timeoutSeconds", 1},
                           {"successThreshold", 1}, {"failureThreshold", 3}}},
        {"volumeMounts", {{{"name", "kube-api-access-" + suffix(i + 7)}, {"readOnly", true},
                           {"mountPath", "/var/run/secrets/kubernetes.io/serviceaccount"}}}},
        {"terminationMessagePath", "/dev/termination-log"}, {"terminationMessagePolicy", "File"}};
    json volume = {{"name", "kube-api-access-" + suffix(i + 7)},
                   {"projected", {{"defaultMode", 420},
                                  {"sources", {{{"serviceAccountToken", {{"expirationSeconds", 3607}, {"path", "token"}}}},
                                               {{"configMap", {{"name", "kube-root-ca.crt"}, {"items", {{{"key", "ca.crt"}, {"path", "ca.crt"}}}}}}},
                                               {{"downwardAPI", {{"items", {{{"path", "namespace"},
                                                                             {"fieldRef", {{"apiVersion", "v1"}, {"fieldPath", "metadata.namespace"}}}}}}}}}}}}}};
    json toleration = [](const char *key) {
        return json{{"key", key}, {"operator", "Exists"}, {"effect", "NoExecute"}, {"tolerationSeconds", 300}};
    }("node.kubernetes.io/not-ready");
    json state = ready ? json{{"running", {{"startedAt", started}}}}
                       : json{{"waiting", {{"reason", "ContainerCreating"}}}};
    return {
        {"kind", "Pod"}, {"apiVersion", "v1"},
        {"metadata", {{"name", name}, {"generateName", "web-" + hash + "-"}, {"namespace", kNs}, {"uid", uid},
                      {"resourceVersion", std::to_string(rv)}, {"creationTimestamp", created},
                      {"labels", {{"app", "web"}, {"pod-template-hash", hash}, {"tier", "frontend"}}},
                      {"annotations", {{"kubectl.kubernetes.io/restartedAt", "2026-11-29T14:02:00Z"},
                                       {"prometheus.io/scrape", "true"}, {"prometheus.io/port", "8080"}}},
                      {"ownerReferences", {{{"apiVersion", "apps/v1"}, {"kind", "ReplicaSet"}, {"name", "web-" + hash},
                                            {"uid", "0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}, {"controller", true},
                                            {"blockOwnerDeletion", true}}}},
                      {"managedFields", {{{"manager", "kube-controller-manager"}, {"operation", "Update"}, {"apiVersion", "v1"},
                                          {"time", created}, {"fieldsType", "FieldsV1"}, {"fieldsV1", fieldsMeta}},
                                         {{"manager", "kubelet"}, {"operation", "Update"}, {"apiVersion", "v1"},
                                          {"time", started}, {"fieldsType", "FieldsV1"}, {"fieldsV1", fieldsStatus},
                                          {"subresource", "status"}}}}}},
        {"spec", {{"containers", {container}}, {"volumes", {volume}},
                  {"tolerations", {toleration, [&] { json t = toleration; t["key"] = "node.kubernetes.io/unreachable"; return t; }()}},
                  {"restartPolicy", "Always"}, {"terminationGracePeriodSeconds", 30}, {"dnsPolicy", "ClusterFirst"},
                  {"serviceAccountName", "default"}, {"serviceAccount", "default"},
                  {"nodeName", "worker-" + std::to_string(i % 12)}, {"securityContext", json::object()},
                  {"schedulerName", "default-scheduler"}, {"priority", 0}, {"enableServiceLinks", true},
                  {"preemptionPolicy", "PreemptLowerPriority"}}},
        {"status", {{"phase", ready ? "Running" : "Pending"},
                    {"conditions", {condition("PodReadyToStartContainers", ready, started), condition("Initialized", true, created),
                                    condition("Ready", ready, started), condition("ContainersReady", ready, started),
                                    condition("PodScheduled", true, created)}},
                    {"hostIP", "172.18.0." + std::to_string(i % 12 + 2)},
                    {"hostIPs", {{{"ip", "172.18.0." + std::to_string(i % 12 + 2)}}}},
                    {"podIP", ip}, {"podIPs", {{{"ip", ip}}}}, {"startTime", created},
                    {"containerStatuses", {{{"name", "web"}, {"ready", ready}, {"restartCount", 0}, {"started", ready},
                                            {"state", state}, {"lastState", json::object()},
                                            {"image", "registry.example.com/shop/web:1.42.3"},
                                            {"imageID", "registry.example.com/shop/web@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
                                            {"containerID", "containerd://" + std::string(64 - std::to_string(i).size(), 'e') + std::to_string(i)}}}},
                    {"qosClass", "Burstable"}}}};
}

// The list pages (items without kind/apiVersion, as on the wire) and one MODIFIED frame per pod.
json routes(int n, std::size_t *wireBytes)
{
    const std::string path = kube::api::podListPath(kNs);
    json out = json::array();
    std::size_t bytes = 0;
    for (int start = 0; start < n; start += kPageSize) {
        json items = json::array();
        for (int i = start; i < std::min(n, start + kPageSize); ++i) {
            json p = pod(i, 1000 + i, false);
            p.erase("kind");
            p.erase("apiVersion");
            items.push_back(std::move(p));
        }
        json meta{{"resourceVersion", std::to_string(1000 + n)}};
        if (start + kPageSize < n)
            meta["continue"] = "page" + std::to_string(start + kPageSize);
        json list{{"kind", "PodList"}, {"apiVersion", "v1"}, {"metadata", meta}, {"items", std::move(items)}};
        bytes += list.dump().size();
        out.push_back({{"path", path},
                       {"query", {{"watch", nullptr}, {"continue", start == 0 ? json(nullptr) : json("page" + std::to_string(start))}}},
                       {"responses", {{{"json", std::move(list)}}}}});
    }
    json frames = json::array();
    for (int i = 0; i < n; ++i) {
        std::string f = json{{"type", "MODIFIED"}, {"object", pod(i, 1000 + n + 1 + i, true)}}.dump() + "\n";
        bytes += f.size();
        frames.push_back(std::move(f));
    }
    out.push_back({{"path", path}, {"query", {{"watch", "1"}}},
                   {"responses", {{{"chunks", std::move(frames)}, {"end", "hang"}}, {{"chunks", json::array()}, {"end", "hang"}}}}});
    out.push_back({{"path", "/version"}, {"responses", {{{"json", {{"major", "1"}, {"minor", "31"}}}}}}});
    *wireBytes = bytes;
    return out;
}

struct Memory {
    double rssBytes = 0, heapBytes = 0;
};

Memory measure()
{
    Memory m;
#if defined(__GLIBC__)
    malloc_trim(0); // hand freed pages back, so RSS shows what is still held
    const struct mallinfo2 mi = mallinfo2();
    m.heapBytes = double(mi.uordblks + mi.hblkhd);
#endif
    long pages = 0, resident = 0;
    if (FILE *f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    m.rssBytes = double(resident) * double(sysconf(_SC_PAGESIZE));
    return m;
}

int runVariant(const std::string &variant, int n, const QString &certDir)
{
    int argc = 1;
    char name[] = "bench_reflector";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    TestCerts certs;
    ScriptedServer server;
    QString error;
    if (!server.startWithNewCertificates(certs, certDir, &error)) {
        std::fprintf(stderr, "scripted server: %s\n", qPrintable(error));
        return 1;
    }
    std::size_t wireBytes = 0;
    if (!server.setRoutes(routes(n, &wireBytes))) {
        std::fprintf(stderr, "scripted server refused the routes\n");
        return 1;
    }
    auto created = kube::http::Client::create(restConfigFor(server, certs));
    if (!created) {
        std::fprintf(stderr, "client: %s\n", created.error().toString().c_str());
        return 1;
    }
    auto client = created.value();
    kube::http::Request warmup; // TLS and curl set up before the baseline
    warmup.path = "/version";
    if (!client->sendSync(warmup)) {
        std::fprintf(stderr, "warm-up request failed\n");
        return 1;
    }
    server.clearRequests();

    const Memory before = measure();
    std::atomic<int> synced{0}, events{0};
    std::mutex copiesMutex;
    std::map<std::string, json> copies;
    std::unique_ptr<kube::watch::Reflector> reflector;
    std::unique_ptr<PodTracker> tracker;
    std::function<bool()> done;
    if (variant == "pod_tracker") {
        tracker = std::make_unique<PodTracker>();
        tracker->setClient(client);
        tracker->track(QString::fromStdString(kNs), {"apps/v1", "Deployment", "web"});
        done = [&] {
            if (!tracker->isSynced(QString::fromStdString(kNs)))
                return false;
            const auto pods = tracker->podsMatching(QString::fromStdString(kNs), QStringLiteral("app=web"));
            return int(std::count_if(pods.begin(), pods.end(), [](const TrackedPod &p) { return p.ready; })) == n;
        };
    } else {
        const bool keep = variant == "reflector_copies";
        auto keyOf = [](const json &obj) {
            return obj["metadata"]["namespace"].get<std::string>() + "/" + obj["metadata"]["name"].get<std::string>();
        };
        kube::watch::Reflector::Handler h;
        h.onSynced = [&, keep, keyOf](const std::vector<json> &items) {
            if (keep) {
                std::lock_guard lock(copiesMutex);
                copies.clear();
                for (const auto &item : items)
                    copies[keyOf(item)] = item;
            }
            synced = int(items.size());
        };
        h.onEvent = [&, keep, keyOf](kube::watch::EventType, const json &obj) {
            if (keep) {
                std::lock_guard lock(copiesMutex);
                copies[keyOf(obj)] = obj;
            }
            ++events;
        };
        kube::watch::ReflectorOptions opts;
        opts.path = kube::api::podListPath(kNs);
        reflector = std::make_unique<kube::watch::Reflector>(client, opts, h);
        reflector->start();
        done = [&] { return synced == n && events == n; };
    }
    if (!waitUntil(done, kTimeoutMs)) {
        std::fprintf(stderr, "%s: not every pod arrived\n", variant.c_str());
        return 1;
    }
    const Memory after = measure();
    std::printf("%-17s rss_delta_mb %7.2f  heap_delta_mb %7.2f  rss_bytes_per_pod %6.0f  heap_bytes_per_pod %6.0f\n",
                variant.c_str(), (after.rssBytes - before.rssBytes) / 1e6, (after.heapBytes - before.heapBytes) / 1e6,
                (after.rssBytes - before.rssBytes) / n, (after.heapBytes - before.heapBytes) / n);
    if (variant == "reflector")
        std::printf("wire_bytes_per_pod %.0f (list item + watch frame, averaged: %.0f each)\n",
                    double(wireBytes) / n, double(wireBytes) / (2.0 * n));
    std::fflush(stdout);
    if (reflector)
        reflector->stop();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const int n = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1000;
    QTemporaryDir certDir; // certificates generated once, shared by the children
    if (!certDir.isValid())
        return 1;
    std::printf("pods %d\n", n);
    std::fflush(stdout);
    int status = 0;
    for (const char *variant : {"reflector", "reflector_copies", "pod_tracker"}) {
        const pid_t child = fork(); // before any thread or Qt object exists in this process
        if (child == 0)
            _exit(runVariant(variant, n, certDir.path() + QStringLiteral("/certs")));
        int childStatus = 0;
        if (child < 0 || waitpid(child, &childStatus, 0) < 0 || !WIFEXITED(childStatus) || WEXITSTATUS(childStatus) != 0)
            status = 1;
    }
    return status;
}
