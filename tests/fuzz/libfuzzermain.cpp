// The libFuzzer entry point for one target: POSTROOM_FUZZ_ENTRY names its function.
#include "fuzztargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzQuietQt();
    return POSTROOM_FUZZ_ENTRY(data, size);
}
