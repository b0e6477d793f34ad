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
    "created_at, updated_at, superseded_by");

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
    e.supersededBy = q.value(12).toLongLong();
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

Result<Verdict> Outbox::checkedVerdict(const QString &submissionId, const Verdict &in)
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
    if (JsonReader::codePoints(in.summary) > Verdict::MaxSummary)
        return Error{QStringLiteral("the summary is longer than %1 characters").arg(Verdict::MaxSummary)};
    for (auto it = in.checklist.cbegin(); it != in.checklist.cend(); ++it) {
        if (!q.checklistItem(it.key()))
            return Error{QStringLiteral("no checklist item \"%1\" in questionnaire %2").arg(it.key(), q.version)};
    }
    if (in.notes.size() > Verdict::MaxNotes)
        return Error{QStringLiteral("a verdict takes at most %1 notes").arg(Verdict::MaxNotes)};
    for (auto it = in.notes.cbegin(); it != in.notes.cend(); ++it) {
        if (!q.checklistItem(it.key()) && !q.category(it.key()))
            return Error{QStringLiteral("a note's key \"%1\" is neither a checklist item nor a category of questionnaire %2")
                             .arg(it.key(), q.version)};
        if (JsonReader::codePoints(it.value()) > Verdict::MaxNote)
            return Error{QStringLiteral("the note on %1 is longer than %2 characters").arg(it.key()).arg(Verdict::MaxNote)};
    }
    switch (in.decision) {
    case Verdict::Decision::Reject:
        if (in.reasons.isEmpty())
            return Error{QStringLiteral("a rejection needs at least one reason (CATEGORY:CODE)")};
        for (const Verdict::Reason &r : in.reasons) {
            if (!q.category(r.category))
                return Error{QStringLiteral("no category \"%1\"").arg(r.category)};
            if (!q.hasReason(r.category, r.code))
                return Error{QStringLiteral("\"%1\" is not a rejection reason of %2").arg(r.code, r.category)};
            if (JsonReader::codePoints(r.note) > Verdict::MaxNote)
                return Error{QStringLiteral("a reason's note is longer than %1 characters").arg(Verdict::MaxNote)};
        }
        break;
    case Verdict::Decision::Approve: {
        if (!in.reasons.isEmpty())
            return Error{QStringLiteral("an approval takes no rejection reasons")};
        QStringList missing;
        for (const QString &k : q.requiredChecklistKeys()) {
            if (!in.checklist.value(k, false))
                missing.append(k);
        }
        if (!missing.isEmpty())
            return Error{QStringLiteral("to approve, every required checklist item must be ticked; missing: %1")
                             .arg(missing.join(QStringLiteral(", ")))};
        break;
    }
    case Verdict::Decision::Return:
        if (s->stage != SubmissionSummary::Stage::Security)
            return Error{QStringLiteral("only a submission at stage security can be returned to review; %1 is at stage %2")
                             .arg(submissionId, SubmissionSummary::stageName(s->stage))};
        if (!in.reasons.isEmpty())
            return Error{QStringLiteral("a return takes no rejection reasons; say why in the summary")};
        if (in.summary.trimmed().isEmpty())
            return Error{QStringLiteral("a return needs a summary saying why (--summary)")};
        break;
    }
    Verdict v = in;
    v.baseVersion = s->version;
    // Every item of the rubric is stated, ticked or not.
    v.checklist.clear();
    for (const auto &category : q.categories) {
        for (const auto &item : category.checklist)
            v.checklist.insert(item.key, in.checklist.value(item.key, false));
    }
    return v;
}

Result<qint64> Outbox::recordVerdict(const QString &submissionId, const Verdict &in)
{
    const Result<Verdict> v = checkedVerdict(submissionId, in);
    if (!v)
        return v.error();
    return enqueue(OutboxEntry::Kind::Verdict, submissionId, v->toJson());
}

Result<qint64> Outbox::recordVerdict(const QString &submissionId, Verdict::Decision decision,
                                     const QMap<QString, bool> &checklist, const QList<Verdict::Reason> &reasons,
                                     const QString &summary, const QMap<QString, QString> &notes)
{
    Verdict v;
    v.decision = decision;
    v.checklist = checklist;
    v.reasons = reasons;
    v.summary = summary;
    v.notes = notes;
    return recordVerdict(submissionId, v);
}

