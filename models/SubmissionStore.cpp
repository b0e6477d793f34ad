#include "models/SubmissionStore.h"

#include "domain/Questionnaire.h"
#include "domain/RecordedVerdict.h"
#include "domain/Submission.h"
#include "domain/SubmissionRow.h"
#include "models/CacheConnection.h"
#include "models/ColumnValues.h"
#include "models/EvidenceStates.h"
#include "models/QueueFacts.h"
#include "models/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace assay {

using namespace columns;

namespace {
constexpr int AnswerChunk = 16;

const char *const DeleteAnswers = "DELETE FROM answers WHERE submission_id = ?";
const char *const DeleteComments = "DELETE FROM comments WHERE submission_id = ?";
const char *const DeleteHistory = "DELETE FROM history WHERE submission_id = ?";
const char *const DeleteVerdicts = "DELETE FROM verdicts WHERE submission_id = ?";
const char *const InsertAnswer = "INSERT INTO answers (submission_id, position, question_key, text, evidence_ids) "
                                 "VALUES (?, ?, ?, ?, ?)";
// Evidence keeps its local state when its content did not change (same
// sha256) and it was settled (present or mismatched); anything else is
// present if the store holds that content verified already (another item
// shares the file), else absent.
const char *const UpsertEvidence =
    "INSERT INTO evidence (id, submission_id, position, filename, media_type, size, sha256, "
    "local_state, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "submission_id = excluded.submission_id, position = excluded.position, "
    "filename = excluded.filename, media_type = excluded.media_type, size = excluded.size, "
    "local_state = CASE WHEN sha256 = excluded.sha256 AND local_state != 'absent' THEN local_state "
    "ELSE excluded.local_state END, "
    "verified_at = CASE WHEN sha256 = excluded.sha256 AND local_state != 'absent' THEN verified_at "
    "ELSE excluded.verified_at END, "
    "sha256 = excluded.sha256";
// Evidence the submission no longer lists goes; its bytes may still be
// shared by content address and are left to the store.
const char *const DeleteOtherEvidence =
    "DELETE FROM evidence WHERE submission_id = ? AND id NOT IN (SELECT value FROM json_each(?))";
const char *const UpsertComment =
    "INSERT INTO comments (id, submission_id, author, visibility, body, created_at, from_party) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "submission_id = excluded.submission_id, author = excluded.author, "
    "visibility = excluded.visibility, body = excluded.body, created_at = excluded.created_at, "
    "from_party = excluded.from_party";
const char *const InsertHistory =
    "INSERT INTO history (submission_id, seq, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)";
const char *const InsertVerdict =
    "INSERT INTO verdicts (submission_id, seq, stage, decision, by_user, at, version, json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

// The summary's columns as the cache has them: the shared mapping plus the
// submission's kind (the reference server keeps kind its own way).
QString summaryColumns()
{
    return SubmissionRow::columns() + QStringLiteral(", kind");
}
constexpr int SummaryColumnCount = SubmissionRow::ColumnCount + 1;

SubmissionSummary readSummary(const QSqlQuery &q)
{
    SubmissionSummary s = SubmissionRow::read(q);
    s.kind = SubmissionSummary::kindFromName(q.value(SubmissionRow::ColumnCount).toString())
                 .value_or(SubmissionSummary::Kind::Initial);
    return s;
}
const char *const Lookup =
    "SELECT num, app_name, partner_name, details_updated_at IS NOT NULL FROM submissions WHERE id = ?";

// The queue facts (schema 7) ride on the summary's row. From the feed: a
// new row's stage clock starts at its submission (review) or its last change
// (a later stage); a known row whose stage moved restarts it then, and its
// waits paid in the old stage no longer count (every SET expression reads
// the row as it was). With details: the facts the details say.
QByteArray upsertSql(bool withDetails)
{
    QString sql = QStringLiteral(
        "INSERT INTO submissions (%1, stage_entered_at%2) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?%3) "
        "ON CONFLICT (id) DO UPDATE SET version = excluded.version, app_id = excluded.app_id, "
        "app_name = excluded.app_name, partner_id = excluded.partner_id, partner_name = excluded.partner_name, "
        "questionnaire_version = excluded.questionnaire_version, status = excluded.status, stage = excluded.stage, "
        "assignee = excluded.assignee, submitted_at = excluded.submitted_at, updated_at = excluded.updated_at, "
        "previous_submission_id = excluded.previous_submission_id, badge_expires_at = excluded.badge_expires_at, "
        "resubmission_allowed_at = excluded.resubmission_allowed_at, kind = excluded.kind%4 RETURNING num")
                      .arg(summaryColumns(),
                           withDetails ? QStringLiteral(", details_updated_at, sla_paused_seconds, awaiting_partner_since, "
                                                        "review_approved_by")
                                       : QString(),
                           withDetails ? QStringLiteral(",?,?,?,?") : QString(),
                           withDetails ? QStringLiteral(", details_updated_at = excluded.details_updated_at, "
                                                        "stage_entered_at = excluded.stage_entered_at, "
                                                        "sla_paused_seconds = excluded.sla_paused_seconds, "
                                                        "awaiting_partner_since = excluded.awaiting_partner_since, "
                                                        "review_approved_by = excluded.review_approved_by")
                                       : QStringLiteral(", stage_entered_at = CASE WHEN submissions.stage = excluded.stage "
                                                        "THEN submissions.stage_entered_at ELSE excluded.updated_at END, "
                                                        "sla_paused_seconds = CASE WHEN submissions.stage = excluded.stage "
                                                        "THEN submissions.sla_paused_seconds ELSE 0 END"));
    return sql.toUtf8();
}

// `what` makes the message only when the statement failed: these run for
// every row of a sync.
template<typename What>
Result<> ran(SqliteStatement &st, What &&what)
{
    if (Result<> done = st.exec(); !done)
        return CacheConnection::fail(QStringLiteral("%1: %2").arg(what(), done.error().message));
    return {};
}
} // namespace

