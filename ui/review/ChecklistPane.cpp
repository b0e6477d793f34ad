#include "ui/review/ChecklistPane.h"

#include "models/Cache.h"
#include "models/ChecklistModel.h"
#include "models/ReviewBasis.h"
#include "models/ReviewWork.h"
#include "ui/review/DebouncedWriter.h"
#include "ui/review/ReviewContext.h"
#include "ui/review/ReviewItemDelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay {

namespace {
QString firstLine(const QString &text, int max = 40)
{
    const QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    return line.size() > max ? line.left(max - 1) + QChar(0x2026) : line;
}
} // namespace

ChecklistPane::ChecklistPane(Cache *cache, DebouncedWriter *writer, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_writer(writer)
    , m_model(new ChecklistModel([this](const QString &key, bool checked) { return writeTick(key, checked); },
                                 [this](const QString &key, const QString &note) { return writeNote(key, note); }, this))
    , m_title(new QLabel)
    , m_items(new QListView)
    , m_recheck(new QPushButton(tr("Looked at &again")))
    , m_itemNoteLabel(new QLabel)
    , m_itemNote(new QPlainTextEdit)
    , m_categoryNote(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("ChecklistPane"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    // The title's counter and the item note's label change with every tick:
    // as labels that ask for their text's width they made the splitter
    // re-lay out all three columns on each Space (bench_review_open: 13.6 ms
    // a tick, 4.4 ms without). The column decides their width, not the text.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_itemNoteLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_items->setObjectName(QStringLiteral("ChecklistItems"));
    m_items->setAccessibleName(tr("Checklist of this category"));
    m_items->setModel(m_model);
    m_items->setWordWrap(true);
    m_items->setSpacing(1);
    m_items->setItemDelegate(new ReviewItemDelegate(
        [](const QModelIndex &i) {
            QString text = i.data().toString();
            if (const QString recheck = i.data(ChecklistModel::RecheckTextRole).toString(); !recheck.isEmpty())
                text += QStringLiteral(" — ") + recheck;
            if (const QString note = i.data(ChecklistModel::NoteRole).toString(); !note.isEmpty())
                text += QLatin1Char('\n') + tr("Note: %1").arg(firstLine(note, 60));
            return text;
        },
        [](const QModelIndex &i) { return i.data(ChecklistModel::RecheckRole).toBool(); }, this));
    connect(m_items->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { showItemNote(); });
    connect(m_model, &ChecklistModel::tickChanged, this, [this](const QString &key, bool checked) {
        if (m_context)
            m_context->ticks.insert(key, checked);
        updateTitle();
        Q_EMIT ticked(key, checked);
    });
    connect(m_model, &ChecklistModel::writeFailed, this, &ChecklistPane::writeFailed);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        m_recheck->setEnabled(m_items->currentIndex().data(ChecklistModel::RecheckRole).toBool());
    });

    m_recheck->setAccessibleName(tr("Confirm the tick and note of this item on the current answers"));
    m_recheck->setToolTip(tr("The tick or note was made on an older version of the answers: confirm it still holds"));
    m_recheck->setEnabled(false);
    connect(m_recheck, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_items->currentIndex();
        if (i.isValid())
            m_writer->writeNow([this, row = i.row()] { return m_model->confirm(row); });
    });

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

    auto *noteHead = new QHBoxLayout;
    noteHead->addWidget(m_itemNoteLabel, 1);
    noteHead->addWidget(m_recheck);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_items, 1);
    layout->addLayout(noteHead);
    layout->addWidget(m_itemNote);
    layout->addWidget(categoryNoteLabel);
    layout->addWidget(m_categoryNote);
    setTabOrder(m_items, m_itemNote);
    setTabOrder(m_itemNote, m_categoryNote);
}

void ChecklistPane::setContext(ReviewContext *context)
{
    m_writer->flush();
    m_context = context;
    rebuild();
}

void ChecklistPane::showCategory(const QString &categoryKey)
{
    if (categoryKey == m_category)
        return;
    m_writer->flush();
    m_category = categoryKey;
    rebuild();
}

