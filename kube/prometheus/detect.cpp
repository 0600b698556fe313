#include "kube/prometheus/detect.h"

#include "kube/api/paths.h"
#include "kube/core/json.h"

#include <algorithm>
#include <functional>
#include <tuple>

namespace kube::prometheus {

namespace {

using nlohmann::json;

struct Port {
    std::string name;
    long long number = 0;
};

struct Service {
    std::string ns, name, appLabel;
    std::vector<Port> ports;
};

bool endsWith(std::string_view s, std::string_view tail)
{
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::optional<Service> readService(const json &item)
{
    if (!item.is_object())
        return std::nullopt;
    const auto meta = item.find("metadata");
    const auto spec = item.find("spec");
    if (meta == item.end() || spec == item.end())
        return std::nullopt;
    Service s;
    s.ns = stringMember(*meta, "namespace");
    s.name = stringMember(*meta, "name");
    if (const auto labels = meta->find("labels"); meta->is_object() && labels != meta->end())
        s.appLabel = stringMember(*labels, "app");
    if (s.ns.empty() || s.name.empty() || !spec->is_object())
        return std::nullopt;
    const auto ports = spec->find("ports");
    if (ports == spec->end() || !ports->is_array())
        return std::nullopt;
    for (const json &p : *ports) {
        if (!p.is_object())
            continue;
        Port port;
        port.name = stringMember(p, "name");
        if (const auto n = p.find("port"); n != p.end() && n->is_number_integer())
            port.number = n->get<long long>();
        s.ports.push_back(std::move(port));
    }
    return s;
}

// The port to name in the proxy path: the first called one of `preferred`, else the one
// numbered 9090 (Prometheus' default) by its name or number, else nothing.
std::optional<std::string> pickPort(const Service &s, const std::vector<std::string_view> &preferred)
{
    for (const std::string_view name : preferred)
        for (const Port &p : s.ports)
            if (p.name == name)
                return p.name;
    for (const Port &p : s.ports)
        if (p.number == 9090)
            return p.name.empty() ? std::string("9090") : p.name;
    return std::nullopt;
}

struct Rule {
    std::string_view install;
    std::vector<std::string_view> ports;
    std::function<bool(const Service &)> matches;
};

const std::vector<Rule> &rules()
{
    static const std::vector<Rule> r{
        {"kube-prometheus", {"web"},
         [](const Service &s) { return s.ns == "monitoring" && s.name == "prometheus-k8s"; }},
        {"prometheus-operator", {"web"}, [](const Service &s) { return s.name == "prometheus-operated"; }},
        {"kube-prometheus-stack", {"http-web", "web"},
         [](const Service &s) {
             return s.appLabel == "kube-prometheus-stack-prometheus"
                 || (endsWith(s.name, "-prometheus") && s.name.find("kube-prometheus") != std::string::npos);
         }},
        {"prometheus chart", {"http"},
         [](const Service &s) { return s.name == "prometheus-server" || endsWith(s.name, "-prometheus-server"); }},
        {"", {}, [](const Service &s) { return s.name == "prometheus"; }},
    };
    return r;
}

} // namespace

std::string Candidate::describe() const
{
    return install.empty() ? endpoint.describe() : endpoint.describe() + ", " + install;
}

std::vector<Candidate> detectCandidates(const json &serviceList)
{
    std::vector<Service> services;
    if (const auto items = serviceList.is_object() ? serviceList.find("items") : serviceList.end();
        serviceList.is_object() && items != serviceList.end() && items->is_array())
        for (const json &item : *items)
            if (auto s = readService(item))
                services.push_back(std::move(*s));
    std::sort(services.begin(), services.end(), [](const Service &a, const Service &b) {
        return std::tie(a.ns, a.name) < std::tie(b.ns, b.name);
    });

    std::vector<Candidate> out;
    std::vector<bool> taken(services.size(), false);
    for (const Rule &rule : rules())
        for (std::size_t i = 0; i < services.size(); ++i) {
            const Service &s = services[i];
            if (taken[i] || !rule.matches(s))
                continue;
            const auto port = pickPort(s, rule.ports);
            if (!port)
                continue;
            taken[i] = true;
            Candidate c;
            c.endpoint.kind = Endpoint::Kind::ServiceProxy;
            c.endpoint.namespace_ = s.ns;
            c.endpoint.service = s.name;
            c.endpoint.port = *port;
            c.install = std::string(rule.install);
            out.push_back(std::move(c));
        }
    return out;
}

std::string servicesListPath(const std::optional<std::string> &ns)
{
    if (!ns || ns->empty())
        return "/api/v1/services";
    return "/api/v1/namespaces/" + api::escapePathSegment(*ns) + "/services";
}

} // namespace kube::prometheus
