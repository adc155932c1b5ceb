#include "Migrations.h"

#include "SqlTransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace cg {

namespace {

// Statements are kept to SQL that SQLite and PostgreSQL both accept, except for
// the identity column, written %PK% and expanded per driver, and statements
// marked SqliteOnly (triggers use each server's own syntax).
enum class Dialect { Any, SqliteOnly };

struct Statement
{
    Dialect dialect;
    const char *sql;
};

struct Migration
{
    int version;
    const char *summary;
    std::initializer_list<Statement> statements;
};

// Migration 1: the whole case store. Roles, claims, gold cases and training
// decisions are in the schema from the start so training and team mode need no
// rewrite of existing data.
const Migration kMigration1{1, "create the case store", {
    {Dialect::Any, R"(CREATE TABLE moderators (
        id %PK%,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('trainee', 'moderator', 'lead', 'admin')),
        created_at TEXT NOT NULL))"},
    {Dialect::Any, R"(CREATE TABLE people (
        id %PK%,
        external_id TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('client', 'freelancer')),
        plan TEXT CHECK (plan IS NULL OR plan IN ('basic', 'plus', 'business', 'enterprise')),
        country TEXT NOT NULL DEFAULT ''))"},
    {Dialect::Any, R"(CREATE TABLE conversations (
        id %PK%,
        external_id TEXT NOT NULL UNIQUE,
        job_title TEXT NOT NULL DEFAULT '',
        phase TEXT NOT NULL CHECK (phase IN ('job_post', 'proposal', 'interview', 'messages')),
        client_id INTEGER NOT NULL REFERENCES people(id),
        freelancer_id INTEGER NOT NULL REFERENCES people(id),
        subject_id INTEGER NOT NULL REFERENCES people(id),
        pre_existing_relationship INTEGER NOT NULL DEFAULT 0,
        flag_source TEXT NOT NULL DEFAULT '',
        flag_reason TEXT NOT NULL DEFAULT '',
        flagged_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'claimed', 'decided', 'escalated')),
        assignee_id INTEGER REFERENCES moderators(id),
        is_gold INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        risk REAL NOT NULL DEFAULT 0,
        contact_types TEXT NOT NULL DEFAULT '',
        suggested_verdict TEXT,
        message_count INTEGER NOT NULL DEFAULT 0,
        last_message_at TEXT,
        updated_at TEXT NOT NULL))"},
    {Dialect::Any, "CREATE INDEX conversations_by_status ON conversations(status, risk, id)"},
    {Dialect::Any, "CREATE INDEX conversations_by_flagged ON conversations(flagged_at, id)"},
    {Dialect::Any, "CREATE INDEX conversations_by_risk ON conversations(risk, id)"},
    {Dialect::Any, "CREATE INDEX conversations_by_assignee ON conversations(assignee_id)"},
    {Dialect::Any, "CREATE INDEX conversations_by_suggestion ON conversations(suggested_verdict)"},
    {Dialect::Any, "CREATE INDEX conversations_by_subject ON conversations(subject_id)"},
    {Dialect::Any, R"(CREATE TABLE contracts (
        id %PK%,
        conversation_id INTEGER NOT NULL UNIQUE REFERENCES conversations(id),
        status TEXT NOT NULL CHECK (status IN ('none', 'offered', 'active', 'closed')),
        starts_on TEXT,
        ends_on TEXT,
        conversion_fee_paid INTEGER NOT NULL DEFAULT 0))"},
    {Dialect::Any, R"(CREATE TABLE messages (
        id %PK%,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        external_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        sender_id INTEGER NOT NULL REFERENCES people(id),
        sender_role TEXT NOT NULL CHECK (sender_role IN ('client', 'freelancer')),
        phase TEXT NOT NULL CHECK (phase IN ('job_post', 'proposal', 'interview', 'messages')),
        sent_at TEXT NOT NULL,
        body TEXT NOT NULL,
        scanned_with TEXT,
        UNIQUE (conversation_id, external_id)))"},
    {Dialect::Any, "CREATE INDEX messages_by_conversation ON messages(conversation_id, seq)"},
    {Dialect::Any, "CREATE INDEX messages_by_scan ON messages(scanned_with, id)"},
    {Dialect::Any, R"(CREATE TABLE detections (
        id %PK%,
        message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        detector_version TEXT NOT NULL,
        type TEXT NOT NULL,
        start_pos INTEGER NOT NULL,
        end_pos INTEGER NOT NULL,
        matched_text TEXT NOT NULL,
        value TEXT NOT NULL,
        confidence REAL NOT NULL,
        obfuscated INTEGER NOT NULL,
        rule TEXT NOT NULL,
        explanation TEXT NOT NULL))"},
    {Dialect::Any, "CREATE INDEX detections_by_message ON detections(message_id)"},
    {Dialect::Any, R"(CREATE TABLE assessments (
        id %PK%,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        assessor_version TEXT NOT NULL,
        verdict TEXT NOT NULL,
        basis TEXT NOT NULL,
        confidence REAL NOT NULL,
        evidence TEXT NOT NULL,
        recommended_penalty TEXT,
        explanation TEXT NOT NULL,
        created_at TEXT NOT NULL))"},
    {Dialect::Any, "CREATE INDEX assessments_by_conversation ON assessments(conversation_id, id)"},
    {Dialect::Any, R"(CREATE TABLE decisions (
        id %PK%,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        subject_id INTEGER NOT NULL REFERENCES people(id),
        moderator_id INTEGER NOT NULL REFERENCES moderators(id),
        verdict TEXT NOT NULL CHECK (verdict IN ('no_contact', 'allowed', 'exception', 'violation')),
        basis TEXT NOT NULL DEFAULT '',
        penalty TEXT CHECK (penalty IS NULL OR penalty IN
            ('warning', 'badge_loss', 'temporary_restriction', 'permanent_suspension')),
        note TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL,
        case_version INTEGER NOT NULL,
        reverses_decision_id INTEGER REFERENCES decisions(id),
        is_training INTEGER NOT NULL DEFAULT 0))"},
    {Dialect::Any, "CREATE INDEX decisions_by_conversation ON decisions(conversation_id, id)"},
    {Dialect::Any, "CREATE INDEX decisions_by_subject ON decisions(subject_id, decided_at)"},
    {Dialect::Any, "CREATE INDEX decisions_by_moderator ON decisions(moderator_id, decided_at)"},
    {Dialect::Any, R"(CREATE TABLE penalties (
        id %PK%,
        person_id INTEGER NOT NULL REFERENCES people(id),
        decision_id INTEGER NOT NULL UNIQUE REFERENCES decisions(id),
        kind TEXT NOT NULL CHECK (kind IN
            ('warning', 'badge_loss', 'temporary_restriction', 'permanent_suspension')),
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        lifted_by_decision_id INTEGER REFERENCES decisions(id)))"},
    {Dialect::Any, "CREATE INDEX penalties_by_person ON penalties(person_id, starts_at)"},
    {Dialect::Any, R"(CREATE TABLE audit_log (
        seq %PK%,
        recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE))"},
    {Dialect::Any, "CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id, seq)"},
    // Decisions and the audit log are append-only; the hash chain detects tampering
    // from outside the program, these triggers stop mistakes from inside it.
    {Dialect::SqliteOnly, R"(CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only: record a reversal instead'); END)"},
    {Dialect::SqliteOnly, R"(CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only: record a reversal instead'); END)"},
    {Dialect::SqliteOnly, R"(CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)"},
    {Dialect::SqliteOnly, R"(CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)"},
}};

