#include "models/ReviewTreeModel.h"

namespace assay {

namespace {

// A question's index carries its category's row + 1; a category's carries 0.
constexpr quintptr CategoryId = 0;

bool isChange(AnswerComparison::Change c)
{
    return c == AnswerComparison::Change::New || c == AnswerComparison::Change::Changed
        || c == AnswerComparison::Change::Dropped;
}

} // namespace

ReviewTreeModel::ReviewTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void ReviewTreeModel::setReview(const Questionnaire &questionnaire, const AnswerComparison &comparison,
                                const QSet<QString> &read, const QSet<QString> &ticked)
{
    beginResetModel();
    m_categories.clear();
    m_ticked = ticked;
    for (const Questionnaire::Category &category : questionnaire.categories) {
        CategoryNode c;
        c.key = category.key;
        c.title = category.title;
        for (const Questionnaire::Question &q : category.questions) {
            QuestionNode n{q.key, q.text, comparison.change(q.key), read.contains(q.key)};
            c.readCount += n.read;
            c.changed = c.changed || isChange(n.change);
            c.questions.append(n);
        }
        c.asked = int(c.questions.size());
        for (const Questionnaire::ChecklistItem &item : category.checklist) {
            if (!item.required)
                continue;
            c.requiredItems.append(item.key);
            c.tickedCount += ticked.contains(item.key);
        }
        m_categories.append(c);
    }
    for (const AnswerComparison::Question &q : comparison.questions()) {
        if (q.change != AnswerComparison::Change::Dropped)
            continue;
        for (CategoryNode &c : m_categories) {
            if (c.key == q.categoryKey) {
                c.questions.append({q.key, q.questionText.isEmpty() ? q.key : q.questionText, q.change, false});
                c.changed = true;
                break;
            }
        }
    }
    endResetModel();
}

void ReviewTreeModel::setRead(const QString &questionKey, bool read)
{
    for (int ci = 0; ci < m_categories.size(); ++ci) {
        CategoryNode &c = m_categories[ci];
        for (int qi = 0; qi < c.asked; ++qi) {
            QuestionNode &q = c.questions[qi];
            if (q.key != questionKey)
                continue;
            if (q.read == read)
                return;
            q.read = read;
            c.readCount += read ? 1 : -1;
            const QModelIndex qIndex = index(qi, 0, index(ci, 0));
            Q_EMIT dataChanged(qIndex, qIndex, {ReadRole});
            const QModelIndex cIndex = index(ci, 0);
            Q_EMIT dataChanged(cIndex, cIndex, {ReadRole, ReadCountRole, ProgressTextRole, Qt::DisplayRole, Qt::ToolTipRole});
            return;
        }
    }
}

void ReviewTreeModel::setTicked(const QString &checklistItemKey, bool ticked)
{
    if (m_ticked.contains(checklistItemKey) == ticked)
        return;
    if (ticked)
        m_ticked.insert(checklistItemKey);
    else
        m_ticked.remove(checklistItemKey);
    for (int ci = 0; ci < m_categories.size(); ++ci) {
        CategoryNode &c = m_categories[ci];
        if (!c.requiredItems.contains(checklistItemKey))
            continue;
        c.tickedCount += ticked ? 1 : -1;
        const QModelIndex cIndex = index(ci, 0);
        Q_EMIT dataChanged(cIndex, cIndex, {TickedCountRole, ProgressTextRole, Qt::DisplayRole, Qt::ToolTipRole});
        return;
    }
}

QModelIndex ReviewTreeModel::categoryIndex(const QString &categoryKey) const
{
    for (int ci = 0; ci < m_categories.size(); ++ci) {
        if (m_categories.at(ci).key == categoryKey)
            return index(ci, 0);
    }
    return {};
}

QModelIndex ReviewTreeModel::questionIndex(const QString &questionKey) const
{
    for (int ci = 0; ci < m_categories.size(); ++ci) {
        const auto &questions = m_categories.at(ci).questions;
        for (int qi = 0; qi < questions.size(); ++qi) {
            if (questions.at(qi).key == questionKey)
                return createIndex(qi, 0, quintptr(ci) + 1);
        }
    }
    return {};
}

QModelIndex ReviewTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, CategoryId);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex ReviewTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == CategoryId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, CategoryId);
}

int ReviewTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_categories.size());
    if (parent.column() != 0 || parent.internalId() != CategoryId)
        return 0;
    return int(m_categories.at(parent.row()).questions.size());
}

int ReviewTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ReviewTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == CategoryId)
        return categoryData(m_categories.at(index.row()), role);
    const CategoryNode &c = m_categories.at(int(index.internalId() - 1));
    return questionData(c, c.questions.at(index.row()), role);
}

QVariant ReviewTreeModel::categoryData(const CategoryNode &c, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return c.changed ? tr("%1 (changed)").arg(c.title) : c.title;
    case Qt::ToolTipRole:
    case ProgressTextRole:
        return tr("%1/%2 read · %3/%4 required ticked").arg(c.readCount).arg(c.asked).arg(c.tickedCount).arg(c.requiredItems.size());
    case KeyRole:
    case CategoryKeyRole:
        return c.key;
    case KindRole:
        return int(Kind::Category);
    case ChangedRole:
        return c.changed;
    case ReadRole:
        return c.readCount == c.asked;
    case ReadCountRole:
        return c.readCount;
    case QuestionCountRole:
        return c.asked;
    case TickedCountRole:
        return c.tickedCount;
    case RequiredCountRole:
        return int(c.requiredItems.size());
    default:
        return {};
    }
}

QVariant ReviewTreeModel::questionData(const CategoryNode &c, const QuestionNode &q, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (q.change == AnswerComparison::Change::Dropped)
            return tr("%1 (dropped)").arg(q.text);
        if (q.change == AnswerComparison::Change::New)
            return tr("%1 (new)").arg(q.text);
        if (q.change == AnswerComparison::Change::Changed)
            return tr("%1 (changed)").arg(q.text);
        return q.text;
    case Qt::ToolTipRole:
        return q.read ? tr("Read") : tr("Not read yet");
    case KeyRole:
        return q.key;
    case CategoryKeyRole:
        return c.key;
    case KindRole:
        return int(Kind::Question);
    case ChangedRole:
        return isChange(q.change);
    case ChangeRole:
        return int(q.change);
    case ReadRole:
        return q.read;
    default:
        return {};
    }
}

Qt::ItemFlags ReviewTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != CategoryId)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QHash<int, QByteArray> ReviewTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(KindRole, "kind");
    names.insert(ChangedRole, "changed");
    names.insert(ChangeRole, "change");
    names.insert(ReadRole, "read");
    names.insert(ReadCountRole, "readCount");
    names.insert(QuestionCountRole, "questionCount");
    names.insert(TickedCountRole, "tickedCount");
    names.insert(RequiredCountRole, "requiredCount");
    names.insert(ProgressTextRole, "progressText");
    names.insert(CategoryKeyRole, "categoryKey");
    return names;
}

} // namespace assay
