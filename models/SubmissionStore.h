#pragma once

#include "domain/Result.h"
#include "models/SearchIndex.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace assay {

class CacheConnection;
struct Questionnaire;
struct QueueFacts;
struct Submission;
struct SubmissionSummary;

// What the marketplace says, as the cache keeps it: the change feed's pages
// and cursor, submissions' details (answers, evidence, comments, history),
// the questionnaires they use, and the sync's single values. Sync replaces
// all of it; the reviewer's own work lives elsewhere (ReviewWork).
class SubmissionStore
{
public:
    SubmissionStore(CacheConnection &connection, SearchIndex &search);
    ~SubmissionStore();

    // One page of the change feed together with the cursor that follows it,
    // in one transaction: after a crash the page is either stored with its
    // cursor or not at all.
    Result<> applyFeedPage(const QList<SubmissionSummary> &items, const QString &nextCursor);
    Result<QString> feedCursor();

    // Stores a submission's details (replacing answers, comments, history;
    // keeping the local state of evidence whose sha256 did not change).
    Result<> store(const Submission &submission);
    // Several at once, in one transaction (a sync stores details in batches).
    Result<> store(const QList<Submission> &submissions);
    // Tells stored details which contents the evidence store holds verified
    // already: their items are stored present. Called on the writer's
    // thread, so it must be safe there.
    void setVerifiedContent(std::function<bool(const QString &sha256)> isVerified);

    // std::nullopt: no such submission in the cache.
    Result<std::optional<SubmissionSummary>> summary(const QString &id);
    Result<std::optional<Submission>> submission(const QString &id);
    Result<QList<SubmissionSummary>> summaries();
    Result<int> count();
    // The partners the cache has submissions of, (id, name) by name, and the
    // questionnaire versions it holds: the queue's filter choices.
    Result<QList<std::pair<QString, QString>>> partners();
    Result<QStringList> questionnaireVersions();
    // Submissions whose details are missing or older than their summary:
    // open ones first, then the earlier submissions open ones are compared
    // with (previous_submission_id), then the rest.
    Result<QStringList> needingDetails();
    // Earlier submissions that open ones point at and the cache has no row
    // of at all (the feed has not brought them): their details are fetched
    // by id.
    Result<QStringList> missingPrevious();

    Result<> storeQuestionnaire(const Questionnaire &questionnaire);
    Result<std::optional<Questionnaire>> questionnaire(const QString &version);
    // Questionnaire versions that submissions use and the cache lacks.
    Result<QStringList> missingQuestionnaires();

    // The sync's bookkeeping ("cursor", "server" ...); empty when unset.
    Result<QString> syncValue(const QString &key);
    Result<> setSyncValue(const QString &key, const QString &value);

private:
    enum class UpsertFor { Feed, Details };
    // The summary's row (with the queue facts, for details); returns its
    // submissions.num.
    Result<qint64> upsertSummary(const SubmissionSummary &s, UpsertFor purpose, const QueueFacts *facts = nullptr);
    Result<> storeRows(const Submission &submission, SearchIndex::Batch &search);
    Result<QStringList> firstColumn(const QString &sql, const QString &what);

    CacheConnection &m_connection;
    SearchIndex &m_search;
    std::function<bool(const QString &)> m_verifiedContent;
};

} // namespace assay
