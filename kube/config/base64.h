#pragma once
// Strict base64 (RFC 4648 standard alphabet, padded), as Go's encoding/base64.StdEncoding which
// client-go uses for *-data fields: only CR and LF are ignored, everything else must be exact.
#include <optional>
#include <string>
#include <string_view>

namespace kube::config {

struct Base64Error {
    std::size_t offset = 0; // offset in the input (after CR/LF removal) where decoding failed
    std::string what;
};

// Returns the decoded bytes, or std::nullopt and fills *error.
std::optional<std::string> base64Decode(std::string_view input, Base64Error *error = nullptr);
std::string base64Encode(std::string_view bytes);

} // namespace kube::config
