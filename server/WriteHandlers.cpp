#include "server/WriteHandlers.h"

#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"
#include "domain/RecordedVerdict.h"
#include "domain/Verdict.h"
#include "server/HttpTransport.h"
#include "server/QuestionnaireCache.h"
#include "server/RequestValidator.h"
#include "server/ServerLogging.h"
#include "server/ServerStore.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {
QString bodyHash(const QJsonObject &body)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical:
    // two bodies that are equal as JSON hash alike.
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(body).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}
} // namespace

WriteHandlers::WriteHandlers(ServerStore *store, QuestionnaireCache *questionnaires, Clock clock)
    : m_store(store)
    , m_questionnaires(questionnaires)
    , m_clock(std::move(clock))
{
}

Reply WriteHandlers::verdict(const User &user, const QString &submissionId, const QHttpServerRequest &request)
{
    return write(user, submissionId, request, &RequestValidator::verdictShape,
                 [this, &user](const QJsonObject &body, StoredSubmission &s) { return decideVerdict(user, body, s); });
}

Reply WriteHandlers::assignee(const User &user, const QString &submissionId, const QHttpServerRequest &request)
{
    return write(user, submissionId, request, &RequestValidator::assigneeShape,
                 [this, &user](const QJsonObject &body, StoredSubmission &s) { return decideAssignee(user, body, s); });
}

Reply WriteHandlers::comment(const User &user, const QString &submissionId, const QHttpServerRequest &request)
{
    return write(user, submissionId, request, &RequestValidator::commentShape,
                 [this, &user](const QJsonObject &body, StoredSubmission &s) { return decideComment(user, body, s); });
}

Reply WriteHandlers::write(const User &user, const QString &submissionId, const QHttpServerRequest &request,
                           const Shape &shape, const Decide &decide)
{
    auto envelope = RequestValidator::writeEnvelope(request);
    if (!envelope)
        return envelope.error();
    const QString &key = envelope->idempotencyKey;
    const QJsonDocument &doc = envelope->document;
    auto stored = m_store->stored(submissionId);
    if (!stored)
        return Reply::error(404, u"not_found"_s, u"no such submission"_s);
    if (!doc.isObject())
        return Reply::validation(QString(), u"the body must be a JSON object"_s);
    const QJsonObject body = doc.object();
    if (auto r = shape(body))
        return *r;

    const QString endpoint = HttpTransport::methodName(request) + u' ' + request.url().path();
    const QString hash = bodyHash(body);
    if (const auto previous = m_store->idempotentResponse(user.id, endpoint, key)) {
        if (previous->bodySha256 != hash)
            return Reply::validation(u"Idempotency-Key"_s, u"this Idempotency-Key was used with a different body"_s,
                                     u"idempotency_key_reused"_s);
        Reply replay = Reply::json(previous->status, {});
        replay.body = previous->body;
        replay.headers.append("Idempotent-Replayed", "true");
        return replay;
    }

    if (!m_store->transaction())
        return Reply::error(500, u"internal"_s, u"the store is not available"_s);
    Reply reply = decide(body, *stored);
    // 2xx and the refusals that follow the key check are kept for replays;
    // 5xx are not (the client may retry with the same key).
    bool ok = true;
    if (reply.status < 500)
        ok = m_store->storeIdempotentResponse(user.id, endpoint, key, StoredResponse{hash, reply.status, reply.body},
                                              m_clock());
    if (ok && reply.status < 500 && m_store->commit())
        return reply;
    m_store->rollback();
    qCWarning(lcServer).noquote() << "write failed:" << m_store->errorString();
    return Reply::error(500, u"internal"_s, u"the change could not be stored"_s);
}

