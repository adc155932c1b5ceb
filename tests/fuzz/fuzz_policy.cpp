// The policy file loader: arbitrary bytes as contact-policy.json. A refused file says
// which file; an accepted one gives a usable policy.
#include "ContactPolicy.h"
#include "FuzzSupport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const cg::ContactPolicyLoad load = cg::ContactPolicy::fromJson(json, QStringLiteral("fuzz.json"));
    if (!load.policy) {
        if (!load.error.startsWith(QStringLiteral("fuzz.json")))
            cg::fuzz::fail(QStringLiteral("an error that does not name the file: %1").arg(load.error));
        return 0;
    }
    for (int list = 0; list < cg::kCueListCount; ++list)
        load.policy->cues(cg::CueList(list));
    return 0;
}
