#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace assay {

class Cache;
class DebouncedWriter;
struct ReviewContext;

// The checklist of the category in view: each item ticked with one click or
// Space, a note per item and a free note on the category. Every change goes
// to the cache as it is made (typing through the DebouncedWriter); the pane
// shows a change only once it is written.
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

    QTreeWidget *items() const { return m_items; }
    QPlainTextEdit *itemNote() const { return m_itemNote; }
    QPlainTextEdit *categoryNote() const { return m_categoryNote; }

Q_SIGNALS:
    void ticksChanged();

private:
    void rebuild();
    void setTick(QTreeWidgetItem *row, bool checked);
    void showItemNote();
    void noteEdited(QPlainTextEdit *editor, const QString &key);
    static void setTextKeepingCursor(QPlainTextEdit *editor, const QString &text);

    Cache *m_cache;
    DebouncedWriter *m_writer;
    ReviewContext *m_context = nullptr;
    QString m_category;
    QLabel *m_title;
    QTreeWidget *m_items;
    QLabel *m_itemNoteLabel;
    QPlainTextEdit *m_itemNote;
    QPlainTextEdit *m_categoryNote;
    bool m_filling = false;
};

} // namespace assay
