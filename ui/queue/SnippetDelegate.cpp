#include "ui/queue/SnippetDelegate.h"

#include "models/QueueModel.h"

#include <QApplication>
#include <QPainter>
#include <QPoint>
#include <QStyle>
#include <QTextLayout>

namespace assay {

SnippetDelegate::SnippetDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void SnippetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const QList<QPoint> ranges = index.data(QueueModel::MatchRangesRole).value<QList<QPoint>>();
    // The style draws the cell (background, selection, focus) without text;
    // the text is laid out here with the matches marked.
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group = !opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Disabled
        : opt.state.testFlag(QStyle::State_Active)                                ? QPalette::Active
                                                                                  : QPalette::Inactive;
    QList<QTextLayout::FormatRange> formats;
    for (const QPoint &r : ranges) {
        if (r.x() < 0 || r.y() <= 0 || r.x() >= text.size())
            continue;
        QTextLayout::FormatRange f;
        f.start = r.x();
        f.length = std::min<int>(r.y(), int(text.size()) - r.x());
        if (selected) {
            f.format.setFontWeight(QFont::Bold);
            f.format.setFontUnderline(true);
        } else {
            f.format.setBackground(opt.palette.brush(group, QPalette::Highlight));
            f.format.setForeground(opt.palette.brush(group, QPalette::HighlightedText));
        }
        formats.append(f);
    }

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    // One line: a snippet's line breaks are spaces here.
    QString line = text;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    // A column narrower than the snippet would hide the match: then the
    // snippet starts a little before it, cut where it is cut ("…").
    if (!formats.isEmpty()) {
        const QFontMetrics fm(opt.font);
        const int start = formats.first().start;
        const int end = start + formats.first().length;
        if (fm.horizontalAdvance(line.left(end)) > textRect.width()) {
            int cut = start;
            const int room = textRect.width() / 4;
            while (cut > 0 && fm.horizontalAdvance(line.mid(cut - 1, start - cut + 1)) < room)
                --cut;
            const QString ellipsis(QChar(0x2026));
            line = ellipsis + line.mid(cut);
            const int shift = int(ellipsis.size()) - cut;
            QList<QTextLayout::FormatRange> shifted;
            for (QTextLayout::FormatRange f : std::as_const(formats)) {
                if (f.start < cut)
                    continue;
                f.start += shift;
                shifted.append(f);
            }
            formats = shifted;
        }
    }
    QTextLayout layout(line, opt.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    textOption.setTextDirection(opt.direction);
    layout.setTextOption(textOption);
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine textLine = layout.createLine();
    if (textLine.isValid())
        textLine.setLineWidth(1e6);
    layout.endLayout();

    painter->save();
    painter->setClipRect(textRect);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const qreal y = textRect.top() + (textRect.height() - layout.boundingRect().height()) / 2;
    layout.draw(painter, QPointF(textRect.left(), y));
    painter->restore();
}

} // namespace assay
