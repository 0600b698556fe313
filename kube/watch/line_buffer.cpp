#include "kube/watch/line_buffer.h"

namespace kube::watch {

std::vector<std::string> LineBuffer::feed(std::string_view data)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (;;) {
        auto nl = data.find('\n', start);
        if (nl == std::string_view::npos)
            break;
        m_partial.append(data.substr(start, nl - start));
        if (!m_partial.empty() && m_partial.back() == '\r')
            m_partial.pop_back();
        if (!m_partial.empty())
            lines.push_back(std::move(m_partial));
        m_partial.clear();
        start = nl + 1;
    }
    m_partial.append(data.substr(start));
    return lines;
}

} // namespace kube::watch
