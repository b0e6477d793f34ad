#include "models/Cache.h"

#include "domain/JsonReader.h"
#include "models/Logging.h"
#include "domain/Migrations.h"
#include "models/SqliteStatement.h"
#include "domain/SubmissionRow.h"

#include <QAtomicInteger>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVersionNumber>

namespace assay {

namespace {
QAtomicInteger<quint64> connectionCounter;

// Checkpoints every 32 MB of WAL, not 4: a sync writes ~200 MB, and each
// checkpoint syncs twice.
constexpr int CheckpointPages = 8192;

QString now()
{
    return JsonReader::formatTimestamp(QDateTime::currentDateTimeUtc());
}

QDateTime timeOf(const QVariant &v)
{
    return JsonReader::parseTimestamp(v.toString()).value_or(QDateTime());
}

QString nn(const QString &s)
{
    return SubmissionRow::notNull(s);
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QJsonArray reasonsToJson(const QList<Verdict::Reason> &reasons)
{
    QJsonArray a;
    for (const Verdict::Reason &r : reasons) {
        a.append(QJsonObject{{QStringLiteral("category"), r.category},
                             {QStringLiteral("code"), r.code},
                             {QStringLiteral("note"), r.note}});
    }
    return a;
}

QList<Verdict::Reason> reasonsFromJson(const QString &json)
{
    QList<Verdict::Reason> out;
    const QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("category")).toString(), o.value(QStringLiteral("code")).toString(),
                    o.value(QStringLiteral("note")).toString()});
    }
    return out;
}

const QString OutboxColumns = QStringLiteral(
    "id, kind, submission_id, payload, idempotency_key, state, attempts, last_error, server_state, response, "
    "created_at, updated_at");

OutboxEntry outboxFromRow(const QSqlQuery &q)
{
    OutboxEntry e;
    e.id = q.value(0).toLongLong();
    e.kind = OutboxEntry::kindFromName(q.value(1).toString()).value_or(OutboxEntry::Kind::Verdict);
    e.submissionId = q.value(2).toString();
    e.payload = objectOf(q.value(3));
    e.idempotencyKey = q.value(4).toString();
    e.state = OutboxEntry::stateFromName(q.value(5).toString()).value_or(OutboxEntry::State::Pending);
    e.attempts = q.value(6).toInt();
    e.lastError = q.value(7).toString();
    e.serverState = objectOf(q.value(8));
    e.response = objectOf(q.value(9));
    e.createdAt = timeOf(q.value(10));
    e.updatedAt = timeOf(q.value(11));
    return e;
}

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

// The statements of the sync's bulk writes, compiled once per connection
// (see SqliteStatement for why they bypass QSqlQuery).
struct Cache::BulkStatements {
    SqliteStatement upsertSummary;
    SqliteStatement upsertDetailed;
    SqliteStatement lookup;
    SqliteStatement deleteAnswers;
    SqliteStatement deleteComments;
    SqliteStatement deleteHistory;
    SqliteStatement insertAnswer;
    SqliteStatement insertAnswers; // AnswerChunk rows
    SqliteStatement upsertEvidence;
    SqliteStatement deleteOtherEvidence;
    SqliteStatement upsertComment;
    SqliteStatement insertHistory;
    SqliteStatement replaceSearch;
    SqliteStatement deleteSearch;
};

Cache::Cache()
    : m_connection(QStringLiteral("assay-cache-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

Cache::~Cache()
{
    close();
}

bool Cache::fail(const QString &what)
{
    m_error = what;
    qCWarning(lcCache).noquote() << "cache:" << what;
    return false;
}

bool Cache::failQuery(const QSqlQuery &q, const QString &what)
{
    return fail(what + QStringLiteral(": ") + q.lastError().text());
}

template<typename Fn>
bool Cache::inTransaction(const QString &what, Fn &&fn)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return fail(QStringLiteral("%1: the cache is not open").arg(what));
    if (!db.transaction())
        return fail(QStringLiteral("%1: cannot begin a transaction: %2").arg(what, db.lastError().text()));
    if (!fn(db)) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        return fail(QStringLiteral("%1: commit failed: %2").arg(what, error));
    }
    return true;
}

