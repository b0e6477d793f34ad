#pragma once

#include <QWidget>

class QTreeWidget;

namespace assay {

struct ReviewContext;

// The submission's audit trail, newest first, with the reviewer's own
// writes that have not reached the marketplace shown as such on top.
class HistoryPane : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPane(QWidget *parent = nullptr);

    void setContext(const ReviewContext *context);
    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};

} // namespace assay