SubmissionStore::SubmissionStore(CacheConnection &connection, SearchIndex &search)
    : m_connection(connection)
    , m_search(search)
{
}

SubmissionStore::~SubmissionStore() = default;

void SubmissionStore::setVerifiedContent(std::function<bool(const QString &)> isVerified)
{
    m_verifiedContent = std::move(isVerified);
}

Result<qint64> SubmissionStore::upsertSummary(const SubmissionSummary &s, UpsertFor purpose, const QueueFacts *facts)
{
    // From the feed the row's details stay as they were (stale when
    // updated_at moved); with details the row says they match.
    const bool withDetails = purpose == UpsertFor::Details;
    static const QByteArray feedSql = upsertSql(false);
    static const QByteArray detailsSql = upsertSql(true);
    const Result<SqliteStatement *> prepared = m_connection.statement((withDetails ? detailsSql : feedSql).constData());
    if (!prepared)
        return prepared.error();
    SqliteStatement &st = **prepared;
    QVariantList values = SubmissionRow::values(s);
    values.append(SubmissionSummary::kindName(s.kind));
    static_assert(SummaryColumnCount == 16, "upsertSql() has a placeholder per column");
    for (int i = 0; i < int(values.size()); ++i)
        st.bind(i + 1, values.at(i));
    int next = int(values.size()) + 1;
    if (withDetails && facts) {
        st.bind(next++, JsonReader::formatTimestamp(facts->stageEnteredAt));
        st.bind(next++, values.at(11)); // details_updated_at = updated_at
        st.bind(next++, facts->pausedSeconds);
        if (facts->awaitingSince)
            st.bind(next++, JsonReader::formatTimestamp(*facts->awaitingSince));
        else
            st.bindNull(next++);
        st.bind(next++, facts->reviewApprovedBy.isEmpty() ? QString() : facts->reviewApprovedBy);
    } else {
        st.bind(next++, JsonReader::formatTimestamp(s.stage == SubmissionSummary::Stage::Review ? s.submittedAt : s.updatedAt));
    }
    const Result<bool> row = st.step();
    if (!row || !*row) {
        const QString error = row ? QStringLiteral("no row number returned") : row.error().message;
        st.reset();
        return CacheConnection::fail(QStringLiteral("store submission %1: %2").arg(s.id, error));
    }
    const qint64 num = st.columnInt64(0);
    st.reset();
    return num;
}

