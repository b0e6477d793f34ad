#pragma once

#include "domain/Result.h"
#include "domain/Verdict.h"
#include "models/OutboxEntry.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

class QSqlQuery;

namespace assay {

class CacheConnection;
class ReviewWork;
class SubmissionStore;
struct SubmissionSummary;

// The writes waiting for the marketplace, one row each with the body and
// Idempotency-Key it is sent with every time, and their way to the server:
// pending, then sent, in conflict (409, with the server's state) or failed.
//
// record*() is how a reviewer's or a lead's decision gets in: checked
// against what the cache knows (the submission, its version, the
// questionnaire's rules) so that an obviously refused decision is caught
// while the reviewer is still looking at it. The review screen and the
// command line (assay decide / assign) both go through here; the sync engine
// pushes what it records.
class Outbox
{
public:
    Outbox(CacheConnection &connection, SubmissionStore &submissions, ReviewWork &work);

    // Records a verdict (with its reasons, internal notes and summary) and
    // the reviewer's draft saying so, in one transaction: the one path of
    // the review screen and `assay decide`. The verdict's base_version is
    // the cached submission's version (v.baseVersion is not used); every
    // checklist item of the rubric is stated, ticked or not. Refused here,
    // as the server would: a decided submission, unknown checklist or note
    // keys, over-long texts, a reject without reasons or with a code not of
    // its category, an approve with reasons or an unticked required item, a
    // return outside stage security, with reasons or without a summary.
    // Returns the outbox entry's id.
    Result<qint64> recordVerdict(const QString &submissionId, const Verdict &v);
    // The same, for callers that have the parts.
    Result<qint64> recordVerdict(const QString &submissionId, Verdict::Decision decision,
                                 const QMap<QString, bool> &checklist, const QList<Verdict::Reason> &reasons,
                                 const QString &summary, const QMap<QString, QString> &notes = {});
    // The verdict the reviewer's saved work makes (no decision yet): the
    // checklist ticks, and the notes on checklist items and categories of
    // the submission's questionnaire (notes on questions or on the whole
    // submission are the reviewer's own and stay out). The screen's verdict
    // dialog and `assay decide` start from it.
    Result<Verdict> verdictFromWork(const QString &submissionId);
    // A verdict in conflict (409) recorded again against the cached current
    // version, with a new Idempotency-Key, checked again as above; the old
    // entry becomes superseded (superseded_by = the new one). One
    // transaction. Returns the new entry's id.
    Result<qint64> rebase(qint64 entryId);
    // A conflicting or failed entry given up: superseded, never sent. The
    // reviewer's draft stays.
    Result<> discard(qint64 entryId);
    Result<qint64> recordAssignment(const QString &submissionId, const std::optional<QString> &assignee);
    Result<qint64> recordComment(const QString &submissionId, const QString &body, bool toPartner);

    // Records a write as it is, unchecked. The idempotency key is made here,
    // once, and sent with every attempt. For a verdict the reviewer's draft
    // is kept as it is (until the server accepts), in the same transaction.
    Result<qint64> enqueue(OutboxEntry::Kind kind, const QString &submissionId, const QJsonObject &payload);

    // std::nullopt: no entry with that id.
    Result<std::optional<OutboxEntry>> entry(qint64 id);
    Result<QList<OutboxEntry>> entries();
    Result<QList<OutboxEntry>> inState(OutboxEntry::State state);
    Result<int> count(OutboxEntry::State state);

    // An attempt is being made: counted before the request leaves, so a crash
    // mid-request still shows in `attempts`.
    Result<> noteAttempt(qint64 id);
    Result<> settle(qint64 id, OutboxEntry::State state, const QString &error = {},
                    const QJsonObject &serverState = {}, const QJsonObject &response = {});
    // Back to pending, for the next push.
    Result<> retry(qint64 id);

private:
    // The verdict as it would be sent, or why the server would refuse it.
    Result<Verdict> checkedVerdict(const QString &submissionId, const Verdict &v);
    // The row and, for a verdict, the draft; inside a transaction.
    Result<qint64> insertEntry(OutboxEntry::Kind kind, const QString &submissionId, const QJsonObject &payload);
    Result<QList<OutboxEntry>> read(const QString &where, const QString &state);
    // The cached summary of the submission a decision is about, or why none.
    Result<SubmissionSummary> cachedSummary(const QString &submissionId);
    // Runs an UPDATE of entry `id`; one that changes no row names the id.
    static Result<> updateOne(QSqlQuery &q, qint64 id);

    CacheConnection &m_connection;
    SubmissionStore &m_submissions;
    ReviewWork &m_work;
};

} // namespace assay
