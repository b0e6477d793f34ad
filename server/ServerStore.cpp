#include "server/ServerStore.h"

#include "domain/JsonReader.h"
#include "domain/Migrations.h"
#include "domain/RecordedVerdict.h"
#include "domain/SubmissionRow.h"
#include "server/ServerLogging.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace assay::server {

namespace {
QAtomicInteger<quint64> counter;

QString ts(const QDateTime &t)
{
    return JsonReader::formatTimestamp(t);
}

QDateTime timeOf(const QVariant &v)
{
    return JsonReader::parseTimestamp(v.toString()).value_or(QDateTime());
}

QString compact(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// The summary's kind is the server's own column after SubmissionRow's.
SubmissionSummary::Kind kindOf(const QVariant &v)
{
    return SubmissionSummary::kindFromName(v.toString()).value_or(SubmissionSummary::Kind::Initial);
}

User userFromRow(const QSqlQuery &q)
{
    return User{q.value(0).toString(), q.value(1).toString(),
                q.value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts), q.value(3).toString()};
}
} // namespace

ServerStore::ServerStore()
    : m_connection(QStringLiteral("assay-server-%1").arg(counter.fetchAndAddRelaxed(1)))
{
}

ServerStore::~ServerStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool ServerStore::fail(const QString &what)
{
    m_error = what;
    return false;
}

QSqlDatabase ServerStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool ServerStore::open(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return fail(QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text()));
    QSqlQuery q(db);
    for (const QString &p : {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA synchronous = NORMAL"),
                             QStringLiteral("PRAGMA foreign_keys = ON")}) {
        if (!q.exec(p))
            return fail(QStringLiteral("cannot set up %1: %2").arg(path, q.lastError().text()));
    }
    if (const Result<> migrated = Migrations::migrate(db, Schema); !migrated)
        return fail(QStringLiteral("%1: %2").arg(path, migrated.error().message));
    return true;
}

bool ServerStore::transaction()
{
    return database().transaction() || fail(database().lastError().text());
}

bool ServerStore::commit()
{
    if (database().commit())
        return true;
    const QString error = database().lastError().text();
    rollback();
    return fail(error);
}

void ServerStore::rollback()
{
    // Called after a failure, which is what gets reported; a rollback that
    // fails too (SQLite may have ended the transaction itself) is logged.
    if (!database().rollback())
        qCWarning(lcServer) << "rollback failed:" << database().lastError().text();
    m_seq = -1; // re-read: numbers handed out inside the transaction are gone
}

QString ServerStore::metaValue(const QString &key)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool ServerStore::setMetaValue(const QString &key, const QString &value)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    return q.exec() || fail(q.lastError().text());
}

QByteArray ServerStore::secret()
{
    QString hex = metaValue(QStringLiteral("cursor_secret"));
    if (hex.isEmpty()) {
        QByteArray bytes(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        hex = QString::fromLatin1(bytes.toHex());
        setMetaValue(QStringLiteral("cursor_secret"), hex);
    }
    return QByteArray::fromHex(hex.toLatin1());
}

// --- users -------------------------------------------------------------------

bool ServerStore::addUser(const User &user)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO users (id, name, roles, token, token_sha256) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(user.id);
    q.addBindValue(user.name);
    q.addBindValue(user.roles.join(QLatin1Char(',')));
    q.addBindValue(user.token);
    q.addBindValue(tokenHash(user.token));
    return q.exec() || fail(QStringLiteral("user %1: %2").arg(user.id, q.lastError().text()));
}

bool ServerStore::setToken(const QString &userId, const QString &token)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE users SET token = ?, token_sha256 = ? WHERE id = ?"));
    q.addBindValue(token);
    q.addBindValue(tokenHash(token));
    q.addBindValue(userId);
    if (!q.exec())
        return fail(QStringLiteral("user %1: %2").arg(userId, q.lastError().text()));
    return q.numRowsAffected() == 1 || fail(QStringLiteral("no user %1 in the store").arg(userId));
}

std::optional<User> ServerStore::userByToken(const QString &token)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT id, name, roles, token FROM users WHERE token_sha256 = ?"));
    q.addBindValue(tokenHash(token));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return userFromRow(q);
}