Result<Verdict> Outbox::verdictFromWork(const QString &submissionId)
{
    Verdict v;
    const Result<QHash<QString, ReviewWork::Tick>> ticks = m_work.checklistTicks(submissionId);
    if (!ticks)
        return ticks.error();
    for (auto it = ticks->cbegin(); it != ticks->cend(); ++it)
        v.checklist.insert(it.key(), it.value().checked);
    const Result<QHash<QString, ReviewWork::Note>> notes = m_work.notes(submissionId);
    if (!notes)
        return notes.error();
    if (notes->isEmpty())
        return v;
    const Result<SubmissionSummary> s = cachedSummary(submissionId);
    if (!s)
        return s.error();
    const Result<std::optional<Questionnaire>> q = m_submissions.questionnaire(s->questionnaireVersion);
    if (!q)
        return q.error();
    const std::optional<Questionnaire> &rubric = *q;
    if (!rubric)
        return Error{QStringLiteral("questionnaire %1 is not in the cache; sync first").arg(s->questionnaireVersion)};
    for (auto it = notes->cbegin(); it != notes->cend(); ++it) {
        if (rubric->checklistItem(it.key()) || rubric->category(it.key()))
            v.notes.insert(it.key(), it.value().body);
    }
    return v;
}

Result<qint64> Outbox::rebase(qint64 entryId)
{
    qint64 id = 0;
    const Result<> done = m_connection.inTransaction(QStringLiteral("re-base outbox entry %1").arg(entryId), [&]() -> Result<> {
        const Result<std::optional<OutboxEntry>> found = entry(entryId);
        if (!found)
            return found.error();
        if (!*found)
            return Error{QStringLiteral("no outbox entry %1").arg(entryId)};
        const OutboxEntry &old = **found;
        if (old.kind != OutboxEntry::Kind::Verdict || old.state != OutboxEntry::State::Conflict)
            return Error{QStringLiteral("outbox entry %1 is a %2 in state %3; only a verdict in conflict can be re-based")
                             .arg(entryId)
                             .arg(OutboxEntry::kindName(old.kind), OutboxEntry::stateName(old.state))};
        JsonReader reader(old.payload);
        const Verdict before = Verdict::fromJson(reader);
        if (!reader.ok())
            return Error{QStringLiteral("outbox entry %1 holds no readable verdict: %2").arg(entryId).arg(reader.error())};
        const Result<Verdict> again = checkedVerdict(old.submissionId, before);
        if (!again)
            return Error{QStringLiteral("outbox entry %1 cannot be re-based: %2").arg(entryId).arg(again.error().message)};
        if (again->baseVersion == before.baseVersion)
            return Error{QStringLiteral("the cache still has version %1 of %2, which the server refused; sync first")
                             .arg(before.baseVersion)
                             .arg(old.submissionId)};
        const Result<qint64> inserted = insertEntry(OutboxEntry::Kind::Verdict, old.submissionId, again->toJson());
        if (!inserted)
            return inserted.error();
        id = *inserted;
        QSqlQuery q(m_connection.database());
        q.prepare(QStringLiteral("UPDATE outbox SET state = 'superseded', superseded_by = ?, updated_at = ? "
                                 "WHERE id = ? AND state = 'conflict'"));
        q.addBindValue(id);
        q.addBindValue(now());
        q.addBindValue(entryId);
        return updateOne(q, entryId);
    });
    if (!done)
        return done.error();
    return id;
}

Result<> Outbox::discard(qint64 entryId)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'superseded', updated_at = ? "
                             "WHERE id = ? AND state IN ('conflict', 'failed')"));
    q.addBindValue(now());
    q.addBindValue(entryId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("discard outbox entry %1").arg(entryId));
    if (q.numRowsAffected() != 1)
        return CacheConnection::fail(QStringLiteral("no outbox entry %1 in conflict or failed to discard").arg(entryId));
    return {};
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
    const Result<> done = m_connection.inTransaction(QStringLiteral("record %1").arg(OutboxEntry::kindName(kind)), [&]() -> Result<> {
        const Result<qint64> inserted = insertEntry(kind, submissionId, payload);
        if (!inserted)
            return inserted.error();
        id = *inserted;
        return {};
    });
    if (!done)
        return done.error();
    return id;
}

Result<qint64> Outbox::insertEntry(OutboxEntry::Kind kind, const QString &submissionId, const QJsonObject &payload)
{
    const QString what = QStringLiteral("record %1").arg(OutboxEntry::kindName(kind));
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
    const qint64 id = q.lastInsertId().toLongLong();
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
            d.notes = v.notes;
            if (Result<> saved = m_work.saveDraft(d); !saved)
                return saved.error();
        }
    }
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
