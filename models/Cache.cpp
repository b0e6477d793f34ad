#include "models/Cache.h"

#include "models/JsonReader.h"
#include "models/Logging.h"
#include "models/Migrations.h"
#include "models/SubmissionRow.h"

#include <QAtomicInteger>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace assay {

namespace {
QAtomicInteger<quint64> connectionCounter;

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
    const QStringList words = text.split(QRegularExpression(QStringLiteral("[^\\w]+")), Qt::SkipEmptyParts);
    for (const QString &w : words)
        terms.append(QLatin1Char('"') + w + QStringLiteral("\"*"));
    return terms.join(QLatin1Char(' '));
}
} // namespace

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
                                     QStringLiteral("PRAGMA foreign_keys = ON")};
        for (const QString &p : pragmas) {
            if (!q.exec(p)) {
                failQuery(q, QStringLiteral("cannot set up the cache %1").arg(path));
                q.finish();
                close();
                return false;
            }
        }
        if (!q.exec(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5')")) || !q.next()
            || q.value(0).toInt() != 1) {
            q.finish();
            close();
            return fail(QStringLiteral("this SQLite has no FTS5; Assay needs it for search"));
        }
        q.finish();
        if (const QString error = Migrations::migrate(db); !error.isEmpty()) {
            close();
            return fail(QStringLiteral("cannot use the cache %1: %2").arg(path, error));
        }
    }
    m_error.clear();
    return true;
}

void Cache::close()
{
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

bool Cache::reindex(qint64 searchRowId, const QString &body)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM search WHERE rowid = ?"));
    q.addBindValue(searchRowId);
    if (!q.exec())
        return failQuery(q, QStringLiteral("search index"));
    if (body.isEmpty())
        return true;
    q.prepare(QStringLiteral("INSERT INTO search (rowid, body) VALUES (?, ?)"));
    q.addBindValue(searchRowId);
    q.addBindValue(body);
    return q.exec() || failQuery(q, QStringLiteral("search index"));
}

std::optional<qint64> Cache::rowIdOf(const QString &submissionId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT num FROM submissions WHERE id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec() || !q.next()) {
        failQuery(q, QStringLiteral("submission %1").arg(submissionId));
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

bool Cache::upsertSummary(const SubmissionSummary &s)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT INTO submissions (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (id) DO UPDATE SET version = excluded.version, app_id = excluded.app_id, "
        "app_name = excluded.app_name, partner_id = excluded.partner_id, partner_name = excluded.partner_name, "
        "questionnaire_version = excluded.questionnaire_version, status = excluded.status, stage = excluded.stage, "
        "assignee = excluded.assignee, submitted_at = excluded.submitted_at, updated_at = excluded.updated_at, "
        "previous_submission_id = excluded.previous_submission_id, badge_expires_at = excluded.badge_expires_at, "
        "resubmission_allowed_at = excluded.resubmission_allowed_at")
                  .arg(SubmissionRow::columns()));
    SubmissionRow::bind(q, s);
    if (!q.exec())
        return failQuery(q, QStringLiteral("store submission %1").arg(s.id));
    const auto rowId = rowIdOf(s.id);
    return rowId && reindex(*rowId * 2, s.appName + QLatin1Char(' ') + s.partnerName);
}

bool Cache::applyFeedPage(const QList<SubmissionSummary> &items, const QString &nextCursor)
{
    return inTransaction(QStringLiteral("store feed page"), [&](QSqlDatabase &) {
        for (const SubmissionSummary &s : items) {
            if (!upsertSummary(s))
                return false;
        }
        return setSyncValue(QStringLiteral("cursor"), nextCursor);
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
        for (const Submission &sub : subs) {
            if (!storeSubmissionRows(sub))
                return false;
        }
        return true;
    });
}

QStringList Cache::questionnaireVersionsInUse()
{
    QStringList versions;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT DISTINCT questionnaire_version FROM submissions"))) {
        while (q.next())
            versions.append(q.value(0).toString());
    }
    return versions;
}

