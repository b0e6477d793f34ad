#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace assay {

class Cache;
class CommentsModel;
struct ReviewContext;

// The submission's conversation: internal notes, our clarification requests
// and the partner's replies told apart, with the reviewer's own comments
// that wait in the outbox; and a box to write an internal note or ask the
// partner (through the outbox, so it works offline).
class CommentsPane : public QWidget
{
    Q_OBJECT

public:
    explicit CommentsPane(Cache *cache, QWidget *parent = nullptr);

    void setContext(const ReviewContext *context);
    void focusComposer();

    QListView *list() const { return m_list; }
    CommentsModel *model() const { return m_model; }
    // The id a comment waiting in the outbox is shown with.
    static QString outboxId(qint64 entryId);
    QPlainTextEdit *composer() const { return m_compose; }
    QPushButton *internalButton() const { return m_internal; }
    QPushButton *askButton() const { return m_ask; }
    QLabel *awaitingLabel() const { return m_awaiting; }

Q_SIGNALS:
    // A comment was recorded in the outbox.
    void recorded();

private:
    void record(bool toPartner);

    Cache *m_cache;
    const ReviewContext *m_context = nullptr;
    QLabel *m_awaiting;
    CommentsModel *m_model;
    QListView *m_list;
    QPlainTextEdit *m_compose;
    QPushButton *m_internal;
    QPushButton *m_ask;
    QLabel *m_error;
};

} // namespace assay
