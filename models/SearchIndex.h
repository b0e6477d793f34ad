#pragma once

#include "domain/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace assay {

class CacheConnection;

// Instant search over app and partner names and answer text: an FTS5 table
// kept in the same transaction as the rows it indexes, and the query that
// reads it.
//
// The row-id scheme lives here and nowhere else: each submission has
// RowsPerSubmission entries keyed by its stable submissions.num, the names
// at num * 2 and the answers at num * 2 + 1, so replacing an entry is a
// lookup, not a scan, and a hit maps back to its submission by division.
// (Migration 002 rebuilt the index with the same numbers; a change here is a
// new migration.)
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
        // All answers' text; empty removes the entry.
        void setAnswers(qint64 num, const QString &text);
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

    // Ids of submissions matching free text (app, partner, answers), best
    // first. Every word counts as a prefix: "tim pro" finds "Timesheets Pro".
    // Text that says nothing searchable finds nothing.
    Result<QStringList> find(const QString &text, int limit = 200);

private:
    CacheConnection &m_connection;
};

} // namespace assay
