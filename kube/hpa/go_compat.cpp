#include "kube/hpa/go_compat.h"

namespace kube::hpa::go {

std::string labelSelector(const std::optional<kube::api::LabelSelector> &selector)
{
    if (!selector)
        return "nil";
    // LabelSelector.String() in apimachinery's generated.pb.go: map keys sorted (std::map is),
    // each requirement printed by LabelSelectorRequirement.String() with its leading '&' removed.
    std::string labels = "map[string]string{";
    for (const auto &[k, v] : selector->matchLabels)
        labels += k + ": " + v + ",";
    labels += "}";
    std::string expressions = "[]LabelSelectorRequirement{";
    for (const auto &r : selector->matchExpressions) {
        std::string values = "[";
        for (std::size_t i = 0; i < r.values.size(); ++i)
            values += (i ? " " : "") + r.values[i]; // fmt %v of []string
        values += "]";
        expressions += "LabelSelectorRequirement{Key:" + r.key + ",Operator:" + r.operator_ +
                       ",Values:" + values + ",},";
    }
    expressions += "}";
    return "&LabelSelector{MatchLabels:" + labels + ",MatchExpressions:" + expressions + ",}";
}

} // namespace kube::hpa::go
