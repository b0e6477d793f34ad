#include "models/SearchIndex.h"

#include "models/CacheConnection.h"
#include "models/SearchHits.h"
#include "models/SearchQuery.h"
#include "models/SqliteStatement.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace assay {

namespace {

// The rank. FTS5's bm25 needs to know how often a term occurs in an entry,
// and a detail=none index does not know: bm25 is 0.0 for every row there
// (measured), so it cannot rank. What the index does give cheaply ranks
// instead, per term: whether it is in the names entry (app and partner,
// worth NamesWeight) or only in the text (answers and comments, worth 1),
// times the term's rarity, ln(1 + submissions / submissions holding it) —
// bm25's idea of a term's weight. A submission's score is the sum over the
// terms; the rank is its negation (lower is better, as FTS5's rank). So a
// rare word outweighs a common one, and a match in a name one in 25 KB of
// answers. Equal ranks are common (one word, all in the text): where this
// code orders hits (find(), the phrase checks) the newest submission comes
// first among equals; the queue orders them as it likes.
constexpr double NamesWeight = 2.0;

// Each term is looked up on its own, its entries streamed in row-id order
// (as FTS5 returns them), and the submissions holding every term kept: a
// submission's terms may sit in different entries (the app's name in one,
// an answer in the other), where one MATCH of all terms would need them in
// the same entry. Done here rather than in SQL: GROUP BY, a window for the
// counts and a join per term cost SQLite ten times the MATCH itself on a
// common word; merging sorted lists costs next to nothing.
const char *const TermEntries = "SELECT rowid FROM main.search WHERE search MATCH ?1";
const char *const LastNum = "SELECT max(num) FROM main.submissions";
const char *const IdsOfNums = "SELECT num, id FROM submissions WHERE num IN (SELECT value FROM json_each(?1))";

// The cached text of submissions, by num, in the order documents() joins it.
const char *const NamesByNum = "SELECT num, id, app_name, partner_name FROM submissions "
                               "WHERE num IN (SELECT value FROM json_each(?1))";
const char *const AnswersByNum = "SELECT s.num, a.text FROM submissions s JOIN answers a ON a.submission_id = s.id "
                                 "WHERE s.num IN (SELECT value FROM json_each(?1)) ORDER BY s.num, a.position";
const char *const CommentsByNum = "SELECT s.num, c.body FROM submissions s JOIN comments c ON c.submission_id = s.id "
                                  "WHERE s.num IN (SELECT value FROM json_each(?1)) ORDER BY s.num, c.created_at, c.id";
const char *const NumsOfIds = "SELECT num FROM submissions WHERE id IN (SELECT value FROM json_each(?1))";

QString jsonList(const QList<qint64> &values)
{
    QJsonArray array;
    for (qint64 v : values)
        array.append(v);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// The first column of every row of a statement, as integers.
Result<QList<qint64>> integers(SqliteStatement &st, const QString &what)
{
    QList<qint64> out;
    for (;;) {
        const Result<bool> row = st.step();
        if (!row) {
            st.reset();
            return CacheConnection::fail(QStringLiteral("%1: %2").arg(what, row.error().message));
        }
        if (!*row)
            break;
        out.append(st.columnInt64(0));
    }
    st.reset();
    return out;
}
} // namespace

void SearchIndex::Batch::setNames(qint64 num, const QString &appName, const QString &partnerName)
{
    m_entries.append({namesRow(num), appName + QLatin1Char(' ') + partnerName});
}

void SearchIndex::Batch::setText(qint64 num, const QString &answers, const QString &comments)
{
    // One entry for both: FTS5's cost is in tokens and entries, and a second
    // entry per submission would buy nothing (answers and comments arrive
    // and are replaced together, with the details).
    QString body = answers;
    if (!answers.isEmpty() && !comments.isEmpty())
        body += QLatin1Char('\n');
    body += comments;
    m_entries.append({answersRow(num), body});
}

SearchIndex::SearchIndex(CacheConnection &connection)
    : m_connection(connection)
{
}

// The search index is written last in each transaction, all at once. FTS5
// flushes its in-memory terms to a new on-disk segment at every savepoint,
// and with foreign keys on every insert into a child table (answers,
// evidence ...) opens one: written in between, each submission's text became
// many tiny segments that FTS5 then merged again and again. Measured on 10k
// submissions: the interleaved order cost 11.7 s, index-last 7.3 s.
//
// And in ascending row id order: FTS5 also flushes whenever a row id is not
// above the previous one, and details arrive in whatever order the network
// finishes them (sorting took the index writes of 10k submissions from 6.3 s
// to 1.3 s).
Result<> SearchIndex::write(Batch batch)
{
    QList<Batch::Entry> &entries = batch.m_entries;
    if (entries.isEmpty())
        return {};
    std::sort(entries.begin(), entries.end(), [](const Batch::Entry &a, const Batch::Entry &b) { return a.rowId < b.rowId; });
    const Result<SqliteStatement *> replace = m_connection.statement("INSERT OR REPLACE INTO search (rowid, body) VALUES (?, ?)");
    if (!replace)
        return replace.error();
    const Result<SqliteStatement *> remove = m_connection.statement("DELETE FROM search WHERE rowid = ?");
    if (!remove)
        return remove.error();
    for (const Batch::Entry &e : std::as_const(entries)) {
        SqliteStatement &st = e.body.isEmpty() ? **remove : **replace;
        st.bind(1, e.rowId);
        if (!e.body.isEmpty())
            st.bind(2, e.body);
        if (Result<> ran = st.exec(); !ran)
            return CacheConnection::fail(QStringLiteral("search index: %1").arg(ran.error().message));
    }
    return {};
}

namespace {
struct Document
{
    QString id;
    QString text;
};

// The searchable text of submissions, by num: the names, each answer, each
// comment, apart by SearchQuery::FieldSeparator (no phrase runs across).
Result<QHash<qint64, Document>> documentsByNum(CacheConnection &connection, const QList<qint64> &nums)
{
    QHash<qint64, Document> docs;
    if (nums.isEmpty())
        return docs;
    const QString list = jsonList(nums);
    const QChar sep(SearchQuery::FieldSeparator);
    for (const char *sql : {NamesByNum, AnswersByNum, CommentsByNum}) {
        const Result<SqliteStatement *> st = connection.statement(sql);
        if (!st)
            return st.error();
        SqliteStatement &s = **st;
        s.bind(1, list);
        const bool names = sql == NamesByNum;
        for (;;) {
            const Result<bool> row = s.step();
            if (!row) {
                s.reset();
                return CacheConnection::fail(
                    QStringLiteral("read the text of %1 submissions: %2").arg(nums.size()).arg(row.error().message));
            }
            if (!*row)
                break;
            const qint64 num = s.columnInt64(0);
            if (names) {
                docs.insert(num, {s.columnText(1), s.columnText(2) + sep + s.columnText(3)});
            } else if (auto it = docs.find(num); it != docs.end()) {
                it->text.append(sep);
                it->text.append(s.columnText(1));
            }
        }
        s.reset();
    }
    return docs;
}

using Hit = SearchHits::Hit;

// The submissions holding every term of the query, with their ranks, in
// no particular order.
Result<QList<Hit>> matches(CacheConnection &connection, const SearchQuery &query)
{
    const QStringList terms = query.termMatches();
    const Result<SqliteStatement *> st = connection.statement(TermEntries);
    if (!st)
        return st.error();
    // Per term: (num, weight) ascending by num, one per submission.
    struct Entry
    {
        qint64 num;
        double weight;
    };
    QList<QList<Entry>> perTerm;
    for (const QString &term : terms) {
        SqliteStatement &s = **st;
        s.bind(1, term);
        QList<Entry> entries;
        for (;;) {
            const Result<bool> row = s.step();
            if (!row) {
                s.reset();
                return CacheConnection::fail(QStringLiteral("search: %1").arg(row.error().message));
            }
            if (!*row)
                break;
            const qint64 rowId = s.columnInt64(0);
            const qint64 num = rowId / SearchIndex::RowsPerSubmission;
            const double weight = rowId % SearchIndex::RowsPerSubmission == 0 ? NamesWeight : 1.0;
            if (!entries.isEmpty() && entries.last().num == num)
                entries.last().weight = std::max(entries.last().weight, weight);
            else
                entries.append({num, weight});
        }
        s.reset();
        if (entries.isEmpty())
            return QList<Hit>(); // a term nowhere: nothing holds them all
        perTerm.append(std::move(entries));
    }

    const Result<SqliteStatement *> last = connection.statement(LastNum);
    if (!last)
        return last.error();
    const Result<bool> row = (*last)->step();
    const double submissions = row && *row ? double((*last)->columnInt64(0)) : 1.0;
    (*last)->reset();
    QList<double> idf;
    for (const QList<Entry> &entries : std::as_const(perTerm))
        idf.append(std::log(1.0 + submissions / double(entries.size())));

    // Intersect: walk the shortest list, find each num in the others (all
    // sorted) with a cursor each.
    qsizetype shortest = 0;
    for (qsizetype t = 1; t < perTerm.size(); ++t) {
        if (perTerm.at(t).size() < perTerm.at(shortest).size())
            shortest = t;
    }
    QList<qsizetype> cursor(perTerm.size(), 0);
    QList<Hit> hits;
    hits.reserve(perTerm.at(shortest).size());
    for (const Entry &e : perTerm.at(shortest)) {
        double score = 0;
        bool all = true;
        for (qsizetype t = 0; t < perTerm.size() && all; ++t) {
            const QList<Entry> &list = perTerm.at(t);
            qsizetype &c = cursor[t];
            while (c < list.size() && list.at(c).num < e.num)
                ++c;
            if (c < list.size() && list.at(c).num == e.num)
                score += list.at(c).weight * idf.at(t);
            else
                all = false;
        }
        if (all)
            hits.append({e.num, -score});
    }
    return hits;
}

// Best first; the newest (highest num) first among equals.
void rankOrder(QList<Hit> &hits)
{
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.num > b.num;
    });
}