Reply WriteHandlers::decideVerdict(const User &user, const QJsonObject &body, StoredSubmission &s)
{
    JsonReader reader(body);
    const Verdict verdict = Verdict::fromJson(reader);
    if (!reader.ok())
        return Reply::validation(QString(), reader.error());
    SubmissionSummary &sum = s.summary;
    if (sum.stage == SubmissionSummary::Stage::Done)
        return Reply::conflict(u"already_decided"_s, u"this submission is already decided"_s, sum.toJson());
    if (verdict.baseVersion != sum.version)
        return Reply::conflict(u"version_conflict"_s, u"the submission changed since version %1"_s.arg(verdict.baseVersion), sum.toJson());

    const bool atReview = sum.stage == SubmissionSummary::Stage::Review;
    if (atReview) {
        const bool assignee = sum.assignee && *sum.assignee == user.id && user.hasRole(u"reviewer"_s);
        if (!assignee && !user.hasRole(u"lead"_s))
            return Reply::error(403, u"forbidden"_s, u"only the assignee or a lead decides at the review stage"_s);
    } else {
        if (!user.hasRole(u"security"_s))
            return Reply::error(403, u"forbidden"_s, u"only the security team decides at the security stage"_s);
        // Whatever the decision: the security stage is a second person's look.
        if (user.id == s.reviewApprovedBy)
            return Reply::error(403, u"four_eyes"_s, u"the person who approved the review stage cannot also decide at security"_s);
    }

    const Questionnaire *q = m_questionnaires->find(sum.questionnaireVersion);
    if (!q)
        return Reply::error(500, u"internal"_s, u"the submission's questionnaire is unknown"_s);
    if (auto refused = businessRules(*q, verdict, atReview))
        return *refused;

    const QDateTime at = m_clock();
    const RecordedVerdict record{atReview ? RecordedVerdict::Stage::Review : RecordedVerdict::Stage::Security, user.id,
                                 at, sum.version, verdict};
    QString action;
    if (verdict.decision == Verdict::Decision::Reject) {
        sum.status = SubmissionSummary::Status::Rejected;
        sum.stage = SubmissionSummary::Stage::Done;
        // Calendar months: QDateTime clamps to the end of a shorter month.
        sum.resubmissionAllowedAt = at.addMonths(3);
        action = u"rejected"_s;
    } else if (verdict.decision == Verdict::Decision::Return) {
        // Back to the same reviewer; the partner sees nothing and is not
        // locked out. The next review approval names the approver anew.
        sum.status = SubmissionSummary::Status::InReview;
        sum.stage = SubmissionSummary::Stage::Review;
        s.reviewApprovedBy.clear();
        action = u"returned"_s;
    } else if (atReview) {
        sum.status = SubmissionSummary::Status::InReview;
        sum.stage = SubmissionSummary::Stage::Security;
        s.reviewApprovedBy = user.id;
        action = u"approved_review"_s;
    } else {
        sum.status = SubmissionSummary::Status::Approved;
        sum.stage = SubmissionSummary::Stage::Done;
        sum.badgeExpiresAt = at.addYears(1); // 29 Feb + 1 year = 28 Feb
        action = u"approved"_s;
    }
    sum.updatedAt = at;
    // The history names what happened; the decision's full record (with its
    // internal checklist and notes) is the verdict, in the same transaction.
    QJsonArray reasons = body.value(u"reasons"_s).toArray();
    if (!m_store->updateSubmission(s, true) || !m_store->addVerdict(sum.id, record)
        || !m_store->addHistory(sum.id, at, user.id, action,
                                QJsonObject{{u"summary"_s, verdict.summary}, {u"reasons"_s, reasons},
                                            {u"stage"_s, SubmissionSummary::stageName(sum.stage)}}))
        return Reply::error(500, u"internal"_s, u"the verdict could not be stored"_s);
    sum.version += 1;
    return Reply::json(201, QJsonObject{{u"submission"_s, sum.toJson()}});
}

std::optional<Reply> WriteHandlers::businessRules(const Questionnaire &q, const Verdict &verdict, bool atReview)
{
    for (auto it = verdict.checklist.cbegin(); it != verdict.checklist.cend(); ++it) {
        if (!q.checklistItem(it.key()))
            return Reply::validation(u"/checklist/"_s + it.key().left(64), u"no checklist item \"%1\""_s.arg(it.key().left(64)));
    }
    for (auto it = verdict.notes.cbegin(); it != verdict.notes.cend(); ++it) {
        if (!q.checklistItem(it.key()) && !q.category(it.key())) {
            return Reply::validation(u"/notes/"_s + it.key().left(64),
                                     u"\"%1\" is neither a checklist item nor a category"_s.arg(it.key().left(64)));
        }
    }
    switch (verdict.decision) {
    case Verdict::Decision::Reject:
        if (verdict.reasons.isEmpty())
            return Reply::validation(u"/reasons"_s, u"a rejection needs at least one reason"_s);
        for (qsizetype i = 0; i < verdict.reasons.size(); ++i) {
            const Verdict::Reason &r = verdict.reasons.at(i);
            if (!q.category(r.category))
                return Reply::validation(u"/reasons/%1/category"_s.arg(i), u"no category \"%1\""_s.arg(r.category));
            if (!q.hasReason(r.category, r.code))
                return Reply::validation(u"/reasons/%1/code"_s.arg(i), u"\"%1\" is not a reason of %2"_s.arg(r.code, r.category));
        }
        return std::nullopt;
    case Verdict::Decision::Return:
        // Only the security stage hands work back; at review there is no
        // one to return it to (the assignee would return it to themselves).
        if (atReview)
            return Reply::validation(u"/decision"_s, u"only the security stage can return a submission to review"_s);
        if (!verdict.reasons.isEmpty())
            return Reply::validation(u"/reasons"_s, u"a return takes no reasons: the partner sees nothing of it"_s);
        if (verdict.summary.trimmed().isEmpty())
            return Reply::validation(u"/summary"_s, u"a return needs a summary saying why"_s);
        return std::nullopt;
    case Verdict::Decision::Approve:
        break;
    }
    if (!verdict.reasons.isEmpty())
        return Reply::validation(u"/reasons"_s, u"an approval takes no reasons"_s);
    QStringList missing;
    for (const QString &k : q.requiredChecklistKeys()) {
        if (!verdict.checklist.value(k, false))
            missing.append(k);
    }
    if (!missing.isEmpty()) {
        return Reply::error(422, u"validation_failed"_s, u"every required checklist item must be ticked to approve"_s,
                            QJsonObject{{u"field"_s, u"/checklist"_s}, {u"missing"_s, QJsonArray::fromStringList(missing)}});
    }
    return std::nullopt;
}

