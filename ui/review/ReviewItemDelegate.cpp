#include "ui/review/ReviewItemDelegate.h"

namespace assay {

ReviewItemDelegate::ReviewItemDelegate(TextFunction text, EmphasisFunction emphasis, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_text(std::move(text))
    , m_emphasis(std::move(emphasis))
{
}

void ReviewItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_text)
        option->text = m_text(index);
    if (m_emphasis && m_emphasis(index))
        option->font.setBold(true);
}

} // namespace assay
