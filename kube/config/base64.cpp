#include "kube/config/base64.h"

#include <array>

namespace kube::config {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int, 256> makeDecodeTable()
{
    std::array<int, 256> table{};
    for (auto &v : table)
        v = -1;
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = i;
    return table;
}

constexpr auto kDecode = makeDecodeTable();

bool fail(Base64Error *error, std::size_t offset, std::string what)
{
    if (error) {
        error->offset = offset;
        error->what = std::move(what);
    }
    return false;
}

} // namespace

std::optional<std::string> base64Decode(std::string_view input, Base64Error *error)
{
    std::string clean;
    clean.reserve(input.size());
    for (char c : input) {
        if (c != '\r' && c != '\n')
            clean.push_back(c);
    }
    if (clean.size() % 4 != 0) {
        fail(error, clean.size(), "length is not a multiple of 4");
        return std::nullopt;
    }
    std::string out;
    out.reserve(clean.size() / 4 * 3);
    for (std::size_t i = 0; i < clean.size(); i += 4) {
        const bool last = i + 4 == clean.size();
        int vals[4];
        int pad = 0;
        for (int j = 0; j < 4; ++j) {
            const char c = clean[i + j];
            if (c == '=') {
                // Padding only in the last quantum, only in its last two places, and contiguous.
                if (!last || j < 2 || (j == 2 && clean[i + 3] != '=')) {
                    fail(error, i + j, "unexpected padding character");
                    return std::nullopt;
                }
                vals[j] = 0;
                ++pad;
                continue;
            }
            if (pad > 0 || kDecode[static_cast<unsigned char>(c)] < 0) {
                fail(error, i + j, "illegal character");
                return std::nullopt;
            }
            vals[j] = kDecode[static_cast<unsigned char>(c)];
        }
        const unsigned triple = (vals[0] << 18) | (vals[1] << 12) | (vals[2] << 6) | vals[3];
        out.push_back(static_cast<char>((triple >> 16) & 0xff));
        if (pad < 2)
            out.push_back(static_cast<char>((triple >> 8) & 0xff));
        if (pad < 1)
            out.push_back(static_cast<char>(triple & 0xff));
        // Go's strict mode rejects non-zero trailing bits; StdEncoding (non-strict) accepts them,
        // so we accept them too.
    }
    return out;
}

std::string base64Encode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16)
            | (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        out.push_back(kAlphabet[(v >> 18) & 63]);
        out.push_back(kAlphabet[(v >> 12) & 63]);
        out.push_back(kAlphabet[(v >> 6) & 63]);
        out.push_back(kAlphabet[v & 63]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2)
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out.push_back(kAlphabet[(v >> 18) & 63]);
        out.push_back(kAlphabet[(v >> 12) & 63]);
        out.push_back(rest == 2 ? kAlphabet[(v >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

} // namespace kube::config
