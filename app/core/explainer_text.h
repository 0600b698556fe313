#pragma once
// The explainer's sentences (kube/hpa message ids with arguments) in the UI's language.
#include "kube/hpa/explainer_messages.h"

#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace hpascope {

QString explainerText(const kube::hpa::Sentence &sentence);
// (id, English template) as Qt's tools see them, for the test that keeps them in step with kube/hpa.
std::vector<std::pair<std::string, std::string>> explainerTemplates();

} // namespace hpascope
