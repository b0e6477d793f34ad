#include "domain/Migrations.h"

#include "domain/DomainLogging.h"
#include "domain/SqliteHandle.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace assay {

namespace {
QStringList migrationFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
}

// Runs every statement of `sql`; SQLite's parser finds where each ends.
Result<> execAll(sqlite3 *handle, const QByteArray &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(handle, sql.constData(), nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    const QString error = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_free(message);
    return Error{error};
}

// After a failed step: the failure is what the caller reports; a rollback
// that fails too (SQLite may have ended the transaction itself) is logged.
void rollback(QSqlDatabase &db, int version)
{
    if (!db.rollback())
        qCWarning(lcSchema) << "migration" << version << "could not be rolled back:" << db.lastError().text();
}
} // namespace

int Migrations::latestVersion(const QString &resourceDir)
{
    return int(migrationFiles(resourceDir).size());
}

Result<int> Migrations::currentVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Error{QStringLiteral("cannot read the schema version: %1").arg(q.lastError().text())};
    return q.value(0).toInt();
}

Result<> Migrations::migrate(QSqlDatabase &db, const QString &resourceDir)
{
    const Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    const QStringList files = migrationFiles(resourceDir);
    const int latest = int(files.size());
    if (*current > latest) {
        return Error{QStringLiteral("this database has schema version %1, but this build of Assay knows only up to "
                                    "version %2; it was written by a newer Assay. Use that version, or another file.")
                         .arg(*current)
                         .arg(latest)};
    }
    if (*current == latest)
        return {};
    const Result<sqlite3 *> handle = SqliteHandle::of(db);
    if (!handle)
        return handle.error();
    for (int version = *current + 1; version <= latest; ++version) {
        const QString &name = files.at(version - 1);
        if (!name.startsWith(QStringLiteral("%1_").arg(version, 3, 10, QLatin1Char('0'))))
            return Error{QStringLiteral("migration files out of order at %1").arg(name)};
        QFile file(resourceDir + QLatin1Char('/') + name);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("cannot read migration %1").arg(name)};
        const QByteArray sql = file.readAll() + QByteArrayLiteral("\n;PRAGMA user_version = ")
            + QByteArray::number(version) + ';';
        if (!db.transaction())
            return Error{QStringLiteral("cannot begin migration %1: %2").arg(version).arg(db.lastError().text())};
        if (const Result<> ran = execAll(*handle, sql); !ran) {
            rollback(db, version);
            return Error{QStringLiteral("migration %1 failed: %2").arg(version).arg(ran.error().message)};
        }
        if (!db.commit()) {
            const QString error = db.lastError().text();
            rollback(db, version);
            return Error{QStringLiteral("migration %1 could not be committed: %2").arg(version).arg(error)};
        }
        qCInfo(lcSchema) << "schema of" << db.databaseName().section(QLatin1Char('/'), -1) << "migrated to version" << version;
    }
    return {};
}

} // namespace assay
