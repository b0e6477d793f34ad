#include "models/QueueQuery.h"

#include "domain/SubmissionRow.h"
#include "models/CacheConnection.h"
#include "models/ColumnValues.h"
#include "models/SearchQuery.h"

#include <QSqlQuery>

namespace assay {

using namespace columns;

namespace {

// A piece of SQL with the values of its placeholders, in order: pieces are
// joined in the order they appear in the statement, so are their values.
struct Sql
{
    QString text;
    QVariantList values;

    Sql &operator+=(const Sql &other)
    {
        text += other.text;
        values += other.values;
        return *this;
    }
    Sql &operator+=(const QString &more)
    {
        text += more;
        return *this;
    }
};

Sql sql(const QString &text, const QVariantList &values = {})
{
    return Sql{text, values};
}

QString stamp(const QDateTime &at)
{
    return JsonReader::formatTimestamp(at);
}

// "?, ?, ?" for n values.
QString placeholders(qsizetype n)
{
    QString out;
    for (qsizetype i = 0; i < n; ++i)
        out += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return out;
}

QVariantList listOf(const QStringList &values)
{
    QVariantList out;
    for (const QString &v : values)
        out.append(v);
    return out;
}

// Days past the stage's target (negative: days left), the clock stopped
// while awaiting the partner; decided submissions sort below every open one.
Sql slaKey(const QueueContext &context)
{
    return sql(QStringLiteral("(CASE s.stage WHEN 'done' THEN -1000000.0 ELSE "
                              "julianday(min(coalesce(s.awaiting_partner_since, ?), ?)) "
                              "- julianday(coalesce(s.stage_entered_at, s.submitted_at)) "
                              "- s.sla_paused_seconds / 86400.0 "
                              "- (CASE s.stage WHEN 'review' THEN %1 ELSE %2 END) END)")
                   .arg(context.sla.reviewTargetDays)
                   .arg(context.sla.securityTargetDays),
               {stamp(context.effectiveNow()), stamp(context.effectiveNow())});
}

// The sort key's expression: never NULL (a keyset comparison with NULL
// says nothing), and, for the indexed sorts, exactly an index's expression.
Sql sortKey(const QueueQuery::Sort &sort, const QueueContext &context)
{
    switch (sort.key) {
    case QueueQuery::SortKey::App:
        return sql(QStringLiteral("s.app_name COLLATE NOCASE"));
    case QueueQuery::SortKey::Partner:
        return sql(QStringLiteral("s.partner_name COLLATE NOCASE"));
    case QueueQuery::SortKey::Status:
        return sql(QStringLiteral("s.status"));
    case QueueQuery::SortKey::Stage:
        return sql(QStringLiteral("s.stage"));
    case QueueQuery::SortKey::Assignee:
        // By the name shown, unassigned first.
        return sql(QStringLiteral("coalesce((SELECT u.name FROM users u WHERE u.id = s.assignee), s.assignee, '') "
                                  "COLLATE NOCASE"));
    case QueueQuery::SortKey::Submitted:
        return sql(QStringLiteral("s.submitted_at"));
    case QueueQuery::SortKey::Sla:
        return slaKey(context);
    case QueueQuery::SortKey::Date:
        return sql(QStringLiteral("coalesce(s.badge_expires_at, s.resubmission_allowed_at, '')"));
    case QueueQuery::SortKey::Kind:
        return sql(QStringLiteral("s.kind"));
    case QueueQuery::SortKey::LocalState:
        return sql(QStringLiteral("coalesce((SELECT min(o.state) FROM outbox o WHERE o.submission_id = s.id "
                                  "AND o.state IN ('pending','conflict','failed')), '')"));
    case QueueQuery::SortKey::Rank:
        return sql(QStringLiteral("h.rank"));
    }
    return sql(QStringLiteral("s.submitted_at"));
}

// Whether a submission is in the view, for this user at this time.
Sql viewCondition(SavedView view, const QueueContext &context)
{
    const QDateTime now = context.effectiveNow();
    switch (view) {
    case SavedView::MyQueue: {
        // A reviewer's or lead's: assigned to them at stage review. A
        // security user's: everything at stage security whose review approve
        // was not theirs (four eyes). Someone with both roles has both.
        Sql review = sql(QStringLiteral("(s.assignee = ? AND s.stage = 'review')"), {context.me});
        Sql security =
            sql(QStringLiteral("(s.stage = 'security' AND coalesce(s.review_approved_by, '') != ?)"), {context.me});
        const bool reviews = context.roles.contains(QStringLiteral("reviewer")) || context.roles.contains(QStringLiteral("lead"));
        if (!context.isSecurity())
            return review;
        if (!reviews)
            return security;
        Sql both = sql(QStringLiteral("("));
        both += review;
        both += QStringLiteral(" OR ");
        both += security;
        both += QStringLiteral(")");
        return both;
    }
    case SavedView::Unassigned:
        // Exactly the partial index's condition.
        return sql(QStringLiteral("s.assignee IS NULL AND s.stage != 'done'"));
    case SavedView::ReviewStage:
        return sql(QStringLiteral("s.stage = 'review'"));
    case SavedView::SecurityStage:
        return sql(QStringLiteral("s.stage = 'security'"));
    case SavedView::PendingUpload:
        return sql(QStringLiteral("s.id IN (SELECT o.submission_id FROM outbox o WHERE o.state = 'pending')"));
    case SavedView::ConflictsAndFailures:
        return sql(QStringLiteral("(s.id IN (SELECT o.submission_id FROM outbox o WHERE o.state IN ('conflict','failed')) "
                                  "OR s.id IN (SELECT e.submission_id FROM evidence e WHERE e.local_state = 'mismatch'))"));
    case SavedView::DueForRevalidation:
        // Expiring within the window or expired, and not renewed by a later
        // approval of the same app (schema 7's later_approval). The terms
        // are the partial index's.
        return sql(QStringLiteral("s.status = 'approved' AND s.later_approval = 0 AND s.badge_expires_at < ?"),
                   {stamp(now.addDays(context.revalidationWindowDays))});
    case SavedView::Locked:
        // Not resubmitted since (later_submission).
        return sql(QStringLiteral("s.status = 'rejected' AND s.later_submission = 0 AND s.resubmission_allowed_at > ?"),
                   {stamp(now)});
    case SavedView::Decided:
        return sql(QStringLiteral("s.stage = 'done'"));
    case SavedView::All:
        return {};
    }
    return {};
}

// The filter's conditions, " AND "-joined ("" when it has none).
Sql whereOf(const QueueFilter &filter, const QueueContext &context)
{
    QList<Sql> parts;
    if (Sql view = viewCondition(filter.view, context); !view.text.isEmpty())
        parts.append(view);
    if (!filter.statuses.isEmpty())
        parts.append(sql(QStringLiteral("s.status IN (%1)").arg(placeholders(filter.statuses.size())), listOf(filter.statuses)));
    if (!filter.stages.isEmpty())
        parts.append(sql(QStringLiteral("s.stage IN (%1)").arg(placeholders(filter.stages.size())), listOf(filter.stages)));
    if (filter.assignee) {
        if (filter.assignee->isEmpty())
            parts.append(sql(QStringLiteral("s.assignee IS NULL")));
        else
            parts.append(sql(QStringLiteral("s.assignee = ?"), {*filter.assignee}));
    }
    if (!filter.partnerId.isEmpty())
        parts.append(sql(QStringLiteral("s.partner_id = ?"), {filter.partnerId}));
    if (!filter.questionnaireVersion.isEmpty())
        parts.append(sql(QStringLiteral("s.questionnaire_version = ?"), {filter.questionnaireVersion}));
    // Age is whole days since submitted: at least N days old, or fewer than
    // M + 1 days old.
    const QDateTime now = context.effectiveNow();
    if (filter.minAgeDays)
        parts.append(sql(QStringLiteral("s.submitted_at <= ?"), {stamp(now.addDays(-*filter.minAgeDays))}));
    if (filter.maxAgeDays)
        parts.append(sql(QStringLiteral("s.submitted_at > ?"), {stamp(now.addDays(-(*filter.maxAgeDays + 1)))}));
    Sql out;
    for (const Sql &p : std::as_const(parts)) {
        if (!out.text.isEmpty())
            out += QStringLiteral(" AND ");
        out += p;
    }
    return out;
}

// Text that says nothing searchable (junk, lone quotes) is no search.
bool searching(const QueueFilter &filter)
{
    return !filter.search.trimmed().isEmpty() && !SearchQuery::parse(filter.search).isEmpty();
}

Sql fromOf(const QueueFilter &filter)
{
    if (searching(filter))
        return sql(QStringLiteral(" FROM search_hits h JOIN submissions s ON s.num = h.num"));
    // Without statistics the planner guesses, and guesses wrong for these
    // views: for Unassigned it takes the assignee index (which also holds
    // every decided, unassigned submission) and sorts, where the partial
    // index is the view, already in submission order; for the badge and
    // lock views it walks every submission in date order to find the few
    // that are in them. The views' own partial indexes are named.
    switch (filter.view) {
    case SavedView::Unassigned:
        return sql(QStringLiteral(" FROM submissions s INDEXED BY submissions_unassigned"));
    case SavedView::DueForRevalidation:
        return sql(QStringLiteral(" FROM submissions s INDEXED BY submissions_badges"));
    case SavedView::Locked:
        return sql(QStringLiteral(" FROM submissions s INDEXED BY submissions_locks"));
    default:
        return sql(QStringLiteral(" FROM submissions s"));
    }
}

// The tie-break's direction: the row number's, as the key's, but for
// relevance, where the newest of equals comes first (search_hits' own
// order, which it hands out without a sort).
bool numDescending(const QueueQuery::Sort &sort)
{
    return sort.key == QueueQuery::SortKey::Rank ? !sort.descending : sort.descending;
}

// Without a search there is no rank to sort by.
QueueQuery::Sort effective(const QueueQuery::Sort &sort, const QueueFilter &filter)
{
    if (sort.key == QueueQuery::SortKey::Rank && !searching(filter))
        return {QueueQuery::SortKey::Submitted, true};
    return sort;
}

QString selectColumns()
{
    QString cols;
    for (const QString &c : SubmissionRow::columns().split(QStringLiteral(", ")))
        cols += QStringLiteral("s.") + c + QStringLiteral(", ");
    return QStringLiteral("SELECT ") + cols
        + QStringLiteral("s.kind, s.num, s.stage_entered_at, s.sla_paused_seconds, s.awaiting_partner_since, "
                         "s.review_approved_by, (SELECT min(o.state) FROM outbox o WHERE o.submission_id = s.id "
                         "AND o.state IN ('pending','conflict','failed')), ");
}
constexpr int FactsColumn = SubmissionRow::ColumnCount;

Result<QSqlQuery> run(const QSqlDatabase &db, const Sql &statement, const QString &what)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(statement.text))
        return CacheConnection::failQuery(q, what);
    for (const QVariant &v : statement.values)
        q.addBindValue(v);
    if (!q.exec())
        return CacheConnection::failQuery(q, what);
    return q;
}

