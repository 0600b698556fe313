// The label-selector parser (kube/metrics/selector) on arbitrary text. The first line is the
// selector; the following "key=value" lines are a label set to match it against.
#include "kube/metrics/selector.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view input(reinterpret_cast<const char *>(data), size);
    const auto nl = input.find('\n');
    const std::string_view text = input.substr(0, nl);
    const auto selector = kube::metrics::Selector::parse(text);
    if (!selector)
        return 0;
    kube::metrics::Labels labels;
    std::string_view rest = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        const auto eq = line.find('=');
        labels[std::string(line.substr(0, eq))] =
            eq == std::string_view::npos ? std::string() : std::string(line.substr(eq + 1));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    (void)selector->matches(labels);
    (void)kube::metrics::formatLabels(labels);
    return 0;
}
