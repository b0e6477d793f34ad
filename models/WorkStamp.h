#pragma once

#include <QString>

namespace assay {

struct Questionnaire;
struct Submission;

// What a checklist tick or a note was made on: the submission's version and
// a digest of what it was about (the category's answers and evidence), so
// that work made on older text can be flagged "made on version N — recheck"
// when the submission changes under the reviewer. Version 0 and an empty
// basis: not known (work made before stamps existed).
struct WorkStamp
{
    qint64 version = 0;
    QString basis;

    // The digest of a category as `submission` has it: its questions' keys
    // and answers (in the questionnaire's order) and the sha256 of the
    // evidence each answer links. A new version that changed none of it
    // keeps the same basis; an empty string for an unknown category.
    static QString basisOf(const Submission &submission, const Questionnaire &questionnaire, const QString &categoryKey);
    // The stamp of work on `categoryKey` made on `submission` now.
    static WorkStamp of(const Submission &submission, const Questionnaire &questionnaire, const QString &categoryKey);

    friend bool operator==(const WorkStamp &, const WorkStamp &) = default;
};

} // namespace assay
