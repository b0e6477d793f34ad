#include "models/ChangedOnlyFilter.h"

#include "models/ReviewTreeModel.h"

namespace assay {

ChangedOnlyFilter::ChangedOnlyFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    // A category's changed mark is its questions': it stays exactly when one
    // of them does, and the tree repaints it through dataChanged.
    setRecursiveFilteringEnabled(false);
    setDynamicSortFilter(true);
}

void ChangedOnlyFilter::setChangedOnly(bool on)
{
    if (m_changedOnly == on)
        return;
    m_changedOnly = on;
    invalidateRowsFilter();
}

bool ChangedOnlyFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_changedOnly)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // ChangedRole is true for a category with any changed question.
    return index.data(ReviewTreeModel::ChangedRole).toBool();
}

} // namespace assay
