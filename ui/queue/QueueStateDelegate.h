#pragma once

#include <QStyledItemDelegate>

namespace assay {

// Gives the queue's state columns an icon beside their text, so a state
// reads without colour and in any palette: the SLA (due soon, breached,
// paused) and the local state (pending upload, conflict, failed). The SLA
// is shown short ("Breached · 17 d"), the model's sentence as its tooltip.
class QueueStateDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit QueueStateDelegate(QObject *parent = nullptr);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace assay
