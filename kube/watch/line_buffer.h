#pragma once
// Splits a watch stream into frames: the API server writes one JSON object per line, but chunks
// may end anywhere (mid-line, mid-UTF-8 sequence) or carry several frames.
#include <string>
#include <string_view>
#include <vector>

namespace kube::watch {

class LineBuffer {
public:
    // Appends data and returns the complete lines it finished (without '\n', blank lines skipped).
    std::vector<std::string> feed(std::string_view data);
    std::size_t pending() const { return m_partial.size(); }
    void clear() { m_partial.clear(); }

private:
    std::string m_partial;
};

} // namespace kube::watch
