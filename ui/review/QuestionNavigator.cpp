#include "ui/review/QuestionNavigator.h"

#include "models/ChangedOnlyFilter.h"
#include "models/ReviewTreeModel.h"
#include "ui/review/QuestionFindFilter.h"
#include "ui/review/ReviewContext.h"
#include "ui/review/ReviewItemDelegate.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace assay {

namespace {
using Kind = ReviewTreeModel::Kind;
constexpr int KeyRole = ReviewTreeModel::KeyRole;

bool isQuestion(const QModelIndex &i)
{
    return i.data(ReviewTreeModel::KindRole).toInt() == int(Kind::Question);
}

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
    , m_model(new ReviewTreeModel(this))
    , m_changed(new ChangedOnlyFilter(this))
    , m_found(new QuestionFindFilter(
          [this](const QModelIndex &i) -> QString {
              const QString key = i.data(KeyRole).toString();
              if (!isQuestion(i))
                  return titleOf(i);
              const Answer *answer = m_context ? m_context->answer(key) : nullptr;
              return key + QLatin1Char(' ') + questionTextOf(key, -1) + QLatin1Char(' ') + (answer ? answer->text : QString());
          },
          this))
    , m_tree(new QTreeView)
    , m_changedOnly(new QCheckBox(tr("&Changed only")))
    , m_find(new QLineEdit)
{
    setObjectName(QStringLiteral("QuestionNavigator"));
    m_changed->setSourceModel(m_model);
    m_found->setSourceModel(m_changed);

    m_tree->setModel(m_found);
    m_tree->setAccessibleName(tr("Categories and questions"));
    m_tree->setUniformRowHeights(true);
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    // Rows read as "changed · seg.1 Describe …" and "Data Segregation · 1/5 ticked":
    // the marks first, so eliding a long question never hides them.
    m_tree->setItemDelegate(new ReviewItemDelegate(
        [this](const QModelIndex &i) -> QString {
            if (!isQuestion(i)) {
                const QString title = i.data(ReviewTreeModel::ChangedRole).toBool() ? tr("%1 (changed)").arg(titleOf(i))
                                                                                    : titleOf(i);
                return tr("%1 · %2/%3 read · %4/%5 ticked")
                    .arg(title)
                    .arg(i.data(ReviewTreeModel::ReadCountRole).toInt())
                    .arg(i.data(ReviewTreeModel::QuestionCountRole).toInt())
                    .arg(i.data(ReviewTreeModel::TickedCountRole).toInt())
                    .arg(i.data(ReviewTreeModel::RequiredCountRole).toInt());
            }
            const QString key = i.data(KeyRole).toString();
            QString mark;
            switch (AnswerComparison::Change(i.data(ReviewTreeModel::ChangeRole).toInt())) {
            case AnswerComparison::Change::New:
                mark = tr("new") + QStringLiteral(" · ");
                break;
            case AnswerComparison::Change::Changed:
                mark = tr("changed") + QStringLiteral(" · ");
                break;
            case AnswerComparison::Change::Dropped:
                mark = tr("dropped") + QStringLiteral(" · ");
                break;
            case AnswerComparison::Change::Unchanged:
            case AnswerComparison::Change::NoPrevious:
                break;
            }
            return mark + key + QStringLiteral("  ") + questionTextOf(key);
        },
        [](const QModelIndex &i) { return isQuestion(i) && !i.data(ReviewTreeModel::ReadRole).toBool(); }, this));
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { currentChanged(current); });

    m_changedOnly->setAccessibleName(tr("Show changed questions only"));
    m_changedOnly->setToolTip(tr("Hide the questions whose answer is the same as in the previous submission"));
    connect(m_changedOnly, &QCheckBox::toggled, this, [this](bool on) {
        const QString current = currentQuestionKey();
        m_changed->setChangedOnly(on);
        m_tree->expandAll();
        if (current.isEmpty() || !selectQuestion(current))
            selectFirstQuestion();
    });
    m_find->setPlaceholderText(tr("Find in questions and answers…"));
    m_find->setClearButtonEnabled(true);
    m_find->setAccessibleName(tr("Find in questions and answers"));
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QString current = currentQuestionKey();
        m_found->setText(text);
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

void QuestionNavigator::setContext(const ReviewContext *context)
{
    m_context = context;
    const QString current = currentQuestionKey();
    {
        const QSignalBlocker blocker(m_tree->selectionModel());
        QSet<QString> ticked;
        for (auto it = context->ticks.cbegin(); it != context->ticks.cend(); ++it)
            if (it.value())
                ticked.insert(it.key());
        m_model->setReview(context->questionnaire, context->comparison, context->read, ticked);
        m_tree->expandAll();
    }
    if (current.isEmpty() || !selectQuestion(current))
        selectFirstQuestion();
}

void QuestionNavigator::setRead(const QString &questionKey)
{
    m_model->setRead(questionKey, true);
}

bool QuestionNavigator::selectFirstChanged()
{
    for (const QString &key : visibleQuestionKeys()) {
        if (m_model->questionIndex(key).data(ReviewTreeModel::ChangedRole).toBool())
            return selectQuestion(key);
    }
    return false;
}

void QuestionNavigator::setTicked(const QString &itemKey, bool ticked)
{
    m_model->setTicked(itemKey, ticked);
}

QString QuestionNavigator::titleOf(const QModelIndex &category) const
{
    const Questionnaire::Category *c = m_context ? m_context->questionnaire.category(category.data(KeyRole).toString()) : nullptr;
    return c ? c->title : category.data().toString();
}

QString QuestionNavigator::questionTextOf(const QString &key, int max) const
{
    if (!m_context)
        return {};
    const Questionnaire::Question *q = m_context->questionnaire.question(key);
    if (!q && m_context->previousQuestionnaire)
        q = m_context->previousQuestionnaire->question(key);
    if (!q)
        return {};
    return max < 0 ? q->text : firstLine(q->text, max);
}

QString QuestionNavigator::currentQuestionKey() const
{
    const QModelIndex i = m_tree->currentIndex().siblingAtColumn(0);
    return isQuestion(i) ? i.data(KeyRole).toString() : QString();
}

QString QuestionNavigator::currentCategoryKey() const
{
    QModelIndex i = m_tree->currentIndex().siblingAtColumn(0);
    if (isQuestion(i))
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
    if (isQuestion(i)) {
        Q_EMIT questionSelected(i.data(KeyRole).toString());
        Q_EMIT categorySelected(i.parent().data(KeyRole).toString());
    } else if (i.isValid()) {
        Q_EMIT categorySelected(i.data(KeyRole).toString());
    } else {
        Q_EMIT questionSelected(QString());
    }
}

} // namespace assay
