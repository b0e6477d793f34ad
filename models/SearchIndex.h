#pragma once

#include "domain/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace assay {

class CacheConnection;
class SearchQuery;

// Instant search over app and partner names, answer text and comments: an
// FTS5 table kept in the same transaction as the rows it indexes, and the
// queries that read it.
//
// The row-id scheme lives here and nowhere else: each submission has
// RowsPerSubmission entries keyed by its stable submissions.num, the names
// at num * 2 and the text (answers, then comments) at num * 2 + 1, so
// replacing an entry is a lookup, not a scan, and a hit maps back to its
// submission by division. (Migrations 002 and 008 rebuilt the index with the
// same numbers; a change here is a new migration.)
//
// The index keeps neither text nor positions (contentless, detail=none: a
// sync writes a fraction of what a full index costs). So phrases are
// checked, and snippets made, on the cached text of the few submissions
// that need it (documents()).
class SearchIndex
{
public:
    static constexpr qint64 RowsPerSubmission = 2;
    static constexpr qint64 namesRow(qint64 num) { return num * RowsPerSubmission; }
    static constexpr qint64 answersRow(qint64 num) { return num * RowsPerSubmission + 1; }

    // Entries to write at the end of a transaction (see write()).
    class Batch
    {
    public:
        void setNames(qint64 num, const QString &appName, const QString &partnerName);
        // The text entry: all answers, then all comments (as documents()
        // reads them back); both empty removes the entry.
        void setText(qint64 num, const QString &answers, const QString &comments);
        // The text entry with the answers only (no comments).
        void setAnswers(qint64 num, const QString &text) { setText(num, text, {}); }
        bool isEmpty() const { return m_entries.isEmpty(); }

    private:
        friend class SearchIndex;
        struct Entry {
            qint64 rowId;
            QString body; // empty: remove the row
        };
        QList<Entry> m_entries;
    };

    explicit SearchIndex(CacheConnection &connection);

    // Writes a batch; called last inside the transaction that stored its rows.
    Result<> write(Batch batch);

    // Ids of submissions matching free text (SearchQuery syntax: app,
    // partner, answers, comments), best first, the newest of equals first.
    // Every word counts as a prefix: "tim pro" finds "Timesheets Pro". Text
    // that says nothing searchable finds nothing. Leaves search_hits
    // alone.
    Result<QStringList> find(const QString &text, int limit = 200);

    // Puts the submissions matching the query (phrases checked on the
    // candidates) into the connection's table search_hits(num, rank, ord)
    // (SearchHits), replacing what was there, and returns how many. Lower
    // rank is better, ord is the place in relevance order: the queue joins
    // the table and orders by ord. An empty query empties the table.
    Result<int> fillHits(const SearchQuery &query);

    // The searchable text of these submissions (app, partner, answers,
    // comments) from the cached tables, fields apart by
    // SearchQuery::FieldSeparator, keyed by submission id. Ids not in the
    // cache are left out.
    Result<QHash<QString, QString>> documents(const QStringList &ids);

    // Candidates whose phrases are checked at most, best-ranked first (see
    // fillHits()): about 50 ms of CPU with 5 KB of text each.
    static constexpr int MaxPhraseCandidates = 1000;

private:
    CacheConnection &m_connection;
};

} // namespace assay
