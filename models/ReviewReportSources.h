#pragma once

#include "domain/Questionnaire.h"
#include "domain/Result.h"
#include "domain/Submission.h"

#include <optional>

namespace assay {

class Cache;

// What a review report is built from: the submission as the marketplace
// recorded it (its `verdicts` included), its questionnaire, and for a
// resubmission or revalidation the app's previous submission.
struct ReviewReportSources
{
    Submission submission;
    // The submission's questionnaire (the rubric's texts, the checklist).
    Questionnaire questionnaire;
    // The app's previous submission and its questionnaire, when the cache
    // holds them: the report shows the decision this one answers.
    std::optional<Submission> previous;
    std::optional<Questionnaire> previousQuestionnaire;

    // From a profile's cache: the export command and the review screen's
    // menu read the same record. Fails with a reason for a submission the
    // cache does not hold or one without a recorded verdict yet; a
    // questionnaire the cache lacks is taken from those shipped with Assay.
    static Result<ReviewReportSources> load(Cache &cache, const QString &submissionId);
};

} // namespace assay
