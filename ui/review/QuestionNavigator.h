#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace assay {

class ChangedOnlyFilter;
class QuestionFindFilter;
class ReviewTreeModel;
struct ReviewContext;

// The left of the review screen: the questionnaire's categories and their
// questions, each category with its progress, each question marked where the
// answer changed since the previous submission; a "changed only" switch and
// a find field that narrow the tree.
class QuestionNavigator : public QWidget
{
    Q_OBJECT

public:
    explicit QuestionNavigator(QWidget *parent = nullptr);

    // Rebuilds the tree, keeping the current question when it still shows.
    // The context outlives the navigator's use of it (the review view owns it).
    void setContext(const ReviewContext *context);
    // A checklist item was ticked or unticked: the category's progress.
    void setTicked(const QString &itemKey, bool ticked);
    // The reviewer has looked at this question.
    void setRead(const QString &questionKey);
    // Selects the first question whose answer changed; false when none did.
    bool selectFirstChanged();
    ReviewTreeModel *model() const { return m_model; }
    QString currentQuestionKey() const;
    QString currentCategoryKey() const;
    bool selectQuestion(const QString &key);
    // Moves to the next / previous question that shows; false at either end.
    bool nextQuestion();
    bool previousQuestion();
    QStringList visibleQuestionKeys() const;

    QTreeView *tree() const { return m_tree; }
    QCheckBox *changedOnlySwitch() const { return m_changedOnly; }
    QLineEdit *findField() const { return m_find; }

Q_SIGNALS:
    void questionSelected(const QString &questionKey);
    void categorySelected(const QString &categoryKey);

private:
    QString titleOf(const QModelIndex &category) const;
    // The question's text, cut to `max` characters (-1: whole).
    QString questionTextOf(const QString &key, int max = 70) const;
    QModelIndex questionIndex(const QString &key) const;
    bool step(int delta);
    void selectFirstQuestion();
    void currentChanged(const QModelIndex &current);

    const ReviewContext *m_context = nullptr;
    ReviewTreeModel *m_model;
    ChangedOnlyFilter *m_changed;
    QuestionFindFilter *m_found;
    QTreeView *m_tree;
    QCheckBox *m_changedOnly;
    QLineEdit *m_find;
};

} // namespace assay
