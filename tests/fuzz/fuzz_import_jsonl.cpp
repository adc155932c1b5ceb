// JSON Lines import into a case database.
#include "FuzzImport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return cg::fuzz::importInput(data, size, cg::ImportFormat::JsonLines);
}
