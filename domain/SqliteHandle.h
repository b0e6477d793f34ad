#pragma once

#include "domain/Result.h"

class QSqlDatabase;
struct sqlite3;

namespace assay {

// The sqlite3 handle under an open QSQLITE connection, for what Qt's SQL
// layer cannot do: the client's bulk writes (SqliteStatement) and running a
// migration file whole, as SQLite itself parses it (Migrations).
//
// It checks that the driver runs on the very SQLite library Assay links: a
// Qt built with its own copy would not, and calling one copy's functions on
// the other's connection is undefined.
class SqliteHandle
{
public:
    static Result<sqlite3 *> of(const QSqlDatabase &db);
};

} // namespace assay
