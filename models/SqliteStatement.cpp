#include "models/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>

#include <sqlite3.h>

namespace assay {

SqliteStatement::~SqliteStatement()
{
    finalize();
}

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db, QString *error)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0 || !db.isOpen()) {
        *error = QStringLiteral("the cache connection is not an open QSQLITE connection");
        return nullptr;
    }
    sqlite3 *handle = *static_cast<sqlite3 *const *>(v.constData());
    // One library or two? A connection's VFS object lives in the library
    // that opened it; ours must be the same object. Versions alone cannot
    // tell (a Qt with a bundled copy of the same release).
    sqlite3_vfs *vfs = nullptr;
    if (!handle || sqlite3_file_control(handle, "main", SQLITE_FCNTL_VFS_POINTER, &vfs) != SQLITE_OK
        || vfs == nullptr || sqlite3_vfs_find(vfs->zName) != vfs) {
        *error = QStringLiteral("the Qt SQLite driver uses its own copy of SQLite, not the system's libsqlite3 %1 "
                                "that Assay is built with; use a Qt whose QSQLITE plugin links the system SQLite")
                     .arg(QString::fromLatin1(sqlite3_libversion()));
        return nullptr;
    }
    return handle;
}

bool SqliteStatement::prepare(sqlite3 *db, const char *sql)
{
    if (m_stmt)
        return true;
    m_db = db;
    m_ok = true;
    m_error.clear();
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        m_ok = false;
        m_error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return false;
    }
    return true;
}

void SqliteStatement::finalize()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_held.clear();
}

void SqliteStatement::bind(int position, const QString &text)
{
    if (text.isNull()) {
        bindNull(position);
        return;
    }
    m_held.append(text.toUtf8());
    const QByteArray &utf8 = m_held.constLast();
    // An empty QByteArray's data() is "" (never null), which binds '' and
    // not NULL, as a NOT NULL text column wants.
    sqlite3_bind_text(m_stmt, position, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bind(int position, qint64 value)
{
    sqlite3_bind_int64(m_stmt, position, value);
}

void SqliteStatement::bind(int position, const QVariant &value)
{
    if (value.isNull()) {
        bindNull(position);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::Bool:
        bind(position, value.toLongLong());
        break;
    default:
        bind(position, value.toString());
        break;
    }
}

void SqliteStatement::bindNull(int position)
{
    sqlite3_bind_null(m_stmt, position);
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_ok = rc == SQLITE_DONE;
    if (!m_ok)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column)) : QString();
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_held.clear();
}

bool SqliteStatement::exec()
{
    m_ok = true;
    m_error.clear();
    while (step()) {
    }
    const bool good = m_ok;
    reset();
    return good;
}

} // namespace assay
