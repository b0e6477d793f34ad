#pragma once

#include "domain/Questionnaire.h"
#include "models/AnswerComparison.h"

#include <QAbstractItemModel>
#include <QList>
#include <QSet>
#include <QString>

namespace assay {

// The review screen's left pane: the questionnaire's categories in its
// order, each with its questions. A category shows its progress (questions
// read, required checklist items ticked) and whether any answer in it
// changed since the previous submission; a question its read state and
// changed mark. Questions dropped since the previous questionnaire follow
// their category's current ones, marked as such, and count for no progress.
//
// Plain data in (the questionnaire, the comparison, what was read and
// ticked); the owner tells it of each new read or tick through setRead() /
// setTicked(), which repaint just the rows concerned.
class ReviewTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Kind { Category, Question };
    enum Role {
        KeyRole = Qt::UserRole + 1, // category or question key
        KindRole,                   // Kind, as int
        ChangedRole,                // bool: this answer (any answer in this category) changed
        ChangeRole,                 // question: AnswerComparison::Change, as int
        ReadRole,                   // question: bool; category: every question read
        ReadCountRole,              // category: questions read
        QuestionCountRole,          // category: questions asked now
        TickedCountRole,            // category: required checklist items ticked
        RequiredCountRole,          // category: required checklist items
        ProgressTextRole,           // category: "2/5 read · 1/3 required ticked"
        CategoryKeyRole,            // the category a row is, or belongs to
    };

    explicit ReviewTreeModel(QObject *parent = nullptr);

    // Replaces everything (a model reset): the submission opened or reloaded.
    // `read` holds question keys, `ticked` the checklist item keys ticked.
    void setReview(const Questionnaire &questionnaire, const AnswerComparison &comparison,
                   const QSet<QString> &read, const QSet<QString> &ticked);
    void setRead(const QString &questionKey, bool read);
    void setTicked(const QString &checklistItemKey, bool ticked);

    QModelIndex categoryIndex(const QString &categoryKey) const;
    QModelIndex questionIndex(const QString &questionKey) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct QuestionNode
    {
        QString key;
        QString text;
        AnswerComparison::Change change = AnswerComparison::Change::NoPrevious;
        bool read = false;
    };
    struct CategoryNode
    {
        QString key;
        QString title;
        QList<QuestionNode> questions;
        QStringList requiredItems;
        int asked = 0; // the current questions; dropped ones follow them
        int readCount = 0;
        int tickedCount = 0;
        bool changed = false;
    };

    QVariant categoryData(const CategoryNode &c, int role) const;
    QVariant questionData(const CategoryNode &c, const QuestionNode &q, int role) const;

    QList<CategoryNode> m_categories;
    QSet<QString> m_ticked;
};

} // namespace assay
