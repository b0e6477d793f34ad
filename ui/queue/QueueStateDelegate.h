#pragma once

#include <QStyledItemDelegate>

namespace assay {

// Gives the queue's state columns an icon beside their text, so a state
// reads without colour and in any palette: the SLA (due soon, breached,
// paused) and the local state (pending upload, conflict, failed).
class QueueStateDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit QueueStateDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace assay
