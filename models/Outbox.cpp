#include "models/Outbox.h"

#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"
#include "models/CacheConnection.h"
#include "models/ColumnValues.h"
#include "models/ReviewDraft.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace assay {

using namespace columns;

namespace {
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
} // namespace

Outbox::Outbox(CacheConnection &connection, SubmissionStore &submissions, ReviewWork &work)
    : m_connection(connection)
    , m_submissions(submissions)
    , m_work(work)
{
}

// --- recording a decision ------------------------------------------------------

Result<SubmissionSummary> Outbox::cachedSummary(const QString &submissionId)
{
    Result<std::optional<SubmissionSummary>> s = m_submissions.summary(submissionId);
    if (!s)
        return s.error();
    std::optional<SubmissionSummary> &found = *s;
    if (!found)
        return Error{QStringLiteral("submission %1 is not in this profile's cache; sync first").arg(submissionId)};
    return std::move(*found);
}

Result<qint64> Outbox::recordVerdict(const QString &submissionId, Verdict::Decision decision,
                                     const QMap<QString, bool> &checklist, const QList<Verdict::Reason> &reasons,
                                     const QString &summary)
{
    const Result<SubmissionSummary> s = cachedSummary(submissionId);
    if (!s)
        return s.error();
    if (s->stage == SubmissionSummary::Stage::Done)
        return Error{QStringLiteral("submission %1 is already decided (%2)").arg(submissionId, SubmissionSummary::statusName(s->status))};
    const Result<std::optional<Questionnaire>> stored = m_submissions.questionnaire(s->questionnaireVersion);
    if (!stored)
        return stored.error();
    if (!*stored)
        return Error{QStringLiteral("questionnaire %1 is not in the cache; sync first").arg(s->questionnaireVersion)};
    const Questionnaire &q = **stored;
    if (JsonReader::codePoints(summary) > Verdict::MaxSummary)
        return Error{QStringLiteral("the summary is longer than %1 characters").arg(Verdict::MaxSummary)};
    for (auto it = checklist.cbegin(); it != checklist.cend(); ++it) {
        if (!q.checklistItem(it.key()))
            return Error{QStringLiteral("no checklist item \"%1\" in questionnaire %2").arg(it.key(), q.version)};
    }
    if (decision == Verdict::Decision::Reject) {
        if (reasons.isEmpty())
            return Error{QStringLiteral("a rejection needs at least one reason (CATEGORY:CODE)")};
        for (const Verdict::Reason &r : reasons) {
            if (!q.category(r.category))
                return Error{QStringLiteral("no category \"%1\"").arg(r.category)};
            if (!q.hasReason(r.category, r.code))
                return Error{QStringLiteral("\"%1\" is not a rejection reason of %2").arg(r.code, r.category)};
            if (JsonReader::codePoints(r.note) > Verdict::MaxNote)
                return Error{QStringLiteral("a reason's note is longer than %1 characters").arg(Verdict::MaxNote)};
        }
    } else {
        if (!reasons.isEmpty())
            return Error{QStringLiteral("an approval takes no rejection reasons")};
        QStringList missing;
        for (const QString &k : q.requiredChecklistKeys()) {
            if (!checklist.value(k, false))
                missing.append(k);
        }
        if (!missing.isEmpty())
            return Error{QStringLiteral("to approve, every required checklist item must be ticked; missing: %1")
                             .arg(missing.join(QStringLiteral(", ")))};
    }
    Verdict v;
    v.decision = decision;
    v.baseVersion = s->version;
    v.summary = summary;
    // Every item of the rubric is stated, ticked or not.
    for (const auto &category : q.categories) {
        for (const auto &item : category.checklist)
            v.checklist.insert(item.key, checklist.value(item.key, false));
    }
    v.reasons = reasons;
    return enqueue(OutboxEntry::Kind::Verdict, submissionId, v.toJson());
}

Result<qint64> Outbox::recordAssignment(const QString &submissionId, const std::optional<QString> &assignee)
{
    const Result<SubmissionSummary> s = cachedSummary(submissionId);
    if (!s)
        return s.error();
    if (s->stage == SubmissionSummary::Stage::Done)
        return Error{QStringLiteral("submission %1 is already decided").arg(submissionId)};
    const QJsonObject payload{{QStringLiteral("assignee"), assignee ? QJsonValue(*assignee) : QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("base_version"), s->version}};
    return enqueue(OutboxEntry::Kind::Assignment, submissionId, payload);
}

