#pragma once
// Label selectors in their string form ("app=web,env in (a,b),!canary"), as the Scale
// subresource's status.selector carries them: parsing and matching like apimachinery's
// labels.Parse / Selector.Matches, so one pod watch per namespace can serve every HPA in it.
// Also the labels a test-adapter write needs so that an HPA's metric selector matches them.
#include "kube/api/meta.h"
#include "kube/core/result.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kube::metrics {

using Labels = std::map<std::string, std::string>;

struct Requirement {
    enum class Op { Exists, DoesNotExist, Equals, NotEquals, In, NotIn, GreaterThan, LessThan };
    std::string key;
    Op op = Op::Exists;
    std::vector<std::string> values;
    bool matches(const Labels &labels) const;
};

class Selector {
public:
    // Empty text selects everything. Errors: Kind::Invalid naming the offending position.
    static Result<Selector> parse(std::string_view text);
    bool matches(const Labels &labels) const;
    bool empty() const { return m_requirements.empty(); }
    const std::vector<Requirement> &requirements() const { return m_requirements; }

private:
    std::vector<Requirement> m_requirements;
};

// The labels to store with a written metric so that the metric selector matches it (the test
// adapter keeps one label set per value and filters reads with metricLabelSelector). matchLabels
// and single-value "In" become labels; NotIn / DoesNotExist need nothing; anything that needs a
// value the selector does not name (Exists, In with several values) is Kind::Invalid.
Result<Labels> labelsForSelector(const api::LabelSelector &selector);
// "k=v,k2=v2" (sorted by key): the adapter's ?labels= form (labels.ConvertSelectorToLabelsMap).
std::string formatLabels(const Labels &labels);

} // namespace kube::metrics
