#pragma once

#include "server/Reply.h"

#include <QDateTime>

#include <functional>
#include <optional>

class QHttpServerRequest;

namespace assay {
struct Questionnaire;
struct Verdict;
} // namespace assay

namespace assay::server {

class QuestionnaireCache;
class ServerStore;
struct StoredSubmission;
struct User;

// The API's writes (verdict, assignee, comment). Each goes the same way, in
// the contract's order of errors: the envelope (400, 413, 415), 404, the
// body's shape (422), the Idempotency-Key's replay or reuse, then the
// decision itself (409, 403, business-rule 422, the change), whose answer is
// stored for the key in the same transaction as the change.
class WriteHandlers
{
public:
    using Clock = std::function<QDateTime()>;
    WriteHandlers(ServerStore *store, QuestionnaireCache *questionnaires, Clock clock);

    Reply verdict(const User &user, const QString &submissionId, const QHttpServerRequest &request);
    Reply assignee(const User &user, const QString &submissionId, const QHttpServerRequest &request);
    Reply comment(const User &user, const QString &submissionId, const QHttpServerRequest &request);

private:
    using Shape = std::function<std::optional<Reply>(const QJsonObject &body)>;
    using Decide = std::function<Reply(const QJsonObject &body, StoredSubmission &submission)>;
    Reply write(const User &user, const QString &submissionId, const QHttpServerRequest &request, const Shape &shape,
                const Decide &decide);
    Reply decideVerdict(const User &user, const QJsonObject &body, StoredSubmission &s);
    Reply decideAssignee(const User &user, const QJsonObject &body, StoredSubmission &s);
    Reply decideComment(const User &user, const QJsonObject &body, StoredSubmission &s);
    // The decision's rules that need the questionnaire (checklist and note
    // keys, reasons, what each decision requires): 422s after the 403s.
    static std::optional<Reply> businessRules(const Questionnaire &q, const Verdict &verdict, bool atReview);

    ServerStore *m_store;
    QuestionnaireCache *m_questionnaires;
    Clock m_clock;
};

} // namespace assay::server
