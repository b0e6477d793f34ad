#include "ui/review/ChecklistPane.h"

#include "models/Cache.h"
#include "models/ReviewWork.h"
#include "ui/review/DebouncedWriter.h"
#include "ui/review/ReviewContext.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace assay {

namespace {
enum Column { ItemColumn, RequiredColumn, NoteColumn };
constexpr int KeyRole = Qt::UserRole + 1;

QString firstLine(const QString &text)
{
    const QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    return line.size() > 40 ? line.left(39) + QChar(0x2026) : line;
}
} // namespace

ChecklistPane::ChecklistPane(Cache *cache, DebouncedWriter *writer, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_writer(writer)
    , m_title(new QLabel)
    , m_items(new QTreeWidget)
    , m_itemNoteLabel(new QLabel)
    , m_itemNote(new QPlainTextEdit)
    , m_categoryNote(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("ChecklistPane"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_items->setObjectName(QStringLiteral("ChecklistItems"));
    m_items->setAccessibleName(tr("Checklist of this category"));
    m_items->setRootIsDecorated(false);
    m_items->setWordWrap(true);
    m_items->setHeaderLabels({tr("Item"), tr("Required"), tr("Note")});
    m_items->header()->setStretchLastSection(false);
    m_items->header()->setSectionResizeMode(ItemColumn, QHeaderView::Stretch);
    m_items->header()->setSectionResizeMode(RequiredColumn, QHeaderView::ResizeToContents);
    m_items->header()->setSectionResizeMode(NoteColumn, QHeaderView::ResizeToContents);
    connect(m_items, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *row, int column) {
        if (m_filling || column != ItemColumn)
            return;
        const bool checked = row->checkState(ItemColumn) == Qt::Checked;
        if (m_context && m_context->ticks.value(row->data(ItemColumn, KeyRole).toString()) != checked)
            setTick(row, checked);
    });
    connect(m_items, &QTreeWidget::currentItemChanged, this, [this] { showItemNote(); });

    m_itemNoteLabel->setTextFormat(Qt::PlainText);
    m_itemNoteLabel->setBuddy(m_itemNote);
    m_itemNote->setObjectName(QStringLiteral("ItemNote"));
    m_itemNote->setAccessibleName(tr("Note on the selected checklist item"));
    m_itemNote->setPlaceholderText(tr("Your note on this item (internal)…"));
    m_itemNote->setTabChangesFocus(true);
    m_itemNote->setMaximumHeight(90);
    connect(m_itemNote, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_filling)
            noteEdited(m_itemNote, currentItemKey());
    });
    auto *categoryNoteLabel = new QLabel(tr("&Note on the category"));
    categoryNoteLabel->setBuddy(m_categoryNote);
    m_categoryNote->setObjectName(QStringLiteral("CategoryNote"));
    m_categoryNote->setAccessibleName(tr("Note on the category"));
    m_categoryNote->setPlaceholderText(tr("Your free note on this category (internal)…"));
    m_categoryNote->setTabChangesFocus(true);
    m_categoryNote->setMaximumHeight(110);
    connect(m_categoryNote, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_filling)
            noteEdited(m_categoryNote, m_category);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_items, 1);
    layout->addWidget(m_itemNoteLabel);
    layout->addWidget(m_itemNote);
    layout->addWidget(categoryNoteLabel);
    layout->addWidget(m_categoryNote);
    setTabOrder(m_items, m_itemNote);
    setTabOrder(m_itemNote, m_categoryNote);
}

void ChecklistPane::setContext(ReviewContext *context)
{
    m_context = context;
    rebuild();
}

void ChecklistPane::showCategory(const QString &categoryKey)
{
    if (categoryKey == m_category && m_items->topLevelItemCount() > 0)
        return;
    m_writer->flush();
    m_category = categoryKey;
    rebuild();
}

