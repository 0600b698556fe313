#include "kube/api/meta.h"

#include <algorithm>
#include <cstdio>

namespace kube::api {

using nlohmann::json;
namespace chr = std::chrono;

namespace {

bool readDigits(std::string_view s, std::size_t pos, std::size_t len, int &out)
{
    if (pos + len > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

constexpr std::size_t kDateTimeLength = 19; // "2006-01-02T15:04:05"
constexpr int kMaxFractionDigits = 9;       // nanoseconds, as Go's time package

} // namespace

std::optional<Time> parseTime(std::string_view s)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (s.size() < kDateTimeLength + 1 || !readDigits(s, 0, 4, year) || s[4] != '-'
        || !readDigits(s, 5, 2, month) || s[7] != '-' || !readDigits(s, 8, 2, day)
        || (s[10] != 'T' && s[10] != 't') || !readDigits(s, 11, 2, hour) || s[13] != ':'
        || !readDigits(s, 14, 2, minute) || s[16] != ':' || !readDigits(s, 17, 2, second))
        return std::nullopt;
    const chr::year_month_day ymd{chr::year(year), chr::month(static_cast<unsigned>(month)),
                                  chr::day(static_cast<unsigned>(day))};
    if (!ymd.ok() || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;

    std::size_t pos = kDateTimeLength;
    int64_t nanos = 0;
    if (s[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (digits < kMaxFractionDigits) {
                nanos = nanos * 10 + (s[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < kMaxFractionDigits; ++digits)
            nanos *= 10;
    }
    if (pos >= s.size())
        return std::nullopt;
    int offsetMinutes = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int oh = 0, om = 0;
        if (!readDigits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':'
            || !readDigits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetMinutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;

    const auto t = chr::sys_days(ymd) + chr::hours(hour) + chr::minutes(minute)
        + chr::seconds(second) - chr::minutes(offsetMinutes);
    // Time counts nanoseconds in 64 bits: years 1678 to 2262. RFC 3339 allows 0000 to 9999
    // (and Go's time.Time holds them); a time beyond Time's range is refused, not wrapped.
    if (t < chr::ceil<chr::seconds>(Time::min()) || t >= chr::floor<chr::seconds>(Time::max()))
        return std::nullopt;
    return chr::time_point_cast<Time::duration>(t)
        + chr::duration_cast<Time::duration>(chr::nanoseconds(nanos));
}

namespace {
std::string format(Time t, bool micro)
{
    const auto secs = chr::floor<chr::seconds>(t);
    const auto days = chr::floor<chr::days>(secs);
    const chr::year_month_day ymd{days};
    const chr::hh_mm_ss hms{secs - days};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    std::string out = buf;
    if (micro) {
        const auto us = chr::duration_cast<chr::microseconds>(t - secs).count();
        std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(us));
        out += buf;
    }
    return out + "Z";
}
} // namespace

std::string formatTime(Time t) { return format(t, false); }

std::string formatMicroTime(Time t) { return format(t, true); }

std::string LabelSelector::toString() const
{
    struct Req {
        std::string key;
        std::string text;
    };
    std::vector<Req> reqs;
    for (const auto &[k, v] : matchLabels)
        reqs.push_back({k, k + "=" + v});
    for (const auto &e : matchExpressions) {
        std::vector<std::string> values = e.values;
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        std::string list;
        for (const auto &v : values)
            list += (list.empty() ? "" : ",") + v;
        if (e.operator_ == "In")
            reqs.push_back({e.key, e.key + " in (" + list + ")"});
        else if (e.operator_ == "NotIn")
            reqs.push_back({e.key, e.key + " notin (" + list + ")"});
        else if (e.operator_ == "Exists")
            reqs.push_back({e.key, e.key});
        else if (e.operator_ == "DoesNotExist")
            reqs.push_back({e.key, "!" + e.key});
        else
            reqs.push_back({e.key, e.key + " " + e.operator_ + " (" + list + ")"});
    }
    // labels.Selector sorts its requirements by key.
    std::stable_sort(reqs.begin(), reqs.end(),
                     [](const Req &a, const Req &b) { return a.key < b.key; });
    std::string out;
    for (const auto &r : reqs)
        out += (out.empty() ? "" : ",") + r.text;
    return out;
}

void decodeInto(detail::Decoder &d, const json &j, const std::string &path, ObjectMeta &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "name", path, out.name);
    d.read(j, "namespace", path, out.namespace_);
    d.read(j, "uid", path, out.uid);
    d.read(j, "resourceVersion", path, out.resourceVersion);
    d.read(j, "generation", path, out.generation);
    d.read(j, "creationTimestamp", path, out.creationTimestamp);
    d.read(j, "deletionTimestamp", path, out.deletionTimestamp);
    d.read(j, "labels", path, out.labels);
    d.read(j, "annotations", path, out.annotations);
}

void decodeInto(detail::Decoder &d, const json &j, const std::string &path, LabelSelector &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "matchLabels", path, out.matchLabels);
    d.readArray(j, "matchExpressions", path, out.matchExpressions,
                [](detail::Decoder &dd, const json &item, const std::string &p,
                   LabelSelectorRequirement &r) {
                    if (!dd.expectObject(item, p))
                        return;
                    dd.read(item, "key", p, r.key);
                    dd.read(item, "operator", p, r.operator_);
                    dd.read(item, "values", p, r.values);
                });
}

void decodeInto(detail::Decoder &d, const json &j, const std::string &path, Condition &out)
{
    if (!d.expectObject(j, path))
        return;
    d.read(j, "type", path, out.type);
    d.read(j, "status", path, out.status);
    d.read(j, "lastTransitionTime", path, out.lastTransitionTime);
    d.read(j, "lastUpdateTime", path, out.lastUpdateTime);
    d.read(j, "lastProbeTime", path, out.lastProbeTime);
    d.read(j, "reason", path, out.reason);
    d.read(j, "message", path, out.message);
}

} // namespace kube::api