Result<qint64> Outbox::recordComment(const QString &submissionId, const QString &body, bool toPartner)
{
    if (body.trimmed().isEmpty())
        return Error{QStringLiteral("a comment needs text")};
    if (JsonReader::codePoints(body) > 20000)
        return Error{QStringLiteral("a comment is limited to 20000 characters")};
    if (const Result<SubmissionSummary> s = cachedSummary(submissionId); !s)
        return s.error();
    const QJsonObject payload{{QStringLiteral("body"), body},
                              {QStringLiteral("visibility"), toPartner ? QStringLiteral("partner") : QStringLiteral("internal")}};
    return enqueue(OutboxEntry::Kind::Comment, submissionId, payload);
}

// --- the rows -------------------------------------------------------------------

Result<qint64> Outbox::enqueue(OutboxEntry::Kind kind, const QString &submissionId, const QJsonObject &payload)
{
    qint64 id = 0;
    const QString what = QStringLiteral("record %1").arg(OutboxEntry::kindName(kind));
    const Result<> done = m_connection.inTransaction(what, [&]() -> Result<> {
        QSqlQuery q(m_connection.database());
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
            return CacheConnection::failQuery(q, what);
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
                if (Result<> saved = m_work.saveDraft(d); !saved)
                    return saved;
            }
        }
        return {};
    });
    if (!done)
        return done.error();
    return id;
}

Result<QList<OutboxEntry>> Outbox::read(const QString &where, const QString &state)
{
    QList<OutboxEntry> out;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM outbox %2 ORDER BY id").arg(OutboxColumns, where));
    if (!state.isNull())
        q.addBindValue(state);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the outbox"));
    while (q.next())
        out.append(outboxFromRow(q));
    return out;
}

Result<std::optional<OutboxEntry>> Outbox::entry(qint64 id)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE id = ?").arg(OutboxColumns));
    q.addBindValue(id);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read outbox entry %1").arg(id));
    if (!q.next())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(outboxFromRow(q));
}

Result<QList<OutboxEntry>> Outbox::entries()
{
    return read(QString(), QString());
}

Result<QList<OutboxEntry>> Outbox::inState(OutboxEntry::State state)
{
    return read(QStringLiteral("WHERE state = ?"), OutboxEntry::stateName(state));
}

Result<int> Outbox::count(OutboxEntry::State state)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE state = ?"));
    q.addBindValue(OutboxEntry::stateName(state));
    if (!q.exec() || !q.next())
        return CacheConnection::failQuery(q, QStringLiteral("count the outbox"));
    return q.value(0).toInt();
}

Result<> Outbox::noteAttempt(qint64 id)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ?"));
    q.addBindValue(now());
    q.addBindValue(id);
    return updateOne(q, id);
}

Result<> Outbox::settle(qint64 id, OutboxEntry::State state, const QString &error, const QJsonObject &serverState,
                        const QJsonObject &response)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("UPDATE outbox SET state = ?, last_error = ?, server_state = ?, response = ?, "
                             "updated_at = ? WHERE id = ?"));
    q.addBindValue(OutboxEntry::stateName(state));
    q.addBindValue(error.isEmpty() ? nullText() : QVariant(error));
    q.addBindValue(serverState.isEmpty() ? nullText() : QVariant(compactJson(serverState)));
    q.addBindValue(response.isEmpty() ? nullText() : QVariant(compactJson(response)));
    q.addBindValue(now());
    q.addBindValue(id);
    return updateOne(q, id);
}

Result<> Outbox::updateOne(QSqlQuery &q, qint64 id)
{
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("outbox %1").arg(id));
    if (q.numRowsAffected() != 1)
        return CacheConnection::fail(QStringLiteral("no outbox entry %1").arg(id));
    return {};
}

Result<> Outbox::retry(qint64 id)
{
    return settle(id, OutboxEntry::State::Pending);
}

} // namespace assay
