#include "models/WorkStamp.h"

#include "domain/Questionnaire.h"
#include "domain/Submission.h"
#include "models/ReviewBasis.h"

namespace assay {

WorkStamp WorkStamp::of(const Submission &submission, const Questionnaire &questionnaire, const QString &categoryKey)
{
    return {submission.summary.version, ReviewBasis::of(questionnaire, submission, categoryKey)};
}

} // namespace assay