bool Cache::open(const QString &path)
{
    close();
    m_path = path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        if (!db.isValid())
            return fail(QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
        db.setDatabaseName(path);
        // Readers (the UI) and the sync writer share the file through WAL; a
        // writer waits up to 10 s for the other rather than failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            return fail(QStringLiteral("cannot open the cache %1: %2").arg(path, db.lastError().text()));
        QSqlQuery q(db);
        // WAL with synchronous=NORMAL is crash-safe for the application
        // (kill -9): a committed transaction survives, an open one vanishes.
        const QStringList pragmas = {QStringLiteral("PRAGMA journal_mode = WAL"),
                                     QStringLiteral("PRAGMA synchronous = NORMAL"),
                                     QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(CheckpointPages),
                                     QStringLiteral("PRAGMA foreign_keys = ON"),
                                     // Statement journals and sorts stay in memory: as
                                     // files they cost a 10k sync tens of thousands of
                                     // writes to /var/tmp (0.3 s of CPU).
                                     QStringLiteral("PRAGMA temp_store = MEMORY")};
        for (const QString &p : pragmas) {
            if (!q.exec(p)) {
                failQuery(q, QStringLiteral("cannot set up the cache %1").arg(path));
                q.finish();
                close();
                return false;
            }
        }
        if (!q.exec(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5'), sqlite_version()")) || !q.next()
            || q.value(0).toInt() != 1) {
            q.finish();
            close();
            return fail(QStringLiteral("this SQLite has no FTS5; Assay needs it for search"));
        }
        // The contentless search index (schema 2) needs contentless_delete
        // (3.43) and ordered group_concat (3.44).
        if (const QString version = q.value(1).toString();
            QVersionNumber::fromString(version) < QVersionNumber(3, 44)) {
            q.finish();
            close();
            return fail(QStringLiteral("this SQLite is version %1; Assay needs 3.44 or newer").arg(version));
        }
        q.finish();
        if (const QString error = Migrations::migrate(db); !error.isEmpty()) {
            close();
            return fail(QStringLiteral("cannot use the cache %1: %2").arg(path, error));
        }
        QString error;
        m_handle = SqliteStatement::handleOf(db, &error);
        if (!m_handle) {
            close();
            return fail(QStringLiteral("cannot use the cache %1: %2").arg(path, error));
        }
        m_bulk = std::make_unique<BulkStatements>();
    }
    m_error.clear();
    return true;
}

void Cache::close()
{
    // Statements first: a connection with live statements does not close.
    m_bulk.reset();
    m_handle = nullptr;
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool Cache::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

bool Cache::setCheckpointing(bool on)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(on ? CheckpointPages : 0))
        || failQuery(q, QStringLiteral("set checkpointing"));
}

int Cache::schemaVersion()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    return Migrations::currentVersion(db);
}

QString Cache::integrityCheck()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return q.lastError().text();
    QStringList lines;
    while (q.next())
        lines.append(q.value(0).toString());
    return lines.join(QLatin1Char('\n'));
}

// --- submissions ------------------------------------------------------------

bool Cache::prepared(SqliteStatement &st, const char *sql)
{
    if (st.prepare(m_handle, sql))
        return true;
    return fail(QStringLiteral("cannot prepare a statement of the cache: %1").arg(st.errorString()));
}

