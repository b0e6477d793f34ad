#include "ui/queue/QueueStateDelegate.h"

#include "models/QueueModel.h"
#include "models/SlaPolicy.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QToolTip>
#include <QStyle>
#include <QWidget>

namespace assay {

QueueStateDelegate::QueueStateDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

bool QueueStateDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                   const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.column() == QueueModel::SlaColumn) {
        const QString sentence = index.data(Qt::DisplayRole).toString();
        if (!sentence.isEmpty()) {
            QToolTip::showText(event->globalPos(), sentence, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
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
    // The SLA in a few characters ("Breached · 17 d"): the state and the
    // whole days in stage; the model's sentence stays its tooltip.
    if (index.column() == QueueModel::SlaColumn && !state.isEmpty() && state != QLatin1String("none")) {
        for (SlaPolicy::State s : {SlaPolicy::State::OnTrack, SlaPolicy::State::DueSoon, SlaPolicy::State::Breached,
                                   SlaPolicy::State::Paused}) {
            if (SlaPolicy::stateName(s) == state) {
                const int days = int(index.data(QueueModel::SortRole).toDouble());
                option->text = tr("%1 · %2 d", "an SLA state and whole days in the stage").arg(SlaPolicy::stateLabel(s)).arg(days);
            }
        }
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
