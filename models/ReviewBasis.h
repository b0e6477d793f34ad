#pragma once

#include "domain/Questionnaire.h"
#include "domain/Submission.h"

#include <QHash>
#include <QString>

namespace assay {

// What a checklist tick or note was made on: a digest of one category's
// answers and their evidence content. A tick or note stamped with another
// category's basis than the current one was made on other text and needs a
// second look ("made on version N — recheck"). The cache stores this value
// with each tick and note; the checklist compares it — both must compute it
// here, so they agree.
class ReviewBasis
{
public:
    // Hex sha256 over the category's questions in the questionnaire's order:
    // each key, its answer's text and the sorted sha256s of its evidence.
    // A new version that leaves the category's answers and evidence as they
    // were keeps its basis; evidence ids and filenames do not count.
    // Empty for a category the questionnaire does not have.
    static QString of(const Questionnaire &questionnaire, const Submission &submission, const QString &categoryKey);
    // Every category's basis, by category key.
    static QHash<QString, QString> ofAll(const Questionnaire &questionnaire, const Submission &submission);
};

} // namespace assay
