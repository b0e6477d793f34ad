#pragma once

#include "domain/Result.h"

#include <QByteArrayList>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace assay {

// A prepared statement on the SQLite connection under a QSqlDatabase (see
// SqliteHandle), for the cache's bulk writes (a sync stores half a million
// answer rows).
//
// Why not QSqlQuery there: it routes every bound value through a named-
// placeholder map (QSqlResult::bindValue formats ":fN" and hashes it) and a
// QVariant, and re-parses the SQL at each prepare(). On 10k submissions that
// was 9 of the 16 s the store took. This keeps one sqlite3_stmt per
// statement for the life of the connection and binds UTF-8 directly.
//
// It is only ever used inside the owner's transactions, on the thread that
// owns the connection, like the QSqlDatabase itself.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Compiles `sql` once; later calls with a prepared statement do nothing.
    Result<> prepare(sqlite3 *db, const char *sql);
    bool isPrepared() const { return m_stmt != nullptr; }
    void finalize();

    // 1-based positions, as in SQL. A null QString / QVariant binds NULL.
    void bind(int position, const QString &text);
    void bind(int position, qint64 value);
    void bind(int position, double value);
    void bind(int position, const QVariant &value);
    void bindNull(int position);

    // Runs the statement: true when it produced a row (then read it with
    // column*(), and call step() again or reset()), false when it is done.
    Result<bool> step();
    qint64 columnInt64(int column) const;
    QString columnText(int column) const;
    // Makes the statement ready for new values (also clears the bound ones).
    void reset();
    // Runs a statement that returns no rows, then resets it.
    Result<> exec();

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    // UTF-8 copies of bound text, alive until reset(): SQLite reads them in
    // step() without copying (SQLITE_STATIC).
    QByteArrayList m_held;
};

} // namespace assay