Result<> SubmissionStore::applyFeedPage(const QList<SubmissionSummary> &items, const QString &nextCursor)
{
    return m_connection.inTransaction(QStringLiteral("store feed page"), [&]() -> Result<> {
        SearchIndex::Batch search;
        for (const SubmissionSummary &s : items) {
            const Result<qint64> num = upsertSummary(s, UpsertFor::Feed);
            if (!num)
                return num.error();
            search.setNames(*num, s.appName, s.partnerName);
        }
        if (Result<> cursor = setSyncValue(QStringLiteral("cursor"), nextCursor); !cursor)
            return cursor;
        return m_search.write(std::move(search));
    });
}

Result<QString> SubmissionStore::feedCursor()
{
    return syncValue(QStringLiteral("cursor"));
}

Result<> SubmissionStore::store(const Submission &submission)
{
    return store(QList<Submission>{submission});
}

Result<> SubmissionStore::store(const QList<Submission> &submissions)
{
    return m_connection.inTransaction(QStringLiteral("store %1 submissions").arg(submissions.size()), [&]() -> Result<> {
        SearchIndex::Batch search;
        for (const Submission &sub : submissions) {
            if (Result<> stored = storeRows(sub, search); !stored)
                return stored;
        }
        return m_search.write(std::move(search));
    });
}

