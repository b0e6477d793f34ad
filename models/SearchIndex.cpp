#include "models/SearchIndex.h"

#include "models/CacheConnection.h"
#include "models/SqliteStatement.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>

namespace assay {

namespace {
// FTS5 query syntax treats quotes, stars, parentheses, column filters and
// the words AND/OR/NOT/NEAR specially; user text is turned into quoted
// prefix terms so nothing a reviewer types is ever parsed as syntax.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    // Unicode word characters: without the option \w is ASCII only, and
    // "Röntgen" fell apart into "R" and "ntgen".
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &w : words)
        terms.append(QLatin1Char('"') + w + QStringLiteral("\"*"));
    return terms.join(QLatin1Char(' '));
}
} // namespace

void SearchIndex::Batch::setNames(qint64 num, const QString &appName, const QString &partnerName)
{
    m_entries.append({namesRow(num), appName + QLatin1Char(' ') + partnerName});
}

void SearchIndex::Batch::setAnswers(qint64 num, const QString &text)
{
    m_entries.append({answersRow(num), text});
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

Result<QStringList> SearchIndex::find(const QString &text, int limit)
{
    QStringList ids;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return ids;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    // Each submission's best entry ranks it.
    q.prepare(QStringLiteral("SELECT s.id FROM (SELECT rowid / %1 AS srow, min(rank) AS best FROM search "
                             "WHERE search MATCH ? GROUP BY srow) m JOIN submissions s ON s.num = m.srow "
                             "ORDER BY m.best LIMIT ?")
                  .arg(RowsPerSubmission));
    q.addBindValue(match);
    q.addBindValue(limit);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("search"));
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

} // namespace assay
