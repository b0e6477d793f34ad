#pragma once

#include "models/SavedView.h"
#include "models/SlaPolicy.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

// Who looks at the queue, and when: what "my" and "due" mean.
struct QueueContext
{
    QString me;                 // the signed-in user's id
    QStringList roles;          // theirs: reviewer, security, lead
    QDateTime now;              // invalid: the current time when asked
    int revalidationWindowDays = 60;
    SlaPolicy sla;

    // `now`, or the current time when it is not set.
    QDateTime effectiveNow() const { return now.isValid() ? now : QDateTime::currentDateTimeUtc(); }
    bool isSecurity() const { return roles.contains(QStringLiteral("security")); }

    friend bool operator==(const QueueContext &, const QueueContext &) = default;
};

// What the reviewer narrows the queue to: a saved view, and filters that
// combine with it (all must hold).
struct QueueFilter
{
    SavedView view = SavedView::All;
    QStringList statuses, stages;          // API names; empty = any
    std::optional<QString> assignee;       // user id; "" = unassigned
    QString partnerId, questionnaireVersion;
    std::optional<int> minAgeDays, maxAgeDays;  // days since submitted
    QString search;                        // the user's text (SearchQuery syntax)

    friend bool operator==(const QueueFilter &, const QueueFilter &) = default;
};

} // namespace assay
