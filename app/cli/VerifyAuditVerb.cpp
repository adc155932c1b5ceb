#include "VerifyAuditVerb.h"

#include "AuditLog.h"

namespace cg::cli {

QString VerifyAuditVerb::description() const
{
    return QStringLiteral(
        "Recomputes the audit log's SHA-256 chain, checks that no entry is missing from its end, and that every\n"
        "decision still matches the fingerprint its audit entry recorded. Exit 0 when intact; exit 4 naming the\n"
        "first entry (or decision) that was edited, deleted, inserted or reordered.");
}

int VerifyAuditVerb::execute(Context &context)
{
    const AuditVerification verification = AuditLog::verify(context.database.connection());
    if (!verification.intact) {
        // A damaged file is not a tampered log: say which it is.
        const QString diagnosis = context.database.diagnose();
        if (!diagnosis.isEmpty())
            return fail(context.streams, diagnosis);
        writeLine(context.streams.out, QStringLiteral("Audit log broken: %1").arg(verification.problem));
        return ExitAuditBroken;
    }
    writeLine(context.streams.out, QStringLiteral("Audit log intact: %1 entries, %2 decisions checked.")
                                       .arg(verification.entries)
                                       .arg(verification.decisions));
    return ExitOk;
}

} // namespace cg::cli