// Migration 2: reversals, a chain head kept apart from the log, assessment tracking.
// - A decision is reversed at most once, and a lifted penalty records when.
// - audit_head holds the last entry's sequence number and hash, so deleting entries
//   from the end of the log (which leaves an intact, shorter chain) is detected.
// - conversations.assessed_with names the assessor version of the stored suggestion,
//   so `scan` resumes assessment where it stopped, as it does detection.
const Migration kMigration2{2, "reversals, audit chain head, assessment tracking", {
    {Dialect::Any, "ALTER TABLE penalties ADD COLUMN lifted_at TEXT"},
    {Dialect::Any, "CREATE UNIQUE INDEX decisions_reversed_once ON decisions(reverses_decision_id)"},
    {Dialect::Any, "CREATE INDEX decisions_by_time ON decisions(decided_at, id)"},
    {Dialect::Any, R"(CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL))"},
    {Dialect::Any, R"(INSERT INTO audit_head (id, seq, hash)
        SELECT 1, seq, hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log))"},
    {Dialect::Any, "ALTER TABLE conversations ADD COLUMN assessed_with TEXT"},
    {Dialect::Any, "CREATE INDEX conversations_by_assessment ON conversations(assessed_with, id)"},
    {Dialect::Any, "ALTER TABLE assessments ADD COLUMN spans TEXT NOT NULL DEFAULT '[]'"},
    {Dialect::SqliteOnly, R"(CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
        BEGIN SELECT RAISE(ABORT, 'the audit chain head cannot be removed'); END)"},
    {Dialect::SqliteOnly, R"(CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
        WHEN NEW.seq <= OLD.seq
        BEGIN SELECT RAISE(ABORT, 'the audit chain head only moves forward'); END)"},
    // A penalty is only ever lifted; what was given, to whom and by which decision stays.
    {Dialect::SqliteOnly, R"(CREATE TRIGGER penalties_only_lifted BEFORE UPDATE OF person_id, decision_id, kind,
        starts_at ON penalties
        BEGIN SELECT RAISE(ABORT, 'a penalty can only be lifted, not changed'); END)"},
    {Dialect::SqliteOnly, R"(CREATE TRIGGER penalties_never_deleted BEFORE DELETE ON penalties
        BEGIN SELECT RAISE(ABORT, 'penalties are never deleted: reverse the decision instead'); END)"},
}};

