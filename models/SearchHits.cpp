#include "models/SearchHits.h"

#include <sqlite3.h>

#include <QString>

#include <algorithm>
#include <numeric>

namespace assay {

namespace {

enum Column { NumColumn, RankColumn };

// xBestIndex's plans, told to xFilter through idxNum.
enum Plan {
    ScanByNum = 0, // every hit, ascending num
    ScanByRank = 1, // every hit, best first
    LookupNum = 2, // the hit of one num (argv[0])
};
constexpr int PlanMask = 3;
// With ScanByRank: argv[0] is a lower bound on rank (the keyset of a later
// page), inclusive or not.
constexpr int FromRank = 4;
constexpr int AfterRank = 8;

// Smallest first page worth sorting for: a page of the queue and a little.
constexpr qsizetype FirstSortedChunk = 256;

// SQLite's structs come first in ours: SQLite hands back the pointers it was
// given, as its own types.
struct Table
{
    sqlite3_vtab base{};
    SearchHits *hits = nullptr;
};

struct Cursor
{
    sqlite3_vtab_cursor base{};
    SearchHits *hits = nullptr;
    int plan = ScanByNum;
    qsizetype at = 0;
    qsizetype end = 0;
};

Table *tableOf(sqlite3_vtab *vtab)
{
    return reinterpret_cast<Table *>(vtab); // NOLINT(bugprone-casting-through-void): first member
}

Cursor *cursorOf(sqlite3_vtab_cursor *cursor)
{
    return reinterpret_cast<Cursor *>(cursor);
}

int connect(sqlite3 *db, void *aux, int /*argc*/, const char *const * /*argv*/, sqlite3_vtab **out, char ** /*error*/)
{
    if (const int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(num INTEGER, rank REAL)"); rc != SQLITE_OK)
        return rc;
    auto *table = new Table;
    table->hits = static_cast<SearchHits *>(aux);
    *out = &table->base;
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab *vtab)
{
    delete tableOf(vtab);
    return SQLITE_OK;
}

int bestIndex(sqlite3_vtab *vtab, sqlite3_index_info *info)
{
    const double rows = double(std::max<qsizetype>(1, tableOf(vtab)->hits->size()));
    int numEquals = -1;
    int rankFrom = -1;
    bool rankAfter = false;
    for (int i = 0; i < info->nConstraint; ++i) {
        const sqlite3_index_info::sqlite3_index_constraint &c = info->aConstraint[i];
        if (!c.usable)
            continue;
        if (c.iColumn == NumColumn && c.op == SQLITE_INDEX_CONSTRAINT_EQ) {
            numEquals = i;
        } else if (c.iColumn == RankColumn && (c.op == SQLITE_INDEX_CONSTRAINT_GE || c.op == SQLITE_INDEX_CONSTRAINT_GT)) {
            rankFrom = i;
            rankAfter = c.op == SQLITE_INDEX_CONSTRAINT_GT;
        }
    }
    if (numEquals >= 0) {
        info->idxNum = LookupNum;
        info->aConstraintUsage[numEquals].argvIndex = 1;
        info->aConstraintUsage[numEquals].omit = 1;
        info->idxFlags = SQLITE_INDEX_SCAN_UNIQUE;
        info->orderByConsumed = 1; // one row is in every order
        info->estimatedCost = 1;
        info->estimatedRows = 1;
        return SQLITE_OK;
    }
    // Relevance order: by rank alone (ties in any order), or by rank and
    // then the newest first, as SearchHits keeps them.
    const sqlite3_index_info::sqlite3_index_orderby *order = info->aOrderBy;
    const bool byRank = (info->nOrderBy == 1 || (info->nOrderBy == 2 && order[1].iColumn == NumColumn && order[1].desc))
        && order[0].iColumn == RankColumn && !order[0].desc;
    const bool byNum = info->nOrderBy == 1 && order[0].iColumn == NumColumn && !order[0].desc;
    if (byRank) {
        info->idxNum = ScanByRank;
        info->orderByConsumed = 1;
        if (rankFrom >= 0) {
            info->idxNum |= rankAfter ? AfterRank : FromRank;
            info->aConstraintUsage[rankFrom].argvIndex = 1;
            info->aConstraintUsage[rankFrom].omit = 1;
        }
        // A little dearer than the num order: sorting (a part of) it.
        info->estimatedCost = rows * 1.1;
    } else {
        info->idxNum = ScanByNum;
        info->orderByConsumed = byNum ? 1 : 0;
        info->estimatedCost = rows;
    }
    info->estimatedRows = sqlite3_int64(rows);
    return SQLITE_OK;
}

int open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out)
{
    auto *cursor = new Cursor;
    cursor->hits = tableOf(vtab)->hits;
    *out = &cursor->base;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor *cursor)
{
    delete cursorOf(cursor);
    return SQLITE_OK;
}

// Where a scan in relevance order starts for `rank >= v` (or `rank > v`):
// SQLite compares a REAL column with a number as numbers, and with text or
// NULL as never at or after them.
qsizetype startOf(SearchHits &hits, sqlite3_value *bound, bool after)
{
    const int type = sqlite3_value_numeric_type(bound);
    if (type != SQLITE_INTEGER && type != SQLITE_FLOAT)
        return hits.size();
    return hits.firstRankedFrom(sqlite3_value_double(bound), after);
}

int filter(sqlite3_vtab_cursor *base, int idxNum, const char * /*idxStr*/, int argc, sqlite3_value **argv)
{
    Cursor *cursor = cursorOf(base);
    SearchHits &hits = *cursor->hits;
    cursor->plan = idxNum & PlanMask;
    cursor->at = 0;
    cursor->end = hits.size();
    if (cursor->plan == LookupNum) {
        const qsizetype i = argc > 0 && sqlite3_value_numeric_type(argv[0]) == SQLITE_INTEGER
            ? hits.indexOf(sqlite3_value_int64(argv[0]))
            : -1;
        cursor->at = std::max<qsizetype>(i, 0);
        cursor->end = i < 0 ? 0 : i + 1;
    } else if ((idxNum & (FromRank | AfterRank)) != 0 && argc > 0) {
        cursor->at = startOf(hits, argv[0], (idxNum & AfterRank) != 0);
    }
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor *cursor)
{
    ++cursorOf(cursor)->at;
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor *cursor)
{
    return cursorOf(cursor)->at >= cursorOf(cursor)->end ? 1 : 0;
}

int column(sqlite3_vtab_cursor *base, sqlite3_context *context, int n)
{
    Cursor *cursor = cursorOf(base);
    SearchHits &hits = *cursor->hits;
    const bool ranked = cursor->plan == ScanByRank;
    const SearchHits::Hit &hit = ranked ? hits.ranked(cursor->at) : hits.byNum(cursor->at);
    switch (n) {
    case NumColumn:
        sqlite3_result_int64(context, hit.num);
        break;
    case RankColumn:
        sqlite3_result_double(context, hit.rank);
        break;
    default:
        sqlite3_result_null(context);
        break;
    }
    return SQLITE_OK;
}

int rowId(sqlite3_vtab_cursor *base, sqlite3_int64 *out)
{
    Cursor *cursor = cursorOf(base);
    SearchHits &hits = *cursor->hits;
    *out = cursor->plan == ScanByRank ? hits.ranked(cursor->at).num : hits.byNum(cursor->at).num;
    return SQLITE_OK;
}

// Eponymous only (no xCreate): the table exists on every connection that
// installs the module, under the module's name, with nothing stored.
const sqlite3_module Module = {
    .iVersion = 0,
    .xCreate = nullptr,
    .xConnect = connect,
    .xBestIndex = bestIndex,
    .xDisconnect = disconnect,
    .xDestroy = disconnect,
    .xOpen = open,
    .xClose = close,
    .xFilter = filter,
    .xNext = next,
    .xEof = eof,
    .xColumn = column,
    .xRowid = rowId,
    .xUpdate = nullptr,
    .xBegin = nullptr,
    .xSync = nullptr,
    .xCommit = nullptr,
    .xRollback = nullptr,
    .xFindFunction = nullptr,
    .xRename = nullptr,
    .xSavepoint = nullptr,
    .xRelease = nullptr,
    .xRollbackTo = nullptr,
    .xShadowName = nullptr,
    .xIntegrity = nullptr,
};

} // namespace

Result<> SearchHits::install(sqlite3 *db)
{
    if (const int rc = sqlite3_create_module_v2(db, "search_hits", &Module, this, nullptr); rc != SQLITE_OK)
        return Error{QStringLiteral("cannot declare the search's table: %1").arg(QString::fromUtf8(sqlite3_errstr(rc)))};
    return {};
}

void SearchHits::reset(QList<Hit> byNum)
{
    m_byNum = std::move(byNum);
    m_order.resize(size_t(m_byNum.size()));
    std::iota(m_order.begin(), m_order.end(), qsizetype(0));
    m_sorted = 0;
}

void SearchHits::sortUpTo(qsizetype end)
{
    if (end <= m_sorted)
        return;
    const qsizetype total = m_byNum.size();
    // Grow the sorted part geometrically: a scan that reads on sorts each
    // hit O(log n) times over, not once per page.
    const qsizetype upTo = std::min(total, std::max({end, m_sorted * 2, FirstSortedChunk}));
    const auto better = [this](qsizetype a, qsizetype b) {
        const Hit &x = m_byNum.at(a);
        const Hit &y = m_byNum.at(b);
        return x.rank != y.rank ? x.rank < y.rank : x.num > y.num;
    };
    const auto first = m_order.begin() + m_sorted;
    const auto last = m_order.begin() + upTo;
    if (upTo < total)
        std::nth_element(first, last, m_order.end(), better);
    std::sort(first, last, better);
    m_sorted = upTo;
}

const SearchHits::Hit &SearchHits::ranked(qsizetype ord)
{
    sortUpTo(ord + 1);
    return m_byNum.at(m_order.at(size_t(ord)));
}

qsizetype SearchHits::firstRankedFrom(double rank, bool after)
{
    const auto below = [this, rank, after](qsizetype i) {
        const double r = m_byNum.at(i).rank;
        return after ? r <= rank : r < rank;
    };
    // The sorted part grows until it holds the answer: a later page of a
    // long list costs the sort up to it, not a sort of everything.
    for (;;) {
        const auto sortedEnd = m_order.begin() + m_sorted;
        const auto at = std::partition_point(m_order.begin(), sortedEnd, below);
        if (at != sortedEnd || m_sorted == m_byNum.size())
            return qsizetype(at - m_order.begin());
        sortUpTo(m_sorted + 1);
    }
}

qsizetype SearchHits::indexOf(qint64 num) const
{
    const auto at = std::lower_bound(m_byNum.cbegin(), m_byNum.cend(), num, [](const Hit &h, qint64 n) { return h.num < n; });
    return at != m_byNum.cend() && at->num == num ? qsizetype(at - m_byNum.cbegin()) : -1;
}

} // namespace assay
