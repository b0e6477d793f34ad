#pragma once

#include "domain/Result.h"
#include "models/WorkStamp.h"

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace assay {

class Cache;
class ChecklistModel;
class DebouncedWriter;
struct ReviewContext;

// The checklist of the category in view (a ChecklistModel): each item ticked
// with one click or Space, a note per item and a free note on the category,
// and the "made on version N — recheck" flags. Every change goes to the
// cache as it is made (typing through the DebouncedWriter); the model shows
// a change only once it is written.
class ChecklistPane : public QWidget
{
    Q_OBJECT

public:
    ChecklistPane(Cache *cache, DebouncedWriter *writer, QWidget *parent = nullptr);

    void setContext(ReviewContext *context);
    void showCategory(const QString &categoryKey);
    QString categoryKey() const { return m_category; }
    // Flips the current item and moves to the next; false when there is none.
    bool tickCurrent();
    QString currentItemKey() const;

    ChecklistModel *model() const { return m_model; }
    QListView *items() const { return m_items; }
    QPlainTextEdit *itemNote() const { return m_itemNote; }
    QPlainTextEdit *categoryNote() const { return m_categoryNote; }
    QPushButton *recheckButton() const { return m_recheck; }

Q_SIGNALS:
    void ticked(const QString &itemKey, bool checked);
    void writeFailed(const QString &message);

private:
    void rebuild();
    void updateTitle();
    void showItemNote();
    void noteEdited(QPlainTextEdit *editor, const QString &key);
    Result<> writeTick(const QString &itemKey, bool checked);
    Result<> writeNote(const QString &key, const QString &note);
    WorkStamp currentStamp() const;
    static void setTextKeepingCursor(QPlainTextEdit *editor, const QString &text);

    Cache *m_cache;
    DebouncedWriter *m_writer;
    ReviewContext *m_context = nullptr;
    ChecklistModel *m_model;
    QString m_category;
    QLabel *m_title;
    QListView *m_items;
    QPushButton *m_recheck;
    QLabel *m_itemNoteLabel;
    QPlainTextEdit *m_itemNote;
    QPlainTextEdit *m_categoryNote;
    bool m_filling = false;
};

} // namespace assay