Result<> SubmissionStore::storeRows(const Submission &sub, SearchIndex::Batch &search)
{
    static const QByteArray insertAnswersSql = [] {
        QByteArray sql = "INSERT INTO answers (submission_id, position, question_key, text, evidence_ids) VALUES ";
        for (int i = 0; i < AnswerChunk; ++i)
            sql += i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)";
        return sql;
    }();
    constexpr int Statements = 12;
    SqliteStatement *st[Statements] = {};
    const char *const sqls[Statements] = {Lookup,         DeleteAnswers,       DeleteComments, DeleteHistory, InsertAnswer,
                                          insertAnswersSql.constData(), UpsertEvidence, DeleteOtherEvidence, UpsertComment,
                                          InsertHistory,  DeleteVerdicts,      InsertVerdict};
    for (int i = 0; i < Statements; ++i) {
        const Result<SqliteStatement *> prepared = m_connection.statement(sqls[i]);
        if (!prepared)
            return prepared.error();
        st[i] = *prepared;
    }
    SqliteStatement &lookup = *st[0], &insertAnswer = *st[4], &insertAnswers = *st[5], &upsertEvidence = *st[6],
                    &deleteOtherEvidence = *st[7], &upsertComment = *st[8], &insertHistory = *st[9],
                    &insertVerdict = *st[11];

    const QString &id = sub.summary.id;
    const auto what = [&id] { return QStringLiteral("store submission %1").arg(id); };

    // What the cache has of it now: a first download (the common case of a
    // sync) has no old rows to delete and names already in the index.
    lookup.bind(1, id);
    const Result<bool> known = lookup.step();
    const bool hadDetails = known && *known && lookup.columnInt64(3) != 0;
    const bool sameNames = known && *known && lookup.columnText(1) == sub.summary.appName
        && lookup.columnText(2) == sub.summary.partnerName;
    lookup.reset();
    if (!known)
        return CacheConnection::fail(QStringLiteral("%1: %2").arg(what(), known.error().message));

    const QueueFacts facts = QueueFacts::of(sub);
    const Result<qint64> num = upsertSummary(sub.summary, UpsertFor::Details, &facts);
    if (!num)
        return num.error();
    if (!sameNames)
        search.setNames(*num, sub.summary.appName, sub.summary.partnerName);
    if (hadDetails) {
        for (SqliteStatement *del : {st[1], st[2], st[3], st[10]}) {
            del->bind(1, id);
            if (Result<> done = ran(*del, what); !done)
                return done;
        }
    }

    // Answers go AnswerChunk rows per statement (a submission has ~50):
    // one statement per row was a third of the cost of storing them.
    QString answerText;
    const qsizetype answerCount = sub.answers.size();
    for (qsizetype first = 0; first < answerCount;) {
        const bool chunk = answerCount - first >= AnswerChunk;
        SqliteStatement &ins = chunk ? insertAnswers : insertAnswer;
        const qsizetype rows = chunk ? AnswerChunk : 1;
        for (qsizetype r = 0; r < rows; ++r) {
            const qsizetype i = first + r;
            const Answer &a = sub.answers.at(i);
            const int p = int(r) * 5;
            ins.bind(p + 1, id);
            ins.bind(p + 2, qint64(i));
            ins.bind(p + 3, nn(a.questionKey));
            ins.bind(p + 4, nn(a.text));
            ins.bind(p + 5, a.evidenceIds.isEmpty() ? QStringLiteral("[]") : compactJson(QJsonArray::fromStringList(a.evidenceIds)));
            if (i > 0)
                answerText += QLatin1Char('\n');
            answerText += a.text;
        }
        if (Result<> done = ins.exec(); !done)
            return CacheConnection::fail(QStringLiteral("store the answers of %1: %2").arg(id, done.error().message));
        first += rows;
    }

    QJsonArray keep;
    for (qsizetype i = 0; i < sub.evidence.size(); ++i) {
        const EvidenceItem &e = sub.evidence.at(i);
        upsertEvidence.bind(1, e.id);
        upsertEvidence.bind(2, id);
        upsertEvidence.bind(3, qint64(i));
        upsertEvidence.bind(4, nn(e.filename));
        upsertEvidence.bind(5, nn(e.mediaType));
        upsertEvidence.bind(6, e.size);
        upsertEvidence.bind(7, nn(e.sha256));
        const bool verified = m_verifiedContent && m_verifiedContent(e.sha256);
        upsertEvidence.bind(8, EvidenceItem::localStateName(verified ? EvidenceItem::LocalState::Present
                                                                     : EvidenceItem::LocalState::Absent));
        if (verified)
            upsertEvidence.bind(9, now());
        else
            upsertEvidence.bindNull(9);
        if (Result<> done = ran(upsertEvidence, [&] { return QStringLiteral("store evidence %1 of %2").arg(e.id, id); }); !done)
            return done;
        keep.append(e.id);
    }
    if (hadDetails) {
        deleteOtherEvidence.bind(1, id);
        deleteOtherEvidence.bind(2, compactJson(keep));
        if (Result<> done = ran(deleteOtherEvidence, what); !done)
            return done;
    }

    // The comments are searched too, in the same index entry as the answers.
    QString commentText;
    for (const Comment &c : sub.comments) {
        if (!commentText.isEmpty())
            commentText += QLatin1Char('\n');
        commentText += c.body;
        upsertComment.bind(1, c.id);
        upsertComment.bind(2, id);
        upsertComment.bind(3, nn(c.author));
        upsertComment.bind(4, Comment::visibilityName(c.visibility));
        upsertComment.bind(5, nn(c.body));
        upsertComment.bind(6, JsonReader::formatTimestamp(c.createdAt));
        upsertComment.bind(7, Comment::fromName(c.from));
        if (Result<> done = ran(upsertComment, [&] { return QStringLiteral("store comment %1 of %2").arg(c.id, id); }); !done)
            return done;
    }
    search.setText(*num, answerText, commentText);
    for (qsizetype i = 0; i < sub.history.size(); ++i) {
        const HistoryEntry &h = sub.history.at(i);
        insertHistory.bind(1, id);
        insertHistory.bind(2, qint64(i));
        insertHistory.bind(3, JsonReader::formatTimestamp(h.at));
        insertHistory.bind(4, nn(h.actor));
        insertHistory.bind(5, nn(h.action));
        insertHistory.bind(6, compactJson(h.detail));
        if (Result<> done = ran(insertHistory, [&] { return QStringLiteral("store history of %1").arg(id); }); !done)
            return done;
    }
    for (qsizetype i = 0; i < sub.verdicts.size(); ++i) {
        const RecordedVerdict &v = sub.verdicts.at(i);
        insertVerdict.bind(1, id);
        insertVerdict.bind(2, qint64(i));
        insertVerdict.bind(3, RecordedVerdict::stageName(v.stage));
        insertVerdict.bind(4, Verdict::decisionName(v.verdict.decision));
        insertVerdict.bind(5, nn(v.by));
        insertVerdict.bind(6, JsonReader::formatTimestamp(v.at));
        insertVerdict.bind(7, v.version);
        insertVerdict.bind(8, compactJson(v.toJson()));
        if (Result<> done = ran(insertVerdict, [&] { return QStringLiteral("store verdicts of %1").arg(id); }); !done)
            return done;
    }
    return {};
}

