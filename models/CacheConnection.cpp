#include "models/CacheConnection.h"

#include "domain/Migrations.h"
#include "domain/SqliteHandle.h"
#include "models/Logging.h"
#include "models/SearchHits.h"
#include "models/SqliteStatement.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVersionNumber>

namespace assay {

namespace {
QAtomicInteger<quint64> connectionCounter;

// Checkpoints every 32 MB of WAL, not 4: a sync writes ~200 MB, and each
// checkpoint syncs twice.
constexpr int CheckpointPages = 8192;

// After a failed step: the failure is what the caller reports; a rollback
// that fails too (SQLite may have ended the transaction itself) is logged.
void rollback(QSqlDatabase &db, const QString &what)
{
    if (!db.rollback())
        qCWarning(lcCache).noquote() << "cache:" << what << "could not be rolled back:" << db.lastError().text();
}
} // namespace

CacheConnection::CacheConnection()
    : m_connection(QStringLiteral("assay-cache-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
    , m_hits(std::make_unique<SearchHits>())
{
}

CacheConnection::~CacheConnection()
{
    close();
}

Error CacheConnection::fail(const QString &what)
{
    qCWarning(lcCache).noquote() << "cache:" << what;
    return Error{what};
}

Error CacheConnection::failQuery(const QSqlQuery &q, const QString &what)
{
    return fail(what + QStringLiteral(": ") + q.lastError().text());
}

QSqlDatabase CacheConnection::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

Result<> CacheConnection::inTransaction(const QString &what, const std::function<Result<>()> &fn)
{
    QSqlDatabase db = database();
    if (!db.isOpen())
        return fail(QStringLiteral("%1: the cache is not open").arg(what));
    // IMMEDIATE: the write lock is taken now, waiting (busy timeout) for
    // another connection's write to end. A plain BEGIN reads first and asks
    // for the lock at the first write; if another connection committed in
    // between (the sync's evidence marks beside the writer thread's batches),
    // SQLite refuses at once with "database is locked", without waiting:
    // a whole batch of details was lost that way.
    if (QSqlQuery begin(db); !begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(QStringLiteral("%1: cannot begin a transaction: %2").arg(what, begin.lastError().text()));
    if (Result<> done = fn(); !done) {
        rollback(db, what);
        return done;
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        rollback(db, what);
        return fail(QStringLiteral("%1: commit failed: %2").arg(what, error));
    }
    return {};
}

Result<SqliteStatement *> CacheConnection::statement(const char *sql)
{
    if (!m_handle)
        return fail(QStringLiteral("the cache is not open"));
    std::unique_ptr<SqliteStatement> &st = m_statements[sql];
    if (!st)
        st = std::make_unique<SqliteStatement>();
    if (Result<> prepared = st->prepare(m_handle, sql); !prepared)
        return fail(QStringLiteral("cannot prepare a statement of the cache: %1").arg(prepared.error().message));
    return st.get();
}

Result<> CacheConnection::open(const QString &path)
{
    close();
    m_path = path;
    Result<> ready = [&]() -> Result<> {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        if (!db.isValid())
            return fail(QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
        db.setDatabaseName(path);
        // Readers (the UI) and the sync writer share the file through WAL; a
        // writer waits up to 10 s for the other rather than failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            return fail(QStringLiteral("cannot open the cache %1: %2").arg(path, db.lastError().text()));
        QSqlQuery q(db);
        // WAL with synchronous=NORMAL is crash-safe for the application
        // (kill -9): a committed transaction survives, an open one vanishes.
        const QStringList pragmas = {QStringLiteral("PRAGMA journal_mode = WAL"),
                                     QStringLiteral("PRAGMA synchronous = NORMAL"),
                                     QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(CheckpointPages),
                                     QStringLiteral("PRAGMA foreign_keys = ON"),
                                     // Statement journals and sorts stay in memory: as
                                     // files they cost a 10k sync tens of thousands of
                                     // writes to /var/tmp (0.3 s of CPU).
                                     QStringLiteral("PRAGMA temp_store = MEMORY")};
        for (const QString &p : pragmas) {
            if (!q.exec(p))
                return failQuery(q, QStringLiteral("cannot set up the cache %1").arg(path));
        }
        if (!q.exec(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5'), sqlite_version()")) || !q.next()
            || q.value(0).toInt() != 1) {
            return fail(QStringLiteral("this SQLite has no FTS5; Assay needs it for search"));
        }
        // The contentless search index (schema 2) needs contentless_delete
        // (3.43) and ordered group_concat (3.44).
        if (const QString version = q.value(1).toString();
            QVersionNumber::fromString(version) < QVersionNumber(3, 44)) {
            return fail(QStringLiteral("this SQLite is version %1; Assay needs 3.44 or newer").arg(version));
        }
        q.finish();
        if (Result<> migrated = Migrations::migrate(db); !migrated)
            return fail(QStringLiteral("cannot use the cache %1: %2").arg(path, migrated.error().message));
        Result<sqlite3 *> handle = SqliteHandle::of(db);
        if (!handle)
            return fail(QStringLiteral("cannot use the cache %1: %2").arg(path, handle.error().message));
        if (Result<> installed = m_hits->install(*handle); !installed)
            return fail(QStringLiteral("cannot use the cache %1: %2").arg(path, installed.error().message));
        m_handle = *handle;
        return {};
    }();
    if (!ready)
        close();
    return ready;
}

void CacheConnection::close()
{
    // Statements first: a connection with live statements does not close.
    m_statements.clear();
    m_handle = nullptr;
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = database();
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool CacheConnection::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && database().isOpen();
}

Result<> CacheConnection::setCheckpointing(bool on)
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(on ? CheckpointPages : 0)))
        return failQuery(q, QStringLiteral("set checkpointing"));
    return {};
}

Result<int> CacheConnection::schemaVersion()
{
    QSqlDatabase db = database();
    return Migrations::currentVersion(db);
}

Result<QString> CacheConnection::integrityCheck()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return failQuery(q, QStringLiteral("integrity check"));
    QStringList lines;
    while (q.next())
        lines.append(q.value(0).toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace assay