// The query's matches, phrases checked.
//
// Phrases: the index gives the submissions holding a phrase's words in one
// entry, in any order and distance (detail=none knows no positions); their
// cached text says whether the words follow one another. Reading and
// scanning that text costs (tens of KB a submission), so the candidates are
// checked best-ranked first, in chunks, and at most
// SearchIndex::MaxPhraseCandidates of them: the candidates beyond are
// dropped unchecked. A phrase of common words may so miss a few weak
// matches; a keystroke never reads the whole cache. The result is in rank
// order when the query has phrases.
Result<QList<Hit>> checkedMatches(CacheConnection &connection, const SearchQuery &query)
{
    Result<QList<Hit>> found = matches(connection, query);
    if (!found || !query.hasPhrases())
        return found;
    QList<Hit> &candidates = *found;
    rankOrder(candidates);
    constexpr qsizetype Chunk = 100;
    const qsizetype checked = std::min<qsizetype>(candidates.size(), SearchIndex::MaxPhraseCandidates);
    QList<Hit> keep;
    for (qsizetype first = 0; first < checked; first += Chunk) {
        const qsizetype n = std::min(Chunk, checked - first);
        QList<qint64> chunk;
        for (qsizetype i = first; i < first + n; ++i)
            chunk.append(candidates.at(i).num);
        const Result<QHash<qint64, Document>> docs = documentsByNum(connection, chunk);
        if (!docs)
            return docs.error();
        for (qsizetype i = first; i < first + n; ++i) {
            if (query.phrasesMatch(docs->value(candidates.at(i).num).text))
                keep.append(candidates.at(i));
        }
    }
    return keep;
}

} // namespace