std::optional<User> ServerStore::user(const QString &id)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT id, name, roles, token FROM users WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return userFromRow(q);
}

QList<User> ServerStore::users()
{
    QList<User> out;
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT id, name, roles, token FROM users ORDER BY id"))) {
        while (q.next())
            out.append(userFromRow(q));
    }
    return out;
}

int ServerStore::openAssignedCount(const QString &userId)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT count(*) FROM submissions WHERE assignee = ? AND stage != 'done'"));
    q.addBindValue(userId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

// --- submissions -------------------------------------------------------------

int ServerStore::submissionCount()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM submissions")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

qint64 ServerStore::lastChangeSeq()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(change_seq), 0) FROM submissions")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

qint64 ServerStore::nextChangeSeq()
{
    if (m_seq < 0)
        m_seq = lastChangeSeq();
    return ++m_seq;
}

bool ServerStore::insertBlob(const QString &sha256, const QByteArray &content)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO blobs (sha256, content) VALUES (?, ?)"));
    q.addBindValue(sha256);
    q.addBindValue(content);
    return q.exec() || fail(q.lastError().text());
}

bool ServerStore::insertSubmission(const Submission &s, const QString &reviewApprovedBy)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO submissions (%1, kind, review_approved_by, change_seq) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                  .arg(SubmissionRow::columns()));
    SubmissionRow::bind(q, s.summary);
    q.addBindValue(SubmissionSummary::kindName(s.summary.kind));
    q.addBindValue(reviewApprovedBy.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(reviewApprovedBy));
    q.addBindValue(nextChangeSeq());
    if (!q.exec())
        return fail(QStringLiteral("submission %1: %2").arg(s.summary.id, q.lastError().text()));

    q.prepare(QStringLiteral("INSERT INTO answers (submission_id, position, question_key, text, evidence_ids) "
                             "VALUES (?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < s.answers.size(); ++i) {
        const Answer &a = s.answers.at(i);
        q.addBindValue(s.summary.id);
        q.addBindValue(i);
        q.addBindValue(a.questionKey);
        q.addBindValue(SubmissionRow::notNull(a.text));
        q.addBindValue(compact(QJsonArray::fromStringList(a.evidenceIds)));
        if (!q.exec())
            return fail(q.lastError().text());
    }
    q.prepare(QStringLiteral("INSERT INTO evidence (id, submission_id, position, filename, media_type, size, sha256) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < s.evidence.size(); ++i) {
        const EvidenceItem &e = s.evidence.at(i);
        q.addBindValue(e.id);
        q.addBindValue(s.summary.id);
        q.addBindValue(i);
        q.addBindValue(SubmissionRow::notNull(e.filename));
        q.addBindValue(e.mediaType);
        q.addBindValue(e.size);
        q.addBindValue(e.sha256);
        if (!q.exec())
            return fail(q.lastError().text());
    }
    q.prepare(QStringLiteral("INSERT INTO comments (id, submission_id, author, visibility, body, created_at, from_party) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const Comment &c : s.comments) {
        q.addBindValue(c.id);
        q.addBindValue(s.summary.id);
        q.addBindValue(c.author);
        q.addBindValue(Comment::visibilityName(c.visibility));
        q.addBindValue(c.body);
        q.addBindValue(ts(c.createdAt));
        q.addBindValue(Comment::fromName(c.from));
        if (!q.exec())
            return fail(q.lastError().text());
    }
    for (const HistoryEntry &h : s.history) {
        if (!addHistory(s.summary.id, h.at, h.actor, h.action, h.detail))
            return false;
    }
    for (const RecordedVerdict &v : s.verdicts) {
        if (!addVerdict(s.summary.id, v))
            return false;
    }
    return true;
}

std::optional<ServerStore::FeedPage> ServerStore::feed(qint64 afterSeq, int limit)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, change_seq, kind FROM submissions WHERE change_seq > ? ORDER BY change_seq LIMIT ?")
                  .arg(SubmissionRow::columns()));
    q.addBindValue(afterSeq);
    q.addBindValue(limit + 1);
    if (!q.exec()) {
        fail(q.lastError().text());
        return std::nullopt;
    }
    FeedPage page;
    page.lastSeq = afterSeq;
    while (q.next()) {
        if (page.items.size() == limit) {
            page.hasMore = true;
            break;
        }
        SubmissionSummary summary = SubmissionRow::read(q);
        summary.kind = kindOf(q.value(SubmissionRow::ColumnCount + 1));
        page.items.append(summary);
        page.lastSeq = q.value(SubmissionRow::ColumnCount).toLongLong();
    }
    return page;
}

