#include "models/ReviewReportSources.h"

#include "models/Cache.h"
#include "models/SubmissionStore.h"

using namespace Qt::StringLiterals;

namespace assay {

namespace {

// The questionnaire the cache holds (what the marketplace served), else the
// one shipped with Assay.
Result<Questionnaire> questionnaireOf(Cache &cache, const QString &version)
{
    const Result<std::optional<Questionnaire>> cached = cache.submissions().questionnaire(version);
    if (!cached)
        return cached.error();
    if (const std::optional<Questionnaire> &q = *cached)
        return *q;
    if (std::optional<Questionnaire> builtin = Questionnaire::builtin(version))
        return *std::move(builtin);
    return Error{u"questionnaire %1 is neither in the cache nor shipped with Assay (run assay sync)"_s.arg(version)};
}

} // namespace

Result<ReviewReportSources> ReviewReportSources::load(Cache &cache, const QString &submissionId)
{
    const Result<std::optional<Submission>> found = cache.submissions().submission(submissionId);
    if (!found)
        return found.error();
    const std::optional<Submission> &submission = *found;
    if (!submission)
        return Error{u"no submission %1 in this profile's cache (run assay sync, or check the id)"_s.arg(submissionId)};
    ReviewReportSources sources;
    sources.submission = *submission;
    // Said before anything else is read: it is the likely answer.
    if (sources.submission.verdicts.isEmpty())
        return Error{u"submission %1 has no recorded verdict yet: the report is built from the marketplace's record, "
                     "which a sync brings once a decision is accepted"_s.arg(submissionId)};
    Result<Questionnaire> q = questionnaireOf(cache, sources.submission.summary.questionnaireVersion);
    if (!q)
        return q.error();
    sources.questionnaire = *std::move(q);
    if (const std::optional<QString> &previousId = sources.submission.summary.previousSubmissionId) {
        // The previous submission is context: when it is not cached the
        // report says so instead of failing.
        const Result<std::optional<Submission>> previous = cache.submissions().submission(*previousId);
        if (!previous)
            return previous.error();
        sources.previous = *previous;
        if (const std::optional<Submission> &p = sources.previous) {
            if (Result<Questionnaire> pq = questionnaireOf(cache, p->summary.questionnaireVersion))
                sources.previousQuestionnaire = *std::move(pq);
        }
    }
    return sources;
}

} // namespace assay