// `what` makes the message only when the statement failed: these run for
// every row of a sync.
template<typename What>
bool Cache::ran(SqliteStatement &st, What &&what)
{
    return st.exec() || fail(QStringLiteral("%1: %2").arg(what(), st.errorString()));
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
bool Cache::writeSearch(QList<SearchEntry> entries)
{
    std::sort(entries.begin(), entries.end(), [](const SearchEntry &a, const SearchEntry &b) { return a.rowId < b.rowId; });
    BulkStatements &b = *m_bulk;
    if (!prepared(b.replaceSearch, "INSERT OR REPLACE INTO search (rowid, body) VALUES (?, ?)")
        || !prepared(b.deleteSearch, "DELETE FROM search WHERE rowid = ?"))
        return false;
    for (const SearchEntry &e : entries) {
        SqliteStatement &st = e.body.isEmpty() ? b.deleteSearch : b.replaceSearch;
        st.bind(1, e.rowId);
        if (!e.body.isEmpty())
            st.bind(2, e.body);
        if (!ran(st, [] { return QStringLiteral("search index"); }))
            return false;
    }
    return true;
}

bool Cache::upsertSummary(const SubmissionSummary &s, QList<SearchEntry> &search, UpsertFor purpose)
{
    // From the feed the row's details stay as they were (stale when
    // updated_at moved); with details the row says they match.
    const bool withDetails = purpose == UpsertFor::Details;
    static const QByteArray feedSql = upsertSql(false);
    static const QByteArray detailsSql = upsertSql(true);
    SqliteStatement &st = withDetails ? m_bulk->upsertDetailed : m_bulk->upsertSummary;
    if (!prepared(st, (withDetails ? detailsSql : feedSql).constData()))
        return false;
    const QVariantList values = SubmissionRow::values(s);
    for (int i = 0; i < int(values.size()); ++i)
        st.bind(i + 1, values.at(i));
    if (withDetails)
        st.bind(int(values.size()) + 1, values.at(11)); // details_updated_at = updated_at
    if (!st.step()) {
        const QString error = st.ok() ? QStringLiteral("no row number returned") : st.errorString();
        st.reset();
        return fail(QStringLiteral("store submission %1: %2").arg(s.id, error));
    }
    const qint64 num = st.columnInt64(0);
    st.reset();
    search.append({num * 2, s.appName + QLatin1Char(' ') + s.partnerName});
    return true;
}

QByteArray Cache::upsertSql(bool withDetails)
{
    QString sql = QStringLiteral(
        "INSERT INTO submissions (%1%2) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?%3) "
        "ON CONFLICT (id) DO UPDATE SET version = excluded.version, app_id = excluded.app_id, "
        "app_name = excluded.app_name, partner_id = excluded.partner_id, partner_name = excluded.partner_name, "
        "questionnaire_version = excluded.questionnaire_version, status = excluded.status, stage = excluded.stage, "
        "assignee = excluded.assignee, submitted_at = excluded.submitted_at, updated_at = excluded.updated_at, "
        "previous_submission_id = excluded.previous_submission_id, badge_expires_at = excluded.badge_expires_at, "
        "resubmission_allowed_at = excluded.resubmission_allowed_at%4 RETURNING num")
                      .arg(SubmissionRow::columns(), withDetails ? QStringLiteral(", details_updated_at") : QString(),
                           withDetails ? QStringLiteral(",?") : QString(),
                           withDetails ? QStringLiteral(", details_updated_at = excluded.details_updated_at") : QString());
    return sql.toUtf8();
}

bool Cache::applyFeedPage(const QList<SubmissionSummary> &items, const QString &nextCursor)
{
    return inTransaction(QStringLiteral("store feed page"), [&](QSqlDatabase &) {
        QList<SearchEntry> search;
        for (const SubmissionSummary &s : items) {
            if (!upsertSummary(s, search, UpsertFor::Feed))
                return false;
        }
        return setSyncValue(QStringLiteral("cursor"), nextCursor) && writeSearch(search);
    });
}

QString Cache::feedCursor()
{
    return syncValue(QStringLiteral("cursor"));
}

bool Cache::storeSubmission(const Submission &sub)
{
    return storeSubmissions({sub});
}

bool Cache::storeSubmissions(const QList<Submission> &subs)
{
    return inTransaction(QStringLiteral("store %1 submissions").arg(subs.size()), [&](QSqlDatabase &) {
        QList<SearchEntry> search;
        for (const Submission &sub : subs) {
            if (!storeSubmissionRows(sub, search))
                return false;
        }
        return writeSearch(search);
    });
}

QStringList Cache::firstColumn(const QString &sql, const QString &what)
{
    QStringList values;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        failQuery(q, what);
        return values;
    }
    while (q.next())
        values.append(q.value(0).toString());
    return values;
}

QStringList Cache::missingQuestionnaires()
{
    return firstColumn(QStringLiteral("SELECT DISTINCT questionnaire_version FROM submissions s WHERE NOT EXISTS "
                                      "(SELECT 1 FROM questionnaires q WHERE q.version = s.questionnaire_version)"),
                       QStringLiteral("read questionnaire versions"));
}

