// Server-side printing (meta.k8s.io/v1 Table) for the lists kubectl asks for with
// "Accept: application/json;as=Table;v=v1;g=meta.k8s.io": the columns of the apiserver's
// printers (pkg/printers/internalversion), with AGE measured on the simulated clock.
#include "kube/sim/routes.h"

#include "kube/api/meta.h"

namespace kube::sim::detail {
namespace {

// k8s.io/apimachinery/pkg/util/duration.HumanDuration
std::string humanDuration(std::chrono::seconds d)
{
    const long long s = d.count();
    if (s < 0)
        return "<invalid>";
    if (s < 120)
        return std::to_string(s) + "s";
    const long long m = s / 60;
    if (m < 10)
        return s % 60 ? std::to_string(m) + "m" + std::to_string(s % 60) + "s" : std::to_string(m) + "m";
    if (m < 180)
        return std::to_string(m) + "m";
    const long long h = m / 60;
    if (h < 8)
        return m % 60 ? std::to_string(h) + "h" + std::to_string(m % 60) + "m" : std::to_string(h) + "h";
    if (h < 48)
        return std::to_string(h) + "h";
    return std::to_string(h / 24) + "d";
}

std::string age(const json &object, const char *field, Time now)
{
    const json *v = &object["metadata"]["creationTimestamp"];
    if (field && object.contains(field))
        v = &object[field];
    const auto t = v->is_string() ? api::parseTime(v->get<std::string>()) : std::nullopt;
    return t ? humanDuration(std::chrono::duration_cast<std::chrono::seconds>(now - *t)) : "<unknown>";
}

std::string valueText(const json &v, const char *key)
{
    return v.contains(key) ? (v[key].is_string() ? v[key].get<std::string>() : v[key].dump()) : std::string();
}

// printers.formatHPAMetrics, reduced to one entry per metric.
std::string hpaTargets(const json &hpa)
{
    const json specs = hpa["spec"].value("metrics", json::array());
    const json statuses = hpa["status"].value("currentMetrics", json::array());
    std::string out;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const json &s = specs[i];
        const std::string type = s.value("type", "");
        const std::string member = type.empty() ? type : std::string(1, static_cast<char>(std::tolower(type[0]))) + type.substr(1);
        const json target = s[member].value("target", json::object());
        json current = json::object();
        for (const auto &st : statuses)
            if (st.value("type", "") == type && st.contains(member) &&
                st[member].value("metric", json::object()).value("name", "") == s[member].value("metric", json::object()).value("name", "") &&
                st[member].value("name", "") == s[member].value("name", ""))
                current = st[member].value("current", json::object());
        std::string text;
        if (target.value("type", "") == "Utilization") {
            const std::string cur = current.contains("averageUtilization") ? valueText(current, "averageUtilization") + "%" : "<unknown>";
            text = s[member].value("name", "") + ": " + cur + "/" + valueText(target, "averageUtilization") + "%";
        } else if (target.value("type", "") == "AverageValue") {
            const std::string cur = current.contains("averageValue") ? valueText(current, "averageValue") : "<unknown>";
            text = cur + "/" + valueText(target, "averageValue") + (type == "Object" || type == "External" ? " (avg)" : "");
        } else {
            const std::string cur = current.contains("value") ? valueText(current, "value") : "<unknown>";
            text = cur + "/" + valueText(target, "value");
        }
        out += (out.empty() ? "" : ", ") + text;
    }
    return out.empty() ? "<none>" : out;
}

json column(const char *name, const char *type = "string")
{
    return {{"name", name}, {"type", type}, {"format", name == std::string("Name") ? "name" : ""},
            {"description", ""}, {"priority", 0}};
}

} // namespace

bool wantsTable(const HttpRequest &req)
{
    const auto it = req.headers.find("accept");
    return it != req.headers.end() && it->second.find("as=Table") != std::string::npos;
}

std::optional<json> tableFor(const std::string &resource, const std::vector<json> &items, uint64_t rv, Time now)
{
    json columns, rows = json::array();
    auto row = [&](const json &object, json cells) {
        json meta = object["metadata"];
        rows.push_back({{"cells", std::move(cells)},
                        {"object", {{"kind", "PartialObjectMetadata"}, {"apiVersion", "meta.k8s.io/v1"}, {"metadata", meta}}}});
    };
    if (resource == "horizontalpodautoscalers") {
        columns = {column("Name"), column("Reference"), column("Targets"), column("MinPods", "integer"),
                   column("MaxPods", "integer"), column("Replicas", "integer"), column("Age")};
        for (const auto &h : items) {
            const json &ref = h["spec"]["scaleTargetRef"];
            row(h, {h["metadata"]["name"], ref.value("kind", "") + "/" + ref.value("name", ""), hpaTargets(h),
                    h["spec"].value("minReplicas", 1), h["spec"].value("maxReplicas", 0),
                    h["status"].value("currentReplicas", 0), age(h, nullptr, now)});
        }
    } else if (resource == "pods") {
        columns = {column("Name"), column("Ready"), column("Status"), column("Restarts", "string"), column("Age")};
        for (const auto &p : items) {
            bool ready = false;
            for (const auto &c : p["status"].value("conditions", json::array()))
                ready |= c.value("type", "") == "Ready" && c.value("status", "") == "True";
            row(p, {p["metadata"]["name"], ready ? "1/1" : "0/1", p["status"].value("phase", ""), "0", age(p, nullptr, now)});
        }
    } else if (resource == "deployments") {
        columns = {column("Name"), column("Ready"), column("Up-to-date", "integer"), column("Available", "integer"), column("Age")};
        for (const auto &d : items) {
            const json &st = d["status"];
            row(d, {d["metadata"]["name"],
                    std::to_string(st.value("readyReplicas", 0)) + "/" + std::to_string(d["spec"].value("replicas", 0)),
                    st.value("updatedReplicas", 0), st.value("availableReplicas", 0), age(d, nullptr, now)});
        }
    } else if (resource == "events") {
        columns = {column("Last Seen"), column("Type"), column("Reason"), column("Object"), column("Message")};
        for (const auto &e : items) {
            const json &io = e["involvedObject"];
            std::string kind = io.value("kind", "");
            for (auto &c : kind)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            row(e, {age(e, "lastTimestamp", now), e.value("type", ""), e.value("reason", ""),
                    kind + "/" + io.value("name", ""), e.value("message", "")});
        }
    } else {
        return std::nullopt;
    }
    return json{{"kind", "Table"},
                {"apiVersion", "meta.k8s.io/v1"},
                {"metadata", {{"resourceVersion", std::to_string(rv)}}},
                {"columnDefinitions", columns},
                {"rows", rows}};
}

} // namespace kube::sim::detail
