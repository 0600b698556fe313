#pragma once
// Small string helpers shared by kube/ (no Qt).
#include <cctype>
#include <string>
#include <string_view>

namespace kube {

// Leading and trailing ASCII white space removed (std::isspace in the C locale), as Go's
// strings.TrimSpace does for the ASCII inputs here: HTTP header values, quantity bodies.
inline std::string trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

} // namespace kube
