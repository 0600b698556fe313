#pragma once
// The explainer's sentences as message ids with arguments, so that the Qt layer can translate
// them (app/core/explainer_text.cpp holds the same English templates for Qt's tools) and
// everything else (snapshot --json, logs) can render them in English here, without Qt.
#include <string>
#include <string_view>
#include <vector>

namespace kube::hpa {

struct Sentence {
    std::string id;                // a key of explainerMessages()
    std::vector<std::string> args; // %1, %2, ... in the template
    // Rendered, joined with ", " and passed as the argument after `args` (a list of steps).
    std::vector<Sentence> items;
    std::string text() const;      // English
    bool operator==(const Sentence &) const = default;
};

struct MessageTemplate {
    std::string_view id;
    std::string_view english; // with %1 ... %9
};
const std::vector<MessageTemplate> &explainerMessages();

// Substitutes %1 ... %9 (each once or more) in `pattern`.
std::string substitute(std::string_view pattern, const std::vector<std::string> &args);

} // namespace kube::hpa
