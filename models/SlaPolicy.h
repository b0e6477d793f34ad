#pragma once

#include "domain/SubmissionSummary.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace assay {

// How long a submission may stay in a stage (target days per stage,
// configurable), and where it stands against that.
struct SlaPolicy
{
    int reviewTargetDays = 5;
    int securityTargetDays = 3;
    // Due soon: less than this many days left of the target.
    double dueSoonDays = 1.0;

    enum class State { None, OnTrack, DueSoon, Breached, Paused };

    // Days in the current stage (the clock stands still while awaiting the
    // partner: a partner-visible request with no partner reply after it).
    // pausedSeconds: earlier, closed waits in this stage; awaitingSince: the
    // open one, if any (it counts as paused up to now).
    static double daysInStage(const QDateTime &stageEnteredAt, qint64 pausedSeconds,
                              const std::optional<QDateTime> &awaitingSince, const QDateTime &now);
    // None at stage done; Paused while awaiting the partner.
    State state(SubmissionSummary::Stage stage, double daysInStage, bool awaiting) const;
    // The target for a stage (0 for done: no target).
    int targetDays(SubmissionSummary::Stage stage) const;

    // A translated word for a state ("On track", "Breached" ...), and a stable
    // name for roles and tests ("on-track" ...).
    static QString stateLabel(State state);
    static QString stateName(State state);

    friend bool operator==(const SlaPolicy &, const SlaPolicy &) = default;
};

} // namespace assay
