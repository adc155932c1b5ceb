#include "DemoDatabaseWriter.h"

#include "AssessmentStore.h"
#include "CaseDatabase.h"
#include "ContactPolicy.h"
#include "Assessment.h"
#include "CaseImporter.h"
#include "CaseRecordLoader.h"
#include "DecisionService.h"
#include "Detector.h"
#include "ModeratorDirectory.h"
#include "PolicyAssessor.h"
#include "Scanner.h"
#include "SqlTransaction.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace cg {

namespace {

const QString kDemoActor = QStringLiteral("demo");

// The demo team. Names not listed here are added as ordinary moderators.
struct StaffMember
{
    const char *name;
    ModeratorRole role;
};
constexpr StaffMember kDemoStaff[] = {
    {"amara.lead", ModeratorRole::Lead},
    {"jonas", ModeratorRole::Moderator},
    {"mei", ModeratorRole::Moderator},
    {"rafael.k", ModeratorRole::Moderator},
    {"olu.mod", ModeratorRole::Moderator},
    {"trainee.sam", ModeratorRole::Trainee},
    {"root.admin", ModeratorRole::Admin},
};

QString addStaff(QSqlDatabase db)
{
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    ModeratorDirectory directory(db);
    QString error;
    for (const StaffMember &member : kDemoStaff) {
        if (!directory.ensure(QString::fromLatin1(member.name), member.role, &error))
            return error;
    }
    return transaction.commit() ? QString() : transaction.error();
}

DemoWriteOutcome fill(CaseDatabase &database, const DemoOptions &options, int threads,
                      const DemoDatabaseWriter::Progress &progress)
{
    DemoWriteOutcome outcome;
    QSqlDatabase db = database.connection();
    outcome.error = addStaff(db);
    if (!outcome.error.isEmpty())
        return outcome;

    const QList<DemoCase> cases = DemoConversationGenerator(options).generate();
    CaseImporter importer(db, kDemoActor);
    QList<std::pair<const DemoCase *, qint64>> decided;
    for (const DemoCase &demoCase : cases) {
        const ImportOutcome imported = importer.import(demoCase.conversation);
        if (!imported.ok) {
            outcome.error = QStringLiteral("%1: %2").arg(demoCase.conversation.externalId, imported.error);
            return outcome;
        }
        ++outcome.conversations;
        outcome.messages += imported.messagesAdded;
        if (demoCase.decision)
            decided.append({&demoCase, imported.conversationId});
        if (progress)
            progress(QStringLiteral("import"), outcome.conversations, cases.size());
    }

    const Detector detector;
    const ScanOutcome scanned = Scanner(db, detector, kDemoActor)
                                    .scan(ScanScope::Pending, threads, [&progress](qint64 done, qint64 total) {
                                        if (progress)
                                            progress(QStringLiteral("scan"), done, total);
                                    });
    if (!scanned.ok) {
        outcome.error = scanned.error;
        return outcome;
    }
    outcome.spans = scanned.spansFound;

    const ContactPolicyLoad policy = ContactPolicy::builtIn();
    if (!policy.policy) {
        outcome.error = policy.error;
        return outcome;
    }
    const PolicyAssessor assessor(policy.policy, detector);

    // Older decisions are replayed in time order, so each person's history builds up
    // as it would have. Where the policy agrees with the verdict, the decision takes
    // its bases, as a moderator ticking the suggested ones would.
    std::stable_sort(decided.begin(), decided.end(), [](const auto &a, const auto &b) {
        return a.first->decision->decidedAt < b.first->decision->decidedAt;
    });
    DecisionService decisions(db);
    ModeratorDirectory directory(db);
    for (const auto &[demoCase, caseId] : std::as_const(decided)) {
        const PriorDecisionRecord &prior = *demoCase->decision;
        DecisionRequest request;
        request.caseId = caseId;
        request.verdict = prior.verdict;
        request.penalty = prior.penalty;
        request.moderator = prior.moderator;
        request.note = prior.note;
        request.decidedAt = prior.decidedAt;
        QString loadError;
        if (const auto loaded = CaseRecordLoader::load(db, caseId, &loadError)) {
            const Assessment suggested = assessor.assess(loaded->record, loaded->spans);
            if (verdictName(suggested.verdict) == prior.verdict) {
                for (const Basis basis : suggested.basis)
                    request.basis.append(basisName(basis));
            }
        }
        const auto moderator = directory.find(prior.moderator);
        request.training = moderator && moderator->role == ModeratorRole::Trainee;
        const DecisionOutcome recorded = decisions.record(request);
        if (!recorded.recorded()) {
            outcome.error = QStringLiteral("%1: %2").arg(demoCase->conversation.externalId, recorded.message);
            return outcome;
        }
        ++outcome.decisions;
        if (progress)
            progress(QStringLiteral("decide"), outcome.decisions, decided.size());
    }

    // Suggestions last: they depend on each person's history of decisions.
    const AssessOutcome assessed = AssessmentStore(db, assessor, kDemoActor).assessPending(threads);
    if (!assessed.ok) {
        outcome.error = assessed.error;
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

} // namespace

DemoWriteOutcome DemoDatabaseWriter::write(const QString &path, const DemoOptions &options, int threads,
                                           const Progress &progress)
{
    DemoWriteOutcome outcome;
    if (QFileInfo::exists(path)) {
        outcome.error = QStringLiteral("%1 already exists; it was left untouched.").arg(path);
        return outcome;
    }
    const QString partial = path + QStringLiteral(".partial");
    removeDatabaseFiles(partial);
    {
        OpenResult opened;
        auto database = CaseDatabase::open(partial, OpenMode::CreateIfMissing, &opened);
        if (!database) {
            outcome.error = opened.message;
            return outcome;
        }
        database->setBulkLoading(true);
        outcome = fill(*database, options, threads, progress);
        database->setBulkLoading(false);
    }
    if (outcome.ok && !QFile::rename(partial, path)) {
        outcome.ok = false;
        outcome.error = QStringLiteral("Could not move the finished database to %1.").arg(path);
    }
    if (!outcome.ok)
        removeDatabaseFiles(partial);
    return outcome;
}

} // namespace cg
