#pragma once

#include "domain/Answer.h"
#include "domain/Comment.h"
#include "domain/EvidenceItem.h"
#include "domain/HistoryEntry.h"
#include "domain/RecordedVerdict.h"
#include "domain/SubmissionSummary.h"

#include <QList>

namespace assay {

// A submission with everything a reviewer reads: answers, evidence metadata,
// comments, history and every verdict recorded on it (GET /submissions/{id}).
struct Submission
{
    SubmissionSummary summary;
    QList<Answer> answers;
    QList<EvidenceItem> evidence;
    QList<Comment> comments;
    QList<HistoryEntry> history;
    // Oldest first, exactly as decided.
    QList<RecordedVerdict> verdicts;

    QJsonObject toJson() const;
    static Submission fromJson(JsonReader &reader);

    friend bool operator==(const Submission &, const Submission &) = default;
};

} // namespace assay
