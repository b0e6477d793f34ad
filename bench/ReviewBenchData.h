#pragma once

// The profile bench_review_open opens: generated domain records stored
// through the cache's own calls (store, storeQuestionnaire, storeUsers),
// as a sync stores what the marketplace sends. Deterministic for a seed.

#include "domain/Questionnaire.h"
#include "domain/Result.h"
#include "domain/Submission.h"

#include <QString>

namespace assay {
class Cache;
}

namespace assay::bench {

struct ReviewBenchIds
{
    // Two resubmissions with every answer of the questionnaire, ten evidence
    // items, comments and history; each has a rejected previous submission
    // whose answers differ in part (the word diff has work to do).
    QString first;
    QString second;
    QString firstPrevious;
    QString secondPrevious;
};

// A large submission (all answers, `words` words each, ten evidence items)
// as stored; `previousId` set makes it a resubmission of that one.
Submission largeSubmission(const Questionnaire &q, const QString &id, quint32 seed, int words,
                           const QString &previousId = {});

// Fills an open cache: the questionnaire, the users and the signed-in
// reviewer, `others` ordinary submissions (in batches, as a sync does), and
// the two large resubmissions with their previous submissions.
Result<ReviewBenchIds> fillCache(Cache &cache, const Questionnaire &q, int others, int words, quint32 seed);

} // namespace assay::bench
