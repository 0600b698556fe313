#pragma once

namespace kube {
const char *version();
} // namespace kube
