#pragma once

#include "domain/Result.h"
#include "domain/SubmissionSummary.h"
#include "models/QueueFilter.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace assay {

class CacheConnection;

// The queue's questions in SQL: which submissions a QueueFilter selects for
// a QueueContext, in which order, a page at a time (keyset paging: a page
// starts after the sort key and row number of the last row of the one
// before), how many there are, and how many each saved view holds.
//
// A non-empty filter.search joins the connection's search_hits
// (SearchIndex::fillHits fills it); the caller fills it before asking.
class QueueQuery
{
public:
    enum class SortKey { App, Partner, Status, Stage, Assignee, Submitted, Sla, Date, Kind, LocalState, Rank };
    struct Sort
    {
        SortKey key = SortKey::Submitted;
        bool descending = true;
        friend bool operator==(const Sort &, const Sort &) = default;
    };

    // A row of the queue: the summary and the queue facts (schema 7).
    struct Row
    {
        qint64 num = 0;
        SubmissionSummary summary;
        QDateTime stageEnteredAt;
        qint64 slaPausedSeconds = 0;
        std::optional<QDateTime> awaitingSince;
        QString reviewApprovedBy;
        QString localState; // "", "pending", "conflict", "failed"
        double rank = 0;    // relevance while searching (lower is better)
        QVariant sortKey;   // the value the page's order used
    };
    // Where the next page starts: after this row.
    struct Cursor
    {
        QVariant key;
        qint64 num = 0;
    };

    explicit QueueQuery(CacheConnection &connection);

    // Up to `limit` rows after `after` (from the first with std::nullopt).
    Result<QList<Row>> page(const QueueFilter &filter, const QueueContext &context, const Sort &sort,
                            const std::optional<Cursor> &after, int limit);
    // Of these submissions, those the filter selects (read again, with their
    // sort key), in the sort's order.
    Result<QList<Row>> rows(const QueueFilter &filter, const QueueContext &context, const Sort &sort,
                            const QStringList &ids);
    Result<int> count(const QueueFilter &filter, const QueueContext &context);
    // SQLite's plan for the first page (EXPLAIN QUERY PLAN's details, one a
    // line): for tests and benchmarks that check an index serves a view.
    Result<QString> explain(const QueueFilter &filter, const QueueContext &context, const Sort &sort);
    // Every saved view's count, in one statement.
    Result<QHash<SavedView, int>> viewCounts(const QueueContext &context);

    // Whether the row with (keyA, numA) sorts before the one with (keyB,
    // numB) in `sort`, as SQL orders them (for placing a refreshed row among
    // loaded ones).
    static bool before(const Sort &sort, const QVariant &keyA, qint64 numA, const QVariant &keyB, qint64 numB);
    static bool before(const Sort &sort, const Row &a, const Row &b) { return before(sort, a.sortKey, a.num, b.sortKey, b.num); }
    static Cursor cursorOf(const Row &row) { return {row.sortKey, row.num}; }

private:
    CacheConnection &m_connection;
};

} // namespace assay

// A queue of 100,000 rows grows its list of rows by doubling: as a
// relocatable type each growth is one block copy, not 65,000 moves of a
// row's twenty members (a 25 ms stall near the end of a scroll, measured).
// Every member (QString, QDateTime, QVariant, optionals of them, numbers)
// is relocatable.
Q_DECLARE_TYPEINFO(assay::QueueQuery::Row, Q_RELOCATABLE_TYPE);