void ChecklistPane::rebuild()
{
    const QString current = currentItemKey();
    m_filling = true;
    m_items->clear();
    const Questionnaire::Category *category = m_context ? m_context->questionnaire.category(m_category) : nullptr;
    m_title->setText(category ? tr("Checklist: %1").arg(category->title) : tr("Checklist"));
    QTreeWidgetItem *select = nullptr;
    if (category) {
        for (const Questionnaire::ChecklistItem &item : category->checklist) {
            auto *row = new QTreeWidgetItem(m_items);
            row->setText(ItemColumn, item.text);
            row->setData(ItemColumn, KeyRole, item.key);
            row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            row->setCheckState(ItemColumn, m_context->ticks.value(item.key) ? Qt::Checked : Qt::Unchecked);
            row->setText(RequiredColumn, item.required ? tr("required") : tr("optional"));
            row->setText(NoteColumn, firstLine(m_context->notes.value(item.key)));
            row->setToolTip(ItemColumn, item.text);
            if (item.key == current || !select)
                select = item.key == current || !select ? row : select;
        }
    }
    if (select)
        m_items->setCurrentItem(select);
    setTextKeepingCursor(m_categoryNote, m_context ? m_context->notes.value(m_category) : QString());
    m_categoryNote->setEnabled(category != nullptr);
    m_filling = false;
    showItemNote();
}

QString ChecklistPane::currentItemKey() const
{
    const QTreeWidgetItem *row = m_items->currentItem();
    return row ? row->data(ItemColumn, KeyRole).toString() : QString();
}

bool ChecklistPane::tickCurrent()
{
    QTreeWidgetItem *row = m_items->currentItem();
    if (!row)
        return false;
    // Through the check state, as a click would: itemChanged writes it.
    row->setCheckState(ItemColumn, row->checkState(ItemColumn) == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    if (QTreeWidgetItem *next = m_items->itemBelow(row))
        m_items->setCurrentItem(next);
    return true;
}

void ChecklistPane::setTick(QTreeWidgetItem *row, bool checked)
{
    const QString sid = m_context->id();
    const QString key = row->data(ItemColumn, KeyRole).toString();
    ReviewContext *context = m_context;
    Cache *cache = m_cache;
    bool written = false;
    m_writer->writeNow([&]() -> Result<> {
        if (const Result<> r = cache->work().setChecklistTick(sid, key, checked); !r)
            return r;
        context->ticks.insert(key, checked);
        written = true;
        return {};
    });
    if (!written) {
        // The tick shows only what the cache holds.
        const QSignalBlocker blocker(m_items);
        row->setCheckState(ItemColumn, checked ? Qt::Unchecked : Qt::Checked);
        return;
    }
    Q_EMIT ticksChanged();
}

void ChecklistPane::showItemNote()
{
    const QTreeWidgetItem *row = m_items->currentItem();
    const bool was = m_filling;
    m_filling = true;
    m_itemNote->setEnabled(row != nullptr);
    m_itemNoteLabel->setText(row ? tr("Note on “%1”").arg(firstLine(row->text(ItemColumn))) : tr("Note on an item"));
    setTextKeepingCursor(m_itemNote, row && m_context ? m_context->notes.value(currentItemKey()) : QString());
    m_filling = was;
}

void ChecklistPane::noteEdited(QPlainTextEdit *editor, const QString &key)
{
    if (!m_context || key.isEmpty())
        return;
    const QString sid = m_context->id();
    const QString body = editor->toPlainText();
    ReviewContext *context = m_context;
    Cache *cache = m_cache;
    m_writer->schedule(sid + QLatin1Char('/') + key, [cache, context, sid, key, body]() -> Result<> {
        if (const Result<> r = cache->work().setNote(sid, key, body); !r)
            return r;
        if (body.isEmpty())
            context->notes.remove(key);
        else
            context->notes.insert(key, body);
        return {};
    });
    if (editor == m_itemNote) {
        if (QTreeWidgetItem *row = m_items->currentItem()) {
            const QSignalBlocker blocker(m_items);
            row->setText(NoteColumn, firstLine(body));
        }
    }
}

void ChecklistPane::setTextKeepingCursor(QPlainTextEdit *editor, const QString &text)
{
    if (editor->toPlainText() != text)
        editor->setPlainText(text);
}

} // namespace assay
