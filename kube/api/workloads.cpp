// Decoders for Scale, Pod and Deployment.
#include "kube/api/deployment.h"
#include "kube/api/pod.h"
#include "kube/api/scale.h"

namespace kube::api {

using detail::Decoder;
using nlohmann::json;

namespace {
template <typename T, typename Fn>
void readSection(Decoder &d, const json &j, std::string_view key, const std::string &path, T &out,
                 Fn fn)
{
    const json *m = d.member(j, key, path);
    const std::string p = detail::joinPath(path, key);
    if (m && d.expectObject(*m, p))
        fn(*m, p, out);
}

void readConditions(Decoder &d, const json &j, const std::string &path,
                    std::vector<Condition> &out)
{
    d.readArray(j, "conditions", path, out,
                [](Decoder &dd, const json &item, const std::string &p, Condition &c) {
                    decodeInto(dd, item, p, c);
                });
}
} // namespace

void decodeInto(Decoder &d, const json &j, const std::string &path, Scale &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "metadata", path, out.metadata);
    readSection(d, j, "spec", path, out.spec, [&](const json &s, const std::string &p, ScaleSpec &o) {
        d.read(s, "replicas", p, o.replicas);
    });
    readSection(d, j, "status", path, out.status,
                [&](const json &s, const std::string &p, ScaleStatus &o) {
                    d.read(s, "replicas", p, o.replicas);
                    d.read(s, "selector", p, o.selector);
                });
}

void decodeInto(Decoder &d, const json &j, const std::string &path, Pod &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "metadata", path, out.metadata);
    readSection(d, j, "spec", path, out.spec, [&](const json &s, const std::string &p, PodSpec &o) {
        d.read(s, "nodeName", p, o.nodeName);
        for (const bool init : {false, true}) {
            std::vector<ContainerRequests> list;
            d.readArray(s, init ? "initContainers" : "containers", p, list,
                        [&](Decoder &dd, const json &c, const std::string &cp, ContainerRequests &out) {
                            dd.read(c, "name", cp, out.name);
                            out.init = init;
                            std::string restart;
                            dd.read(c, "restartPolicy", cp, restart);
                            out.restartableInit = init && restart == "Always";
                            const json *res = dd.member(c, "resources", cp);
                            const json *req = res ? dd.member(*res, "requests", detail::joinPath(cp, "resources")) : nullptr;
                            if (!req || !dd.expectObject(*req, detail::joinPath(cp, "resources.requests")))
                                return;
                            for (const auto &[name, value] : req->items()) {
                                std::optional<Quantity> q;
                                dd.read(*req, name, detail::joinPath(cp, "resources.requests"), q);
                                if (q)
                                    out.requests[name] = *q;
                            }
                        });
            o.containers.insert(o.containers.end(), list.begin(), list.end());
        }
    });
    readSection(d, j, "status", path, out.status,
                [&](const json &s, const std::string &p, PodStatus &o) {
                    d.read(s, "phase", p, o.phase);
                    readConditions(d, s, p, o.conditions);
                    d.read(s, "podIP", p, o.podIP);
                    d.read(s, "startTime", p, o.startTime);
                });
}

void decodeInto(Decoder &d, const json &j, const std::string &path, Deployment &out)
{
    if (!d.expectObject(j, path))
        return;
    readObject(d, j, "metadata", path, out.metadata);
    readSection(d, j, "spec", path, out.spec,
                [&](const json &s, const std::string &p, DeploymentSpec &o) {
                    d.read(s, "replicas", p, o.replicas);
                    readObject(d, s, "selector", p, o.selector);
                });
    readSection(d, j, "status", path, out.status,
                [&](const json &s, const std::string &p, DeploymentStatus &o) {
                    d.read(s, "observedGeneration", p, o.observedGeneration);
                    d.read(s, "replicas", p, o.replicas);
                    d.read(s, "updatedReplicas", p, o.updatedReplicas);
                    d.read(s, "readyReplicas", p, o.readyReplicas);
                    d.read(s, "availableReplicas", p, o.availableReplicas);
                    d.read(s, "unavailableReplicas", p, o.unavailableReplicas);
                    readConditions(d, s, p, o.conditions);
                });
}

Result<Scale> decodeScale(const json &j) { return decodeDocument<Scale>(j); }

Result<Pod> decodePod(const json &j) { return decodeDocument<Pod>(j); }

Result<Deployment> decodeDeployment(const json &j) { return decodeDocument<Deployment>(j); }

} // namespace kube::api
