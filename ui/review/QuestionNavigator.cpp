#include "ui/review/QuestionNavigator.h"

#include "ui/review/ReviewContext.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace assay {

namespace {
const QString Changed = QStringLiteral("changed");

QString firstLine(const QString &text, int max = 70)
{
    QString line = text.simplified();
    if (line.size() > max)
        line = line.left(max - 1) + QChar(0x2026);
    return line;
}
} // namespace

QuestionNavigator::QuestionNavigator(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(this))
    , m_changed(new QSortFilterProxyModel(this))
    , m_found(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView)
    , m_changedOnly(new QCheckBox(tr("&Changed only")))
    , m_find(new QLineEdit)
{
    setObjectName(QStringLiteral("QuestionNavigator"));
    m_changed->setSourceModel(m_model);
    m_changed->setRecursiveFilteringEnabled(true);
    m_changed->setFilterRole(ChangedRole);
    m_found->setSourceModel(m_changed);
    m_found->setRecursiveFilteringEnabled(true);
    m_found->setFilterRole(SearchRole);
    m_found->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_model->setHorizontalHeaderLabels({tr("Question"), tr("Progress / change")});
    m_tree->setModel(m_found);
    m_tree->setAccessibleName(tr("Categories and questions"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { currentChanged(current); });

    m_changedOnly->setAccessibleName(tr("Show changed questions only"));
    m_changedOnly->setToolTip(tr("Hide the questions whose answer is the same as in the previous submission"));
    connect(m_changedOnly, &QCheckBox::toggled, this, [this](bool on) {
        const QString current = currentQuestionKey();
        m_changed->setFilterFixedString(on ? Changed : QString());
        m_tree->expandAll();
        if (current.isEmpty() || !selectQuestion(current))
            selectFirstQuestion();
    });
    m_find->setPlaceholderText(tr("Find in questions and answers…"));
    m_find->setClearButtonEnabled(true);
    m_find->setAccessibleName(tr("Find in questions and answers"));
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QString current = currentQuestionKey();
        m_found->setFilterFixedString(text);
        m_tree->expandAll();
        if (current.isEmpty() || !selectQuestion(current))
            selectFirstQuestion();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_find);
    layout->addWidget(m_changedOnly);
    layout->addWidget(m_tree, 1);
    setTabOrder(m_find, m_changedOnly);
    setTabOrder(m_changedOnly, m_tree);
}

void QuestionNavigator::setContext(const ReviewContext &context)
{
    const QString current = currentQuestionKey();
    const QSignalBlocker blocker(m_tree->selectionModel());
    // Rows only: clearing the model would drop the header's columns.
    m_model->removeRows(0, m_model->rowCount());
    for (const Questionnaire::Category &category : context.questionnaire.categories) {
        int required = 0;
        int ticked = 0;
        for (const Questionnaire::ChecklistItem &item : category.checklist) {
            if (!item.required)
                continue;
            ++required;
            ticked += context.ticks.value(item.key) ? 1 : 0;
        }
        auto *title = new QStandardItem(category.title);
        title->setData(category.key, KeyRole);
        title->setData(false, IsQuestionRole);
        title->setEditable(false);
        int changes = 0;
        for (const Questionnaire::Question &q : category.questions) {
            const Answer *answer = context.answer(q.key);
            QString mark;
            switch (context.change(q.key)) {
            case ReviewContext::Change::New:
                mark = tr("new question");
                break;
            case ReviewContext::Change::Changed:
                mark = tr("changed");
                break;
            case ReviewContext::Change::Dropped:
            case ReviewContext::Change::Unchanged:
            case ReviewContext::Change::NoPrevious:
                break;
            }
            changes += mark.isEmpty() ? 0 : 1;
            auto *item = new QStandardItem(QStringLiteral("%1  %2").arg(q.key, firstLine(q.text)));
            item->setData(q.key, KeyRole);
            item->setData(true, IsQuestionRole);
            item->setData(mark.isEmpty() ? QString() : Changed, ChangedRole);
            item->setData(QString(q.text + QLatin1Char('\n') + (answer ? answer->text : QString())), SearchRole);
            item->setToolTip(q.text);
            item->setEditable(false);
            auto *markItem = new QStandardItem(mark);
            markItem->setEditable(false);
            markItem->setData(item->data(ChangedRole), ChangedRole);
            markItem->setData(item->data(SearchRole), SearchRole);
            title->appendRow({item, markItem});
        }
        // Questions of the previous questionnaire this one no longer asks.
        if (context.previous && context.previousQuestionnaire) {
            if (const auto *old = context.previousQuestionnaire->category(category.key)) {
                for (const Questionnaire::Question &q : old->questions) {
                    if (context.questionnaire.question(q.key))
                        continue;
                    auto *item = new QStandardItem(QStringLiteral("%1  %2").arg(q.key, firstLine(q.text)));
                    item->setData(q.key, KeyRole);
                    item->setData(true, IsQuestionRole);
                    item->setData(Changed, ChangedRole);
                    item->setData(q.text, SearchRole);
                    item->setEditable(false);
                    auto *markItem = new QStandardItem(tr("dropped question"));
                    markItem->setEditable(false);
                    markItem->setData(Changed, ChangedRole);
                    markItem->setData(q.text, SearchRole);
                    title->appendRow({item, markItem});
                    ++changes;
                }
            }
        }
        QString progress = tr("%1/%2 ticked").arg(ticked).arg(required);
        if (changes > 0)
            progress += QStringLiteral(" · ") + tr("%1 changed").arg(changes);
        auto *progressItem = new QStandardItem(progress);
        progressItem->setEditable(false);
        progressItem->setData(changes > 0 ? Changed : QString(), ChangedRole);
        title->setData(progressItem->data(ChangedRole), ChangedRole);
        title->setData(category.title, SearchRole);
        m_model->appendRow({title, progressItem});
    }
    m_tree->expandAll();
    if (current.isEmpty() || !selectQuestion(current))
        selectFirstQuestion();
}

