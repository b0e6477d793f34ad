#include "domain/SqliteHandle.h"

#include <QSqlDatabase>
#include <QSqlDriver>

#include <sqlite3.h>

namespace assay {

Result<sqlite3 *> SqliteHandle::of(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0 || !db.isOpen())
        return Error{QStringLiteral("the database connection is not an open QSQLITE connection")};
    sqlite3 *handle = *static_cast<sqlite3 *const *>(v.constData());
    // One library or two? A connection's VFS object lives in the library
    // that opened it; ours must be the same object. Versions alone cannot
    // tell (a Qt with a bundled copy of the same release).
    sqlite3_vfs *vfs = nullptr;
    if (!handle || sqlite3_file_control(handle, "main", SQLITE_FCNTL_VFS_POINTER, static_cast<void *>(&vfs)) != SQLITE_OK
        || vfs == nullptr || sqlite3_vfs_find(vfs->zName) != vfs) {
        return Error{QStringLiteral("the Qt SQLite driver uses its own copy of SQLite, not the system's libsqlite3 %1 "
                                    "that Assay is built with; use a Qt whose QSQLITE plugin links the system SQLite")
                         .arg(QString::fromLatin1(sqlite3_libversion()))};
    }
    return handle;
}

} // namespace assay
