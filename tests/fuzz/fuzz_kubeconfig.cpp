// A kubeconfig file's text through everything hpascope does with it before the first request:
// the YAML parse into raw entries (kube/config/parse), the merge, and each context turned into a
// RestConfig (server URL, base64 + PEM certificates and keys, token, exec entry), then the
// one-line description. No file is read for the kubeconfig itself; entries naming files point
// into a directory that does not exist. Exec plugins are looked up, never run.
#include "kube/config/kubeconfig.h"

#include <cstdint>
#include <string>

namespace {

const char *const kDir = "/nonexistent-hpascope-fuzz";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    kube::config::LoadOptions opts;
    opts.env = {{"HOME", kDir}, {"PATH", std::string(kDir) + "/bin"}};
    const auto kc = kube::config::Kubeconfig::fromText(std::string(kDir) + "/config", text, opts);
    if (!kc)
        return 0;
    (void)kc->currentContext();
    (void)kc->restConfig(); // the current context (or the error for none)
    int budget = 16;        // a file may define thousands; the first ones cover every path
    for (const auto &name : kc->contextNames()) {
        if (budget-- == 0)
            break;
        const auto rc = kc->restConfig(name);
        if (rc)
            (void)kube::config::describe(rc.value());
    }
    return 0;
}