Result<QStringList> SubmissionStore::firstColumn(const QString &sql, const QString &what)
{
    QStringList values;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return CacheConnection::failQuery(q, what);
    while (q.next())
        values.append(q.value(0).toString());
    return values;
}

Result<QStringList> SubmissionStore::missingQuestionnaires()
{
    // A loose index scan: one index seek per distinct version, not a pass
    // over every submission. The plain DISTINCT read all 10k rows of the
    // index on every sync cycle (1.2-1.4 ms of a 4 ms no-change sync); this
    // costs about 0.1 ms, whatever the number of submissions.
    return firstColumn(QStringLiteral("WITH RECURSIVE used(version) AS ("
                                      " SELECT (SELECT min(questionnaire_version) FROM submissions)"
                                      " UNION ALL"
                                      " SELECT (SELECT min(questionnaire_version) FROM submissions"
                                      "         WHERE questionnaire_version > used.version)"
                                      " FROM used WHERE used.version IS NOT NULL)"
                                      " SELECT version FROM used WHERE version IS NOT NULL AND NOT EXISTS"
                                      " (SELECT 1 FROM questionnaires q WHERE q.version = used.version)"),
                       QStringLiteral("read questionnaire versions"));
}

Result<std::optional<SubmissionSummary>> SubmissionStore::summary(const QString &id)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT %1 FROM submissions WHERE id = ?").arg(summaryColumns()));
    q.addBindValue(id);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read submission %1").arg(id));
    if (!q.next())
        return std::optional<SubmissionSummary>();
    return std::optional<SubmissionSummary>(readSummary(q));
}

Result<std::optional<Submission>> SubmissionStore::submission(const QString &id)
{
    const Result<std::optional<SubmissionSummary>> s = summary(id);
    if (!s)
        return s.error();
    const std::optional<SubmissionSummary> &found = *s;
    if (!found)
        return std::optional<Submission>();
    Submission sub;
    sub.summary = *found;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT question_key, text, evidence_ids FROM answers WHERE submission_id = ? ORDER BY position"));
    q.addBindValue(id);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read answers of %1").arg(id));
    while (q.next()) {
        Answer a;
        a.questionKey = q.value(0).toString();
        a.text = q.value(1).toString();
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
            a.evidenceIds.append(v.toString());
        sub.answers.append(a);
    }
    q.prepare(QStringLiteral("SELECT %1 FROM evidence WHERE submission_id = ? ORDER BY position").arg(EvidenceStates::columns()));
    q.addBindValue(id);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read evidence of %1").arg(id));
    while (q.next())
        sub.evidence.append(EvidenceStates::itemAt(q));
    q.prepare(QStringLiteral("SELECT id, author, visibility, body, created_at, from_party FROM comments "
                             "WHERE submission_id = ? ORDER BY created_at, id"));
    q.addBindValue(id);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read comments of %1").arg(id));
    while (q.next()) {
        Comment c;
        c.id = q.value(0).toString();
        c.author = q.value(1).toString();
        c.visibility = q.value(2).toString() == QLatin1String("partner") ? Comment::Visibility::Partner
                                                                          : Comment::Visibility::Internal;
        c.body = q.value(3).toString();
        c.createdAt = timeOf(q.value(4));
        c.from = q.value(5).toString() == QLatin1String("partner") ? Comment::From::Partner : Comment::From::Marketplace;
        sub.comments.append(c);
    }
    q.prepare(QStringLiteral("SELECT at, actor, action, detail FROM history WHERE submission_id = ? ORDER BY seq"));
    q.addBindValue(id);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read history of %1").arg(id));
    while (q.next()) {
        HistoryEntry h;
        h.at = timeOf(q.value(0));
        h.actor = q.value(1).toString();
        h.action = q.value(2).toString();
        h.detail = objectOf(q.value(3));
        sub.history.append(h);
    }
    q.prepare(QStringLiteral("SELECT json FROM verdicts WHERE submission_id = ? ORDER BY seq"));
    q.addBindValue(id);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read verdicts of %1").arg(id));
    while (q.next()) {
        JsonReader reader(objectOf(q.value(0)));
        RecordedVerdict v = RecordedVerdict::fromJson(reader);
        if (!reader.ok())
            return CacheConnection::fail(QStringLiteral("a stored verdict of %1 is unreadable: %2").arg(id, reader.error()));
        sub.verdicts.append(std::move(v));
    }
    return std::optional<Submission>(std::move(sub));
}

