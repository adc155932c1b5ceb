#pragma once

#include "CliVerb.h"

#include <memory>
#include <vector>

namespace cg::cli {

// Dispatches `contactguard-cli <verb> [options]` to the verb's class. Tests run it
// in-process with buffers; main() hands it the real standard streams.
class CliApplication final
{
public:
    CliApplication();
    ~CliApplication();

    int run(const QStringList &arguments, CliStreams streams); // arguments without the program name
    QString usage() const;

private:
    std::vector<std::unique_ptr<CliVerb>> m_verbs;
};

} // namespace cg::cli
