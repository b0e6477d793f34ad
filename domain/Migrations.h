#pragma once

#include "domain/Result.h"

#include <QString>

class QSqlDatabase;

namespace assay {

// Brings a database to the schema this build knows. Each version is one SQL
// file in a resource folder (001_*.sql is version 1 ...; the cache's are in
// resources/sql, the reference server's in server/sql), applied in its own
// transaction together with PRAGMA user_version, so a crash mid-migration
// leaves the previous version intact. A database newer than this build is
// refused, never "upgraded" downwards.
//
// A file runs whole through SQLite's own parser (sqlite3_exec on the
// connection's handle): triggers, and literals with a ';' at a line's end,
// are what SQLite says they are, not what a splitter guesses.
class Migrations
{
public:
    static inline const QString CacheSchema = QStringLiteral(":/assay/sql");

    static int latestVersion(const QString &resourceDir = CacheSchema);
    static Result<int> currentVersion(QSqlDatabase &db);
    static Result<> migrate(QSqlDatabase &db, const QString &resourceDir = CacheSchema);
};

} // namespace assay