const Migration *const kMigrations[] = {&kMigration1, &kMigration2};

bool isSqlite(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

QString expand(const QSqlDatabase &db, const char *sql)
{
    QString text = QString::fromUtf8(sql);
    text.replace(QLatin1String("%PK%"), isSqlite(db) ? QStringLiteral("INTEGER PRIMARY KEY")
                                                     : QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    return text;
}

QString apply(QSqlDatabase &db, const Migration &migration)
{
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    QSqlQuery query(db);
    for (const Statement &statement : migration.statements) {
        if (statement.dialect == Dialect::SqliteOnly && !isSqlite(db))
            continue;
        if (!query.exec(expand(db, statement.sql)))
            return query.lastError().text();
    }
    // PRAGMA takes no bound parameters; the version is our own integer.
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
        return query.lastError().text();
    if (!transaction.commit())
        return transaction.error();
    return {};
}

} // namespace

int Migrations::latestVersion()
{
    return kMigrations[std::size(kMigrations) - 1]->version;
}

int Migrations::currentVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString Migrations::migrate(QSqlDatabase &db)
{
    return migrate(db, latestVersion());
}

QString Migrations::migrate(QSqlDatabase &db, int targetVersion)
{
    const int current = currentVersion(db);
    for (const Migration *migration : kMigrations) {
        if (migration->version <= current || migration->version > targetVersion)
            continue;
        const QString error = apply(db, *migration);
        if (!error.isEmpty()) {
            return QStringLiteral("Migration %1 (%2) failed and was rolled back: %3")
                .arg(migration->version)
                .arg(QString::fromLatin1(migration->summary), error);
        }
    }
    return {};
}

} // namespace cg
