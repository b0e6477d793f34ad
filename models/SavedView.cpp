#include "models/SavedView.h"

#include <QCoreApplication>

namespace assay {

namespace {
struct ViewKey
{
    SavedView view;
    const char *key;
};
constexpr ViewKey Keys[] = {
    {SavedView::MyQueue, "my-queue"},
    {SavedView::Unassigned, "unassigned"},
    {SavedView::ReviewStage, "review-stage"},
    {SavedView::SecurityStage, "security-stage"},
    {SavedView::PendingUpload, "pending-upload"},
    {SavedView::ConflictsAndFailures, "conflicts-and-failures"},
    {SavedView::DueForRevalidation, "due-for-revalidation"},
    {SavedView::Locked, "locked"},
    {SavedView::Decided, "decided"},
    {SavedView::All, "all"},
};
} // namespace

QList<SavedView> allSavedViews()
{
    QList<SavedView> views;
    for (const ViewKey &k : Keys)
        views.append(k.view);
    return views;
}

QString savedViewName(SavedView view)
{
    switch (view) {
    case SavedView::MyQueue:
        return QCoreApplication::translate("SavedView", "My queue");
    case SavedView::Unassigned:
        return QCoreApplication::translate("SavedView", "Unassigned");
    case SavedView::ReviewStage:
        return QCoreApplication::translate("SavedView", "Review stage");
    case SavedView::SecurityStage:
        return QCoreApplication::translate("SavedView", "Security stage");
    case SavedView::PendingUpload:
        return QCoreApplication::translate("SavedView", "Pending upload");
    case SavedView::ConflictsAndFailures:
        return QCoreApplication::translate("SavedView", "Conflicts and failures");
    case SavedView::DueForRevalidation:
        return QCoreApplication::translate("SavedView", "Due for re-validation");
    case SavedView::Locked:
        return QCoreApplication::translate("SavedView", "Locked until resubmission date");
    case SavedView::Decided:
        return QCoreApplication::translate("SavedView", "Decided");
    case SavedView::All:
        return QCoreApplication::translate("SavedView", "All");
    }
    return {};
}

QString savedViewKey(SavedView view)
{
    for (const ViewKey &k : Keys) {
        if (k.view == view)
            return QString::fromLatin1(k.key);
    }
    return {};
}

std::optional<SavedView> savedViewFromKey(QStringView key)
{
    for (const ViewKey &k : Keys) {
        if (key == QLatin1StringView(k.key))
            return k.view;
    }
    return std::nullopt;
}

QList<SavedView> savedViewsFor(const QStringList &roles)
{
    QList<SavedView> views = allSavedViews();
    if (!roles.contains(QStringLiteral("security")))
        views.removeAll(SavedView::SecurityStage);
    return views;
}

} // namespace assay
