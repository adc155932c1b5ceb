#pragma once

#include "CliVerb.h"

namespace cg::cli {

// `contactguard-cli assess`: JSON Lines of conversations in, one policy assessment per
// conversation out (verdict, basis, evidence, spans, recommended penalty), as
// ../shared/contracts/cli.md specifies.
class AssessVerb final : public CliVerb
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, CliStreams streams) override;
};

} // namespace cg::cli
