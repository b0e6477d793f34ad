#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace assay {

// The queue's side list: named slices of the cache a reviewer works from.
// What each one holds is QueueQuery's to say (in SQL), against a
// QueueContext (who looks, and when).
enum class SavedView {
    MyQueue,
    Unassigned,
    ReviewStage,
    SecurityStage,
    PendingUpload,
    ConflictsAndFailures,
    DueForRevalidation,
    Locked,
    Decided,
    All
};

// Every view, in the side list's order.
QList<SavedView> allSavedViews();
// The translated name ("My queue", "Due for re-validation" ...).
QString savedViewName(SavedView view);
// A stable key for QSettings ("my-queue" ...), never translated.
QString savedViewKey(SavedView view);
std::optional<SavedView> savedViewFromKey(QStringView key);
// The views a user with these roles is offered: SecurityStage only for
// `security` users.
QList<SavedView> savedViewsFor(const QStringList &roles);

// QHash<SavedView, int> needs it (an enum class has no qHash of its own in
// every Qt 6 minor version).
inline size_t qHash(SavedView view, size_t seed = 0) noexcept
{
    return ::qHash(int(view), seed);
}

} // namespace assay