Reply WriteHandlers::decideAssignee(const User &user, const QJsonObject &body, StoredSubmission &s)
{
    SubmissionSummary &sum = s.summary;
    if (sum.stage == SubmissionSummary::Stage::Done)
        return Reply::conflict(u"already_decided"_s, u"a decided submission takes no assignment"_s, sum.toJson());
    const qint64 base = qint64(body.value(u"base_version"_s).toDouble());
    if (base != sum.version)
        return Reply::conflict(u"version_conflict"_s, u"the submission changed since version %1"_s.arg(base), sum.toJson());
    if (!user.hasRole(u"lead"_s))
        return Reply::error(403, u"forbidden"_s, u"only leads assign submissions"_s);
    std::optional<QString> assignee;
    if (body.value(u"assignee"_s).isString()) {
        const QString id = body.value(u"assignee"_s).toString();
        const auto target = m_store->user(id);
        if (!target)
            return Reply::validation(u"/assignee"_s, u"no user \"%1\""_s.arg(id.left(64)));
        if (!target->hasRole(u"reviewer"_s))
            return Reply::validation(u"/assignee"_s, u"%1 is not a reviewer"_s.arg(id));
        assignee = id;
    }
    if (assignee == sum.assignee)
        return Reply::json(200, QJsonObject{{u"submission"_s, sum.toJson()}});
    const QDateTime at = m_clock();
    const QJsonObject detail{{u"assignee"_s, assignee ? QJsonValue(*assignee) : QJsonValue(QJsonValue::Null)},
                             {u"previous"_s, sum.assignee ? QJsonValue(*sum.assignee) : QJsonValue(QJsonValue::Null)}};
    sum.assignee = assignee;
    if (assignee && sum.status == SubmissionSummary::Status::Submitted)
        sum.status = SubmissionSummary::Status::InReview;
    sum.updatedAt = at;
    if (!m_store->updateSubmission(s, true)
        || !m_store->addHistory(sum.id, at, user.id, assignee ? u"assigned"_s : u"unassigned"_s, detail))
        return Reply::error(500, u"internal"_s, u"the assignment could not be stored"_s);
    sum.version += 1;
    return Reply::json(200, QJsonObject{{u"submission"_s, sum.toJson()}});
}

Reply WriteHandlers::decideComment(const User &user, const QJsonObject &body, StoredSubmission &s)
{
    const QDateTime at = m_clock();
    const auto visibility = body.value(u"visibility"_s).toString() == u"partner"_s ? Comment::Visibility::Partner
                                                                                  : Comment::Visibility::Internal;
    const auto comment = m_store->addComment(s.summary.id, user.id, visibility, body.value(u"body"_s).toString(), at);
    s.summary.updatedAt = at;
    // Comments do not change what a decision depends on: no new version, but
    // the submission moves to the head of the feed.
    if (!comment || !m_store->updateSubmission(s, false)
        || !m_store->addHistory(s.summary.id, at, user.id, u"commented"_s,
                                QJsonObject{{u"comment_id"_s, comment->id},
                                            {u"visibility"_s, Comment::visibilityName(visibility)}}))
        return Reply::error(500, u"internal"_s, u"the comment could not be stored"_s);
    return Reply::json(201, comment->toJson());
}

} // namespace assay::server
