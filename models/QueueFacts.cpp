#include "models/QueueFacts.h"

#include "domain/Submission.h"

#include <QSet>

#include <algorithm>

namespace assay {

QueueFacts QueueFacts::of(const Submission &sub)
{
    static const QSet<QString> stageMoves = {
        QStringLiteral("submitted"),       QStringLiteral("resubmitted"), QStringLiteral("approved_review"),
        QStringLiteral("returned"),        QStringLiteral("approved"),    QStringLiteral("rejected"),
        QStringLiteral("withdrawn"),
    };
    QueueFacts facts;
    for (const HistoryEntry &h : sub.history) {
        if (stageMoves.contains(h.action) && h.at.isValid() && (!facts.stageEnteredAt.isValid() || h.at >= facts.stageEnteredAt))
            facts.stageEnteredAt = h.at;
    }
    if (!facts.stageEnteredAt.isValid())
        facts.stageEnteredAt = sub.summary.stage == SubmissionSummary::Stage::Review ? sub.summary.submittedAt
                                                                                      : sub.summary.updatedAt;

    QList<const Comment *> comments;
    for (const Comment &c : sub.comments)
        comments.append(&c);
    std::stable_sort(comments.begin(), comments.end(),
                     [](const Comment *a, const Comment *b) { return a->createdAt < b->createdAt; });
    std::optional<QDateTime> waiting;
    for (const Comment *c : std::as_const(comments)) {
        if (c->from == Comment::From::Partner) {
            if (waiting) {
                const QDateTime from = std::max(*waiting, facts.stageEnteredAt);
                facts.pausedSeconds += std::max<qint64>(0, from.secsTo(c->createdAt));
            }
            waiting.reset();
        } else if (c->visibility == Comment::Visibility::Partner && !waiting) {
            waiting = c->createdAt;
        }
    }
    facts.awaitingSince = waiting;

    for (const RecordedVerdict &v : sub.verdicts) {
        if (v.verdict.decision == Verdict::Decision::Return)
            facts.reviewApprovedBy.clear();
        else if (v.stage == RecordedVerdict::Stage::Review && v.verdict.decision == Verdict::Decision::Approve)
            facts.reviewApprovedBy = v.by;
    }
    return facts;
}

} // namespace assay