std::optional<StoredSubmission> ServerStore::stored(const QString &id)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1, review_approved_by, change_seq, kind FROM submissions WHERE id = ?")
                  .arg(SubmissionRow::columns()));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    StoredSubmission s;
    s.summary = SubmissionRow::read(q);
    s.reviewApprovedBy = q.value(SubmissionRow::ColumnCount).toString();
    s.changeSeq = q.value(SubmissionRow::ColumnCount + 1).toLongLong();
    s.summary.kind = kindOf(q.value(SubmissionRow::ColumnCount + 2));
    return s;
}

std::optional<Submission> ServerStore::submission(const QString &id)
{
    const auto s = stored(id);
    if (!s)
        return std::nullopt;
    Submission sub;
    sub.summary = s->summary;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT question_key, text, evidence_ids FROM answers WHERE submission_id = ? ORDER BY position"));
    q.addBindValue(id);
    if (q.exec()) {
        while (q.next()) {
            Answer a{q.value(0).toString(), q.value(1).toString(), {}};
            for (const QJsonValue &v : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
                a.evidenceIds.append(v.toString());
            sub.answers.append(a);
        }
    }
    q.prepare(QStringLiteral("SELECT id, filename, media_type, size, sha256 FROM evidence WHERE submission_id = ? ORDER BY position"));
    q.addBindValue(id);
    if (q.exec()) {
        while (q.next()) {
            sub.evidence.append(EvidenceItem{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                             q.value(3).toLongLong(), q.value(4).toString(),
                                             EvidenceItem::LocalState::Absent});
        }
    }
    q.prepare(QStringLiteral("SELECT id, author, visibility, body, created_at, from_party FROM comments "
                             "WHERE submission_id = ? ORDER BY num"));
    q.addBindValue(id);
    if (q.exec()) {
        while (q.next()) {
            sub.comments.append(Comment{q.value(0).toString(), q.value(1).toString(),
                                        q.value(2).toString() == QLatin1String("partner") ? Comment::Visibility::Partner
                                                                                          : Comment::Visibility::Internal,
                                        q.value(3).toString(), timeOf(q.value(4)),
                                        q.value(5).toString() == QLatin1String("partner") ? Comment::From::Partner
                                                                                          : Comment::From::Marketplace});
        }
    }
    q.prepare(QStringLiteral("SELECT at, actor, action, detail FROM history WHERE submission_id = ? ORDER BY num"));
    q.addBindValue(id);
    if (q.exec()) {
        while (q.next()) {
            sub.history.append(HistoryEntry{timeOf(q.value(0)), q.value(1).toString(), q.value(2).toString(),
                                            QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()});
        }
    }
    q.prepare(QStringLiteral("SELECT record FROM verdicts WHERE submission_id = ? ORDER BY num"));
    q.addBindValue(id);
    if (q.exec()) {
        while (q.next()) {
            // Written by addVerdict from a RecordedVerdict: a record that no
            // longer reads is a damaged store, reported rather than shown half.
            JsonReader r(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
            const RecordedVerdict v = RecordedVerdict::fromJson(r);
            if (!r.ok()) {
                fail(QStringLiteral("verdict of %1 unreadable: %2").arg(id, r.error()));
                return std::nullopt;
            }
            sub.verdicts.append(v);
        }
    }
    return sub;
}

std::optional<StoredEvidence> ServerStore::evidence(const QString &id)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT e.id, e.filename, e.media_type, e.size, e.sha256, b.content FROM evidence e "
                             "JOIN blobs b ON b.sha256 = e.sha256 WHERE e.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    StoredEvidence e;
    e.item = EvidenceItem{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                          q.value(4).toString(), EvidenceItem::LocalState::Absent};
    e.content = q.value(5).toByteArray();
    return e;
}

bool ServerStore::updateSubmission(const StoredSubmission &s, bool bumpVersion)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE submissions SET version = ?, status = ?, stage = ?, assignee = ?, updated_at = ?, "
                             "badge_expires_at = ?, resubmission_allowed_at = ?, review_approved_by = ?, "
                             "change_seq = ? WHERE id = ?"));
    q.addBindValue(s.summary.version + (bumpVersion ? 1 : 0));
    q.addBindValue(SubmissionSummary::statusName(s.summary.status));
    q.addBindValue(SubmissionSummary::stageName(s.summary.stage));
    q.addBindValue(s.summary.assignee ? QVariant(*s.summary.assignee) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(ts(s.summary.updatedAt));
    q.addBindValue(s.summary.badgeExpiresAt ? QVariant(ts(*s.summary.badgeExpiresAt)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(s.summary.resubmissionAllowedAt ? QVariant(ts(*s.summary.resubmissionAllowedAt))
                                                   : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(s.reviewApprovedBy.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s.reviewApprovedBy));
    q.addBindValue(nextChangeSeq());
    q.addBindValue(s.summary.id);
    if (!q.exec())
        return fail(q.lastError().text());
    return q.numRowsAffected() == 1 || fail(QStringLiteral("no submission %1").arg(s.summary.id));
}

bool ServerStore::addHistory(const QString &submissionId, const QDateTime &at, const QString &actor,
                             const QString &action, const QJsonObject &detail)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO history (submission_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(submissionId);
    q.addBindValue(ts(at));
    q.addBindValue(actor);
    q.addBindValue(action);
    q.addBindValue(compact(detail));
    return q.exec() || fail(q.lastError().text());
}

bool ServerStore::addVerdict(const QString &submissionId, const RecordedVerdict &v)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO verdicts (submission_id, stage, decision, decided_by, at, version, record) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(submissionId);
    q.addBindValue(RecordedVerdict::stageName(v.stage));
    q.addBindValue(Verdict::decisionName(v.verdict.decision));
    q.addBindValue(v.by);
    q.addBindValue(ts(v.at));
    q.addBindValue(v.version);
    q.addBindValue(compact(v.toJson()));
    return q.exec() || fail(QStringLiteral("verdict of %1: %2").arg(submissionId, q.lastError().text()));
}

std::optional<Comment> ServerStore::addComment(const QString &submissionId, const QString &author,
                                               Comment::Visibility visibility, const QString &body, const QDateTime &at)
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(num), 0) + 1 FROM comments")) || !q.next()) {
        fail(q.lastError().text());
        return std::nullopt;
    }
    Comment c{QStringLiteral("c_%1").arg(q.value(0).toLongLong()), author, visibility, body, at};
    q.prepare(QStringLiteral("INSERT INTO comments (id, submission_id, author, visibility, body, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(c.id);
    q.addBindValue(submissionId);
    q.addBindValue(author);
    q.addBindValue(Comment::visibilityName(visibility));
    q.addBindValue(SubmissionRow::notNull(body));
    q.addBindValue(ts(at));
    if (!q.exec()) {
        fail(q.lastError().text());
        return std::nullopt;
    }
    return c;
}

// --- idempotency -------------------------------------------------------------

std::optional<StoredResponse> ServerStore::idempotentResponse(const QString &userId, const QString &endpoint,
                                                              const QString &key)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT body_sha256, status, response FROM idempotency WHERE user_id = ? AND endpoint = ? AND key = ?"));
    q.addBindValue(userId);
    q.addBindValue(endpoint);
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return StoredResponse{q.value(0).toString(), q.value(1).toInt(), q.value(2).toByteArray()};
}

bool ServerStore::storeIdempotentResponse(const QString &userId, const QString &endpoint, const QString &key,
                                          const StoredResponse &response, const QDateTime &at)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO idempotency (user_id, endpoint, key, body_sha256, status, response, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(userId);
    q.addBindValue(endpoint);
    q.addBindValue(key);
    q.addBindValue(response.bodySha256);
    q.addBindValue(response.status);
    q.addBindValue(response.body);
    q.addBindValue(ts(at));
    return q.exec() || fail(q.lastError().text());
}

bool ServerStore::expireIdempotencyKeys(const QDateTime &olderThan)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM idempotency WHERE created_at < ?"));
    q.addBindValue(ts(olderThan));
    return q.exec() || fail(q.lastError().text());
}

} // namespace assay::server
