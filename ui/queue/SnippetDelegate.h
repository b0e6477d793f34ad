#pragma once

#include <QStyledItemDelegate>

namespace assay {

// Draws a search snippet with the words that matched marked: the ranges in
// QueueModel::MatchRangesRole (QList<QPoint>: start, length) get the
// palette's highlight colours, so they read in dark mode as in light. In a
// selected row, whose background is the highlight already, the matches are
// drawn bold and underlined instead.
class SnippetDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SnippetDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace assay
