#pragma once

#include <QSqlDatabase>
#include <QString>

namespace assay {

// Brings a database to the schema this build knows. Each version is one SQL
// file in a resource folder (001_*.sql is version 1 ...; the cache's are in
// resources/sql, the reference server's in server/sql), applied in its own
// transaction together with PRAGMA user_version, so a crash mid-migration
// leaves the previous version intact. A database newer than this build is
// refused, never "upgraded" downwards.
class Migrations
{
public:
    static inline const QString CacheSchema = QStringLiteral(":/assay/sql");

    static int latestVersion(const QString &resourceDir = CacheSchema);
    static int currentVersion(QSqlDatabase &db);
    // Returns an error message, or empty on success.
    static QString migrate(QSqlDatabase &db, const QString &resourceDir = CacheSchema);
    // Splits a migration file into statements: one per ';' at a line's end.
    static QStringList statements(const QString &sql);
};

} // namespace assay