Result<QList<SubmissionSummary>> SubmissionStore::summaries()
{
    QList<SubmissionSummary> out;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM submissions ORDER BY submitted_at, id").arg(summaryColumns())))
        return CacheConnection::failQuery(q, QStringLiteral("read submissions"));
    while (q.next())
        out.append(readSummary(q));
    return out;
}

Result<int> SubmissionStore::count()
{
    QSqlQuery q(m_connection.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM submissions")) || !q.next())
        return CacheConnection::failQuery(q, QStringLiteral("count submissions"));
    return q.value(0).toInt();
}

Result<QList<std::pair<QString, QString>>> SubmissionStore::partners()
{
    QList<std::pair<QString, QString>> out;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT partner_id, max(partner_name) AS name FROM submissions "
                               "GROUP BY partner_id ORDER BY name COLLATE NOCASE, partner_id")))
        return CacheConnection::failQuery(q, QStringLiteral("read partners"));
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

Result<QStringList> SubmissionStore::questionnaireVersions()
{
    // The versions submissions use, by a loose index scan as in
    // missingQuestionnaires(): one seek per version, whatever the rows.
    return firstColumn(QStringLiteral("WITH RECURSIVE used(version) AS ("
                                      " SELECT (SELECT min(questionnaire_version) FROM submissions)"
                                      " UNION ALL"
                                      " SELECT (SELECT min(questionnaire_version) FROM submissions"
                                      "         WHERE questionnaire_version > used.version)"
                                      " FROM used WHERE used.version IS NOT NULL)"
                                      " SELECT version FROM used WHERE version IS NOT NULL"),
                       QStringLiteral("read questionnaire versions"));
}

Result<QStringList> SubmissionStore::needingDetails()
{
    // Open submissions first, then the earlier submissions they are compared
    // with, then the rest; newest first within each. The subquery runs only
    // when a row needs details: a cache in step reads the empty partial
    // index and nothing else.
    return firstColumn(QStringLiteral("SELECT id FROM submissions WHERE details_updated_at IS NULL "
                                      "OR details_updated_at != updated_at ORDER BY "
                                      "CASE WHEN stage != 'done' THEN 0 "
                                      "WHEN id IN (SELECT previous_submission_id FROM submissions "
                                      "WHERE stage != 'done' AND previous_submission_id IS NOT NULL) THEN 1 "
                                      "ELSE 2 END, updated_at DESC"),
                       QStringLiteral("read submissions"));
}

Result<QStringList> SubmissionStore::missingPrevious()
{
    return firstColumn(QStringLiteral("SELECT DISTINCT s.previous_submission_id FROM submissions s "
                                      "WHERE s.stage != 'done' AND s.previous_submission_id IS NOT NULL AND NOT EXISTS "
                                      "(SELECT 1 FROM submissions p WHERE p.id = s.previous_submission_id) "
                                      "ORDER BY s.previous_submission_id"),
                       QStringLiteral("read missing previous submissions"));
}

Result<> SubmissionStore::storeQuestionnaire(const Questionnaire &questionnaire)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO questionnaires (version, json, fetched_at) VALUES (?, ?, ?)"));
    q.addBindValue(questionnaire.version);
    q.addBindValue(compactJson(questionnaire.toJson()));
    q.addBindValue(now());
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("store questionnaire %1").arg(questionnaire.version));
    return {};
}

Result<std::optional<Questionnaire>> SubmissionStore::questionnaire(const QString &version)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT json FROM questionnaires WHERE version = ?"));
    q.addBindValue(version);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read questionnaire %1").arg(version));
    if (!q.next())
        return std::optional<Questionnaire>();
    JsonReader reader(objectOf(q.value(0)));
    Questionnaire result = Questionnaire::fromJson(reader);
    if (!reader.ok())
        return CacheConnection::fail(QStringLiteral("stored questionnaire %1 unreadable: %2").arg(version, reader.error()));
    return std::optional<Questionnaire>(std::move(result));
}

Result<QString> SubmissionStore::syncValue(const QString &key)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read %1").arg(key));
    if (!q.next())
        return QString();
    return q.value(0).toString();
}

Result<> SubmissionStore::setSyncValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(nn(value));
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("store %1").arg(key));
    return {};
}

} // namespace assay