QueueQuery::Row readRow(const QSqlQuery &q)
{
    QueueQuery::Row r;
    r.summary = SubmissionRow::read(q);
    const int f = FactsColumn;
    r.summary.kind = SubmissionSummary::kindFromName(q.value(f).toString()).value_or(SubmissionSummary::Kind::Initial);
    r.num = q.value(f + 1).toLongLong();
    r.stageEnteredAt = q.value(f + 2).isNull() ? r.summary.submittedAt : timeOf(q.value(f + 2));
    r.slaPausedSeconds = q.value(f + 3).toLongLong();
    if (!q.value(f + 4).isNull())
        r.awaitingSince = timeOf(q.value(f + 4));
    r.reviewApprovedBy = q.value(f + 5).toString();
    r.localState = q.value(f + 6).toString();
    r.rank = q.value(f + 7).toDouble();
    r.sortKey = q.value(f + 8);
    return r;
}

// Sort keys as SQLite orders them: numbers before text, text by the key's
// collation (NOCASE folds ASCII only, as here).
int compareKeys(const QVariant &a, const QVariant &b, bool noCase)
{
    const bool aNumber = a.typeId() == QMetaType::Double || a.typeId() == QMetaType::LongLong || a.typeId() == QMetaType::Int;
    const bool bNumber = b.typeId() == QMetaType::Double || b.typeId() == QMetaType::LongLong || b.typeId() == QMetaType::Int;
    if (aNumber && bNumber) {
        const double x = a.toDouble(), y = b.toDouble();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (aNumber != bNumber)
        return aNumber ? -1 : 1;
    if (!noCase) {
        const QByteArray x = a.toString().toUtf8(), y = b.toString().toUtf8();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    const QByteArray x = a.toString().toUtf8().toLower(), y = b.toString().toUtf8().toLower();
    return x < y ? -1 : x > y ? 1 : 0;
}

} // namespace

QueueQuery::QueueQuery(CacheConnection &connection)
    : m_connection(connection)
{
}

namespace {
// Which rows make the page, in order: their numbers and sort keys only, so
// that a sort over many candidates (a view without its order in an index,
// the SLA) carries nothing else through it.
Sql pageKeys(const QueueFilter &filter, const QueueContext &context, const QueueQuery::Sort &sort,
             const std::optional<QueueQuery::Cursor> &after, int limit)
{
    const Sql key = sortKey(sort, context);
    // While searching, the row number is search_hits' own: an order on its
    // columns alone is one it can serve without a sort.
    const QString num = searching(filter) ? QStringLiteral("h.num") : QStringLiteral("s.num");
    Sql statement = sql(QStringLiteral("SELECT %1 AS qn, ").arg(num));
    statement += key;
    statement += QStringLiteral(" AS qk");
    statement += fromOf(filter);
    Sql where = whereOf(filter, context);
    if (after) {
        // The keyset: after the cursor's key, or at it with a later num. The
        // first term alone bounds an index range.
        const QString cmp = sort.descending ? QStringLiteral("<") : QStringLiteral(">");
        const QString numCmp = numDescending(sort) ? QStringLiteral("<") : QStringLiteral(">");
        Sql keyset = sql(QStringLiteral("("));
        keyset += key;
        keyset += sql(QStringLiteral(" %1= ? AND (").arg(cmp), {after->key});
        keyset += key;
        keyset += sql(QStringLiteral(" %1 ? OR %2 %3 ?))").arg(cmp, num, numCmp), {after->key, after->num});
        if (!where.text.isEmpty())
            where += QStringLiteral(" AND ");
        where += keyset;
    }
    if (!where.text.isEmpty()) {
        statement += QStringLiteral(" WHERE ");
        statement += where;
    }
    const QString dir = sort.descending ? QStringLiteral(" DESC") : QString();
    const QString numDir = numDescending(sort) ? QStringLiteral(" DESC") : QString();
    statement += QStringLiteral(" ORDER BY ");
    statement += key;
    statement += sql(QStringLiteral("%1, %2%3 LIMIT ?").arg(dir, num, numDir), {limit});
    return statement;
}

bool noCaseKey(QueueQuery::SortKey key)
{
    return key == QueueQuery::SortKey::App || key == QueueQuery::SortKey::Partner || key == QueueQuery::SortKey::Assignee;
}

// The page's rows with their columns, read for those rows alone (CROSS JOIN:
// the page first, then each row by its number).
Sql pageStatement(const QueueFilter &filter, const QueueContext &context, const QueueQuery::Sort &wanted,
                  const std::optional<QueueQuery::Cursor> &after, int limit)
{
    const QueueQuery::Sort sort = effective(wanted, filter);
    Sql statement = sql(selectColumns() + (searching(filter) ? QStringLiteral("h.rank, ") : QStringLiteral("0.0, "))
                        + QStringLiteral("p.qk FROM ("));
    statement += pageKeys(filter, context, sort, after, limit);
    statement += QStringLiteral(") p CROSS JOIN submissions s ON s.num = p.qn");
    if (searching(filter))
        statement += QStringLiteral(" CROSS JOIN search_hits h ON h.num = p.qn");
    const QString dir = sort.descending ? QStringLiteral(" DESC") : QString();
    const QString numDir = numDescending(sort) ? QStringLiteral(" DESC") : QString();
    statement += QStringLiteral(" ORDER BY p.qk%1%2, p.qn%3").arg(noCaseKey(sort.key) ? QStringLiteral(" COLLATE NOCASE") : QString(), dir, numDir);
    return statement;
}
} // namespace

Result<QList<QueueQuery::Row>> QueueQuery::page(const QueueFilter &filter, const QueueContext &context, const Sort &sort,
                                                const std::optional<Cursor> &after, int limit)
{
    Result<QSqlQuery> q = run(m_connection.database(), pageStatement(filter, context, sort, after, limit),
                              QStringLiteral("read the queue"));
    if (!q)
        return q.error();
    QList<Row> rows;
    while (q->next())
        rows.append(readRow(*q));
    return rows;
}

Result<QString> QueueQuery::explain(const QueueFilter &filter, const QueueContext &context, const Sort &sort)
{
    Sql statement = pageKeys(filter, context, effective(sort, filter), std::nullopt, 200);
    statement.text.prepend(QStringLiteral("EXPLAIN QUERY PLAN "));
    Result<QSqlQuery> q = run(m_connection.database(), statement, QStringLiteral("explain the queue's query"));
    if (!q)
        return q.error();
    QStringList lines;
    while (q->next())
        lines.append(q->value(3).toString());
    return lines.join(QLatin1Char('\n'));
}

Result<QList<QueueQuery::Row>> QueueQuery::rows(const QueueFilter &filter, const QueueContext &context, const Sort &wanted,
                                                const QStringList &ids)
{
    if (ids.isEmpty())
        return QList<Row>();
    const Sort sort = effective(wanted, filter);
    const Sql key = sortKey(sort, context);
    Sql statement = sql(selectColumns() + (searching(filter) ? QStringLiteral("h.rank, ") : QStringLiteral("0.0, ")));
    statement += key;
    statement += fromOf(filter);
    Sql where = whereOf(filter, context);
    if (!where.text.isEmpty())
        where += QStringLiteral(" AND ");
    where += sql(QStringLiteral("s.id IN (%1)").arg(placeholders(ids.size())), listOf(ids));
    statement += QStringLiteral(" WHERE ");
    statement += where;
    const QString dir = sort.descending ? QStringLiteral(" DESC") : QString();
    const QString numDir = numDescending(sort) ? QStringLiteral(" DESC") : QString();
    statement += QStringLiteral(" ORDER BY ");
    statement += key;
    statement += QStringLiteral("%1, s.num%2").arg(dir, numDir);
    Result<QSqlQuery> q = run(m_connection.database(), statement, QStringLiteral("read changed queue rows"));
    if (!q)
        return q.error();
    QList<Row> rows;
    while (q->next())
        rows.append(readRow(*q));
    return rows;
}

Result<int> QueueQuery::count(const QueueFilter &filter, const QueueContext &context)
{
    Sql statement = sql(QStringLiteral("SELECT count(*)"));
    statement += fromOf(filter);
    if (Sql where = whereOf(filter, context); !where.text.isEmpty()) {
        statement += QStringLiteral(" WHERE ");
        statement += where;
    }
    Result<QSqlQuery> q = run(m_connection.database(), statement, QStringLiteral("count the queue"));
    if (!q)
        return q.error();
    if (!q->next())
        return CacheConnection::failQuery(*q, QStringLiteral("count the queue"));
    return q->value(0).toInt();
}

Result<QHash<SavedView, int>> QueueQuery::viewCounts(const QueueContext &context)
{
    // One statement, a subquery per view: each uses its view's index.
    const QList<SavedView> views = allSavedViews();
    Sql statement = sql(QStringLiteral("SELECT "));
    for (qsizetype i = 0; i < views.size(); ++i) {
        if (i > 0)
            statement += QStringLiteral(", ");
        statement += QStringLiteral("(SELECT count(*) FROM submissions s");
        if (Sql cond = viewCondition(views.at(i), context); !cond.text.isEmpty()) {
            statement += QStringLiteral(" WHERE ");
            statement += cond;
        }
        statement += QStringLiteral(")");
    }
    Result<QSqlQuery> q = run(m_connection.database(), statement, QStringLiteral("count the saved views"));
    if (!q)
        return q.error();
    if (!q->next())
        return CacheConnection::failQuery(*q, QStringLiteral("count the saved views"));
    QHash<SavedView, int> counts;
    for (qsizetype i = 0; i < views.size(); ++i)
        counts.insert(views.at(i), q->value(int(i)).toInt());
    return counts;
}

bool QueueQuery::before(const Sort &sort, const QVariant &keyA, qint64 numA, const QVariant &keyB, qint64 numB)
{
    const int c = compareKeys(keyA, keyB, noCaseKey(sort.key));
    if (c != 0)
        return sort.descending ? c > 0 : c < 0;
    return numDescending(sort) ? numA > numB : numA < numB;
}

} // namespace assay
