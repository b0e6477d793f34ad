#include "server/SeedTemplate.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <tuple>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {
const QString Prefix = u"seeded-"_s;
const QString Suffix = u".sqlite"_s;
constexpr qsizetype KeptTemplates = 3;

// Blanks the tokens of a copy, through a connection of its own.
Result<> blankTokens(const QString &path)
{
    const QString name = u"assay-seed-template-"_s + QUuid::createUuid().toString(QUuid::Id128);
    Result<> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        // Each user keeps a unique placeholder no token's sha256 can equal.
        if (!db.open() || !q.exec(u"UPDATE users SET token = '', token_sha256 = 'blank:' || id"_s))
            result = Error{u"cannot blank the tokens of %1: %2"_s.arg(path, db.isOpen() ? q.lastError().text() : db.lastError().text())};
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
} // namespace

SeedTemplate::SeedTemplate(const QString &dir, int count, quint32 seed, const QList<User> &users,
                           const QStringList &parameters)
    : m_dir(dir)
{
    QCryptographicHash key(QCryptographicHash::Sha256);
    auto add = [&key](const QString &s) {
        key.addData(s.toUtf8());
        key.addData(QByteArrayView("\0", 1));
    };
    // The seeder's version: a template seeded by another is never restored,
    // even by a server whose executable looks the same (an install in place).
    // 2: the open submissions' dates placed against the SLA (issue 12).
    add(u"seed-template 2"_s);
    add(QString::number(count));
    add(QString::number(seed));
    for (const User &u : users) {
        add(u.id);
        add(u.name);
        add(u.roles.join(u','));
    }
    for (const QString &p : parameters)
        add(p);
    const QFileInfo exe(QCoreApplication::applicationFilePath());
    add(exe.absoluteFilePath());
    add(QString::number(exe.size()));
    add(QString::number(exe.lastModified(QTimeZone::UTC).toMSecsSinceEpoch()));
    add(QString::fromLatin1(qVersion()));
    add(QGuiApplication::font().toString());
    m_path = QDir(dir).filePath(Prefix + QString::fromLatin1(key.result().toHex().left(32)) + Suffix);
}

Result<bool> SeedTemplate::restore(const QString &dbPath) const
{
    if (!QFile::exists(m_path))
        return false;
    QFile from(m_path);
    if (!from.copy(dbPath)) {
        std::ignore = QFile::remove(dbPath); // a partial copy is no store; the error says what failed
        return Error{u"cannot copy the seeded template %1: %2"_s.arg(m_path, from.errorString())};
    }
    // Marked as used, for the eviction in save(); a failure only makes it
    // look older.
    if (from.open(QIODevice::ReadWrite))
        std::ignore = from.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return true;
}

Result<> SeedTemplate::save(ServerStore &store) const
{
    if (!QDir().mkpath(m_dir))
        return Error{u"cannot make the seed cache folder %1"_s.arg(m_dir)};
    const QString part = m_path + u".part-"_s + QUuid::createUuid().toString(QUuid::Id128);
    // A consistent, compact copy of the store as it is, from its own
    // connection (the WAL included).
    QSqlQuery q(store.database());
    q.prepare(u"VACUUM INTO ?"_s);
    q.addBindValue(part);
    // On failure the part is removed, or at the latest by a later save(),
    // which removes stale parts: the error says what failed first.
    if (!q.exec()) {
        std::ignore = QFile::remove(part);
        return Error{u"cannot copy the seeded store to %1: %2"_s.arg(part, q.lastError().text())};
    }
    if (const Result<> blanked = blankTokens(part); !blanked) {
        std::ignore = QFile::remove(part);
        return blanked;
    }
    // Another run may have saved the same template meanwhile: same bytes.
    // Should it stay, the rename below fails and says so.
    std::ignore = QFile::remove(m_path);
    if (!QFile::rename(part, m_path)) {
        std::ignore = QFile::remove(part);
        return Error{u"cannot move the seeded template into place at %1"_s.arg(m_path)};
    }
    // A few templates, the most recently used: each is as large as the
    // evidence it holds, and every worktree's server has its own.
    QDir dir(m_dir);
    const QFileInfoList kept = dir.entryInfoList({Prefix + u'*' + Suffix}, QDir::Files, QDir::Time);
    // Eviction is housekeeping: a file that stays is tried again next time.
    for (qsizetype i = KeptTemplates; i < kept.size(); ++i)
        std::ignore = QFile::remove(kept.at(i).filePath());
    // A copy whose server was killed while writing it is never renamed;
    // one older than any copy takes is left over.
    const QDateTime stale = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QFileInfo &part : dir.entryInfoList({Prefix + u"*.part-*"_s}, QDir::Files)) {
        if (part.lastModified(QTimeZone::UTC) < stale)
            std::ignore = QFile::remove(part.filePath());
    }
    return {};
}

} // namespace assay::server