Result<int> SearchIndex::fillHits(const SearchQuery &query)
{
    SearchHits &table = m_connection.searchHits();
    Result<QList<Hit>> hits = query.isEmpty() ? Result<QList<Hit>>() : checkedMatches(m_connection, query);
    if (!hits) {
        table.reset({}); // no stale matches for a search that failed
        return hits.error();
    }
    // The table wants them by num; the phrase checks leave them best first.
    if (query.hasPhrases())
        std::sort(hits->begin(), hits->end(), [](const Hit &a, const Hit &b) { return a.num < b.num; });
    const int found = int(hits->size());
    table.reset(std::move(*hits));
    return found;
}

Result<QStringList> SearchIndex::find(const QString &text, int limit)
{
    QStringList ids;
    const SearchQuery query = SearchQuery::parse(text);
    if (query.isEmpty() || limit <= 0)
        return ids;
    Result<QList<Hit>> hits = checkedMatches(m_connection, query);
    if (!hits)
        return hits.error();
    rankOrder(*hits);
    if (hits->size() > limit)
        hits->resize(limit);
    QList<qint64> nums;
    for (const Hit &h : std::as_const(*hits))
        nums.append(h.num);
    const Result<SqliteStatement *> st = m_connection.statement(IdsOfNums);
    if (!st)
        return st.error();
    (*st)->bind(1, jsonList(nums));
    QHash<qint64, QString> idOf;
    for (;;) {
        const Result<bool> row = (*st)->step();
        if (!row) {
            (*st)->reset();
            return CacheConnection::fail(QStringLiteral("search: %1").arg(row.error().message));
        }
        if (!*row)
            break;
        idOf.insert((*st)->columnInt64(0), (*st)->columnText(1));
    }
    (*st)->reset();
    for (qint64 num : std::as_const(nums)) {
        if (const auto it = idOf.constFind(num); it != idOf.cend())
            ids.append(*it);
    }
    return ids;
}

Result<QHash<QString, QString>> SearchIndex::documents(const QStringList &ids)
{
    QHash<QString, QString> out;
    if (ids.isEmpty())
        return out;
    const Result<SqliteStatement *> st = m_connection.statement(NumsOfIds);
    if (!st)
        return st.error();
    (*st)->bind(1, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact)));
    const Result<QList<qint64>> nums = integers(**st, QStringLiteral("read the text of %1 submissions").arg(ids.size()));
    if (!nums)
        return nums.error();
    const Result<QHash<qint64, Document>> docs = documentsByNum(m_connection, *nums);
    if (!docs)
        return docs.error();
    for (const Document &d : *docs)
        out.insert(d.id, d.text);
    return out;
}

} // namespace assay
