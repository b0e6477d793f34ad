#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace assay {

struct ReviewContext;

// The left of the review screen: the questionnaire's categories and their
// questions, each category with its progress, each question marked where the
// answer changed since the previous submission; a "changed only" switch and
// a find field that narrow the tree.
class QuestionNavigator : public QWidget
{
    Q_OBJECT

public:
    enum Role { KeyRole = Qt::UserRole + 1, IsQuestionRole, ChangedRole, SearchRole };

    explicit QuestionNavigator(QWidget *parent = nullptr);

    // Rebuilds the tree, keeping the current question when it still shows.
    void setContext(const ReviewContext &context);
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
    QModelIndex questionIndex(const QString &key) const;
    bool step(int delta);
    void selectFirstQuestion();
    void currentChanged(const QModelIndex &current);

    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_changed;
    QSortFilterProxyModel *m_found;
    QTreeView *m_tree;
    QCheckBox *m_changedOnly;
    QLineEdit *m_find;
};

} // namespace assay
