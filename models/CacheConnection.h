#pragma once

#include "domain/Result.h"

#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>

class QSqlDatabase;
class QSqlQuery;
struct sqlite3;

namespace assay {

class SearchHits;
class SqliteStatement;

// One profile's cache file, open: a QSQLITE connection set up as the cache
// needs it (WAL, foreign keys, busy timeout), migrated to this build's
// schema, and the sqlite3 statements compiled on it for the bulk writes.
// The cache's pieces (SubmissionStore, SearchIndex, ...) all work through
// one of these.
//
// A connection may only be used from the thread that opened it.
class CacheConnection
{
public:
    CacheConnection();
    ~CacheConnection();
    CacheConnection(const CacheConnection &) = delete;
    CacheConnection &operator=(const CacheConnection &) = delete;

    Result<> open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    // This connection's QSqlDatabase (invalid when closed).
    QSqlDatabase database() const;

    // Whether this connection's commits copy the WAL back into the database
    // once it passes 32 MB (on by default). The window's connection turns it
    // off: the sync's connections checkpoint on their own threads, and a
    // reviewer's small write never pays for a bulk copy on the GUI thread.
    Result<> setCheckpointing(bool on);
    Result<int> schemaVersion();
    // PRAGMA integrity_check's answer: "ok" when sound.
    Result<QString> integrityCheck();

    // Runs fn in one transaction: committed when it succeeds, rolled back
    // when it fails (its error is passed on) or the commit does.
    Result<> inTransaction(const QString &what, const std::function<Result<>()> &fn);

    // The statement for `sql`, compiled on first use and kept until the
    // connection closes. `sql` is the key by address: a literal or a static.
    Result<SqliteStatement *> statement(const char *sql);

    // The current search's matches, the table search_hits on this
    // connection (see SearchHits).
    SearchHits &searchHits() { return *m_hits; }

    // The cache's failures are logged where they happen (never with partner
    // text: messages name ids and counts), then passed on.
    static Error fail(const QString &what);
    static Error failQuery(const QSqlQuery &q, const QString &what);

private:
    QString m_connection;
    QString m_path;
    // The connection's own sqlite3 handle and the statements compiled on it.
    sqlite3 *m_handle = nullptr;
    std::unordered_map<const char *, std::unique_ptr<SqliteStatement>> m_statements;
    // Outlives the handle: its table reads it.
    std::unique_ptr<SearchHits> m_hits;
};

} // namespace assay
