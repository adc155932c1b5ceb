// The detection rule files: the first byte picks which file the rest is parsed as. A
// refused file is named in the message.
#include "DetectionData.h"
#include "FuzzSupport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QStringList names = cg::DetectionData::fileNames();
    const QString fileName = names.at(data[0] % names.size());
    const QByteArray content(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    cg::DetectionData parsed;
    QString error;
    if (!parsed.parse(fileName, content, QStringLiteral("fuzz/") + fileName, &error)) {
        if (!error.startsWith(QStringLiteral("fuzz/") + fileName))
            cg::fuzz::fail(QStringLiteral("an error that does not name the file: %1").arg(error));
    }
    return 0;
}
