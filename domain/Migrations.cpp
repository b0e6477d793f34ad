#include "domain/Migrations.h"

#include "domain/DomainLogging.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace assay {

namespace {
QStringList migrationFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
}
} // namespace

int Migrations::latestVersion(const QString &resourceDir)
{
    return int(migrationFiles(resourceDir).size());
}

int Migrations::currentVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

QStringList Migrations::statements(const QString &sql)
{
    QStringList out;
    QString current;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            out.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

QString Migrations::migrate(QSqlDatabase &db, const QString &resourceDir)
{
    const int current = currentVersion(db);
    if (current < 0)
        return QStringLiteral("cannot read the schema version: %1").arg(db.lastError().text());
    const QStringList files = migrationFiles(resourceDir);
    const int latest = int(files.size());
    if (current > latest) {
        return QStringLiteral("this database has schema version %1, but this build of Assay knows only up to "
                              "version %2; it was written by a newer Assay. Use that version, or another file.")
            .arg(current)
            .arg(latest);
    }
    for (int version = current + 1; version <= latest; ++version) {
        const QString name = files.at(version - 1);
        if (!name.startsWith(QStringLiteral("%1_").arg(version, 3, 10, QLatin1Char('0'))))
            return QStringLiteral("migration files out of order at %1").arg(name);
        QFile file(resourceDir + QLatin1Char('/') + name);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read migration %1").arg(name);
        const QStringList stmts = statements(QString::fromUtf8(file.readAll()));
        if (!db.transaction())
            return QStringLiteral("cannot begin migration %1: %2").arg(version).arg(db.lastError().text());
        QSqlQuery q(db);
        for (const QString &stmt : stmts) {
            if (!q.exec(stmt)) {
                const QString error = q.lastError().text();
                q.finish();
                db.rollback();
                return QStringLiteral("migration %1 failed: %2").arg(version).arg(error);
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) || !db.commit()) {
            const QString error = db.lastError().text();
            q.finish();
            db.rollback();
            return QStringLiteral("migration %1 could not be committed: %2").arg(version).arg(error);
        }
        qCInfo(lcSchema) << "schema of" << db.databaseName().section(QLatin1Char('/'), -1) << "migrated to version" << version;
    }
    return {};
}

} // namespace assay
