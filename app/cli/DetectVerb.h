#pragma once

#include "CliVerb.h"

namespace cg::cli {

// `contactguard-cli detect`: JSON Lines of messages in, their contact-detail spans
// out, as ../shared/contracts/cli.md specifies.
class DetectVerb final : public CliVerb
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, CliStreams streams) override;
};

} // namespace cg::cli
