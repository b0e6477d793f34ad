#include "ui/review/QuestionFindFilter.h"

#include <algorithm>

namespace assay {

QuestionFindFilter::QuestionFindFilter(TextOf textOf, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_textOf(std::move(textOf))
{
    // A category stays while one of its questions matches.
    setRecursiveFilteringEnabled(true);
}

void QuestionFindFilter::setText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified == m_text)
        return;
    m_text = simplified;
    invalidateRowsFilter();
}

bool QuestionFindFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // Every word typed, anywhere in the question or its answer.
    const QString haystack = m_textOf(index);
    const QStringList words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(),
                       [&haystack](const QString &w) { return haystack.contains(w, Qt::CaseInsensitive); });
}

} // namespace assay