void ChecklistPane::rebuild()
{
    const QString current = currentItemKey();
    m_filling = true;
    const Questionnaire::Category *category = m_context ? m_context->questionnaire.category(m_category) : nullptr;
    QHash<QString, ChecklistModel::ItemState> states;
    ChecklistModel::Stamp stamp;
    if (m_context) {
        auto stampOf = [](const WorkStamp &w) { return ChecklistModel::Stamp{w.version, w.basis}; };
        for (auto it = m_context->ticks.cbegin(); it != m_context->ticks.cend(); ++it)
            states[it.key()].checked = it.value();
        for (auto it = m_context->tickStamps.cbegin(); it != m_context->tickStamps.cend(); ++it)
            states[it.key()].tickStamp = stampOf(it.value());
        for (auto it = m_context->notes.cbegin(); it != m_context->notes.cend(); ++it)
            states[it.key()].note = it.value();
        for (auto it = m_context->noteStamps.cbegin(); it != m_context->noteStamps.cend(); ++it)
            states[it.key()].noteStamp = stampOf(it.value());
        stamp = {m_context->submission.summary.version,
                 ReviewBasis::of(m_context->questionnaire, m_context->submission, m_category)};
        m_model->setCategory(m_context->questionnaire, m_category, stamp, states);
    } else {
        m_model->setCategory({}, {}, {}, {});
    }
    updateTitle();
    const int row = std::max(0, m_model->rowOf(current));
    if (m_model->rowCount() > 0)
        m_items->setCurrentIndex(m_model->index(row));
    setTextKeepingCursor(m_categoryNote, m_model->categoryNote());
    m_categoryNote->setEnabled(category != nullptr);
    m_filling = false;
    showItemNote();
}

void ChecklistPane::updateTitle()
{
    const Questionnaire::Category *category = m_context ? m_context->questionnaire.category(m_category) : nullptr;
    m_title->setText(category ? tr("Checklist: %1 — %2/%3 required ticked")
                                    .arg(category->title)
                                    .arg(m_model->requiredTicked())
                                    .arg(m_model->requiredCount())
                              : tr("Checklist"));
}

QString ChecklistPane::currentItemKey() const
{
    return m_items->currentIndex().data(ChecklistModel::KeyRole).toString();
}

bool ChecklistPane::tickCurrent()
{
    const QModelIndex i = m_items->currentIndex();
    if (!i.isValid())
        return false;
    if (!m_model->setChecked(i.row(), !i.data(ChecklistModel::CheckedRole).toBool()))
        return false;
    if (i.row() + 1 < m_model->rowCount())
        m_items->setCurrentIndex(m_model->index(i.row() + 1));
    return true;
}

Result<> ChecklistPane::writeTick(const QString &itemKey, bool checked)
{
    if (!m_context)
        return Error{tr("no submission is open")};
    const QString sid = m_context->id();
    const WorkStamp stamp = currentStamp();
    Result<> written;
    m_writer->writeNow([&] { return written = m_cache->work().setChecklistTick(sid, itemKey, checked, stamp); });
    if (written)
        m_context->tickStamps.insert(itemKey, stamp);
    return written;
}

Result<> ChecklistPane::writeNote(const QString &key, const QString &note)
{
    if (!m_context)
        return Error{tr("no submission is open")};
    const WorkStamp stamp = currentStamp();
    if (const Result<> r = m_cache->work().setNote(m_context->id(), key, note, stamp); !r)
        return r;
    if (note.isEmpty()) {
        m_context->notes.remove(key);
        m_context->noteStamps.remove(key);
    } else {
        m_context->notes.insert(key, note);
        m_context->noteStamps.insert(key, stamp);
    }
    return {};
}

WorkStamp ChecklistPane::currentStamp() const
{
    // Made on the category in view: its items' ticks and notes and its own note.
    return WorkStamp::of(m_context->submission, m_context->questionnaire, m_category);
}

void ChecklistPane::showItemNote()
{
    const QModelIndex i = m_items->currentIndex();
    const bool was = m_filling;
    m_filling = true;
    m_itemNote->setEnabled(i.isValid());
    m_itemNoteLabel->setText(i.isValid() ? tr("Note on “%1”").arg(firstLine(i.data().toString())) : tr("Note on an item"));
    setTextKeepingCursor(m_itemNote, i.data(ChecklistModel::NoteRole).toString());
    m_recheck->setEnabled(i.data(ChecklistModel::RecheckRole).toBool());
    m_filling = was;
}

void ChecklistPane::noteEdited(QPlainTextEdit *editor, const QString &key)
{
    if (!m_context || key.isEmpty())
        return;
    const QString body = editor->toPlainText();
    const QString category = m_category;
    const bool onCategory = editor == m_categoryNote;
    // Written through the model (it shows the note once stored); the pane
    // flushes before it shows another category, so the row is still there.
    m_writer->schedule(m_context->id() + QLatin1Char('/') + key, [this, key, body, category, onCategory]() -> Result<> {
        if (m_model->categoryKey() != category)
            return writeNote(key, body);
        if (onCategory)
            return m_model->setCategoryNote(body);
        const int row = m_model->rowOf(key);
        return row >= 0 ? m_model->setNote(row, body) : writeNote(key, body);
    });
}

void ChecklistPane::setTextKeepingCursor(QPlainTextEdit *editor, const QString &text)
{
    if (editor->toPlainText() != text)
        editor->setPlainText(text);
}

} // namespace assay
