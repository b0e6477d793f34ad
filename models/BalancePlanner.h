#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace assay {

// A proposal that evens out the reviewers' open work, for the lead to
// accept move by move. Pure: it reads nothing and writes nothing, and the
// same input always gives the same moves.
//
// Only the movable submissions (the ones the lead selected, not pinned)
// ever move. A resubmission goes to the reviewer who rejected the previous
// submission when that reviewer still has the role, whatever the loads.
// A user without the reviewer role receives nothing; what is assigned to
// them and movable goes to someone who has it.
class BalancePlanner
{
public:
    struct Reviewer
    {
        QString id;
        // Every open submission assigned to them, movable or not.
        int open = 0;
        bool hasRole = true;
    };

    struct Movable
    {
        QString id;
        std::optional<QString> assignee;
        // Who rejected the previous submission (a resubmission); empty: nobody.
        QString rejectedBy;
        // Older ones are placed first, so they go to the least loaded.
        double ageDays = 0;
    };

    struct Move
    {
        QString submissionId;
        std::optional<QString> from;
        QString to;
        // Kept with the reviewer who rejected the previous submission.
        bool toRejecter = false;

        friend bool operator==(const Move &, const Move &) = default;
    };

    static QList<Move> plan(const QList<Reviewer> &reviewers, const QList<Movable> &movable);
};

} // namespace assay
