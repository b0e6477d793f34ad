#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace assay {

struct Submission;

// What the queue filters and sorts on beyond the summary (schema 7's
// columns of `submissions`), worked out from a submission's details when
// the cache stores them:
//   stageEnteredAt   the last history entry that moved it to another stage
//                    (submitted, resubmitted, approved_review, returned, a
//                    decision); without one, when it was submitted
//   pausedSeconds    closed waits for the partner since then: the SLA clock
//                    stood still (a wait open before the stage began counts
//                    from the stage's start)
//   awaitingSince    the open wait: the first partner-visible request from
//                    the marketplace with no partner reply after it (the
//                    review screen's rule, CommentsModel::awaitingPartner)
//   reviewApprovedBy whose review-stage approve it has; a return clears it
struct QueueFacts
{
    QDateTime stageEnteredAt;
    qint64 pausedSeconds = 0;
    std::optional<QDateTime> awaitingSince;
    QString reviewApprovedBy;

    static QueueFacts of(const Submission &submission);
};

} // namespace assay
