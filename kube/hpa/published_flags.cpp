#include "kube/hpa/published_flags.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>

namespace kube::hpa {

std::string publishedFlagsPath()
{
    return "/api/v1/namespaces/" + std::string(kPublishedFlagsNamespace) + "/configmaps/" + std::string(kPublishedFlagsName);
}

std::optional<std::chrono::milliseconds> parseGoDuration(std::string_view text)
{
    // time.ParseDuration's units; a sign and fractions are allowed ("1.5s", "-1s").
    static const std::pair<std::string_view, double> kUnits[] = {
        {"ns", 1e-6}, {"us", 1e-3}, {"\u00b5s", 1e-3}, {"ms", 1.0}, {"s", 1e3}, {"m", 60e3}, {"h", 3600e3}};
    if (text.empty())
        return std::nullopt;
    double sign = 1;
    if (text.front() == '-' || text.front() == '+') {
        sign = text.front() == '-' ? -1 : 1;
        text.remove_prefix(1);
    }
    if (text == "0")
        return std::chrono::milliseconds(0);
    double total = 0;
    while (!text.empty()) {
        std::size_t i = 0;
        while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.'))
            ++i;
        if (i == 0)
            return std::nullopt;
        const std::string number(text.substr(0, i));
        char *end = nullptr;
        const double value = std::strtod(number.c_str(), &end);
        if (end != number.c_str() + number.size())
            return std::nullopt;
        text.remove_prefix(i);
        std::size_t u = 0;
        while (u < text.size() && !((text[u] >= '0' && text[u] <= '9') || text[u] == '.'))
            ++u;
        const std::string_view unit = text.substr(0, u);
        text.remove_prefix(u);
        bool known = false;
        for (const auto &[name, ms] : kUnits)
            if (unit == name) {
                total += value * ms;
                known = true;
            }
        if (!known)
            return std::nullopt;
    }
    return std::chrono::milliseconds(std::llround(sign * total));
}

Result<ControllerConfig> readPublishedFlags(const nlohmann::json &configMap, ControllerConfig base)
{
    const auto data = configMap.find("data");
    if (data == configMap.end() || !data->is_object())
        return base;
    auto invalid = [](std::string_view key, const std::string &value, const char *want) {
        return makeError(Error::Kind::Invalid,
                         "ConfigMap " + std::string(kPublishedFlagsNamespace) + "/" + std::string(kPublishedFlagsName) +
                             ": " + std::string(key) + " is \"" + value + "\", not " + want);
    };
    for (const auto &[key, raw] : data->items()) {
        if (!raw.is_string())
            continue;
        const std::string value = raw.get<std::string>();
        if (key == kSyncPeriodFlag || key == kDownscaleStabilizationFlag) {
            const auto d = parseGoDuration(value);
            if (!d || *d < std::chrono::seconds(key == kSyncPeriodFlag ? 1 : 0))
                return invalid(key, value, key == kSyncPeriodFlag ? "a duration of at least 1s" : "a duration such as 300s or 5m0s");
            const auto seconds = std::chrono::duration_cast<Seconds>(*d);
            (key == kSyncPeriodFlag ? base.syncPeriod : base.downscaleStabilization) = seconds;
        } else if (key == kToleranceFlag) {
            char *end = nullptr;
            const double t = std::strtod(value.c_str(), &end);
            if (value.empty() || end != value.c_str() + value.size() || !(t >= 0 && t < 1))
                return invalid(key, value, "a tolerance between 0 and 1");
            base.tolerance = t;
        }
    }
    return base;
}

} // namespace kube::hpa
