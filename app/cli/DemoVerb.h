#pragma once

#include "CliVerb.h"

namespace cg::cli {

// `demo`: writes a case database of synthetic flagged conversations.
class DemoVerb final : public CliVerb
{
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString summary() const override { return QStringLiteral("write a demo case database"); }
    int run(const QStringList &arguments, CliStreams streams) override;

    // Where the desktop app and `demo` keep the demo database by default.
    static QString defaultDemoPath();
};

} // namespace cg::cli