QString QuestionNavigator::currentQuestionKey() const
{
    const QModelIndex i = m_tree->currentIndex().siblingAtColumn(0);
    return i.data(IsQuestionRole).toBool() ? i.data(KeyRole).toString() : QString();
}

QString QuestionNavigator::currentCategoryKey() const
{
    QModelIndex i = m_tree->currentIndex().siblingAtColumn(0);
    if (i.data(IsQuestionRole).toBool())
        i = i.parent();
    return i.data(KeyRole).toString();
}

QModelIndex QuestionNavigator::questionIndex(const QString &key) const
{
    for (int c = 0; c < m_found->rowCount(); ++c) {
        const QModelIndex category = m_found->index(c, 0);
        for (int q = 0; q < m_found->rowCount(category); ++q) {
            const QModelIndex question = m_found->index(q, 0, category);
            if (question.data(KeyRole).toString() == key)
                return question;
        }
    }
    return {};
}

bool QuestionNavigator::selectQuestion(const QString &key)
{
    const QModelIndex i = questionIndex(key);
    if (!i.isValid())
        return false;
    m_tree->setCurrentIndex(i);
    m_tree->scrollTo(i);
    return true;
}

QStringList QuestionNavigator::visibleQuestionKeys() const
{
    QStringList keys;
    for (int c = 0; c < m_found->rowCount(); ++c) {
        const QModelIndex category = m_found->index(c, 0);
        for (int q = 0; q < m_found->rowCount(category); ++q)
            keys.append(m_found->index(q, 0, category).data(KeyRole).toString());
    }
    return keys;
}

bool QuestionNavigator::nextQuestion()
{
    return step(1);
}

bool QuestionNavigator::previousQuestion()
{
    return step(-1);
}

bool QuestionNavigator::step(int delta)
{
    const QStringList keys = visibleQuestionKeys();
    if (keys.isEmpty())
        return false;
    const QString current = currentQuestionKey();
    qsizetype at = keys.indexOf(current);
    if (at < 0) {
        // On a category row: its first question forward, the one before back.
        const QString category = currentCategoryKey();
        at = -1;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (questionIndex(keys.at(i)).parent().data(KeyRole).toString() == category) {
                at = delta > 0 ? i - 1 : i;
                break;
            }
        }
    }
    const qsizetype next = at + delta;
    if (next < 0 || next >= keys.size())
        return false;
    return selectQuestion(keys.at(next));
}

void QuestionNavigator::selectFirstQuestion()
{
    const QStringList keys = visibleQuestionKeys();
    if (!keys.isEmpty())
        selectQuestion(keys.first());
    else
        currentChanged({});
}

void QuestionNavigator::currentChanged(const QModelIndex &current)
{
    const QModelIndex i = current.siblingAtColumn(0);
    if (i.data(IsQuestionRole).toBool()) {
        Q_EMIT questionSelected(i.data(KeyRole).toString());
        Q_EMIT categorySelected(i.parent().data(KeyRole).toString());
    } else if (i.isValid()) {
        Q_EMIT categorySelected(i.data(KeyRole).toString());
    } else {
        Q_EMIT questionSelected(QString());
    }
}

} // namespace assay
