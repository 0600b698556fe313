// A watch stream's bytes through what the Reflector does with them (kube/watch/reflector.cpp
// onChunk + handleFrame): the line buffer, fed in chunks whose sizes come from the input, each
// line parsed as a watch frame (managedFields cut out first), its key and resourceVersion read,
// an ERROR frame's Status turned into an error; the objects decoded as HPAs (what the dashboard
// does with them).
//
// Input: byte 0 = n (mod 16) chunk lengths follow in bytes 1..n (0 means 256); the rest is the
// stream, cut into chunks of those lengths in turn (n = 0: one chunk).
#include "kube/api/hpa.h"
#include "kube/http/errors.h"
#include "kube/watch/line_buffer.h"
#include "kube/watch/watch_frame.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace {

// The Reflector's limit would end the watch there; the fuzzer keeps its inputs far smaller.
constexpr std::size_t kMaxFrameBytes = 16u << 20;

void handleFrame(const std::string &line)
{
    auto frame = kube::watch::parseWatchFrame(line);
    if (!frame)
        return;
    const nlohmann::json &obj = frame->object;
    if (frame->type == "ERROR") {
        const int code = kube::watch::statusCode(obj);
        (void)kube::http::errorFromResponse(code, {}, obj.dump(), "WATCH",
                                            "/apis/autoscaling/v2/horizontalpodautoscalers");
        return;
    }
    (void)kube::watch::metadataString(obj, "resourceVersion");
    (void)kube::watch::objectKey(obj);
    if (frame->type == "ADDED" || frame->type == "MODIFIED" || frame->type == "DELETED")
        (void)kube::api::decodeHorizontalPodAutoscaler(obj);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t n = std::min<std::size_t>(data[0] % 16, size - 1);
    const uint8_t *lengths = data + 1;
    std::string_view stream(reinterpret_cast<const char *>(data + 1 + n), size - 1 - n);
    kube::watch::LineBuffer lines;
    for (std::size_t i = 0; !stream.empty(); ++i) {
        const std::size_t len = n == 0 ? stream.size() : (lengths[i % n] == 0 ? 256 : lengths[i % n]);
        const std::string_view chunk = stream.substr(0, len);
        stream.remove_prefix(chunk.size());
        for (const auto &line : lines.feed(chunk)) {
            if (line.size() > kMaxFrameBytes)
                return 0;
            handleFrame(line);
        }
    }
    return 0;
}
