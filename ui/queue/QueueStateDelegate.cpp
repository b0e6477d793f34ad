#include "ui/queue/QueueStateDelegate.h"

#include "models/QueueModel.h"

#include <QApplication>
#include <QStyle>
#include <QWidget>

namespace assay {

QueueStateDelegate::QueueStateDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void QueueStateDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    QString state;
    if (index.column() == QueueModel::SlaColumn)
        state = index.data(QueueModel::SlaStateRole).toString();
    else if (index.column() == QueueModel::LocalStateColumn)
        state = index.data(QueueModel::LocalStateRole).toString();
    std::optional<QStyle::StandardPixmap> pixmap;
    bool urgent = false;
    if (state == QLatin1String("breached") || state == QLatin1String("failed")) {
        pixmap = QStyle::SP_MessageBoxCritical;
        urgent = true;
    } else if (state == QLatin1String("due-soon") || state == QLatin1String("conflict")) {
        pixmap = QStyle::SP_MessageBoxWarning;
        urgent = state == QLatin1String("conflict");
    } else if (state == QLatin1String("paused")) {
        pixmap = QStyle::SP_MediaPause;
    } else if (state == QLatin1String("pending")) {
        pixmap = QStyle::SP_ArrowUp;
    }
    if (!pixmap)
        return;
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    option->icon = style->standardIcon(*pixmap, nullptr, option->widget);
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int extent = style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, option->widget);
    option->decorationSize = QSize(extent, extent);
    if (urgent)
        option->font.setBold(true);
}

} // namespace assay
