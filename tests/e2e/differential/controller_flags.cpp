#include "controller_flags.h"

#include "kube/hpa/published_flags.h"
#include "kube/http/client.h"

#include <cstdlib>

namespace diff {
namespace {

    // kube-controller-manager's secure port (--secure-port default 10257), bound to 127.0.0.1
    // by tests/cluster/up.
    const char *const kControllerManager = "https://127.0.0.1:10257";

} // namespace

std::optional<Millis> parseGoDuration(const std::string &text)
{
    return kube::hpa::parseGoDuration(text);
}

ControllerFlags readControllerFlags(const kube::config::RestConfig &apiServer)
{
    ControllerFlags f;
    kube::config::RestConfig cfg = apiServer;
    cfg.server = kControllerManager;
    cfg.insecureSkipTlsVerify = true; // its serving certificate is self-signed at start-up
    cfg.tlsServerName.clear();
    if (auto client = kube::http::Client::create(cfg)) {
        kube::http::Request req;
        req.path = "/configz";
        req.timeoutMs = 5000;
        if (auto resp = client.value()->sendSync(req)) {
            const json doc = json::parse(resp->body, nullptr, false);
            const json hpa = doc.is_object()
                ? doc.value("kubecontrollermanager.config.k8s.io", json::object())
                      .value("HPAController", json::object())
                : json::object();
            const auto sync = parseGoDuration(hpa.value("HorizontalPodAutoscalerSyncPeriod", ""));
            const auto down = parseGoDuration(
                hpa.value("HorizontalPodAutoscalerDownscaleStabilizationWindow", ""));
            if (sync && down) {
                f.syncPeriod = *sync;
                f.downscaleStabilization = *down;
                f.tolerance = hpa.value("HorizontalPodAutoscalerTolerance", 0.1);
                f.source = "kube-controller-manager /configz";
                return f;
            }
        }
    }
    const char *sync = std::getenv("HPASCOPE_HPA_SYNC_PERIOD");
    const char *down = std::getenv("HPASCOPE_HPA_DOWNSCALE_STABILIZATION");
    f.source = "tests/cluster defaults (configz unreachable)";
    if (sync || down)
        f.source = "HPASCOPE_HPA_* environment (configz unreachable)";
    if (auto d = parseGoDuration(sync ? sync : "1s"))
        f.syncPeriod = *d;
    if (auto d = parseGoDuration(down ? down : "5s"))
        f.downscaleStabilization = *d;
    return f;
}

} // namespace diff