bool Cache::storeSubmissionRows(const Submission &sub, QList<SearchEntry> &search)
{
    static const QByteArray insertAnswersSql = [] {
        QByteArray sql = "INSERT INTO answers (submission_id, position, question_key, text, evidence_ids) VALUES ";
        for (int i = 0; i < AnswerChunk; ++i)
            sql += i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)";
        return sql;
    }();
    BulkStatements &b = *m_bulk;
    const QString &id = sub.summary.id;
    const auto what = [&id] { return QStringLiteral("store submission %1").arg(id); };
    if (!prepared(b.deleteAnswers, "DELETE FROM answers WHERE submission_id = ?")
        || !prepared(b.deleteComments, "DELETE FROM comments WHERE submission_id = ?")
        || !prepared(b.deleteHistory, "DELETE FROM history WHERE submission_id = ?")
        || !prepared(b.insertAnswer,
                     "INSERT INTO answers (submission_id, position, question_key, text, evidence_ids) "
                     "VALUES (?, ?, ?, ?, ?)")
        || !prepared(b.insertAnswers, insertAnswersSql.constData())
        // Evidence keeps its local state when its content did not change
        // (same sha256) and it was settled (present or mismatched); anything
        // else is present if the store holds that content verified already
        // (another item shares the file), else absent.
        || !prepared(b.upsertEvidence,
                     "INSERT INTO evidence (id, submission_id, position, filename, media_type, size, sha256, "
                     "local_state, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                     "submission_id = excluded.submission_id, position = excluded.position, "
                     "filename = excluded.filename, media_type = excluded.media_type, size = excluded.size, "
                     "local_state = CASE WHEN sha256 = excluded.sha256 AND local_state != 'absent' THEN local_state "
                     "ELSE excluded.local_state END, "
                     "verified_at = CASE WHEN sha256 = excluded.sha256 AND local_state != 'absent' THEN verified_at "
                     "ELSE excluded.verified_at END, "
                     "sha256 = excluded.sha256")
        // Evidence the submission no longer lists goes; its bytes may still
        // be shared by content address and are left to the store.
        || !prepared(b.deleteOtherEvidence,
                     "DELETE FROM evidence WHERE submission_id = ? AND id NOT IN (SELECT value FROM json_each(?))")
        || !prepared(b.upsertComment,
                     "INSERT INTO comments (id, submission_id, author, visibility, body, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                     "submission_id = excluded.submission_id, author = excluded.author, "
                     "visibility = excluded.visibility, body = excluded.body, created_at = excluded.created_at")
        || !prepared(b.insertHistory,
                     "INSERT INTO history (submission_id, seq, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)")
        || !prepared(b.lookup, "SELECT num, app_name, partner_name, details_updated_at IS NOT NULL FROM submissions "
                               "WHERE id = ?"))
        return false;

    // What the cache has of it now: a first download (the common case of a
    // sync) has no old rows to delete and names already in the index.
    b.lookup.bind(1, id);
    const bool known = b.lookup.step();
    const bool hadDetails = known && b.lookup.columnInt64(3) != 0;
    const bool sameNames = known && b.lookup.columnText(1) == sub.summary.appName
        && b.lookup.columnText(2) == sub.summary.partnerName;
    b.lookup.reset();
    if (!b.lookup.ok())
        return fail(QStringLiteral("%1: %2").arg(what(), b.lookup.errorString()));

    if (!upsertSummary(sub.summary, search, UpsertFor::Details))
        return false;
    const qint64 answersRowId = search.constLast().rowId + 1;
    if (sameNames)
        search.removeLast();
    if (hadDetails) {
        for (SqliteStatement *st : {&b.deleteAnswers, &b.deleteComments, &b.deleteHistory}) {
            st->bind(1, id);
            if (!ran(*st, what))
                return false;
        }
    }

    // Answers go AnswerChunk rows per statement (a submission has ~50):
    // one statement per row was a third of the cost of storing them.
    QString answerText;
    const qsizetype answerCount = sub.answers.size();
    for (qsizetype first = 0; first < answerCount;) {
        const bool chunk = answerCount - first >= AnswerChunk;
        SqliteStatement &st = chunk ? b.insertAnswers : b.insertAnswer;
        const qsizetype rows = chunk ? AnswerChunk : 1;
        for (qsizetype r = 0; r < rows; ++r) {
            const qsizetype i = first + r;
            const Answer &a = sub.answers.at(i);
            const int p = int(r) * 5;
            st.bind(p + 1, id);
            st.bind(p + 2, qint64(i));
            st.bind(p + 3, nn(a.questionKey));
            st.bind(p + 4, nn(a.text));
            st.bind(p + 5, a.evidenceIds.isEmpty() ? QStringLiteral("[]") : compactJson(QJsonArray::fromStringList(a.evidenceIds)));
            if (i > 0)
                answerText += QLatin1Char('\n');
            answerText += a.text;
        }
        if (!st.exec())
            return fail(QStringLiteral("store the answers of %1: %2").arg(id, st.errorString()));
        first += rows;
    }
    search.append({answersRowId, answerText});

    QJsonArray keep;
    for (qsizetype i = 0; i < sub.evidence.size(); ++i) {
        const EvidenceItem &e = sub.evidence.at(i);
        SqliteStatement &st = b.upsertEvidence;
        st.bind(1, e.id);
        st.bind(2, id);
        st.bind(3, qint64(i));
        st.bind(4, nn(e.filename));
        st.bind(5, nn(e.mediaType));
        st.bind(6, e.size);
        st.bind(7, nn(e.sha256));
        const bool verified = m_verifiedContent && m_verifiedContent(e.sha256);
        st.bind(8, EvidenceItem::localStateName(verified ? EvidenceItem::LocalState::Present : EvidenceItem::LocalState::Absent));
        if (verified)
            st.bind(9, now());
        else
            st.bindNull(9);
        if (!ran(st, [&] { return QStringLiteral("store evidence %1 of %2").arg(e.id, id); }))
            return false;
        keep.append(e.id);
    }
    if (hadDetails) {
        b.deleteOtherEvidence.bind(1, id);
        b.deleteOtherEvidence.bind(2, compactJson(keep));
        if (!ran(b.deleteOtherEvidence, what))
            return false;
    }

    for (const Comment &c : sub.comments) {
        SqliteStatement &st = b.upsertComment;
        st.bind(1, c.id);
        st.bind(2, id);
        st.bind(3, nn(c.author));
        st.bind(4, Comment::visibilityName(c.visibility));
        st.bind(5, nn(c.body));
        st.bind(6, JsonReader::formatTimestamp(c.createdAt));
        if (!ran(st, [&] { return QStringLiteral("store comment %1 of %2").arg(c.id, id); }))
            return false;
    }
    for (qsizetype i = 0; i < sub.history.size(); ++i) {
        const HistoryEntry &h = sub.history.at(i);
        SqliteStatement &st = b.insertHistory;
        st.bind(1, id);
        st.bind(2, qint64(i));
        st.bind(3, JsonReader::formatTimestamp(h.at));
        st.bind(4, nn(h.actor));
        st.bind(5, nn(h.action));
        st.bind(6, compactJson(h.detail));
        if (!ran(st, [&] { return QStringLiteral("store history of %1").arg(id); }))
            return false;
    }
    return true;
}

