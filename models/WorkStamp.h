#pragma once

#include <QString>

namespace assay {

struct Questionnaire;
struct Submission;

// What a checklist tick or a note was made on: the submission's version and
// ReviewBasis::of() its category (a digest of the category's answers and
// evidence content), so that work made on older text can be flagged "made
// on version N — recheck" when the submission changes under the reviewer.
// Version 0 and an empty basis: not known (work made before stamps existed).
struct WorkStamp
{
    qint64 version = 0;
    QString basis;

    // The stamp of work on `categoryKey` made on `submission` now.
    static WorkStamp of(const Submission &submission, const Questionnaire &questionnaire, const QString &categoryKey);

    friend bool operator==(const WorkStamp &, const WorkStamp &) = default;
};

} // namespace assay
