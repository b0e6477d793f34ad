#include "models/SqliteStatement.h"

#include <sqlite3.h>

namespace assay {

SqliteStatement::~SqliteStatement()
{
    finalize();
}

Result<> SqliteStatement::prepare(sqlite3 *db, const char *sql)
{
    if (m_stmt)
        return {};
    m_db = db;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        Error error{QString::fromUtf8(sqlite3_errmsg(db))};
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return error;
    }
    return {};
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

void SqliteStatement::bind(int position, double value)
{
    sqlite3_bind_double(m_stmt, position, value);
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

Result<bool> SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return Error{QString::fromUtf8(sqlite3_errmsg(m_db))};
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

Result<> SqliteStatement::exec()
{
    Result<bool> row;
    do {
        row = step();
    } while (row && *row);
    reset();
    if (!row)
        return row.error();
    return {};
}

} // namespace assay
