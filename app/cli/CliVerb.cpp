#include "CliVerb.h"

namespace cg::cli {

void CliVerb::writeLine(QIODevice &device, const QString &line)
{
    QByteArray bytes = line.toUtf8();
    bytes.append('\n');
    device.write(bytes);
}

} // namespace cg::cli
