#pragma once

#include "domain/Result.h"

#include <QList>

#include <vector>

struct sqlite3;

namespace assay {

// The current search's matches, as SQL sees them: an eponymous virtual table
// `search_hits(num, rank)` on one connection, served from memory.
//
//   num   the submission (submissions.num)
//   rank  relevance, lower is better (SearchIndex's score, negated)
//
// Relevance order is rank, then the newest (highest num) first among equals:
// `ORDER BY rank, num DESC`, and `rank >= ?` / `rank > ?` to start a later
// page there, cost no sort.
//
// Why a virtual table and not a temporary one: a common word matches every
// submission, and writing 100,000 rows into a table to read back the best
// 200 cost a keystroke 50 ms (three times the index lookup itself), and
// joining and sorting them another 30. Here the matches stay in the vector
// SearchIndex built; a scan in `ord` order sorts only as far as it is read
// (the first page of a common word sorts a few hundred of 100,000), a
// lookup by num is a binary search, and SQLite is told the cost of each, so
// it picks "walk the best hits, join each" for the relevance order and "walk
// the view, look each up" for a narrow view or another column's order.
//
// Belongs to one CacheConnection, used on its thread only.
class SearchHits
{
public:
    struct Hit
    {
        qint64 num = 0;
        double rank = 0;
    };

    SearchHits() = default;
    SearchHits(const SearchHits &) = delete;
    SearchHits &operator=(const SearchHits &) = delete;

    // Declares the table on a connection; the table reads this object,
    // which must outlive the handle.
    Result<> install(sqlite3 *db);

    // Replaces the hits. `byNum` is in ascending num order, one per
    // submission (as SearchIndex merges them).
    void reset(QList<Hit> byNum);
    qsizetype size() const { return m_byNum.size(); }

    // The hit at place `ord` in relevance order (0 <= ord < size()),
    // sorting only as far as needed.
    const Hit &ranked(qsizetype ord);
    // The first place in relevance order whose rank is at least `rank`
    // (above it, when `after`), or size().
    qsizetype firstRankedFrom(double rank, bool after);
    // The index in num order of a submission's hit, or -1.
    qsizetype indexOf(qint64 num) const;
    const Hit &byNum(qsizetype i) const { return m_byNum.at(i); }

private:
    void sortUpTo(qsizetype end);

    QList<Hit> m_byNum;
    // Indexes into m_byNum in relevance order; the first m_sorted are final,
    // the rest not yet (each of them is ranked after every sorted one).
    std::vector<qsizetype> m_order;
    qsizetype m_sorted = 0;
};

} // namespace assay
