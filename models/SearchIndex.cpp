#include "models/SearchIndex.h"

#include "models/CacheConnection.h"
#include "models/SearchQuery.h"
#include "models/SqliteStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <array>

namespace assay {

namespace {

// Where a query's matches go: the queue's table (fillHits), or find()'s own,
// so that a find() never changes what the queue shows.
enum class Target { Hits, Found };

// The statements for a query of `terms` terms, built once per count (the
// connection keeps compiled statements keyed by the text's address).
//
// Each term is looked up on its own and the submissions holding all terms
// kept: a submission's terms may sit in different entries (the app's name
// in one, an answer in the other), where one MATCH of all terms would need
// them in the same entry.
//
// The rank. FTS5's bm25 needs to know how often a term occurs in an entry,
// and a detail=none index does not know: bm25 is 0.0 for every row there
// (measured), so it cannot rank. What the index does give cheaply ranks
// instead, per term: whether it is in the names entry (app and partner,
// worth NamesWeight) or only in the text (answers and comments, worth 1),
// times the term's rarity, ln(1 + submissions / submissions holding it) —
// bm25's idea of a term's weight. A submission's score is the sum over the
// terms; the rank is its negation (lower is better, as FTS5's rank). So a
// rare word outweighs a common one, and a match in a name one in 25 KB of
// answers. Equal ranks are left to the queue's own order.
constexpr double NamesWeight = 2.0;

QByteArray candidatesSql(int terms)
{
    QByteArray from;
    QByteArray score;
    const QByteArray rows = QByteArray::number(SearchIndex::RowsPerSubmission);
    for (int t = 0; t < terms; ++t) {
        const QByteArray n = QByteArray::number(t);
        const QByteArray sub = "(SELECT s, w * ln(1.0 + (SELECT max(num) FROM main.submissions) / count(*) OVER ()) AS x "
                               "FROM (SELECT rowid / " + rows + " AS s, max(CASE WHEN rowid % " + rows + " = 0 THEN "
            + QByteArray::number(NamesWeight, 'f', 1) + " ELSE 1.0 END) AS w FROM main.search WHERE search MATCH ?"
            + QByteArray::number(t + 1) + " GROUP BY s)) t" + n;
        if (t == 0) {
            from += "FROM " + sub;
            score += "t0.x";
        } else {
            from += " JOIN " + sub + " ON t" + n + ".s = t0.s";
            score += " + t" + n + ".x";
        }
    }
    return "SELECT t0.s, -(" + score + ") " + from;
}

const char *fillSql(Target target, int terms)
{
    static const auto make = [](const char *table) {
        std::array<QByteArray, SearchQuery::MaxTerms + 1> sqls;
        for (int k = 1; k <= SearchQuery::MaxTerms; ++k)
            sqls[size_t(k)] = QByteArrayLiteral("INSERT INTO ") + table + " (num, rank) " + candidatesSql(k);
        return sqls;
    };
    static const auto hits = make("temp.search_hits");
    static const auto found = make("temp.search_found");
    return (target == Target::Hits ? hits : found)[size_t(terms)].constData();
}

const char *const CreateHits = "CREATE TEMP TABLE IF NOT EXISTS search_hits (num INTEGER PRIMARY KEY, rank REAL)";
const char *const CreateFound = "CREATE TEMP TABLE IF NOT EXISTS search_found (num INTEGER PRIMARY KEY, rank REAL)";
const char *const ClearHits = "DELETE FROM temp.search_hits";
const char *const ClearFound = "DELETE FROM temp.search_found";
const char *const RankedHits = "SELECT num FROM temp.search_hits ORDER BY rank, num DESC";
const char *const RankedFound = "SELECT num FROM temp.search_found ORDER BY rank, num DESC";
const char *const KeepHits = "DELETE FROM temp.search_hits WHERE num NOT IN (SELECT value FROM json_each(?1))";
const char *const KeepFound = "DELETE FROM temp.search_found WHERE num NOT IN (SELECT value FROM json_each(?1))";
const char *const CountHits = "SELECT count(*) FROM temp.search_hits";
const char *const CountFound = "SELECT count(*) FROM temp.search_found";

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

Result<> run(CacheConnection &connection, const char *sql, const QString &what)
{
    const Result<SqliteStatement *> st = connection.statement(sql);
    if (!st)
        return st.error();
    if (Result<> done = (*st)->exec(); !done)
        return CacheConnection::fail(QStringLiteral("%1: %2").arg(what, done.error().message));
    return {};
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

// Fills the target table with the query's matches; returns how many.
//
// Phrases: the index gives the submissions holding a phrase's words in one
// entry, in any order and distance (detail=none knows no positions); their
// cached text says whether the words follow one another. Reading and
// scanning that text costs (tens of KB a submission), so the candidates are
// checked best-ranked first, in chunks, and at most
// SearchIndex::MaxPhraseCandidates of them: the candidates beyond are
// dropped unchecked. A phrase of common words may so miss a few weak
// matches; a keystroke never reads the whole cache.
Result<int> fill(CacheConnection &connection, const SearchQuery &query, Target target)
{
    const bool hits = target == Target::Hits;
    const QString what = QStringLiteral("search");
    if (Result<> made = run(connection, hits ? CreateHits : CreateFound, what); !made)
        return made.error();
    if (Result<> cleared = run(connection, hits ? ClearHits : ClearFound, what); !cleared)
        return cleared.error();
    if (query.isEmpty())
        return 0;
    const QStringList terms = query.termMatches();
    const Result<SqliteStatement *> fillSt = connection.statement(fillSql(target, int(terms.size())));
    if (!fillSt)
        return fillSt.error();
    for (int t = 0; t < int(terms.size()); ++t)
        (*fillSt)->bind(t + 1, terms.at(t));
    if (Result<> done = (*fillSt)->exec(); !done)
        return CacheConnection::fail(QStringLiteral("search: %1").arg(done.error().message));

    if (query.hasPhrases()) {
        const Result<SqliteStatement *> ranked = connection.statement(hits ? RankedHits : RankedFound);
        if (!ranked)
            return ranked.error();
        const Result<QList<qint64>> candidates = integers(**ranked, what);
        if (!candidates)
            return candidates.error();
        constexpr qsizetype Chunk = 100;
        const qsizetype checked = std::min<qsizetype>(candidates->size(), SearchIndex::MaxPhraseCandidates);
        QList<qint64> keep;
        for (qsizetype first = 0; first < checked; first += Chunk) {
            const QList<qint64> chunk = candidates->mid(first, std::min(Chunk, checked - first));
            const Result<QHash<qint64, Document>> docs = documentsByNum(connection, chunk);
            if (!docs)
                return docs.error();
            for (qint64 num : chunk) {
                if (query.phrasesMatch(docs->value(num).text))
                    keep.append(num);
            }
        }
        const Result<SqliteStatement *> keepSt = connection.statement(hits ? KeepHits : KeepFound);
        if (!keepSt)
            return keepSt.error();
        (*keepSt)->bind(1, jsonList(keep));
        if (Result<> done = (*keepSt)->exec(); !done)
            return CacheConnection::fail(QStringLiteral("search: %1").arg(done.error().message));
        return int(keep.size());
    }
    const Result<SqliteStatement *> count = connection.statement(hits ? CountHits : CountFound);
    if (!count)
        return count.error();
    const Result<QList<qint64>> n = integers(**count, what);
    if (!n)
        return n.error();
    return n->isEmpty() ? 0 : int(n->first());
}
} // namespace

Result<int> SearchIndex::fillHits(const SearchQuery &query)
{
    return fill(m_connection, query, Target::Hits);
}

Result<QStringList> SearchIndex::find(const QString &text, int limit)
{
    QStringList ids;
    const Result<int> found = fill(m_connection, SearchQuery::parse(text), Target::Found);
    if (!found)
        return found.error();
    if (*found == 0)
        return ids;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.id FROM temp.search_found f JOIN submissions s ON s.num = f.num "
                             "ORDER BY f.rank, f.num DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("search"));
    while (q.next())
        ids.append(q.value(0).toString());
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
