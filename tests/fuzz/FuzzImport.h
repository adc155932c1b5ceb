#pragma once

#include "CaseDatabase.h"
#include "ConversationFileImporter.h"
#include "Detector.h"
#include "FuzzSupport.h"

#include <QBuffer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

namespace cg::fuzz {

// Imports one input into a case database that lives for the whole run (bulk loading:
// no fsync, nobody else reads it), then checks that every rejected line has a reason
// and that the database is still consistent.
inline int importInput(const uint8_t *data, size_t size, ImportFormat format)
{
    ensureApplication();
    static const Detector detector;
    static QTemporaryDir dir;
    static std::unique_ptr<CaseDatabase> db = [] {
        OpenResult result;
        auto opened = CaseDatabase::open(dir.filePath(QStringLiteral("fuzz.sqlite")), OpenMode::CreateIfMissing, &result);
        if (!opened)
            fail(QStringLiteral("cannot create the database: %1").arg(result.message));
        opened->setBulkLoading(true);
        return opened;
    }();
    static int runs = 0;

    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    ConversationFileImporter importer(db->connection(), QStringLiteral("fuzzer"), &detector);
    const ImportSummary summary = importer.run(buffer, format, [](const ImportLineError &error) {
        if (error.line < 1 || error.reason.isEmpty())
            fail(QStringLiteral("a rejected line without a line number or reason"));
    });
    if (!summary.ok() && format == ImportFormat::JsonLines)
        fail(QStringLiteral("JSON Lines import stopped: %1").arg(summary.fatalError));
    // Beginning a transaction fails when the importer left one open.
    if (!db->connection().transaction())
        fail(QStringLiteral("the importer left a transaction open"));
    db->connection().rollback();
    QSqlQuery query(db->connection());
    if (++runs % 500 == 0) {
        if (!query.exec(QStringLiteral("PRAGMA integrity_check")) || !query.next()
            || query.value(0).toString() != QLatin1String("ok"))
            fail(QStringLiteral("integrity check failed"));
    }
    return 0;
}

} // namespace cg::fuzz