std::optional<SubmissionSummary> Cache::summary(const QString &id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM submissions WHERE id = ?").arg(SubmissionRow::columns()));
    q.addBindValue(id);
    if (!q.exec()) {
        failQuery(q, QStringLiteral("read submission %1").arg(id));
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return SubmissionRow::read(q);
}

std::optional<Submission> Cache::submission(const QString &id)
{
    const auto s = summary(id);
    if (!s)
        return std::nullopt;
    Submission sub;
    sub.summary = *s;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT question_key, text, evidence_ids FROM answers WHERE submission_id = ? ORDER BY position"));
    q.addBindValue(id);
    if (!q.exec()) {
        failQuery(q, QStringLiteral("read answers of %1").arg(id));
        return std::nullopt;
    }
    while (q.next()) {
        Answer a;
        a.questionKey = q.value(0).toString();
        a.text = q.value(1).toString();
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
            a.evidenceIds.append(v.toString());
        sub.answers.append(a);
    }
    q.prepare(QStringLiteral("SELECT id, filename, media_type, size, sha256, local_state FROM evidence "
                             "WHERE submission_id = ? ORDER BY position"));
    q.addBindValue(id);
    if (!q.exec()) {
        failQuery(q, QStringLiteral("read evidence of %1").arg(id));
        return std::nullopt;
    }
    while (q.next()) {
        EvidenceItem e;
        e.id = q.value(0).toString();
        e.filename = q.value(1).toString();
        e.mediaType = q.value(2).toString();
        e.size = q.value(3).toLongLong();
        e.sha256 = q.value(4).toString();
        e.localState = EvidenceItem::localStateFromName(q.value(5).toString()).value_or(EvidenceItem::LocalState::Absent);
        sub.evidence.append(e);
    }
    q.prepare(QStringLiteral("SELECT id, author, visibility, body, created_at FROM comments "
                             "WHERE submission_id = ? ORDER BY created_at, id"));
    q.addBindValue(id);
    if (!q.exec()) {
        failQuery(q, QStringLiteral("read comments of %1").arg(id));
        return std::nullopt;
    }
    while (q.next()) {
        Comment c;
        c.id = q.value(0).toString();
        c.author = q.value(1).toString();
        c.visibility = q.value(2).toString() == QLatin1String("partner") ? Comment::Visibility::Partner
                                                                          : Comment::Visibility::Internal;
        c.body = q.value(3).toString();
        c.createdAt = timeOf(q.value(4));
        sub.comments.append(c);
    }
    q.prepare(QStringLiteral("SELECT at, actor, action, detail FROM history WHERE submission_id = ? ORDER BY seq"));
    q.addBindValue(id);
    if (!q.exec()) {
        failQuery(q, QStringLiteral("read history of %1").arg(id));
        return std::nullopt;
    }
    while (q.next()) {
        HistoryEntry h;
        h.at = timeOf(q.value(0));
        h.actor = q.value(1).toString();
        h.action = q.value(2).toString();
        h.detail = objectOf(q.value(3));
        sub.history.append(h);
    }
    return sub;
}

QList<SubmissionSummary> Cache::summaries()
{
    QList<SubmissionSummary> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM submissions ORDER BY submitted_at, id").arg(SubmissionRow::columns()))) {
        failQuery(q, QStringLiteral("read submissions"));
        return out;
    }
    while (q.next())
        out.append(SubmissionRow::read(q));
    return out;
}

