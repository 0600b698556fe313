// Quantity::parse on arbitrary text, and what a parsed Quantity is then asked for: its canonical
// form (which must parse back to the same value), its integer views and its double.
#include "kube/api/quantity.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto q = kube::api::Quantity::parse(text);
    if (!q)
        return 0;
    const std::string canonical = q->toString();
    const auto again = kube::api::Quantity::parse(canonical);
    if (!again || *again != *q || again->toString() != canonical)
        std::abort(); // toString() must round-trip, as Go's does
    (void)q->value();
    (void)q->milliValue();
    (void)q->scaledValue(-9);
    (void)q->scaledValue(3);
    (void)q->asDouble();
    (void)q->compare(kube::api::Quantity::fromMilli(1500));
    return 0;
}
