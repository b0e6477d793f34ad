#include "models/SlaPolicy.h"

#include <QCoreApplication>

#include <algorithm>

namespace assay {

double SlaPolicy::daysInStage(const QDateTime &stageEnteredAt, qint64 pausedSeconds,
                              const std::optional<QDateTime> &awaitingSince, const QDateTime &now)
{
    if (!stageEnteredAt.isValid() || !now.isValid())
        return 0;
    // While awaiting the partner the clock stopped when the request was made.
    const QDateTime until = awaitingSince && awaitingSince->isValid() && *awaitingSince < now ? *awaitingSince : now;
    const qint64 seconds = std::max<qint64>(0, stageEnteredAt.secsTo(until) - std::max<qint64>(0, pausedSeconds));
    return double(seconds) / 86400.0;
}

int SlaPolicy::targetDays(SubmissionSummary::Stage stage) const
{
    switch (stage) {
    case SubmissionSummary::Stage::Review:
        return reviewTargetDays;
    case SubmissionSummary::Stage::Security:
        return securityTargetDays;
    case SubmissionSummary::Stage::Done:
        return 0;
    }
    return 0;
}

SlaPolicy::State SlaPolicy::state(SubmissionSummary::Stage stage, double days, bool awaiting) const
{
    if (stage == SubmissionSummary::Stage::Done)
        return State::None;
    if (awaiting)
        return State::Paused;
    const double target = targetDays(stage);
    if (days > target)
        return State::Breached;
    if (target - days < dueSoonDays)
        return State::DueSoon;
    return State::OnTrack;
}

QString SlaPolicy::stateLabel(State state)
{
    switch (state) {
    case State::None:
        return {};
    case State::OnTrack:
        return QCoreApplication::translate("SlaPolicy", "On track");
    case State::DueSoon:
        return QCoreApplication::translate("SlaPolicy", "Due soon");
    case State::Breached:
        return QCoreApplication::translate("SlaPolicy", "Breached");
    case State::Paused:
        return QCoreApplication::translate("SlaPolicy", "Awaiting partner");
    }
    return {};
}

QString SlaPolicy::stateName(State state)
{
    switch (state) {
    case State::None:
        return QStringLiteral("none");
    case State::OnTrack:
        return QStringLiteral("on-track");
    case State::DueSoon:
        return QStringLiteral("due-soon");
    case State::Breached:
        return QStringLiteral("breached");
    case State::Paused:
        return QStringLiteral("paused");
    }
    return {};
}

} // namespace assay