bool Cache::storeSubmissionRows(const Submission &sub)
{
    const QString id = sub.summary.id;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    {
        if (!upsertSummary(sub.summary))
            return false;
        QSqlQuery q(db);
        for (const QString &table : {QStringLiteral("answers"), QStringLiteral("comments"), QStringLiteral("history")}) {
            q.prepare(QStringLiteral("DELETE FROM %1 WHERE submission_id = ?").arg(table));
            q.addBindValue(id);
            if (!q.exec())
                return failQuery(q, QStringLiteral("store submission %1").arg(id));
        }
        // All answers in one statement: a submission carries about fifty, and
        // one exec per row is most of what storing them costs.
        QStringList answerTexts;
        if (!sub.answers.isEmpty()) {
            QString sql = QStringLiteral("INSERT INTO answers (submission_id, position, question_key, text, evidence_ids) VALUES ");
            for (qsizetype i = 0; i < sub.answers.size(); ++i)
                sql += i == 0 ? QStringLiteral("(?, ?, ?, ?, ?)") : QStringLiteral(", (?, ?, ?, ?, ?)");
            q.prepare(sql);
            for (qsizetype i = 0; i < sub.answers.size(); ++i) {
                const Answer &a = sub.answers.at(i);
                q.addBindValue(id);
                q.addBindValue(i);
                q.addBindValue(a.questionKey);
                q.addBindValue(nn(a.text));
                q.addBindValue(compactJson(QJsonArray::fromStringList(a.evidenceIds)));
                answerTexts.append(a.text);
            }
            if (!q.exec())
                return failQuery(q, QStringLiteral("store the answers of %1").arg(id));
        }
        const auto rowId = rowIdOf(id);
        if (!rowId || !reindex(*rowId * 2 + 1, answerTexts.join(QLatin1Char('\n'))))
            return false;

        // Evidence: keep the verified local state of files whose content did
        // not change (same sha256); anything new or changed is absent.
        QStringList keep;
        q.prepare(QStringLiteral(
            "INSERT INTO evidence (id, submission_id, position, filename, media_type, size, sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET submission_id = excluded.submission_id, "
            "position = excluded.position, filename = excluded.filename, media_type = excluded.media_type, "
            "size = excluded.size, "
            "local_state = CASE WHEN sha256 = excluded.sha256 THEN local_state ELSE 'absent' END, "
            "verified_at = CASE WHEN sha256 = excluded.sha256 THEN verified_at ELSE NULL END, "
            "sha256 = excluded.sha256"));
        for (qsizetype i = 0; i < sub.evidence.size(); ++i) {
            const EvidenceItem &e = sub.evidence.at(i);
            q.addBindValue(e.id);
            q.addBindValue(id);
            q.addBindValue(i);
            q.addBindValue(nn(e.filename));
            q.addBindValue(e.mediaType);
            q.addBindValue(e.size);
            q.addBindValue(e.sha256);
            if (!q.exec())
                return failQuery(q, QStringLiteral("store evidence %1 of %2").arg(e.id, id));
            keep.append(e.id);
        }
        // Evidence the submission no longer lists goes; its bytes may still
        // be shared by content address and are left to the store.
        QSqlQuery old(db);
        old.prepare(QStringLiteral("SELECT id FROM evidence WHERE submission_id = ?"));
        old.addBindValue(id);
        if (!old.exec())
            return failQuery(old, QStringLiteral("store submission %1").arg(id));
        QStringList gone;
        while (old.next()) {
            if (!keep.contains(old.value(0).toString()))
                gone.append(old.value(0).toString());
        }
        for (const QString &e : gone) {
            q.prepare(QStringLiteral("DELETE FROM evidence WHERE id = ?"));
            q.addBindValue(e);
            if (!q.exec())
                return failQuery(q, QStringLiteral("store submission %1").arg(id));
        }

        q.prepare(QStringLiteral("INSERT INTO comments (id, submission_id, author, visibility, body, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                                 "submission_id = excluded.submission_id, author = excluded.author, "
                                 "visibility = excluded.visibility, body = excluded.body, "
                                 "created_at = excluded.created_at"));
        for (const Comment &c : sub.comments) {
            q.addBindValue(c.id);
            q.addBindValue(id);
            q.addBindValue(nn(c.author));
            q.addBindValue(Comment::visibilityName(c.visibility));
            q.addBindValue(nn(c.body));
            q.addBindValue(JsonReader::formatTimestamp(c.createdAt));
            if (!q.exec())
                return failQuery(q, QStringLiteral("store comment %1 of %2").arg(c.id, id));
        }
        q.prepare(QStringLiteral("INSERT INTO history (submission_id, seq, at, actor, action, detail) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < sub.history.size(); ++i) {
            const HistoryEntry &h = sub.history.at(i);
            q.addBindValue(id);
            q.addBindValue(i);
            q.addBindValue(JsonReader::formatTimestamp(h.at));
            q.addBindValue(nn(h.actor));
            q.addBindValue(nn(h.action));
            q.addBindValue(compactJson(h.detail));
            if (!q.exec())
                return failQuery(q, QStringLiteral("store history of %1").arg(id));
        }
        q.prepare(QStringLiteral("UPDATE submissions SET details_updated_at = updated_at WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return failQuery(q, QStringLiteral("store submission %1").arg(id));
        return true;
    }
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
    QStringList ids;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id FROM submissions WHERE details_updated_at IS NULL "
                               "OR details_updated_at != updated_at ORDER BY updated_at DESC"))) {
        failQuery(q, QStringLiteral("read submissions"));
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
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
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE evidence SET local_state = ?, verified_at = ? WHERE id = ?"));
    q.addBindValue(EvidenceItem::localStateName(state));
    q.addBindValue(state == EvidenceItem::LocalState::Present ? QVariant(now()) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(evidenceId);
    if (!q.exec())
        return failQuery(q, QStringLiteral("evidence %1").arg(evidenceId));
    if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("no evidence %1 in the cache").arg(evidenceId));
    return true;
}

QList<EvidenceItem> Cache::evidenceInState(EvidenceItem::LocalState state)
{
    QList<EvidenceItem> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, filename, media_type, size, sha256 FROM evidence WHERE local_state = ? ORDER BY id"));
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