int Cache::submissionCount()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT count(*) FROM submissions")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

QStringList Cache::submissionsNeedingDetails()
{
    return firstColumn(QStringLiteral("SELECT id FROM submissions WHERE details_updated_at IS NULL "
                                      "OR details_updated_at != updated_at ORDER BY updated_at DESC"),
                       QStringLiteral("read submissions"));
}

QStringList Cache::search(const QString &text, int limit)
{
    QStringList ids;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return ids;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.id FROM (SELECT rowid / 2 AS srow, min(rank) AS best FROM search "
                             "WHERE search MATCH ? GROUP BY srow) m JOIN submissions s ON s.num = m.srow "
                             "ORDER BY m.best LIMIT ?"));
    q.addBindValue(match);
    q.addBindValue(limit);
    if (!q.exec()) {
        failQuery(q, QStringLiteral("search"));
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

// --- questionnaires, evidence, sync state -------------------------------------

bool Cache::storeQuestionnaire(const Questionnaire &questionnaire)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO questionnaires (version, json, fetched_at) VALUES (?, ?, ?)"));
    q.addBindValue(questionnaire.version);
    q.addBindValue(compactJson(questionnaire.toJson()));
    q.addBindValue(now());
    return q.exec() || failQuery(q, QStringLiteral("store questionnaire %1").arg(questionnaire.version));
}

std::optional<Questionnaire> Cache::questionnaire(const QString &version)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT json FROM questionnaires WHERE version = ?"));
    q.addBindValue(version);
    if (!q.exec() || !q.next())
        return std::nullopt;
    JsonReader reader(objectOf(q.value(0)));
    Questionnaire result = Questionnaire::fromJson(reader);
    if (!reader.ok()) {
        fail(QStringLiteral("stored questionnaire %1 unreadable: %2").arg(version, reader.error()));
        return std::nullopt;
    }
    return result;
}

bool Cache::setEvidenceState(const QString &evidenceId, EvidenceItem::LocalState state)
{
    return setEvidenceState(QStringList{evidenceId}, state);
}

bool Cache::setEvidenceState(const QStringList &evidenceIds, EvidenceItem::LocalState state)
{
    // One statement and one transaction for any number of items.
    const QJsonArray ids = QJsonArray::fromStringList(evidenceIds);
    const qsizetype distinct = QSet<QString>(evidenceIds.cbegin(), evidenceIds.cend()).size();
    return inTransaction(QStringLiteral("evidence state"), [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE evidence SET local_state = ?, verified_at = ? "
                                 "WHERE id IN (SELECT value FROM json_each(?))"));
        q.addBindValue(EvidenceItem::localStateName(state));
        q.addBindValue(state == EvidenceItem::LocalState::Present ? QVariant(now()) : QVariant(QMetaType(QMetaType::QString)));
        q.addBindValue(compactJson(ids));
        if (!q.exec())
            return failQuery(q, QStringLiteral("evidence %1").arg(evidenceIds.value(0)));
        if (q.numRowsAffected() != distinct)
            return fail(QStringLiteral("%1 of %2 evidence items are not in the cache (%3 …)")
                            .arg(distinct - q.numRowsAffected())
                            .arg(distinct)
                            .arg(evidenceIds.value(0)));
        return true;
    });
}

int Cache::evidenceCount(EvidenceItem::LocalState state)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT count(*) FROM evidence WHERE local_state = ?"));
    q.addBindValue(EvidenceItem::localStateName(state));
    if (!q.exec() || !q.next()) {
        failQuery(q, QStringLiteral("read evidence"));
        return -1;
    }
    return q.value(0).toInt();
}

