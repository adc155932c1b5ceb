// The assessment input: one JSON Lines line is parsed into a conversation; when it is
// accepted, it is assessed, and writing it back and parsing again gives the same record.
#include "ContactPolicy.h"
#include "ConversationJson.h"
#include "Detector.h"
#include "FuzzSupport.h"
#include "PolicyAssessor.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const cg::Detector detector;
    static const cg::PolicyAssessor assessor(cg::ContactPolicy::builtIn().policy, detector);

    const QByteArray line(reinterpret_cast<const char *>(data), qsizetype(size));
    const cg::ConversationJsonResult parsed = cg::ConversationJson::parse(line, &detector);
    if (!parsed.ok())
        return 0;
    assessor.assess(parsed.record);
    const QByteArray written = QJsonDocument(cg::ConversationJson::toJson(parsed.record)).toJson(QJsonDocument::Compact);
    const cg::ConversationJsonResult again = cg::ConversationJson::parse(written, &detector);
    if (!again.ok())
        cg::fuzz::fail(QStringLiteral("a written conversation is refused: %1").arg(again.error));
    if (QJsonDocument(cg::ConversationJson::toJson(again.record)).toJson(QJsonDocument::Compact) != written)
        cg::fuzz::fail(QStringLiteral("writing a conversation and reading it back changes it"));
    return 0;
}
