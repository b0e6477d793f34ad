#pragma once

#include <QWidget>

class QListView;

namespace assay {

class HistoryModel;
struct ReviewContext;

// The submission's audit trail (a HistoryModel), newest first, with the
// reviewer's own writes that have not reached the marketplace shown as such
// on top.
class HistoryPane : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPane(QWidget *parent = nullptr);

    void setContext(const ReviewContext *context);
    QListView *list() const { return m_list; }
    HistoryModel *model() const { return m_model; }

private:
    const ReviewContext *m_context = nullptr;
    HistoryModel *m_model;
    QListView *m_list;
};

} // namespace assay