QList<EvidenceItem> Cache::evidenceInState(EvidenceItem::LocalState state)
{
    return readEvidence(state, std::nullopt);
}

QList<EvidenceItem> Cache::evidenceInState(EvidenceItem::LocalState state, const QStringList &submissionIds)
{
    return readEvidence(state, submissionIds);
}

QList<EvidenceItem> Cache::readEvidence(EvidenceItem::LocalState state, const std::optional<QStringList> &submissionIds)
{
    QList<EvidenceItem> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (submissionIds) {
        // The ids drive the loop (CROSS JOIN keeps them outside), each looked
        // up through evidence_by_submission; left to itself the planner read
        // every absent item through evidence_by_state for each id, which made
        // a 10k sync four times slower as the table filled.
        q.prepare(QStringLiteral("SELECT e.id, e.filename, e.media_type, e.size, e.sha256 FROM json_each(?) AS j "
                                 "CROSS JOIN evidence AS e INDEXED BY evidence_by_submission ON e.submission_id = j.value "
                                 "WHERE e.local_state = ? ORDER BY e.id"));
        q.addBindValue(compactJson(QJsonArray::fromStringList(*submissionIds)));
    } else {
        q.prepare(QStringLiteral("SELECT id, filename, media_type, size, sha256 FROM evidence WHERE local_state = ? ORDER BY id"));
    }
    q.addBindValue(EvidenceItem::localStateName(state));
    if (!q.exec()) {
        failQuery(q, QStringLiteral("read evidence"));
        return out;
    }
    while (q.next()) {
        EvidenceItem e;
        e.id = q.value(0).toString();
        e.filename = q.value(1).toString();
        e.mediaType = q.value(2).toString();
        e.size = q.value(3).toLongLong();
        e.sha256 = q.value(4).toString();
        e.localState = state;
        out.append(e);
    }
    return out;
}

bool Cache::markFilesVerified(const QStringList &sha256s)
{
    // The sync gathers verified files and marks them together: a commit per
    // file rewrote the same scattered evidence pages each time (300 MB of WAL
    // for 360 files).
    return inTransaction(QStringLiteral("evidence state"), [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE evidence SET local_state = 'present', verified_at = ? "
                                 "WHERE sha256 IN (SELECT value FROM json_each(?)) AND local_state != 'present'"));
        q.addBindValue(now());
        q.addBindValue(compactJson(QJsonArray::fromStringList(sha256s)));
        return q.exec() || failQuery(q, QStringLiteral("mark verified evidence"));
    });
}

QString Cache::syncValue(const QString &key)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool Cache::setSyncValue(const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(nn(value));
    return q.exec() || failQuery(q, QStringLiteral("store %1").arg(key));
}

// --- the reviewer's own work --------------------------------------------------

bool Cache::setChecklistTick(const QString &submissionId, const QString &itemKey, bool checked)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO checklist_ticks (submission_id, item_key, checked, updated_at) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(submissionId);
    q.addBindValue(nn(itemKey));
    q.addBindValue(checked ? 1 : 0);
    q.addBindValue(now());
    return q.exec() || failQuery(q, QStringLiteral("save checklist tick"));
}

QHash<QString, bool> Cache::checklistTicks(const QString &submissionId)
{
    QHash<QString, bool> ticks;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT item_key, checked FROM checklist_ticks WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (q.exec()) {
        while (q.next())
            ticks.insert(q.value(0).toString(), q.value(1).toInt() == 1);
    }
    return ticks;
}

bool Cache::setNote(const QString &submissionId, const QString &questionKey, const QString &body)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (body.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM notes WHERE submission_id = ? AND question_key = ?"));
        q.addBindValue(submissionId);
        q.addBindValue(nn(questionKey));
    } else {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO notes (submission_id, question_key, body, updated_at) "
                                 "VALUES (?, ?, ?, ?)"));
        q.addBindValue(submissionId);
        q.addBindValue(nn(questionKey));
        q.addBindValue(body);
        q.addBindValue(now());
    }
    return q.exec() || failQuery(q, QStringLiteral("save note"));
}

QHash<QString, QString> Cache::notes(const QString &submissionId)
{
    QHash<QString, QString> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT question_key, body FROM notes WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (q.exec()) {
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    }
    return out;
}

