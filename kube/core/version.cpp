#include "kube/core/version.h"

namespace kube {
const char *version() { return HPASCOPE_VERSION; }
} // namespace kube
