#include "kube/api/event.h"

namespace kube::api {

using detail::Decoder;
using nlohmann::json;

namespace {

constexpr std::string_view kEventsV1 = "events.k8s.io/v1";

void decodeReference(Decoder &d, const json &j, const std::string &path, ObjectReference &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "apiVersion", path, out.apiVersion);
    d.read(j, "kind", path, out.kind);
    d.read(j, "name", path, out.name);
    d.read(j, "namespace", path, out.namespace_);
    d.read(j, "uid", path, out.uid);
}

void readReference(Decoder &d, const json &j, std::string_view key, const std::string &path,
                   ObjectReference &out)
{
    if (const json *m = d.member(j, key, path))
        decodeReference(d, *m, detail::joinPath(path, key), out);
}

struct Series {
    std::optional<int32_t> count;
    std::optional<Time> lastObservedTime;
};

void readSeries(Decoder &d, const json &j, const std::string &path, Series &out)
{
    const json *m = d.member(j, "series", path);
    if (!m)
        return;
    const std::string p = detail::joinPath(path, "series");
    if (!d.expectObject(*m, p))
        return;
    d.read(*m, "count", p, out.count);
    d.read(*m, "lastObservedTime", p, out.lastObservedTime);
}

void readSource(Decoder &d, const json &j, std::string_view key, const std::string &path,
                std::string &component, std::string &host)
{
    const json *m = d.member(j, key, path);
    if (!m)
        return;
    const std::string p = detail::joinPath(path, key);
    d.read(*m, "component", p, component);
    d.read(*m, "host", p, host);
}

void readMeta(Decoder &d, const json &j, const std::string &path, Event &out)
{
    ObjectMeta meta;
    readObject(d, j, "metadata", path, meta);
    out.namespace_ = meta.namespace_;
    out.name = meta.name;
    out.uid = meta.uid;
    out.resourceVersion = meta.resourceVersion;
}

template <typename T>
const T &firstSet(const T &a, const T &b)
{
    return a ? a : b;
}

void decodeCore(Decoder &d, const json &j, const std::string &path, Event &out)
{
    if (!d.expectObject(j, path))
        return;
    out.api = EventApi::CoreV1;
    readMeta(d, j, path, out);
    readReference(d, j, "involvedObject", path, out.regarding);
    d.read(j, "reason", path, out.reason);
    d.read(j, "message", path, out.message);
    d.read(j, "type", path, out.type);
    std::optional<int32_t> count;
    d.read(j, "count", path, count);
    std::optional<Time> first, last, eventTime;
    d.read(j, "firstTimestamp", path, first);
    d.read(j, "lastTimestamp", path, last);
    d.read(j, "eventTime", path, eventTime);
    Series series;
    readSeries(d, j, path, series);
    std::string component, host;
    readSource(d, j, "source", path, component, host);
    d.read(j, "reportingComponent", path, out.reportingController);
    d.read(j, "reportingInstance", path, out.reportingInstance);
    if (out.reportingController.empty())
        out.reportingController = component;
    if (out.reportingInstance.empty())
        out.reportingInstance = host;
    // Events written through events.k8s.io show count 0 / null timestamps in core/v1.
    if (count && *count > 0)
        out.count = *count;
    else if (series.count && *series.count > 0)
        out.count = *series.count;
    out.firstTimestamp = firstSet(first, eventTime);
    out.lastTimestamp = firstSet(last, firstSet(series.lastObservedTime, out.firstTimestamp));
}

void decodeEventsV1(Decoder &d, const json &j, const std::string &path, Event &out)
{
    if (!d.expectObject(j, path))
        return;
    out.api = EventApi::EventsV1;
    readMeta(d, j, path, out);
    readReference(d, j, "regarding", path, out.regarding);
    d.read(j, "reason", path, out.reason);
    d.read(j, "note", path, out.message);
    d.read(j, "type", path, out.type);
    std::optional<int32_t> deprecatedCount;
    d.read(j, "deprecatedCount", path, deprecatedCount);
    std::optional<Time> first, last, eventTime;
    d.read(j, "deprecatedFirstTimestamp", path, first);
    d.read(j, "deprecatedLastTimestamp", path, last);
    d.read(j, "eventTime", path, eventTime);
    Series series;
    readSeries(d, j, path, series);
    std::string component, host;
    readSource(d, j, "deprecatedSource", path, component, host);
    d.read(j, "reportingController", path, out.reportingController);
    d.read(j, "reportingInstance", path, out.reportingInstance);
    if (out.reportingController.empty())
        out.reportingController = component;
    if (out.reportingInstance.empty())
        out.reportingInstance = host;
    if (series.count && *series.count > 0)
        out.count = *series.count;
    else if (deprecatedCount && *deprecatedCount > 0)
        out.count = *deprecatedCount;
    out.firstTimestamp = firstSet(first, eventTime);
    out.lastTimestamp = firstSet(series.lastObservedTime, firstSet(last, out.firstTimestamp));
}

bool looksLikeEventsV1(const json &j)
{
    if (!j.is_object())
        return false;
    const auto api = j.find("apiVersion");
    if (api != j.end() && api->is_string())
        return api->get<std::string>() == kEventsV1;
    return j.contains("regarding") || j.contains("note") || j.contains("reportingController")
        || j.contains("deprecatedCount");
}

template <typename Fn>
Result<Event> run(const json &j, Fn fn)
{
    Decoder d;
    Event e;
    fn(d, j, std::string(), e);
    if (!d.ok())
        return d.error();
    return e;
}

} // namespace

void decodeInto(Decoder &d, const json &j, const std::string &path, Event &out)
{
    if (looksLikeEventsV1(j))
        decodeEventsV1(d, j, path, out);
    else
        decodeCore(d, j, path, out);
}

Result<Event> decodeCoreV1Event(const json &j) { return run(j, decodeCore); }

Result<Event> decodeEventsV1Event(const json &j) { return run(j, decodeEventsV1); }

Result<List<Event>> decodeEventList(const json &j)
{
    bool v1 = false;
    if (j.is_object()) {
        const auto api = j.find("apiVersion");
        v1 = api != j.end() && api->is_string() && api->get<std::string>() == kEventsV1;
    }
    if (v1)
        return decodeList<Event>(j, decodeEventsV1);
    return decodeList<Event>(j, decodeCore);
}

Result<Event> decodeEvent(const json &j)
{
    return run(j, [](Decoder &d, const json &jj, const std::string &p, Event &e) {
        decodeInto(d, jj, p, e);
    });
}

} // namespace kube::api