bool Cache::saveDraft(const ReviewDraft &d)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts (submission_id, decision, summary, reasons, updated_at) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(d.submissionId);
    q.addBindValue(d.decision ? QVariant(Verdict::decisionName(*d.decision)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(nn(d.summary));
    q.addBindValue(compactJson(reasonsToJson(d.reasons)));
    q.addBindValue(JsonReader::formatTimestamp(d.updatedAt.isValid() ? d.updatedAt : QDateTime::currentDateTimeUtc()));
    return q.exec() || failQuery(q, QStringLiteral("save draft"));
}

std::optional<ReviewDraft> Cache::draft(const QString &submissionId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT submission_id, decision, summary, reasons, updated_at FROM drafts WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    ReviewDraft d;
    d.submissionId = q.value(0).toString();
    if (!q.value(1).isNull())
        d.decision = Verdict::decisionFromName(q.value(1).toString());
    d.summary = q.value(2).toString();
    d.reasons = reasonsFromJson(q.value(3).toString());
    d.updatedAt = timeOf(q.value(4));
    return d;
}

QList<ReviewDraft> Cache::drafts()
{
    QList<ReviewDraft> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT submission_id FROM drafts ORDER BY submission_id")))
        return out;
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    for (const QString &id : ids) {
        if (auto d = draft(id))
            out.append(*d);
    }
    return out;
}

// --- the outbox -----------------------------------------------------------------

std::optional<qint64> Cache::enqueue(OutboxEntry::Kind kind, const QString &submissionId, const QJsonObject &payload)
{
    qint64 id = 0;
    const bool ok = inTransaction(QStringLiteral("record %1").arg(OutboxEntry::kindName(kind)), [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO outbox (kind, submission_id, payload, idempotency_key, state, "
                                 "created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)"));
        const QString at = now();
        q.addBindValue(OutboxEntry::kindName(kind));
        q.addBindValue(submissionId);
        q.addBindValue(compactJson(payload));
        q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        q.addBindValue(at);
        q.addBindValue(at);
        if (!q.exec())
            return failQuery(q, QStringLiteral("record %1").arg(OutboxEntry::kindName(kind)));
        id = q.lastInsertId().toLongLong();
        if (kind == OutboxEntry::Kind::Verdict) {
            // The draft stays what the reviewer wrote; it is the record of
            // their verdict until the server has it, and what a conflict
            // shows them again.
            JsonReader reader(payload);
            const Verdict v = Verdict::fromJson(reader);
            if (reader.ok()) {
                ReviewDraft d;
                d.submissionId = submissionId;
                d.decision = v.decision;
                d.summary = v.summary;
                d.reasons = v.reasons;
                if (!saveDraft(d))
                    return false;
            }
        }
        return true;
    });
    if (!ok)
        return std::nullopt;
    return id;
}

std::optional<OutboxEntry> Cache::outboxEntry(qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE id = ?").arg(OutboxColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return outboxFromRow(q);
}

QList<OutboxEntry> Cache::outbox()
{
    QList<OutboxEntry> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM outbox ORDER BY id").arg(OutboxColumns)))
        return out;
    while (q.next())
        out.append(outboxFromRow(q));
    return out;
}

QList<OutboxEntry> Cache::outboxInState(OutboxEntry::State state)
{
    QList<OutboxEntry> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE state = ? ORDER BY id").arg(OutboxColumns));
    q.addBindValue(OutboxEntry::stateName(state));
    if (!q.exec())
        return out;
    while (q.next())
        out.append(outboxFromRow(q));
    return out;
}

int Cache::outboxCount(OutboxEntry::State state)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE state = ?"));
    q.addBindValue(OutboxEntry::stateName(state));
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Cache::noteOutboxAttempt(qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ?"));
    q.addBindValue(now());
    q.addBindValue(id);
    return q.exec() || failQuery(q, QStringLiteral("outbox %1").arg(id));
}

bool Cache::settleOutbox(qint64 id, OutboxEntry::State state, const QString &error, const QJsonObject &serverState,
                         const QJsonObject &response)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE outbox SET state = ?, last_error = ?, server_state = ?, response = ?, "
                             "updated_at = ? WHERE id = ?"));
    q.addBindValue(OutboxEntry::stateName(state));
    q.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error));
    q.addBindValue(serverState.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(compactJson(serverState)));
    q.addBindValue(response.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(compactJson(response)));
    q.addBindValue(now());
    q.addBindValue(id);
    if (!q.exec())
        return failQuery(q, QStringLiteral("outbox %1").arg(id));
    if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("no outbox entry %1").arg(id));
    return true;
}

bool Cache::retryOutbox(qint64 id)
{
    return settleOutbox(id, OutboxEntry::State::Pending);
}

} // namespace assay
